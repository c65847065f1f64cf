"""Time expressions: find, normalise (TimeML TIMEX3) and anchor the dates of news text.

Pure functions, no database and no spaCy: `find_time_expressions` for a text and
its publication date, `resolve_relative` for phrases anchored on another event.
"""
from timeline.temporal.expression import TimeExpression, value_range
from timeline.temporal.finder import find_time_expressions
from timeline.temporal.relative import granularity_of, resolve_chain, resolve_relative

__all__ = ["TimeExpression", "find_time_expressions", "granularity_of", "resolve_chain", "resolve_relative",
           "value_range"]
