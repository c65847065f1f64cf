"""Plain text and Markdown articles, with optional YAML front matter (title, url,
published, publisher) as the seed article has."""

from __future__ import annotations

from .document import Document, SourceFailure, normalise_text
from .options import SourceOptions
from .pubdate import parse_date_value, resolve_publication_date

_DATE_KEYS = ("published", "date", "published_at", "pubdate", "datePublished")


def read_text(text: str, origin: str, options: SourceOptions) -> Document | SourceFailure:
    """One article from a text with or without front matter."""
    if not text.strip():
        return SourceFailure(origin, "empty file")
    meta: dict = {}
    body = text
    if text.lstrip("\ufeff").startswith("---"):
        import frontmatter  # lazy: pulls in YAML only for files that have front matter

        try:
            post = frontmatter.loads(text.lstrip("\ufeff"))
        except Exception as exc:  # YAML errors, or front matter that is not a mapping
            return SourceFailure(origin, f"malformed front matter: {_first_line(exc)}")
        meta = post.metadata if isinstance(post.metadata, dict) else {}
        body = post.content
    body = normalise_text(body)
    if not body:
        return SourceFailure(origin, "no text after the front matter")
    date_field = options.date_field
    raw_date = meta.get(date_field) if date_field else next((meta[k] for k in _DATE_KEYS if k in meta), None)
    url = options.url or _text(meta.get("url") or meta.get("link"))
    when = resolve_publication_date(options.published, parse_date_value(raw_date), None, body, url=url)
    known = {"title", "url", "link", "publisher", "source", "language", "lang", *_DATE_KEYS}
    return Document(
        text=body,
        title=options.title or _text(meta.get("title")),
        url=url,
        published=when.published,
        publisher=options.publisher or _text(meta.get("publisher") or meta.get("source")),
        language=_text(meta.get("language") or meta.get("lang")) or "en",
        origin=origin,
        published_source=when.source,
        extra={k: v for k, v in meta.items() if k not in known},
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
