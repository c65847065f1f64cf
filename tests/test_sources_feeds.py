"""RSS, Atom and JSON feeds: entries parsed offline, then each entry's link
fetched (concurrently) from the local fixture server with the entry date as the
publication date, or the feed's own text when it is whole or the link fails."""

import json
import time
from datetime import date
from pathlib import Path

import pytest
from test_sources_fetch import fixture_server  # noqa: F401  (pytest fixture)

from timeline.sources import Document, SourceFailure, SourceOptions, read_sources
from timeline.sources.feeds import looks_like_feed, parse_feed

DATA = Path(__file__).resolve().parent / "data"


def test_parse_rss():
    feed = parse_feed((DATA / "feeds" / "world.rss").read_bytes())
    assert feed.title == "The Continental Ledger – World"
    assert [(e.link, e.published, e.title) for e in feed.entries] == [
        ("__BASE__/html/meta_tags.html", date(2024, 3, 12), "Foreign ministers agree to resume border talks"),
        ("__BASE__/html/dateline_only.html", date(2023, 9, 15), "Kremlin says leaders will meet soon"),
        ("__BASE__/missing/page.html", date(2024, 3, 13), "This page has gone"),
    ]


def test_parse_atom():
    feed = parse_feed((DATA / "feeds" / "diplomacy.atom").read_bytes())
    assert feed.title == "Harbour Times: Diplomacy"
    assert [(e.link, e.published) for e in feed.entries] == [
        ("__BASE__/html/json_ld.html", date(2023, 11, 7)),
        (None, date(2023, 11, 10)),
    ]
    assert feed.entries[1].content.startswith("<p>GENEVA, Nov 10 - Envoys")


@pytest.mark.parametrize(
    "data,is_feed",
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', True),
        (b'\xef\xbb\xbf<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"/>', True),
        (b"<rdf:RDF xmlns:rdf='x'></rdf:RDF>", True),
        (b'<?xml version="1.0"?><urlset/>', False),
        (b"<!DOCTYPE html><html></html>", False),
        (b"MOSCOW, Sept 15 (Reuters) -", False),
        # a comment before the root, with or without an XML declaration
        (b"<!-- built by hand -->\n<rss version='2.0'><channel/></rss>", True),
        (b"<?xml version='1.0'?>\n<!-- " + b"x" * 3000 + b" -->\n<rss version='2.0'/>", True),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!-- c --><feed/>', True),
        # RSS 0.91 declares its DTD; a DOCTYPE may carry an internal subset
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
            b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>',
            True,
        ),
        (b'<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>\n<rss version="2.0"/>', True),
        (b"<!DOCTYPE html>\n<!-- rss -->\n<html><body><rss></rss></body></html>", False),
        (b"<!-- never closed <rss>", False),
        # JSON Feed 1 and 1.1
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', True),
        (b'{\n  "version" : "https://jsonfeed.org/version/1.1",\n  "items": []}', True),
        (b'{"version": "2.0", "items": []}', False),
        (b'{"text": "Ministers met.", "version": 1}', False),
    ],
)
def test_looks_like_feed(data, is_feed):
    assert looks_like_feed(data) is is_feed


def test_not_a_feed():
    assert parse_feed(b"<html><body><p>Hello</p></body></html>") is None


def test_rss_feed_url_fetches_each_entry(fixture_server):
    base = fixture_server.base
    results = list(read_sources([f"{base}/feeds/world.rss"], SourceOptions()))
    assert [(r.origin, r.reason) for r in results if isinstance(r, SourceFailure)] == [
        (f"{base}/missing/page.html", "HTTP 404")
    ]
    docs = [r for r in results if isinstance(r, Document)]
    assert [(d.url, d.title, d.published, d.published_source, d.publisher) for d in docs] == [
        (
            f"{base}/html/meta_tags.html",
            "Foreign ministers agree to resume border talks",
            date(2024, 3, 12),
            "metadata",
            "The Continental Ledger",
        ),
        # The entry date dates a page whose own dateline has no year.
        (
            f"{base}/html/dateline_only.html",
            "Kremlin says leaders will meet soon",
            date(2023, 9, 15),
            "metadata",
            "Wire Digest",
        ),
    ]
    paths = [path for path, _ in fixture_server.requests]
    assert paths[0] == "/feeds/world.rss"  # then the entry links, concurrently
    assert sorted(paths[1:]) == ["/html/dateline_only.html", "/html/meta_tags.html", "/missing/page.html"]


