"""A module that the installation lacks is named once, with the package that
provides it, instead of an "unexpected error" for every input that needs it."""

from __future__ import annotations

import builtins
import shutil
from pathlib import Path

import pytest

from timeline.cli import cli
from timeline.sources import SourceFailure, SourceOptions, read_sources
from timeline.sources.dependencies import missing_dependency

HTML = Path(__file__).parent / "data" / "html" / "meta_tags.html"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            ImportError("lxml.html.clean module is now a separate project lxml_html_clean."),
            "HTML support needs lxml_html_clean: pip install lxml_html_clean",
        ),
        (
            ModuleNotFoundError("No module named 'trafilatura'", name="trafilatura"),
            "HTML support needs trafilatura: pip install trafilatura",
        ),
        (
            ModuleNotFoundError("No module named 'feedparser'", name="feedparser"),
            "feed support needs feedparser: pip install feedparser",
        ),
        (
            ModuleNotFoundError("No module named 'charset_normalizer'", name="charset_normalizer"),
            "reading needs charset_normalizer: pip install charset_normalizer",
        ),
        (
            ModuleNotFoundError("No module named 'yaml.cyaml'", name="yaml.cyaml"),
            "reading needs yaml: pip install PyYAML",
        ),
    ],
)
def test_a_missing_module_is_named_with_its_package(error, message):
    assert missing_dependency(error) == message


def _without_module(monkeypatch, blocked: str, error: ImportError) -> None:
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == blocked or name.startswith(blocked + "."):
            raise error
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def _lxml_clean_missing(monkeypatch) -> None:
    # What lxml 6 raises when the separate lxml_html_clean project is not installed.
    _without_module(
        monkeypatch,
        "trafilatura",
        ImportError("lxml.html.clean module is now a separate project lxml_html_clean."),
    )


def test_reading_a_page_without_the_html_cleaner_names_the_package(monkeypatch):
    _lxml_clean_missing(monkeypatch)
    [failure] = read_sources([str(HTML)], SourceOptions())
    assert failure == SourceFailure(str(HTML), "HTML support needs lxml_html_clean: pip install lxml_html_clean")


def test_ingest_says_it_once_for_many_pages(runner, tmp_path, monkeypatch):
    for name in ("a.html", "b.html", "c.html"):
        shutil.copy(HTML, tmp_path / name)
    _lxml_clean_missing(monkeypatch)
    result = runner.invoke(cli, ["--db", str(tmp_path / "t.db"), "ingest", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "timeline: HTML support needs lxml_html_clean: pip install lxml_html_clean "
        f"(3 inputs not read: {tmp_path / 'a.html'}, {tmp_path / 'b.html'}, {tmp_path / 'c.html'})",
        "read 0, stored 0, skipped 0, failed 3, events 0",
    ]
