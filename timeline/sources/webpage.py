"""Saved or fetched HTML news pages: main text and title by trafilatura (balanced
settings, its furniture lines dropped by class/id names, a line model and rules),
original publication date by htmldate, publisher from og:site_name."""

from __future__ import annotations

import re
from datetime import date

from .boilerplate import strip_boilerplate
from .document import Document, SourceFailure, normalise_text
from .linemodel import block_lines, furniture_by_model
from .options import SourceOptions
from .pubdate import PublicationDate, parse_date_value, resolve_publication_date

# htmldate settings: the original publication date, not the last-modified one, and
# no "extensive" search of the body text, where dates of the events themselves
# live (that search is only the last resort, `_date_in_page_text`).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# trafilatura's settings, tried in turn until one finds the article's text.
# Balanced first: it keeps more of the article than favouring precision, and the
# furniture it also keeps is what the line model (linemodel.py) and the rules drop.
_FAVOUR: tuple[dict, ...] = ({}, {"favor_recall": True})
# libxml2 (under lxml, under trafilatura) stops at a text node over 10 MB ("huge
# text node") and the page loses everything after it: the article. An inline
# script or style that large (a bundled app, a data blob) is never news, so its
# content is dropped first. The pattern ends raw text where the HTML tokenizer
# does (the first "</script" / "</style"), so it cannot cut into markup.
_GIANT_RAW_TEXT = 1 << 20
_RAW_TEXT = re.compile(r"(<(script|style)\b[^>]*>)(.*?)(</\2[\s/>])", re.IGNORECASE | re.DOTALL)
# Page furniture that trafilatura's own lists miss (they match a few names, most
# in lower case only, so "AuthorBox", "nextstory" or "TrendingNow" pass): author
# boxes, the next, trending or recommended stories, breadcrumb trails, newsletter
# and sponsored boxes, "see also" and "learn more" boxes (French "en savoir
# plus"). Matched on class or id, in any case.
_FURNITURE = (
    r"author[-_]?(?:box|bio|info|card|profile|details)|about[-_]the[-_]author"
    r"|next[-_]?(?:post|story|article)|read[-_]?next|(?:more|other|recommended)[-_]?(?:stories|articles|posts)"
    r"|bread[-_]?crumb|see[-_]also|learn[-_]more|savoir[-_]plus|further[-_]reading"
    r"|newsletter|most[-_]?(?:popular|read|viewed)|trending|sponsored"
)
_FURNITURE_XPATH = (
    ".//*[self::div or self::section or self::aside or self::nav or self::ul or self::ol or self::p]"
    f"[re:test(@class, '{_FURNITURE}', 'i') or re:test(@id, '{_FURNITURE}', 'i')][not(.//h1)]"
)
# A wrapper named for what it also holds ("post has-author-box") is not furniture:
# an element with this share of the page's text or more is left alone.
_FURNITURE_MAX_SHARE = 0.5
# The blocks trafilatura writes as lines of their own.
_BLOCKS = (
    ".//*[self::p or self::li or self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
    " or self::blockquote or self::dd or self::dt or self::figcaption]"
)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*["']?""", re.IGNORECASE)


def read_html(html: str, origin: str, options: SourceOptions, url: str | None = None) -> Document | SourceFailure:
    """One article from an HTML page (complete or truncated)."""
    if not html.strip():
        return SourceFailure(origin, "empty file")
    if len(html) > _GIANT_RAW_TEXT:
        html = without_giant_scripts(html)
    given_url = options.url or url
    try:
        result, text = _main_text(html, given_url)
    except ImportError:
        raise  # a missing package, named once by the caller (dependencies.py)
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        return SourceFailure(origin, f"unreadable HTML: {type(exc).__name__}")
    if not text:
        return SourceFailure(origin, "no article text found in the HTML")
    title = _clean(getattr(result, "title", None))
    page_url = given_url or _clean(getattr(result, "url", None))
    html_date = _date_in_page_metadata(html, page_url) or _html_date(getattr(result, "date", None))
    author = _clean(getattr(result, "author", None))
    when = resolve_publication_date(options.published, None, html_date, text, url=page_url)
    if when.published is None:
        when = _date_in_page_text(html, page_url) or when
    # The page's furniture that trafilatura kept (related headlines, credits,
    # byline dates) is no part of the article this reader makes.
    text = strip_boilerplate(text)
    if not text:
        return SourceFailure(origin, "no article text found in the HTML")
    return Document(
        text=text,
        title=options.title or title,
        url=page_url,
        published=when.published,
        publisher=options.publisher or _clean(getattr(result, "sitename", None)),
        language=_clean(getattr(result, "language", None)) or _page_language(html) or "en",
        origin=origin,
        published_source=when.source,
        extra={"author": author} if author else {},
    )