def test_local_atom_file_with_a_link_and_an_inline_entry(fixture_server, tmp_path):
    feed = tmp_path / "diplomacy.atom"
    feed.write_bytes(
        (DATA / "feeds" / "diplomacy.atom").read_bytes().replace(b"__BASE__", fixture_server.base.encode())
    )
    docs = list(read_sources([str(feed)], SourceOptions()))
    assert [(d.origin, d.title, d.published, d.publisher) for d in docs] == [
        (
            f"{fixture_server.base}/html/json_ld.html",
            "Ministers sign fisheries accord after overnight talks",
            date(2023, 11, 7),
            "Harbour Times",
        ),
        (f"{feed}#2", "Envoys to hold second round of talks in Geneva", date(2023, 11, 10), "Harbour Times: Diplomacy"),
    ]
    assert docs[1].text == (
        "GENEVA, Nov 10 - Envoys from the two governments will hold a second round of talks in Geneva next week, "
        "the Swiss foreign ministry said on Friday.\nThe first round ended on Thursday without an agreement."
    )


def test_published_option_beats_entry_dates(fixture_server):
    docs = [
        r
        for r in read_sources([f"{fixture_server.base}/feeds/world.rss"], SourceOptions(published=date(2024, 1, 1)))
        if isinstance(r, Document)
    ]
    assert {(d.published, d.published_source) for d in docs} == {(date(2024, 1, 1), "option")}


def test_empty_feed(tmp_path):
    feed = tmp_path / "empty.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    assert list(read_sources([str(feed)], SourceOptions())) == [SourceFailure(str(feed), "feed has no entries")]


def test_feed_entry_linking_to_a_feed_is_not_followed(fixture_server, tmp_path):
    feed = tmp_path / "meta.rss"
    link = f"{fixture_server.base}/feeds/world.rss"
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feeds</title><item><title>World</title><link>{link}</link></item></channel></rss>'
    )
    assert list(read_sources([str(feed)], SourceOptions())) == [SourceFailure(link, "feed entry links to another feed")]


@pytest.mark.parametrize("name", ["commented.rss", "netscape.rss"])
def test_valid_rss_with_a_comment_or_a_doctype_is_read(tmp_path, name):
    feed = tmp_path / name
    feed.write_bytes((DATA / "feeds" / name).read_bytes())
    # The links point at hosts that do not exist here: the feed's own text stands in.
    [doc] = list(read_sources([str(feed)], SourceOptions(timeout=2)))
    assert isinstance(doc, Document), doc
    assert doc.publisher in ("Lakeside Courier", "Old Port Gazette") and doc.title and " met " in doc.text + " met "


def _long_article(town: str) -> str:
    """An invented article of about a hundred words, as a feed's full content."""
    paragraphs = [
        f"{town.upper()}, Oct 2 - Foreign ministers of Norway and Iceland met in {town} on Wednesday "
        "to discuss fishing quotas in the North Atlantic, their ministries said.",
        "The talks lasted four hours and ended with a joint statement on cooperation at sea. "
        "Officials said a second round would be held in the spring, with coast guard chiefs taking part.",
        "Both governments have argued over mackerel stocks for a decade, and fishermen on both sides "
        "have asked for a settlement before the next season opens in the summer.",
    ]
    return "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in paragraphs)


