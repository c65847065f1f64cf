"""The fixed tune/check split of every visible data set.

An item (article, document) belongs to the *tune* half or the *check* half by a
hash of its id alone, so the split never changes when data is added or
reordered. Read the errors of the tune half only; of the check half read only
totals. A change that helps the tune half and not the check half is fitting.

    from splits import half          # "tune" or "check"
"""

from __future__ import annotations

import hashlib

HALVES = ("tune", "check")
_SALT = "timeline-split-v1:"


def half(item_id: str) -> str:
    """'tune' or 'check' for an article or document id (any string)."""
    digest = hashlib.sha256((_SALT + str(item_id)).encode("utf-8")).digest()
    return HALVES[digest[0] % 2]


def split(ids):
    """{'tune': [...], 'check': [...]} of the given ids, in their order."""
    out: dict[str, list] = {h: [] for h in HALVES}
    for i in ids:
        out[half(i)].append(i)
    return out
