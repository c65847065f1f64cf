"""timeline: a diplomatic-event timeline database built from news articles."""

__version__ = "0.1.0"
