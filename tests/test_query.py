"""query.py: every filter, the date phrases, ordering (undated last) and the
whole JSON event record."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import BACKENDS, document, event_record, new_db_url
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.types import Extraction
from timeline.query import EventQuery, QueryError, date_range, find_events, get_event, list_actors, resolve_actor_ids
from timeline.store import store_article


@pytest.fixture(scope="module", params=BACKENDS)
def stored(request, tmp_path_factory):
    """Four articles: the Putin–Kim summit (two sources), the Sochi meeting,
    a planned visit, a European Parliament criticism by week, an undated one.
    Built once per module: the tests only read it."""
    from sqlmodel import Session

    from timeline.db import open_engine

    url = new_db_url(request.param, tmp_path_factory.mktemp("query"), request)
    with Session(open_engine(url)) as session:
        _populate(session)
        yield session


def _populate(session):
    summit = event_record(
        date="2023-09-13",
        place="Vostochny Cosmodrome",
        sentence="Putin met Kim Jong Un at the Vostochny Cosmodrome on Wednesday.",
        date_expression="on Wednesday",
    )
    summit.participants[0].surface = "the Russian president"
    store_article(
        session,
        document("a1", url="https://politico.eu/a1", title="Summit", publisher="POLITICO"),
        Extraction([summit]),
    )
    store_article(
        session,
        document("a2", url="https://tass.com/a2", title="Summit 2", publisher="TASS"),
        Extraction(
            [event_record(date="2023-W37", sentence="Kim and Putin held talks this week.", trigger="held talks")]
        ),
    )
    sochi = event_record(
        actors=("Alexander Lukashenko", "Vladimir Putin"),
        date="2023-09-15",
        place="Sochi",
        sentence="Lukashenko met Putin in Sochi on Friday.",
        date_expression="on Friday",
    )
    propose = event_record(
        type_="PROPOSE",
        mode="propose",
        actors=("Alexander Lukashenko", "Russia", "North Korea"),
        date="2023-09-15",
        trigger="suggested",
        offset=100,
        sentence="Lukashenko suggested a trilateral partnership.",
    )
    visit = event_record(
        type_="CONSULT",
        mode="visit",
        actors=("Kim Jong Un", "Russia"),
        date="2023-10",
        modality="planned",
        trigger="will visit",
        offset=200,
        sentence="Kim will visit Russia next month.",
    )
    undated = event_record(
        type_="AGREE",
        mode="allow",
        actors=("Belarus", "Russia"),
        date=None,
        trigger="allowed",
        offset=300,
        sentence="Belarus allowed Russia to station weapons.",
    )
    store_article(
        session,
        document("a3", url="https://politico.eu/a3", title="Sochi", publisher="POLITICO"),
        Extraction([sochi, propose, visit, undated]),
    )
    ep = event_record(
        type_="CRITICIZE",
        mode="condemn",
        actors=("European Parliament", "Alexander Lukashenko"),
        date="2023-W37",
        trigger="calling",
        sentence="The European Parliament this week calling Lukashenko an accomplice.",
    )
    store_article(session, document("a4", url="https://example.org/a4", publisher="Example"), Extraction([ep]))


def summaries(session, **filters) -> list[str]:
    return [e["summary"] for e in find_events(session, EventQuery(**filters))]


KIM = "Vladimir Putin and Kim Jong Un met"
SOCHI = "Alexander Lukashenko and Vladimir Putin met"
PROPOSE = "Alexander Lukashenko and Russia and North Korea suggested"
VISIT = "Kim Jong Un and Russia will visit"
ALLOW = "Belarus and Russia allowed"
EP = "European Parliament and Alexander Lukashenko calling"


@pytest.mark.parametrize(
    "filters, expected",
    [
        (
            dict(),
            [EP, KIM, SOCHI, PROPOSE, VISIT, ALLOW],
        ),  # by first day: the week starts on Monday the 11th; undated last
        (dict(actors=["Putin"]), [KIM, SOCHI]),
        (dict(actors=["vladimir putin"]), [KIM, SOCHI]),
        (dict(actors=["  VLADIMIR   Putin "]), [KIM, SOCHI]),
        (dict(actors=["the Russian president"]), [KIM, SOCHI]),
        (dict(actors=["Lukashenko"]), [EP, SOCHI, PROPOSE]),
        (dict(actors=["Putin", "Lukashenko"]), [SOCHI]),
        (dict(actors=["Putin"], with_=["Kim"]), [KIM]),
        (dict(actors=["Nobody Known"]), []),
        (dict(types=["consult"]), [KIM, SOCHI, VISIT]),
        (dict(types=["PROPOSE", "CRITICIZE"]), [EP, PROPOSE]),
        (dict(modes=["visit"]), [VISIT]),
        (dict(cameo=["04"]), [KIM, SOCHI, VISIT]),
        (dict(since="2023-09-15"), [SOCHI, PROPOSE, VISIT]),  # the week of the 15th starts before it
        (dict(since="2023-09-15", overlapping=True), [EP, SOCHI, PROPOSE, VISIT]),  # but overlaps it
        (dict(until="2023-09-13"), [KIM]),
        (dict(until="2023-09-13", overlapping=True), [EP, KIM]),
        (dict(since="2023-09", until="2023-09"), [EP, KIM, SOCHI, PROPOSE]),
        (dict(since="2023-W37", until="2023-W37"), [EP, KIM, SOCHI, PROPOSE]),
        (dict(since="2023-10"), [VISIT]),
        (dict(place="sochi"), [SOCHI]),
        (dict(place="Vostochny"), [KIM]),
        (dict(country="RU"), [KIM, SOCHI]),
        (dict(country="Belarus"), [ALLOW]),
        (dict(text="Cosmodrome"), [KIM]),
        (dict(text="talks"), [KIM]),
        (dict(text="partnerships"), [PROPOSE]),  # porter stemming
        (dict(text='accomplice" *'), [EP]),  # FTS syntax in user input stays literal text
        (dict(text="!!!"), []),
        (dict(source="tass"), [KIM]),
        (dict(source="politico.eu/a3"), [SOCHI, PROPOSE, VISIT, ALLOW]),
        (dict(planned=True), [VISIT]),
        (dict(planned=False), [EP, KIM, SOCHI, PROPOSE, ALLOW]),
        (dict(limit=2), [EP, KIM]),
        (dict(limit=0), []),
        (dict(order="-date"), [VISIT, PROPOSE, SOCHI, KIM, EP, ALLOW]),
        (dict(order="sources", limit=1), [KIM]),
    ],
)
def test_filters(stored, filters, expected):
    assert summaries(stored, **filters) == expected


def test_whole_record(stored):
    [event] = find_events(stored, EventQuery(actors=["Kim"], types=["CONSULT"], planned=False))
    assert event == {
        "id": 1,
        "type": "CONSULT",
        "mode": "meet",
        "cameo": "040",
        "date": "2023-09-13",
        "date_start": "2023-09-13",
        "date_end": "2023-09-13",
        "granularity": "day",
        "actors": [
            {"name": "Vladimir Putin", "role": "source", "kind": "person", "country": None},
            {"name": "Kim Jong Un", "role": "target", "kind": "person", "country": None},
        ],
        "location": {"name": "Vostochny Cosmodrome", "country": "RU"},
        "summary": KIM,
        "confidence": 0.8,
        "modality": "asserted",
        "n_sources": 2,
        "date_conflict": None,
        "mentions": [
            {
                "article_id": 1,
                "url": "https://politico.eu/a1",
                "title": "Summit",
                "published": "2023-09-15",
                "publisher": "POLITICO",
                "sentence": "Putin met Kim Jong Un at the Vostochny Cosmodrome on Wednesday.",
                "date_expression": "on Wednesday",
                "date_rule": "test",
                "date_anchor": "publication",
                "trigger": "met",
                "modality": "asserted",
                "confidence": 0.8,
            },
            {
                "article_id": 2,
                "url": "https://tass.com/a2",
                "title": "Summit 2",
                "published": "2023-09-15",
                "publisher": "TASS",
                "sentence": "Kim and Putin held talks this week.",
                "date_expression": None,
                "date_rule": None,
                "date_anchor": None,
                "trigger": "held talks",
                "modality": "asserted",
                "confidence": 0.8,
            },
        ],
    }


def test_undated_events_have_no_date_and_come_last(stored):
    events = find_events(stored)
    assert [e["date"] for e in events][-1] is None
    assert all(e["date"] for e in events[:-1])
    assert summaries(stored, since="2020") == [EP, KIM, SOCHI, PROPOSE, VISIT]


def test_get_event_adds_mention_details(stored):
    event = get_event(stored, 1)
    m = event["mentions"][0]
    assert (m["id"], m["trigger_offset"], m["date"]) == (1, 6, "2023-09-13")
    assert m["sentence"][m["trigger_offset"] :].startswith(m["trigger"])
    assert get_event(stored, 999) is None


def test_list_actors_counts_events(stored):
    rows = {r["name"]: r for r in list_actors(stored)}
    assert rows["Vladimir Putin"]["events"] == 2
    assert rows["Vladimir Putin"]["aliases"] == ["the Russian president"]
    assert rows["Russia"]["kind"] == "country"
    assert [r["name"] for r in list_actors(stored, "Putin")] == ["Vladimir Putin"]


def test_constant_number_of_statements(stored):
    """Fetching N events costs the same number of statements as fetching one."""
    from sqlalchemy import event as sa_event

    engine = stored.get_bind()
    seen = []

    def count(*_args):
        seen.append(1)

    sa_event.listen(engine, "before_cursor_execute", count)
    try:
        find_events(stored, EventQuery(ids=[1]))
        one = len(seen)
        seen.clear()
        find_events(stored, EventQuery())
        assert len(seen) == one
    finally:
        sa_event.remove(engine, "before_cursor_execute", count)


# --- dates ---------------------------------------------------------------------------

TODAY = dt.date(2024, 3, 20)  # a Wednesday


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("2023-09-15", "2023-09-15", "2023-09-15"),
        ("2023-09", "2023-09-01", "2023-09-30"),
        ("2023-W37", "2023-09-11", "2023-09-17"),
        ("2023-w37", "2023-09-11", "2023-09-17"),
        ("2023-Q3", "2023-07-01", "2023-09-30"),
        ("2023", "2023-01-01", "2023-12-31"),
        ("today", "2024-03-20", "2024-03-20"),
        ("yesterday", "2024-03-19", "2024-03-19"),
        ("last month", "2024-02-01", "2024-02-29"),
        ("this month", "2024-03-01", "2024-03-31"),
        ("next month", "2024-04-01", "2024-04-30"),
        ("last week", "2024-03-11", "2024-03-17"),
        ("this week", "2024-03-18", "2024-03-24"),
        ("last year", "2023-01-01", "2023-12-31"),
        ("last quarter", "2023-10-01", "2023-12-31"),
        ("past week", "2024-03-13", "2024-03-20"),
        ("3 days ago", "2024-03-17", "2024-03-17"),
        ("two weeks ago", "2024-03-06", "2024-03-06"),
        ("a month ago", "2024-02-20", "2024-02-20"),
        ("Last   Month", "2024-02-01", "2024-02-29"),
    ],
)
def test_date_range(value, start, end):
    assert date_range(value, TODAY) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize("value", ["", "soon", "2023-13", "2023-W60", "next fortnight", "Sept"])
def test_date_range_refuses_what_it_cannot_read(value):
    with pytest.raises(QueryError, match="cannot read date"):
        date_range(value, TODAY)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_date_range_any_text_gives_a_range_or_a_query_error(value):
    try:
        start, end = date_range(value, TODAY)
    except QueryError:
        return
    assert start <= end


def test_since_phrase_is_relative_to_today(stored):
    assert summaries(stored, since="last month", today=dt.date(2023, 10, 5)) == [EP, KIM, SOCHI, PROPOSE, VISIT]
    assert summaries(stored, since="this month", today=dt.date(2023, 10, 5)) == [VISIT]


def test_unknown_order_is_a_query_error(stored):
    with pytest.raises(QueryError, match="unknown order"):
        find_events(stored, EventQuery(order="random"))


def test_resolve_actor_ids_matches_whole_words_only(stored):
    assert resolve_actor_ids(stored, "Put") == set()
    assert len(resolve_actor_ids(stored, "kim")) == 1


@pytest.mark.parametrize(
    "name, expected",
    [
        ("President of Russia", "Vladimir Putin"),  # a title: every holder the gazetteer knows
        ("the Belarusian president", "Alexander Lukashenko"),
        ("Lukashenka", "Alexander Lukashenko"),  # a spelling only the gazetteer knows
        ("Vladimir Vladimirovich Putin", "Vladimir Putin"),
    ],
)
def test_actor_names_the_database_lacks_resolve_through_the_gazetteer(stored, name, expected):
    pytest.importorskip("timeline.actors.gazetteer")
    from sqlalchemy import select

    from timeline.models import Actor

    ids = resolve_actor_ids(stored, name)
    assert set(stored.execute(select(Actor.name).where(Actor.id.in_(ids))).scalars()) == {expected}
