"""RSS, Atom (feedparser) and JSON Feed: one `FeedEntry` per item with its link,
its date (the article's publication date) and any text the feed carries."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from .pubdate import parse_date_value
from .records import lone_surrogate

# How far into a file its root element may start (after prologue, comments, DOCTYPE).
_PROLOGUE_WINDOW = 64 * 1024
_JSON_FEED_VERSION = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/1(\.\d+)?/?"')
# A feed's text that ends like this is a teaser of the page, not the article.
_TRUNCATED = re.compile(
    r"(\.\.\.|…|\[…\]|\[\.\.\.\]|\b(read|continue reading|read the full|full story|more)\b[^.!?]{0,40})\W*$",
    re.IGNORECASE,
)
# Fewer words than this in a feed's own text: a summary, so the linked page is read.
FULL_TEXT_WORDS = 80


@dataclass
class FeedEntry:
    link: str | None
    published: date | None
    title: str | None
    content: str | None  # HTML or text carried in the feed itself
    # Whether `content` is the item's full content (Atom <content>, RSS
    # content:encoded, JSON Feed content_html/content_text), not a summary.
    full_content: bool = False
    # Why the entry cannot be read at all (a JSON Feed item with a lone surrogate).
    problem: str | None = None


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(data: bytes, base_url: str | None = None) -> Feed | None:
    """The feed in `data`, or None when it is not RSS/Atom/JSON Feed; relative
    entry links are resolved against `base_url` (where the feed was downloaded from)."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return parse_json_feed(data, base_url)
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
        full = bool(content)
        content = content or entry.get("summary")
        link = entry.get("link")
        # feedparser falls back to an Atom <id> ("tag:...") when there is no link.
        if link and urlsplit(link).scheme.lower() not in ("", "http", "https"):
            link = None
        entries.append(FeedEntry(link, published, entry.get("title"), content, full))
    return Feed(parsed.feed.get("title"), entries)


def carries_full_text(entry: FeedEntry, text: str) -> bool:
    """Whether the feed's own text (`text`, the entry's content as plain text)
    is the whole article, so its link need not be fetched: a full-content
    element, long enough, and not ending in "…" or "Read more"."""
    return entry.full_content and len(text.split()) >= FULL_TEXT_WORDS and not _TRUNCATED.search(text[-80:])


def looks_like_feed(data: bytes) -> bool:
    """Whether `data` opens as RSS, RSS 1.0 (RDF), Atom or JSON Feed: XML whose
    root element, after the XML declaration, comments, processing instructions
    and a DOCTYPE (RSS 0.91 has one), is a feed's; or JSON naming a JSON Feed version."""
    head = data[:_PROLOGUE_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return _JSON_FEED_VERSION.search(head[:8192]) is not None
    head = head.lower()
    while True:
        if head.startswith(b"<?"):
            end = head.find(b"?>")
            skip = end + 2 if end >= 0 else -1
        elif head.startswith(b"<!--"):
            end = head.find(b"-->")
            skip = end + 3 if end >= 0 else -1
        elif head.startswith(b"<!doctype"):
            skip = _doctype_end(head)
        else:
            break
        if skip < 0:
            return False
        head = head[skip:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<atom:feed"))


def _doctype_end(head: bytes) -> int:
    """Where a DOCTYPE ends: after its internal subset ("[...]>") if it has one."""
    bracket, close = head.find(b"["), head.find(b">")
    if 0 <= bracket < close:
        end = head.find(b"]", bracket)
        close = head.find(b">", end) if end >= 0 else -1
    return close + 1 if close >= 0 else -1


def parse_json_feed(data: bytes, base_url: str | None = None) -> Feed | None:
    """A JSON Feed (version 1 or 1.1), or None when `data` is not one.

    By hand with the json module: feedparser 6.0 reads no JSON Feed, and the
    format is plain JSON whose few fields we use map one to one."""
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(value, dict) or not str(value.get("version", "")).startswith(
        ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
    ):
        return None
    items = value.get("items")
    if not isinstance(items, list):
        return None
    base = _text(value.get("feed_url")) or base_url or _text(value.get("home_page_url"))
    entries = [_json_feed_entry(item, base) for item in items if isinstance(item, dict)]
    return Feed(_text(value.get("title")), entries)


def _json_feed_entry(item: dict, base: str | None) -> FeedEntry:
    link = _text(item.get("url")) or _text(item.get("external_url"))
    if link and base:
        link = urljoin(base, link)
    if link and urlsplit(link).scheme.lower() not in ("http", "https"):
        link = None
    stamp = item.get("date_published") or item.get("date_modified")
    content = _text(item.get("content_html")) or _text(item.get("content_text"))
    full = content is not None
    content = content or _text(item.get("summary"))
    problem = lone_surrogate(item)
    return FeedEntry(link, parse_date_value(stamp).full, _text(item.get("title")), content, full, problem)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
