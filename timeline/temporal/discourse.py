"""How a text refers to its own publication day, for weekdays that name it.

Wire copy names the publication day in one of two styles: by "today" ("the
minister said today"), or by its weekday ("the minister said Tuesday" in a
Tuesday story, the style of most agencies since the 1990s). A writer of the first
style writes "later today" for what is still to come that day, so a future
"Tuesday" in a Tuesday story is the next one; in the second style it is the day
itself. Quoted speech is the speaker's and does not count.
"""

from __future__ import annotations

import re

# Quoted passages: "...", “...”, ``...'' (TimeBank's transcripts), up to a paragraph long.
_QUOTED = re.compile(r'"[^"\n]{0,800}"|\u201c[^\u201d]{0,800}\u201d|``.{0,800}?\'\'', re.S)
_TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)


def unquoted(text: str) -> str:
    """`text` with every quoted passage blanked (same length, same offsets)."""
    return _QUOTED.sub(lambda q: " " * len(q.group()), text)


def says_today(text: str) -> bool:
    """Whether the writer (not a quoted speaker) calls the publication day "today"
    ("today", "tonight", "this morning/afternoon/evening")."""
    return _TODAY.search(unquoted(text)) is not None
