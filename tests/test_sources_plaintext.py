"""Plain text and Markdown with front matter."""

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources import Document, SourceFailure, SourceOptions
from timeline.sources.plaintext import read_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "text"


def _read(path: Path, options: SourceOptions | None = None):
    return read_text(path.read_text(encoding="utf-8"), str(path), options or SourceOptions())


def test_the_seed_as_given_is_text_without_metadata():
    # Its date, URL, title and publisher come from its sidecar (test_sources_sidecar,
    # test_cli_seed); read alone, the file is twelve lines of text and nothing else.
    path = ROOT / "seeds" / "000_a32fddc238f21224.txt"
    doc = _read(path)
    assert isinstance(doc, Document)
    assert (doc.title, doc.url, doc.published, doc.published_source, doc.publisher) == (None, None, None, None, None)
    assert doc.text == path.read_text(encoding="utf-8")
    assert len(doc.text.split("\n")) == 12


def test_markdown_front_matter_and_extra_fields():
    doc = _read(DATA / "summit.md")
    assert (doc.title, doc.published, doc.published_source, doc.publisher, doc.language) == (
        "Leaders pledge closer ties at Ankara summit",
        date(2024, 5, 21),
        "metadata",
        "The Dispatch",
        "en",
    )
    assert doc.url == "https://dispatch.example.com/2024/05/21/ankara-summit"
    assert doc.extra == {"author": "Selin Aydin"}
    assert doc.text.startswith("Share this article\nTurkish President")


def test_plain_wire_text_with_yearless_dateline_is_undated():
    doc = _read(DATA / "wire.txt")
    assert (doc.title, doc.url, doc.published, doc.published_source) == (None, None, None, None)
    assert doc.text.startswith("LONDON, April 11 (Reuters) - Britain's trade minister")


def test_year_from_url_option_completes_the_dateline():
    doc = _read(DATA / "wire.txt", SourceOptions(url="https://wire.example/1987/uk-japan-trade"))
    assert (doc.published, doc.published_source, doc.url) == (
        date(1987, 4, 11),
        "dateline",
        "https://wire.example/1987/uk-japan-trade",
    )


def test_options_override_front_matter():
    options = SourceOptions(published=date(2024, 5, 20), title="T", publisher="P")
    doc = _read(DATA / "summit.md", options)
    assert (doc.published, doc.published_source, doc.title, doc.publisher) == (date(2024, 5, 20), "option", "T", "P")


def test_date_field_option_picks_the_front_matter_key():
    doc = read_text(
        "---\nissued: 2022-02-24\ndate: 2022-01-01\n---\nTroops crossed the border.",
        "x.md",
        SourceOptions(date_field="issued"),
    )
    assert doc.published == date(2022, 2, 24)


def test_failures():
    assert read_text("  \n\n", "a.txt", SourceOptions()) == SourceFailure("a.txt", "empty file")
    assert read_text("---\ntitle: x\n---\n\n", "b.md", SourceOptions()) == SourceFailure(
        "b.md", "no text after the front matter"
    )
    failure = read_text('---\ntitle: "open\n---\nText.', "c.md", SourceOptions())
    assert failure.reason.startswith("malformed front matter: ")
    assert "\n" not in failure.reason


# deadline=None: the first dateparser call pays its import (~0.5 s).
@settings(deadline=None)
@given(st.text())
def test_any_text_gives_a_document_or_a_one_line_failure(text):
    result = read_text(text, "t.txt", SourceOptions())
    if isinstance(result, SourceFailure):
        assert "\n" not in result.reason
    else:
        assert result.text.strip() and result.published_source in (None, "metadata", "dateline")
