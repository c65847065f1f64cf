"""The HTML reader's line model: its data file, and the reader dropping the
lines it calls furniture while keeping the article's paragraphs."""

import dataclasses
import json
from importlib import resources
from pathlib import Path

import pytest

from timeline.sources import Document, SourceOptions, linemodel
from timeline.sources.linemodel import feature_names, load_model, validate_model
from timeline.sources.webpage import read_html

PAGE = Path(__file__).resolve().parent / "data" / "html" / "byline_desks.html"


def _raw() -> dict:
    return json.loads(resources.files("timeline").joinpath(linemodel.MODEL_FILE).read_text("utf-8"))


def test_model_file_loads_and_validates():
    model = load_model()
    assert model.names == feature_names()
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(feature_names())
    assert 0.0 < model.threshold < 1.0


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda raw: raw.update(features=raw["features"][:-1]), "its features are not the ones timeline computes"),
        (lambda raw: raw.update(weights=raw["weights"][:-1]), "'weights' needs one number per feature"),
        (lambda raw: raw.update(threshold=1.5), "'threshold' must lie between 0 and 1"),
        (lambda raw: raw["scale"].__setitem__(0, 0), "'scale' values must be positive"),
    ],
)
def test_a_broken_model_file_is_refused_with_its_reason(change, reason):
    raw = _raw()
    change(raw)
    with pytest.raises(ValueError, match=reason):
        validate_model(raw)


def _read_page() -> Document:
    doc = read_html(PAGE.read_text(encoding="utf-8"), str(PAGE), SourceOptions())
    assert isinstance(doc, Document)
    return doc


def test_reader_drops_what_the_model_calls_furniture_and_keeps_the_article(monkeypatch):
    # The desk names under the article are lines trafilatura keeps; a model that
    # scores them as furniture (here from 0.9, the shipped file from its own
    # threshold) has them dropped while every paragraph of the article stays.
    stricter = dataclasses.replace(load_model(), threshold=0.9)
    monkeypatch.setattr(linemodel, "load_model", lambda: stricter)
    lines = _read_page().text.split("\n")
    assert not {"Lake Desk", "Photo Desk", "Carrow"} & set(lines)
    assert lines[0].startswith("The joint lake commission of Veltria and Ostmark approved a water-sharing plan")
    assert lines[-1] == "Ostmark's environment ministry said it would present the plan to parliament next week."
    assert len(lines) == 4


def test_short_article_sentences_stay():
    # A short paragraph of the article that ends its sentence is not furniture.
    assert "Ostmark's environment ministry said it would present the plan to parliament next week." in _read_page().text


def test_a_wrapper_holding_most_of_the_page_lends_its_names_to_no_line():
    """Class/id words count from elements that hold under half of the page:
    the article's wrapper named "post has-author-box" says nothing of a paragraph,
    the small box under it does."""
    import lxml.html

    paragraph = "<p>Envoys of Veltria and Ostmark met in Carrow on Monday to talk about the lake, officials said.</p>"
    tree = lxml.html.fromstring(
        f'<html><body><div class="post has-author-box">{paragraph * 4}'
        '<div class="author-box"><p>Lake Desk</p></div></div></body></html>'
    )
    lines = [
        "Envoys of Veltria and Ostmark met in Carrow on Monday to talk about the lake, officials said.",
        "Lake Desk",
    ]
    author = feature_names().index("name_author")
    assert [row[author] for row in linemodel.line_features(tree, lines, None)] == [0.0, 1.0]
