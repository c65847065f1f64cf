"""RSS and Atom feeds (feedparser): one `FeedEntry` per item with its link, its
date (the article's publication date) and any text the feed carries."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit


@dataclass
class FeedEntry:
    link: str | None
    published: date | None
    title: str | None
    content: str | None  # HTML or text carried in the feed itself


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(data: bytes, base_url: str | None = None) -> Feed | None:
    """The feed in `data`, or None when it is not RSS/Atom; relative entry links
    are resolved against `base_url` (where the feed was downloaded from)."""
    import feedparser  # lazy

    # A file object, never a string: feedparser fetches strings that look like URLs.
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        return None
    entries = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
        published = None
        if stamp:
            try:
                published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
            except ValueError:
                published = None
        content = None
        if entry.get("content"):
            content = entry.content[0].get("value")
        content = content or entry.get("summary")
        link = entry.get("link")
        # feedparser falls back to an Atom <id> ("tag:...") when there is no link.
        if link and urlsplit(link).scheme.lower() not in ("", "http", "https"):
            link = None
        entries.append(FeedEntry(link, published, entry.get("title"), content))
    return Feed(parsed.feed.get("title"), entries)


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--") or head.startswith(b"<?"):
            head = head[head.find(b">") + 1 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))
