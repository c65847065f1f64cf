"""Time expressions: find, normalise (TimeML TIMEX3) and anchor the dates of news text.

Pure functions, no database and no spaCy: `find_time_expressions` for a text and
its publication date, `resolve_relative` for phrases anchored on another event.

The names are loaded on first use: `timeline query` reads date values
(`value_range`) without paying for the finder's compiled rules.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "TimeExpression": "expression",
    "value_range": "expression",
    "find_time_expressions": "finder",
    "granularity_of": "relative",
    "resolve_chain": "relative",
    "resolve_relative": "relative",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value