def _atom(entries: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed of (title, link, content) entries."""
    body = "".join(
        f"<entry><title>{title}</title><id>tag:x,2024:{n}</id><link href='{link}'/>"
        f"<published>2024-10-02T08:00:00Z</published>"
        f"<content type='html'>{content}</content></entry>"
        for n, (title, link, content) in enumerate(entries)
    )
    return f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>North Sea Wire</title>{body}</feed>".encode()


def test_entries_whose_links_fail_are_read_from_the_text_the_feed_carries(fixture_server, tmp_path):
    base = fixture_server.base
    feed = tmp_path / "wire.atom"
    short = "Ministers of Norway and Iceland met in Bergen on Wednesday."  # a summary-length text
    feed.write_bytes(
        _atom(
            [
                ("Ministers meet in Bergen", f"{base}/missing/bergen.html", short),
                ("Ministers meet in Tromso", f"{base}/missing/tromso.html", ""),
            ]
        )
    )
    results = list(read_sources([str(feed)], SourceOptions()))
    assert [(r.origin, r.reason if isinstance(r, SourceFailure) else r.text) for r in results] == [
        (f"{feed}#1", short),
        (f"{base}/missing/tromso.html", "HTTP 404"),
    ]
    assert (results[0].url, results[0].published, results[0].publisher) == (
        f"{base}/missing/bergen.html",
        date(2024, 10, 2),
        "North Sea Wire",
    )


def test_entries_carrying_their_whole_article_need_no_download(fixture_server, tmp_path):
    base = fixture_server.base
    feed = tmp_path / "wire.atom"
    teaser = _long_article("Reykjavik").replace("next season opens in the summer.", "next season opens … Read more")
    feed.write_bytes(
        _atom(
            [
                ("Ministers meet in Bergen", f"{base}/html/meta_tags.html", _long_article("Bergen")),
                ("Ministers meet in Reykjavik", f"{base}/html/json_ld.html", teaser),
            ]
        )
    )
    docs = list(read_sources([str(feed)], SourceOptions()))
    assert [(d.origin, d.url) for d in docs] == [
        (f"{feed}#1", f"{base}/html/meta_tags.html"),  # whole: read from the feed
        (f"{base}/html/json_ld.html", f"{base}/html/json_ld.html"),  # a teaser: the page is read
    ]
    assert docs[0].text.startswith("BERGEN, Oct 2 - Foreign ministers")
    assert [path for path, _ in fixture_server.requests] == ["/html/json_ld.html"]


def test_entry_links_are_fetched_concurrently_a_few_per_host(fixture_server, tmp_path):
    base = fixture_server.base
    feed = tmp_path / "hanging.atom"
    feed.write_bytes(_atom([(f"Story {n}", f"{base}/hang/{n}", "") for n in range(8)]))
    start = time.monotonic()
    results = list(read_sources([str(feed)], SourceOptions(timeout=1)))
    elapsed = time.monotonic() - start
    assert [(r.origin, r.reason) for r in results] == [(f"{base}/hang/{n}", "timed out after 1 s") for n in range(8)]
    # One at a time: 8 timeouts, 8 s. Four at a time from this host: about 2 s.
    assert elapsed < 5, elapsed
    # Requests begun within less than one timeout of each other ran at the same time.
    starts = sorted(fixture_server.hang_starts)
    together = max(sum(1 for t in starts if first <= t < first + 0.9) for first in starts)
    assert together == 4


def test_json_feed_over_http(fixture_server):
    base = fixture_server.base
    results = list(read_sources([f"{base}/feeds/briefing.json"], SourceOptions()))
    assert [(r.origin, r.title, r.published, r.publisher) for r in results] == [
        (
            f"{base}/html/meta_tags.html",
            "Foreign ministers agree to resume border talks",
            date(2024, 3, 12),
            "The Continental Ledger",
        ),
        (f"{base}/feeds/briefing.json#2", "Envoys meet in Nairobi", date(2024, 6, 4), "Morning Briefing"),
    ]
    assert results[1].text.startswith("NAIROBI, June 4 - Envoys of Kenya and Ethiopia met")


@pytest.mark.parametrize("version", ["https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"])
@pytest.mark.parametrize("layout", ["pretty", "one line"])
def test_json_feed_file(tmp_path, version, layout):
    value = {
        "version": version,
        "title": "Desert Dispatch",
        "items": [
            {
                "id": "a",
                "title": "Envoys meet in Amman",
                "content_html": "<p>AMMAN, May 8 - Envoys of Jordan and Iraq met in Amman on Wednesday.</p>",
                "date_published": "2024-05-08T10:00:00+03:00",
            }
        ],
    }
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(value, indent=2 if layout == "pretty" else None), encoding="utf-8")
    [doc] = list(read_sources([str(feed)], SourceOptions()))
    assert (doc.origin, doc.title, doc.published, doc.publisher, doc.text) == (
        f"{feed}#1",
        "Envoys meet in Amman",
        date(2024, 5, 8),
        "Desert Dispatch",
        "AMMAN, May 8 - Envoys of Jordan and Iraq met in Amman on Wednesday.",
    )


def test_a_json_feed_item_with_a_lone_surrogate_costs_only_that_item(tmp_path):
    items = [
        {"id": "1", "title": "Envoys meet in Doha", "content_text": "Envoys met in Doha \ud83d on Monday."},
        {"id": "2", "title": "Envoys meet in Muscat", "content_text": "Envoys met in Muscat on Monday."},
    ]
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items}), encoding="utf-8")
    results = list(read_sources([str(feed)], SourceOptions()))
    assert [(r.origin, getattr(r, "reason", "ok")) for r in results] == [
        (f"{feed}#1", "lone surrogate \\ud83d in field content_text (not valid Unicode)"),
        (f"{feed}#2", "ok"),
    ]
