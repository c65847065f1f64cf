"""The self-contained HTML timeline, read as text: nothing fetched at view
time, hostile event text inert, lanes and payload as specified."""

import html as html_lib
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS, synthetic_events

from timeline.render.html import TOP_ACTORS, actor_lanes, render_html, timeline_payload


def _payload(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_page_is_self_contained():
    page = render_html(SEED_EVENTS, title="Seed")
    code = page.replace(_payload_text(page), "")  # source URLs in the data are links, not loads
    assert not re.search(r"<(script|img|iframe|link|object|embed)[^>]+(src|href)=", code, re.I)
    assert "@import" not in code and not re.search(r"url\((?!data:)", code)
    assert not re.search(r"https?://", code)
    assert not re.search(r"\bfetch\(|XMLHttpRequest|WebSocket|EventSource|import\(", code)
    # the browser itself refuses any load: Content-Security-Policy default-src 'none'
    assert "default-src 'none'" in page


def _payload_text(page: str) -> str:
    return re.search(r'id="timeline-data">(.*?)</script>', page, re.S).group(1)


def test_root_carries_the_event_count_and_title_is_escaped():
    page = render_html(SEED_EVENTS, title="Putin & <Lukashenko>")
    assert '<div id="timeline" class="tl" data-event-count="5" data-drawn-count="0">' in page
    assert "<title>Putin &amp; &lt;Lukashenko&gt;</title>" in page
    assert "<h1>Putin &amp; &lt;Lukashenko&gt;</h1>" in page
    assert "5 events (4 dated), one lane per actor" in page


HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!--<script>",
    '"><img src=x onerror=alert(1)>',
    "&lt;already escaped&gt; & \u2028 line separator",
    "{title} {css} {{",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_leave_the_data_block(text):
    event = dict(
        SEED_EVENTS[0],
        summary=text,
        actors=[{"name": text, "role": "source", "kind": "person", "country": None}],
        location={"name": text, "country": None},
        mentions=[dict(SEED_EVENTS[0]["mentions"][0], title=text, url="javascript:alert(1)")],
    )
    page = render_html([event], title=text)
    data = _payload_text(page)
    assert "<" not in data and ">" not in data and "&" not in data
    payload = json.loads(data)
    (item,) = payload["events"]
    assert (item["h"], item["a"], item["p"]) == (text, text, text)
    assert item["src"] == [["javascript:alert(1)", f"POLITICO — {text}"]]
    # exactly the two script elements of the template, whatever the text
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert f"<title>{html_lib.escape(text)}</title>" in page


def test_page_script_only_writes_text():
    script = (Path(__file__).parent.parent / "timeline/render/assets/timeline.js").read_text()
    # event text reaches the DOM through textContent only
    assert not re.search(r"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write", script)
    assert "textContent" in script
    # links only for web URLs: a javascript: URL stays text
    assert "/^https?:\\/\\//i.test(url" in script


def test_seed_payload():
    payload = timeline_payload(SEED_EVENTS, title="Seed")
    # Peskov's only event is undated, so he claims no lane
    assert payload["lanes"] == ["Alexander Lukashenko", "Kim Jong Un", "Vladimir Putin", "European Parliament"]
    assert [(t["name"], t["count"], t["color"]) for t in payload["types"]] == [
        ("CONSULT", 2, "#0072b2"),
        ("ACCUSE", 1, "#e69f00"),
        ("REQUEST", 1, "#cc79a7"),
        ("STATEMENT", 1, "#7f7f7f"),
    ]
    kim, _, _, week, undated = payload["events"]
    assert kim == {
        "id": 1,
        "s": 19613,
        "e": 19613,
        "g": "day",
        "t": 0,
        "l": [1, 2],
        "d": "2023-09-13",
        "h": "Putin met Kim Jong Un at the Vostochny Cosmodrome",
        "m": "CONSULT/meet",
        "a": "Vladimir Putin, Kim Jong Un",
        "p": "Vostochny Cosmodrome (RUS)",
        "n": 1,
        "src": [
            [
                "https://www.politico.eu/article/vladimir-putin-alexander-lukashenko-sochi-meeting/",
                "POLITICO — Putin hosts Lukashenko after Kim summit",
            ]
        ],
    }
    # 2023-09-11 .. 2023-09-17 as days since 1970-01-01
    assert (week["s"], week["e"], week["g"], week["d"], week["l"]) == (19611, 19617, "week", "2023-W37 (week)", [0, 3])
    assert (undated["s"], undated["e"], undated["l"], undated["d"]) == (None, None, [], "undated")


def test_lanes_are_the_top_actors_then_others():
    events = synthetic_events(500)
    lanes = actor_lanes(events)
    assert len(lanes) == TOP_ACTORS + 1 and lanes[-1] == "others"
    payload = timeline_payload(events)
    others = lanes.index("others")
    for event, item in zip(events, payload["events"]):
        names = {actor["name"] for actor in event["actors"]}
        if item["s"] is None:
            assert item["l"] == []
        elif names & set(lanes[:others]):
            assert {lanes[i] for i in item["l"]} == names & set(lanes[:others])
        else:
            assert item["l"] == [others]


def test_no_others_lane_when_every_actor_has_one():
    assert actor_lanes(SEED_EVENTS[:2]) == ["Vladimir Putin", "Alexander Lukashenko", "Kim Jong Un"]
    assert actor_lanes([]) == []


def test_unknown_types_get_spare_colours_and_untyped_events_a_type():
    events = [dict(SEED_EVENTS[0], type="NEWTYPE"), dict(SEED_EVENTS[1], type=None)]
    types = timeline_payload(events)["types"]
    assert [t["name"] for t in types] == ["NEWTYPE", "OTHER"]
    assert len({t["color"] for t in types}) == 2


def test_ten_thousand_events_stay_a_reasonable_file():
    page = render_html(synthetic_events(10_000))
    assert 'data-event-count="10000"' in page
    assert len(page.encode()) < 8_000_000


@given(st.text(max_size=80))
def test_any_text_survives_the_data_block_unchanged(text):
    event = dict(SEED_EVENTS[0], summary=text)
    data = _payload_text(render_html([event], title=text))
    assert "<" not in data and ">" not in data
    assert json.loads(data)["events"][0]["h"] == text
