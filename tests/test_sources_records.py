"""JSON Lines and JSON records: field names, remapping, bad lines, streaming."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources import Document, SourceFailure, SourceOptions
from timeline.sources.records import iter_json_document, iter_json_lines, record_to_document

DATA = Path(__file__).resolve().parent / "data"


def _lines(path: Path, options: SourceOptions | None = None):
    with path.open("rb") as stream:
        return list(iter_json_lines(stream, str(path), options or SourceOptions()))


def test_field_name_variants():
    path = DATA / "records" / "articles.jsonl"
    docs = _lines(path)
    assert [(d.origin, d.title, d.url, d.published, d.published_source, d.publisher, d.extra) for d in docs] == [
        (
            f"{path}:1",
            "Putin and Kim meet at Russian spaceport",
            "https://wire.example.net/2023/09/13/putin-kim-summit",
            date(2023, 9, 13),
            "metadata",
            "Example Wire",
            {"id": "wire-001"},
        ),
        (f"{path}:2", "Lukashenko arrives in Sochi", None, date(2023, 9, 15), "metadata", None, {"id": "wire-002"}),
        # No date field: the dateline has no year and nothing else gives one → undated.
        (f"{path}:3", "EU parliament condemns Minsk", None, None, None, "Reuters", {"id": "wire-003"}),
        # A year-only date field supplies the dateline's year.
        (f"{path}:4", "Ministers meet in Almaty", None, date(2024, 3, 12), "dateline", None, {"id": "wire-004"}),
    ]
    assert (
        docs[0].text.split("\n")[1]
        == "The two leaders toured the launch facilities before holding talks that lasted several hours."
    )
    assert docs[2].text.startswith("BRUSSELS, Sept 14 (Reuters) - The European Parliament")


def test_remapped_fields():
    options = SourceOptions(
        text_field="story", date_field="when", title_field="headline", url_field="link", id_field="article_id"
    )
    docs = _lines(DATA / "records" / "remapped.jsonl", options)
    assert [(d.title, d.url, d.published, d.extra) for d in docs] == [
        ("Talks resume in Geneva", "https://news.example.com/geneva-talks", date(2023, 11, 13), {"id": 9001}),
        ("Summit postponed", None, date(2023, 11, 14), {"id": 9002}),
    ]


def test_remapped_text_field_is_the_only_one_looked_for():
    failures = _lines(DATA / "records" / "articles.jsonl", SourceOptions(text_field="story"))
    assert failures[0].reason == "record 1 has no text field (looked for story)"


def test_bad_lines_are_reported_and_good_ones_kept():
    path = DATA / "bad" / "mixed.jsonl"
    results = _lines(path)
    assert [(r.origin, r.reason if isinstance(r, SourceFailure) else r.text) for r in results] == [
        (f"{path}:1", "Negotiators opened talks in Doha on Monday."),
        (f"{path}:2", "line 2: malformed JSON: Unterminated string starting at (column 39)"),
        (f"{path}:3", "record 3 has no text field (looked for text, body, content)"),
        (f"{path}:5", "The talks continued in Doha on Tuesday."),
        (f"{path}:6", "line 6: not a JSON object"),
        (f"{path}:7", "record 7 has empty text (field text)"),
        (f"{path}:8", "line 8: not valid UTF-8"),
        (f"{path}:9", "The talks ended in Doha on Wednesday without a deal."),
    ]


def test_over_long_line_is_skipped_without_reading_it_whole():
    stream = io.BytesIO(b'{"text": "' + b"a" * 5000 + b'"}\n{"text": "Short."}\n')
    results = list(iter_json_lines(stream, "d.jsonl", SourceOptions(max_bytes=1024)))
    assert results[0] == SourceFailure("d.jsonl:1", "line 1: longer than the 1 KB limit")
    assert results[1].text == "Short." and results[1].origin == "d.jsonl:2"


def test_paragraph_list_and_nested_source_name():
    doc = record_to_document({"content": ["First.", "Second."], "source": {"name": "Wire"}}, "x:1", 1, SourceOptions())
    assert (doc.text, doc.publisher) == ("First.\n\nSecond.", "Wire")


def test_news_api_json_document():
    path = DATA / "records" / "newsapi.json"
    docs = list(iter_json_document(path.read_text(encoding="utf-8"), str(path), SourceOptions()))
    assert [(d.origin, d.publisher, d.published, d.url) for d in docs] == [
        (f"{path}:1", "Harbour Times", date(2023, 11, 8), "https://harbourtimes.example/2023/11/08/fisheries-accord"),
        (
            f"{path}:2",
            "The Continental Ledger",
            date(2024, 3, 12),
            "https://ledger.example.org/world/2024/03/12/border-talks-resume",
        ),
    ]


@pytest.mark.parametrize(
    "data,reasons",
    [
        ('{"text": "One article."', ["line 1: malformed JSON: Expecting ',' delimiter (column 24)"]),
        ('{"status": "ok"}', ["no article records found in the JSON"]),
        ("42", ["no article records found in the JSON"]),
        ('[{"text": "Fine."}, 7]', [None, "record 2 is not a JSON object"]),
    ],
)
def test_json_document_failures(data, reasons):
    results = list(iter_json_document(data, "f.json", SourceOptions()))
    assert [r.reason if isinstance(r, SourceFailure) else None for r in results] == reasons


REUTERS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"


@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/data/reuters21578 is not available")
def test_reuters_first_record_reads_directly():
    import gzip

    with gzip.open(REUTERS, "rb") as stream:
        first = next(iter_json_lines(stream, "reuters.jsonl.gz", SourceOptions()))
    assert (first.title, first.url, first.published, first.published_source, first.extra) == (
        "BAHIA COCOA REVIEW",
        None,
        date(1987, 2, 26),
        "metadata",
        {"id": 1, "dateline": "SALVADOR, Feb 26"},
    )
    assert first.text.startswith("Showers continued throughout the week in\nthe Bahia cocoa zone")


# deadline=None: the first dateparser call pays its import (~0.5 s).
@settings(deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.dictionaries(
                st.sampled_from(["text", "body", "title", "published", "id", "url"]),
                st.one_of(st.text(max_size=20), st.integers(), st.none()),
            ),
        ),
        max_size=8,
    )
)
def test_any_lines_yield_one_result_per_non_blank_line(items):
    lines = [json.dumps(i) if isinstance(i, dict) else i.replace("\n", " ").replace("\r", " ") for i in items]
    data = "\n".join(lines).encode("utf-8")
    results = list(iter_json_lines(io.BytesIO(data), "p.jsonl", SourceOptions()))
    assert len(results) == sum(1 for line in data.decode("utf-8").split("\n") if line.strip())
    for result in results:
        assert isinstance(result, (Document, SourceFailure))
        if isinstance(result, SourceFailure):
            assert "\n" not in result.reason


@pytest.mark.parametrize(
    "record, reason",
    [
        ('{"text": "Envoys met \\ud83d in Lima."}', "lone surrogate \\ud83d in field text (not valid Unicode)"),
        ('{"text": "Envoys met.", "title": "\\udc00"}', "lone surrogate \\udc00 in field title (not valid Unicode)"),
        (
            '{"text": "Envoys met.", "tags": ["a", "\\ud800"]}',
            "lone surrogate \\ud800 in field tags (not valid Unicode)",
        ),
    ],
)
def test_a_lone_surrogate_rejects_that_record_only(record, reason):
    lines = ['{"text": "Envoys met in Quito."}', record, '{"text": "Envoys met in Bogota \\ud83d\\ude00."}']
    results = list(iter_json_lines(io.BytesIO("\n".join(lines).encode()), "wire.jsonl", SourceOptions()))
    assert [(r.origin, r.reason if isinstance(r, SourceFailure) else r.text) for r in results] == [
        ("wire.jsonl:1", "Envoys met in Quito."),
        ("wire.jsonl:2", f"line 2: {reason}"),
        ("wire.jsonl:3", "Envoys met in Bogota \U0001f600."),  # a whole pair is an emoji
    ]


def test_a_lone_surrogate_in_a_json_array_rejects_that_record_only():
    data = '[{"text": "Envoys met in Quito."}, {"text": "Envoys \\ud83d met."}]'
    results = list(iter_json_document(data, "wire.json", SourceOptions()))
    assert [(r.origin, getattr(r, "reason", "ok")) for r in results] == [
        ("wire.json:1", "ok"),
        ("wire.json:2", "record 2: lone surrogate \\ud83d in field text (not valid Unicode)"),
    ]