def _main_text(html: str, url: str | None):
    """trafilatura's result and the article text, with its balanced settings;
    when that finds no text, its recall-favouring ones (a page whose text is
    hard to find is still an article with a date)."""
    import trafilatura  # lazy: lxml and friends cost ~0.5 s to import
    from trafilatura.utils import load_html

    tree = load_html(html)
    # trafilatura decides on the page as it is (taking furniture out first changes
    # which of its extractors wins); the furniture's lines are dropped from its answer.
    furniture, headlines = (_furniture_lines(tree), _headlines(tree)) if tree is not None else ([], [])
    result, text = None, ""
    for favour in _FAVOUR:
        result = trafilatura.bare_extraction(
            tree if tree is not None else html,  # trafilatura works on a copy: the tree serves every try
            url=url,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=dict(_DATE_PARAMS),
            **favour,
        )
        text = normalise_text(getattr(result, "text", None) or "") if result is not None else ""
        if tree is not None and text:
            text = _without_model_furniture(tree, text, _clean(getattr(result, "title", None)))
        text = _without_furniture(text, furniture)
        text = _without_heading(text, [_clean(getattr(result, "title", None)), *headlines])
        if text:
            break
    return result, text


def _furniture_lines(tree) -> list[set[str]]:
    """For each piece of page furniture `_FURNITURE` names, the lines of text in
    it, whitespace folded: each block (paragraph, list item, heading, quote) cut
    at its <br>s, as trafilatura writes them."""
    pieces: list[set[str]] = []
    body = tree.find(".//body")
    total = len((body if body is not None else tree).text_content())
    for element in tree.xpath(_FURNITURE_XPATH, namespaces={"re": "http://exslt.org/regular-expressions"}):
        if len(element.text_content()) >= _FURNITURE_MAX_SHARE * total:
            continue
        lines = {line for block in element.xpath(_BLOCKS) or [element] for line in block_lines(block)}
        lines.discard("")
        if lines:
            pieces.append(lines)
    return pieces


def _without_model_furniture(tree, text: str, title: str | None) -> str:
    """`text` without the lines the line model calls furniture (timeline.sources.linemodel),
    unless they are most of the text: then the page misled the model (an article
    inside a wrapper named like furniture, "post has-author-box") and it is kept."""
    lines = text.split("\n")
    drops = furniture_by_model(tree, lines, title)
    if sum(len(line) for line, drop in zip(lines, drops) if drop) > _FURNITURE_MAX_SHARE * len(text):
        return text
    return "\n".join(line for line, drop in zip(lines, drops) if not drop)


def _headlines(tree) -> list[str]:
    """The text of each <h1> of the page, whitespace folded (the first is often the site's name)."""
    return [text for h1 in tree.iter("h1") if (text := " ".join(h1.text_content().split()))]


def _without_furniture(text: str, furniture: list[set[str]]) -> str:
    """`text` without the lines of each piece of furniture, unless a piece holds
    most of the text (then its name misled: it is the article's container)."""
    lines = text.split("\n")
    folded = [" ".join(line.split()) for line in lines]
    size = sum(map(len, folded)) or 1
    drop: set[int] = set()
    for piece in furniture:
        found = {i for i, line in enumerate(folded) if line in piece}
        if sum(len(folded[i]) for i in found) <= _FURNITURE_MAX_SHARE * size:
            drop |= found
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _date_in_page_metadata(html: str, url: str | None) -> date | None:
    """htmldate's reading of the page's own markup (meta tags, JSON-LD, time
    elements, the URL). Asked directly rather than through trafilatura, which
    reads a cleaned tree and so prefers a UTC meta tag to the JSON-LD's local
    day ("23:59 UTC" of the 24th for an article of the 25th)."""
    from htmldate import find_date  # a dependency of trafilatura

    try:
        return _html_date(find_date(html, url=url, original_date=True, extensive_search=False))
    except Exception:  # htmldate raises on some hostile markup
        return None


def _date_in_page_text(html: str, url: str | None) -> PublicationDate | None:
    """The last resort when neither the page's metadata nor a dateline dates
    it: htmldate's extensive search of the page text. Its answer "January 1"
    is a copyright year, not a day, and is not taken."""
    from htmldate import find_date  # a dependency of trafilatura

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate raises on some hostile markup
        return None
    day = _html_date(found)
    if day is None or (day.month, day.day) == (1, 1):
        return None
    return PublicationDate(day, "html-text")


def without_giant_scripts(html: str) -> str:
    """`html` with the content of every inline script or style over 1 MB removed."""

    def shrink(match: re.Match) -> str:
        if len(match.group(3)) <= _GIANT_RAW_TEXT:
            return match.group(0)
        return match.group(1) + match.group(4)

    return _RAW_TEXT.sub(shrink, html)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (a feed entry's content), paragraphs kept."""
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # an empty or non-HTML fragment
        return normalise_text(fragment)
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    return normalise_text(root.text_content())


def _page_language(html: str) -> str | None:
    """The primary language subtag of <html lang="en-GB"> (BCP 47), lower-cased."""
    match = _HTML_LANG.search(html[:4096])
    return match.group(1).lower() if match else None


def _without_heading(text: str, headings: list[str | None]) -> str:
    """Drop the first line when it repeats the title or an <h1> of the page
    (trafilatura keeps the headline when the metadata's title is another), so
    the text starts where the article (and its dateline) starts."""
    first, _, rest = text.partition("\n")
    folded = {" ".join(h.split()).casefold() for h in headings if h}
    if " ".join(first.split()).casefold() in folded and rest.strip():
        return rest.lstrip()
    return text


def _html_date(value: str | None) -> date | None:
    return parse_date_value(value).full if value else None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
