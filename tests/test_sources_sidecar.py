"""Metadata sidecars: ARTICLE.meta.yaml/.meta.json beside an article and one
metadata.jsonl/metadata.csv per folder give an article its date, URL, title and
publisher without editing it; the command line outranks them, they outrank the
file's own metadata and its dateline."""

from __future__ import annotations

import json
from datetime import date

import pytest

from timeline.sources import Document, SourceFailure, SourceOptions, read_sources

BODY = "Ministers of Chile and Peru met in Lima on Tuesday to discuss fishing rights.\n"
DATELINE_BODY = "LIMA, March 3 (Wire) - " + BODY
FRONT_MATTER = "---\npublished: 2021-02-02\ntitle: Own title\nurl: https://own.example/a\n---\n"


def _read(paths, **options) -> list:
    return list(read_sources([str(p) for p in paths], SourceOptions(**options)))


def _only(paths, **options) -> Document:
    [result] = _read(paths, **options)
    assert isinstance(result, Document), result
    return result


# option, sidecar date, front matter?, expected (published, source)
PRECEDENCE = [
    ("2024-04-04", "2023-03-03", True, (date(2024, 4, 4), "option")),
    (None, "2023-03-03", True, (date(2023, 3, 3), "sidecar")),
    (None, None, True, (date(2021, 2, 2), "metadata")),
    (None, None, False, (None, None)),  # a dateline without a year stays undated
]


@pytest.mark.parametrize("option, sidecar_date, front_matter, expected", PRECEDENCE)
def test_option_then_sidecar_then_own_metadata(tmp_path, option, sidecar_date, front_matter, expected):
    article = tmp_path / "lima.txt"
    article.write_text((FRONT_MATTER if front_matter else "") + DATELINE_BODY, encoding="utf-8")
    if sidecar_date:
        (tmp_path / "lima.meta.yaml").write_text(f"published: {sidecar_date}\n", encoding="utf-8")
    doc = _only([article], published=date.fromisoformat(option) if option else None)
    assert (doc.published, doc.published_source) == expected


def test_sidecar_outranks_the_dateline(tmp_path):
    (tmp_path / "lima.txt").write_text("LIMA, March 3, 2020 (Wire) - " + BODY, encoding="utf-8")
    assert _only([tmp_path / "lima.txt"]).published == date(2020, 3, 3)
    (tmp_path / "lima.meta.yaml").write_text("published: 2020-03-04\n", encoding="utf-8")
    assert _only([tmp_path / "lima.txt"]).published == date(2020, 3, 4)


def test_every_field_of_the_sidecar_and_the_command_line_over_it(tmp_path):
    (tmp_path / "lima.txt").write_text(FRONT_MATTER + BODY, encoding="utf-8")
    (tmp_path / "lima.meta.yaml").write_text(
        "published: 2023-03-03\nurl: https://side.example/a\ntitle: Side title\npublisher: Side Daily\nlanguage: es\n",
        encoding="utf-8",
    )
    doc = _only([tmp_path])
    fields = (doc.published, doc.url, doc.title, doc.publisher, doc.language)
    assert fields == (date(2023, 3, 3), "https://side.example/a", "Side title", "Side Daily", "es")
    doc = _only([tmp_path], title="Typed title", publisher="Typed Post")
    assert (doc.url, doc.title, doc.publisher) == ("https://side.example/a", "Typed title", "Typed Post")
    assert doc.text == BODY.strip()  # the article itself is read as it is


def test_folder_table_in_json_lines_keyed_by_file_name(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(BODY.replace("Tuesday", name[0]), encoding="utf-8")
    rows = [
        {"file": "a.txt", "published": "2022-05-01", "publisher": "North Wire"},
        {"file": "b.txt", "published": "2022-05-02", "url": "https://b.example/"},
    ]
    (tmp_path / "metadata.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = _read([tmp_path])
    assert [(d.origin.rsplit("/", 1)[1], d.published, d.publisher, d.url) for d in docs] == [
        ("a.txt", date(2022, 5, 1), "North Wire", None),
        ("b.txt", date(2022, 5, 2), None, "https://b.example/"),
        ("c.txt", None, None, None),
    ]


def test_folder_table_in_csv_and_the_own_sidecar_over_it(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,published,title,publisher\na.txt,2022-06-01,Table title,Table Times\n", encoding="utf-8"
    )
    (tmp_path / "a.meta.json").write_text('{"published": "2022-06-09"}', encoding="utf-8")
    doc = _only([tmp_path / "a.txt"])
    assert (doc.published, doc.title, doc.publisher, doc.published_source) == (
        date(2022, 6, 9),
        "Table title",
        "Table Times",
        "sidecar",
    )


def test_sidecar_of_a_web_page_outranks_its_meta_tags(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2019-01-01"><title>T</title></head>'
        f"<body><article><p>{BODY * 3}</p></article></body></html>",
        encoding="utf-8",
    )
    assert _only([page]).published_source == "html"
    (tmp_path / "page.meta.yml").write_text("date: 2019-02-02\n", encoding="utf-8")
    assert (_only([page]).published, _only([page]).published_source) == (date(2019, 2, 2), "sidecar")


@pytest.mark.parametrize("pattern", ["{}", "{}/*"])
def test_sidecars_are_never_read_as_articles(tmp_path, pattern):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2022-06-09"}', encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text('{"file": "a.txt", "title": "x"}\n', encoding="utf-8")
    results = _read([pattern.format(tmp_path)])
    assert [(type(r).__name__, r.origin.rsplit("/", 1)[1]) for r in results] == [("Document", "a.txt")]


BROKEN = [
    ("a.meta.yaml", "published: [2022\n", "malformed"),
    ("a.meta.yaml", "- just\n- a list\n", "not a mapping of fields"),
    ("a.meta.yaml", "pubished: 2022-01-01\n", "unknown field 'pubished' (known: published, url, title"),
    ("a.meta.json", '{"published": "next Tuesday"}', "published 'next Tuesday' is not a date (YYYY-MM-DD)"),
    ("metadata.jsonl", '{"file": "a.txt", "published": \n', "line 1: malformed JSON"),
    ("metadata.jsonl", '{"published": "2022-01-01"}\n', "line 1: no 'file' naming the article"),
]


@pytest.mark.parametrize("name, content, reason", BROKEN)
def test_a_broken_sidecar_fails_its_article_with_one_line_naming_it(tmp_path, name, content, reason):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    [result] = _read([tmp_path])
    assert isinstance(result, SourceFailure)
    assert result.origin == str(tmp_path / "a.txt")
    assert result.reason.startswith(f"metadata sidecar {tmp_path / name}: ") and reason in result.reason
    assert "\n" not in result.reason


def test_a_changed_folder_table_is_read_again(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    table = tmp_path / "metadata.jsonl"
    table.write_text('{"file": "a.txt", "published": "2022-01-01"}\n', encoding="utf-8")
    assert _only([tmp_path]).published == date(2022, 1, 1)
    table.write_text('{"file": "a.txt", "published": "2022-01-02", "title": "Corrected"}\n', encoding="utf-8")
    assert _only([tmp_path]).published == date(2022, 1, 2)
