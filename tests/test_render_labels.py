"""Type, actor, place and source-count labels shared by the export formats."""

import pytest

from timeline.render.labels import actor_names, outlet, place_label, source_count, type_label


@pytest.mark.parametrize(
    ("event", "label"),
    [
        ({"type": "CONSULT", "mode": "meet"}, "CONSULT/meet"),
        ({"type": "CONSULT", "mode": None}, "CONSULT"),
        ({"type": None, "mode": "meet"}, "meet"),
        ({}, ""),
    ],
)
def test_type_label(event, label):
    assert type_label(event) == label


@pytest.mark.parametrize(
    ("location", "label"),
    [
        ({"name": "Sochi", "country": "RUS"}, "Sochi (RUS)"),
        ({"name": "Russia", "country": "Russia"}, "Russia"),
        ({"name": None, "country": "RUS"}, "RUS"),
        ({"name": "Sochi", "country": None}, "Sochi"),
        (None, ""),
    ],
)
def test_place_label(location, label):
    assert place_label(location) == label


def test_actor_names_keep_order_and_skip_blanks():
    event = {"actors": [{"name": "Vladimir Putin"}, {"name": None}, None, {"name": "Kim Jong Un"}]}
    assert actor_names(event) == ["Vladimir Putin", "Kim Jong Un"]
    assert actor_names({"actors": None}) == [] == actor_names({})


@pytest.mark.parametrize(
    ("event", "count"),
    [
        ({"n_sources": 3, "mentions": []}, 3),
        ({"mentions": [{"article_id": 1}, {"article_id": 1}, {"article_id": 2}]}, 2),
        ({"mentions": [{"url": "https://a.example"}, {"url": "https://a.example"}]}, 1),
        ({}, 0),
    ],
)
def test_source_count(event, count):
    assert source_count(event) == count


@pytest.mark.parametrize(
    ("publisher", "url", "origin", "label"),
    [
        ("TASS", "https://tass.example/a", "a.txt", "TASS"),
        (None, "https://www.wire.example/world/kim", "a.txt", "wire.example"),
        (None, "https://News.Example:8080/x", None, "news.example"),
        (None, None, "corpus/notes/kim-visit.txt", "kim-visit.txt"),
        (None, None, "news.jsonl:12", "news.jsonl:12"),
        (None, "not a url", "corpus/b.html", "b.html"),
        (None, None, "-", ""),
        (None, None, None, ""),
    ],
)
def test_outlet_is_the_publisher_else_the_host_else_the_file_name(publisher, url, origin, label):
    assert outlet(publisher, url, origin) == label
