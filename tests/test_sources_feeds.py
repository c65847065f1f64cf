"""RSS and Atom feeds: entries parsed offline, then each entry's link fetched from
the local fixture server with the entry date as the publication date."""

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
    assert [path for path, _ in fixture_server.requests] == [
        "/feeds/world.rss",
        "/html/meta_tags.html",
        "/html/dateline_only.html",
        "/missing/page.html",
    ]


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
