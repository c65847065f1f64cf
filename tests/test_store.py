"""store.py: one transaction per article, idempotent re-ingest, actors and
aliases, cross-article merging (order-independent), corrections, redating."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from conftest import TWO_OCCASIONS, document, event_record, two_occasions_record
from sqlalchemy import func, select, text

import timeline.store.events as store_module
from timeline.events.types import Extraction
from timeline.models import Actor, ActorAlias, Article, Event, EventReport, IngestError, Mention
from timeline.store import (
    StoreError,
    compatible,
    merge_events,
    record_failure,
    redate_article,
    reingest_document,
    split_event,
    store_article,
    type_family,
)
from timeline.vocabulary import alias_key


def count(session, model) -> int:
    return session.execute(select(func.count()).select_from(model)).scalar_one()


def snapshot(session) -> list[tuple]:
    """Every event as (type, date, granularity, conflict, place, n_sources, actors, mentions)."""
    rows = []
    for e in session.execute(select(Event)).scalars():
        actors = tuple(
            sorted(
                session.execute(
                    text(
                        "SELECT a.name || ':' || ea.role FROM event_actor ea JOIN actor a ON a.id = ea.actor_id "
                        "WHERE ea.event_id = :i"
                    ),
                    {"i": e.id},
                ).scalars()
            )
        )
        sentences = tuple(sorted(session.execute(select(Mention.sentence).where(Mention.event_id == e.id)).scalars()))
        rows.append(
            (e.type, e.mode, e.date, e.granularity, e.date_conflict, e.place, e.n_sources, e.summary, actors, sentences)
        )
    return sorted(rows, key=repr)


def test_store_writes_article_events_actors_and_mentions(session):
    result = store_article(
        session,
        document("Putin met Kim.", url="https://example.org/a", title="A", publisher="Example"),
        Extraction([event_record(place="Vostochny Cosmodrome")]),
    )
    assert (result.status, result.events) == ("stored", 1)
    article = session.get(Article, result.article_id)
    assert (article.status, article.published, article.n_events, article.publisher) == (
        "ok",
        "2023-09-15",
        1,
        "Example",
    )
    event = session.execute(select(Event)).scalar_one()
    assert (event.type, event.date, event.granularity, event.place, event.n_sources) == (
        "CONSULT",
        "2023-09-13",
        "day",
        "Vostochny Cosmodrome",
        1,
    )
    assert sorted(session.execute(select(Actor.name)).scalars()) == ["Kim Jong Un", "Vladimir Putin"]
    assert count(session, Mention) == 1


def test_reingesting_the_same_text_changes_nothing(session):
    doc, ext = document("Putin met Kim."), Extraction([event_record()])
    first = store_article(session, doc, ext)
    before = snapshot(session), count(session, Article), count(session, Mention)
    second = store_article(session, document("Putin met Kim.\r\n"), ext)  # same normalised text
    assert second.status == "skipped" and second.article_id == first.article_id
    assert (snapshot(session), count(session, Article), count(session, Mention)) == before


def test_force_replaces_the_article_content(session):
    doc = document("Putin met Kim.")
    store_article(session, doc, Extraction([event_record(date="2023-09-13")]))
    result = store_article(session, doc, Extraction([event_record(date="2023-09-12")]), force=True)
    assert result.status == "stored"
    assert count(session, Article) == 1
    assert [(e.date, e.n_sources) for e in session.execute(select(Event)).scalars()] == [("2023-09-12", 1)]
    assert count(session, Mention) == 1


class _DiskFull(OSError):
    pass


def test_a_failure_rolls_back_and_leaves_the_database_as_it_was(session, monkeypatch):
    store_article(session, document("first"), Extraction([event_record()]))
    before = snapshot(session), count(session, Article), count(session, Actor), count(session, Mention)
    # The second report's mentions fail after the article, its actors and the first
    # report were written: nothing of the article may remain.
    real_rows = store_module._mention_rows
    calls = []

    def failing_rows(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise _DiskFull("database or disk is full")
        return real_rows(*args, **kwargs)

    monkeypatch.setattr(store_module, "_mention_rows", failing_rows)
    second = Extraction(
        [event_record(actors=("Xi Jinping", "Lula")), event_record(actors=("Xi Jinping", "Vladimir Putin"))]
    )
    with pytest.raises(_DiskFull):
        store_article(session, document("second"), second)
    assert len(calls) == 2
    after = snapshot(session), count(session, Article), count(session, Actor), count(session, Mention)
    assert after == before
    if session.get_bind().dialect.name == "sqlite":
        assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_non_timeline_mentions_are_kept_without_an_event(session):
    hypothetical = event_record(type_="AGREE", modality="hypothetical", trigger="sign")
    result = store_article(session, document("They might sign."), Extraction([hypothetical]))
    assert result.events == 0
    assert count(session, Event) == 0
    assert session.execute(select(Mention.event_id, Mention.modality)).all() == [(None, "hypothetical")]


def test_aliases_hold_canonical_name_and_surface_forms_but_not_pronoun_phrases(session):
    rec = event_record()
    rec.participants[0].surface = "the Russian  President"
    rec.participants[0].aliases = ("Putin", "Vladimir Vladimirovich Putin")
    rec.participants[1].surface = "his North Korean counterpart"
    store_article(session, document("x"), Extraction([rec]))
    norms = dict.fromkeys(session.execute(select(ActorAlias.alias_norm).order_by(ActorAlias.id)).scalars())
    assert list(norms) == [
        "vladimir putin",
        "putin",
        "vladimir vladimirovich putin",
        "the russian president",
        "kim jong un",
    ]


def test_undated_article_is_stored_undated(session):
    result = store_article(
        session,
        document("Putin met Kim on Friday.", published=None),
        Extraction([event_record(date=None)], needs_publication_date=True),
    )
    article = session.get(Article, result.article_id)
    assert (article.status, article.published) == ("undated", None)
    assert session.execute(select(Event.date, Event.granularity)).one() == (None, "none")


def test_record_failure(session):
    record_failure(session, "bad.html", "binary file")
    row = session.execute(select(IngestError)).scalar_one()
    assert (row.origin, row.reason) == ("bad.html", "binary file")


# --- the merge rule -------------------------------------------------------------------


def _report(article_id=1, **kw):
    from timeline.store.events import _new_report

    class _A:  # the article fields _new_report reads
        id = article_id
        sha256 = f"sha{article_id}"

    return _new_report(None, _A, event_record(**kw))


@pytest.mark.parametrize(
    "a, b, same",
    [
        (dict(), dict(), True),
        (dict(date="2023-09-15"), dict(date="2023-W37"), True),  # the day fits the week
        (dict(date="2023-09-15"), dict(date="2023-09"), True),
        (dict(date="2023-09-15"), dict(date="2023-Q3"), False),  # too coarse: it would bridge a quarter
        (dict(date="2023-09"), dict(date="2023"), False),
        (dict(date="2023-09-13"), dict(date="2023-09-14"), True),  # a day apart: one event, a conflict
        (dict(date="2023-09-13"), dict(date="2023-09-15"), False),
        (dict(type_="STATEMENT", date="2023-09-13"), dict(type_="STATEMENT", date="2023-09-13"), True),
        (dict(type_="STATEMENT", date="2023-09-13"), dict(type_="STATEMENT", date="2023-09-14"), False),
        (dict(date="2023-09-15"), dict(date="2023-W38"), False),
        (dict(date=None), dict(date=None), False),  # undated reports are never placed together
        (dict(type_="CONSULT", mode="meet"), dict(type_="CONSULT", mode="phone"), True),
        (dict(type_="CONSULT", mode="meet"), dict(type_="CONSULT", mode=None), True),
        (dict(type_="CONSULT", mode="meet"), dict(type_="CONSULT", mode="visit"), False),  # the visit, not the talks
        (dict(type_="CONSULT"), dict(type_="AGREE"), False),
        (dict(place="Sochi"), dict(place=None), True),
        (dict(place="Sochi"), dict(place="sochi"), True),
        (dict(place="Sochi"), dict(place="Minsk"), False),
        (dict(actors=("Vladimir Putin", "Kim Jong Un")), dict(actors=("Vladimir Putin",)), True),
        (
            dict(actors=("Vladimir Putin", "Kim Jong Un")),
            dict(actors=("Vladimir Putin", "Alexander Lukashenko")),
            False,
        ),
        (dict(actors=("Russia", "North Korea")), dict(actors=("Russia", "North Korea", "Vladimir Putin")), True),
        (dict(actors=("Russia", "Belarus")), dict(actors=("Russia", "North Korea")), False),
        # without named people, only the same kind of act within a week
        (dict(actors=("Russia", "North Korea"), date="2023-09"), dict(actors=("Russia", "North Korea")), False),
        (
            dict(actors=("Russia", "North Korea"), mode="meet"),
            dict(actors=("Russia", "North Korea"), mode="phone"),
            False,
        ),
        (dict(actors=("Russia", "North Korea"), date="2023-W37"), dict(actors=("Russia", "North Korea")), True),
    ],
)
def test_merge_rule(a, b, same):
    assert compatible(_report(1, **a), _report(2, **b)) is same
    assert compatible(_report(2, **b), _report(1, **a)) is same


def test_two_reports_of_one_article_are_two_events():
    # Extraction already merged what one article says about one event.
    assert compatible(_report(1), _report(1)) is False


def test_type_family_groups_consult_modes():
    assert type_family("MEET") == type_family("CONSULT") == "CONSULT"
    assert type_family("AGREE") == "AGREE"


# --- cross-article merging ----------------------------------------------------------------

ARTICLES = {
    "A": [event_record(date="2023-09-13", place="Vostochny Cosmodrome", sentence="Putin met Kim on Wednesday.")],
    "B": [
        event_record(date="2023-W37", sentence="Putin met Kim this week.", confidence=0.9),
        event_record(
            type_="CONSULT",
            actors=("Vladimir Putin", "Alexander Lukashenko"),
            date="2023-09-15",
            place="Sochi",
            sentence="Putin met Lukashenko in Sochi on Friday.",
        ),
    ],
    "C": [event_record(date="2023-09-14", sentence="Putin and Kim met on Thursday.")],
    "D": [
        event_record(
            actors=("Vladimir Putin", "Alexander Lukashenko"),
            date="2023-09",
            place="Sochi",
            sentence="Putin held talks with Lukashenko in Sochi this month.",
            mode="negotiate",
            trigger="held talks",
        )
    ],
}


def _ingest(session, order):
    for name in order:
        store_article(session, document(f"article {name}", publisher=name), Extraction(ARTICLES[name]))


def test_reports_of_one_event_merge_across_articles(session):
    _ingest(session, "ABCD")
    events = {e.summary: e for e in session.execute(select(Event)).scalars()}
    assert len(events) == 2
    kim = next(e for e in events.values() if "Kim" in e.summary)
    assert (kim.date, kim.granularity, kim.n_sources, kim.place, kim.date_conflict) == (
        "2023-09-13",
        "day",
        3,
        "Vostochny Cosmodrome",
        "2023-09-14",
    )
    sochi = next(e for e in events.values() if "Lukashenko" in e.summary)
    assert (sochi.date, sochi.n_sources, sochi.date_conflict, sochi.mode) == ("2023-09-15", 2, None, "meet")
    assert count(session, Mention) == 5
    assert count(session, EventReport) == 5


@pytest.mark.parametrize(
    "place_b, n_events",
    [
        (("Russia", "Russia"), 1),  # "in Kazan" and "in Russia": the city lies in the country
        (("Sochi", "Russia"), 2),  # two cities of one country are two places
    ],
)
def test_a_city_fits_its_country_across_articles(session, place_b, n_events):
    kazan = dataclasses.replace(event_record(place="Kazan", sentence="Putin met Kim in Kazan."), place_country="Russia")
    other = dataclasses.replace(
        event_record(place=place_b[0], sentence=f"Putin met Kim in {place_b[0]}."), place_country=place_b[1]
    )
    store_article(session, document("article K", publisher="K"), Extraction([kazan]))
    store_article(session, document("article O", publisher="O"), Extraction([other]))
    assert count(session, Event) == n_events


def test_one_body_meeting_told_by_two_outlets_is_one_event(session):
    # Extraction found no member state, only the body: its meeting is one event.
    told = [
        "African Union ministers met in emergency session today on the Sahel border crisis.",
        "African Union ministers met in an emergency session on the Sahel border crisis in Addis Ababa.",
    ]
    for n, sentence in enumerate(told):
        record = event_record(actors=("African Union",), sentence=sentence)
        store_article(session, document(f"article {n}", publisher=str(n)), Extraction([record]))
    (event,) = session.execute(select(Event)).scalars()
    assert event.n_sources == 2


@pytest.mark.parametrize("order", ["".join(p) for p in itertools.permutations("ABCD")][::5])
def test_merging_is_order_independent(db_url, order, tmp_path):
    from sqlmodel import Session

    from timeline.db import open_engine

    reference_url = db_url.replace("timeline.db", "reference.db")
    with Session(open_engine(reference_url)) as ref:
        _ingest(ref, "ABCD")
        expected = snapshot(ref)
    with Session(open_engine(db_url)) as s:
        _ingest(s, order)
        assert snapshot(s) == expected


def test_a_bridging_report_joins_two_events(session):
    # 13th and 15th are two days apart (two events) until the week report links both.
    a = event_record(date="2023-09-13", actors=("Vladimir Putin", "Kim Jong Un"))
    c = event_record(date="2023-09-14", actors=("Vladimir Putin", "Kim Jong Un"))
    b = event_record(date="2023-09-15", actors=("Vladimir Putin", "Kim Jong Un"))
    store_article(session, document("a"), Extraction([a]))
    store_article(session, document("b"), Extraction([b]))
    assert count(session, Event) == 2
    store_article(session, document("c"), Extraction([c]))
    event = session.execute(select(Event)).scalar_one()
    assert (event.n_sources, event.date, event.date_conflict) == (3, "2023-09-13", "2023-09-14; 2023-09-15")


@pytest.mark.parametrize("order", ["dated first", "undated first"])
@pytest.mark.parametrize("published, n_events", [("2023-09-13", 1), ("2023-09-14", 1), ("2023-09-15", 2)])
def test_an_undated_report_joins_the_event_of_its_publication_day(session, order, published, n_events):
    # "Putin met Kim." with no date word, in stories of the 13th, 14th or 15th,
    # and a story dating the meeting to the 13th: today or yesterday is one event.
    dated = (document("dated", published="2023-09-13"), Extraction([event_record(date="2023-09-13")]))
    undated = (
        document("undated", published=published),
        Extraction([event_record(date=None, sentence="Putin met Kim, officials said.")]),
    )
    for doc, extraction in [dated, undated] if order == "dated first" else [undated, dated]:
        store_article(session, doc, extraction)
    events = session.execute(select(Event)).scalars().all()
    assert len(events) == n_events
    if n_events == 1:
        assert (events[0].date, events[0].n_sources, events[0].date_conflict) == ("2023-09-13", 2, None)


@pytest.mark.parametrize("day", ["2023-09-01", "2023-09-30"])
def test_a_month_report_is_found_from_either_end_of_the_month(session, day):
    store_article(session, document("month"), Extraction([event_record(date="2023-09")]))
    store_article(session, document("day"), Extraction([event_record(date=day)]))
    event = session.execute(select(Event)).scalar_one()
    assert (event.date, event.n_sources) == (day, 2)


def test_equal_precision_prefers_the_date_most_sources_give(session):
    for i, date in enumerate(["2023-09-14", "2023-09-13", "2023-09-14"]):
        store_article(session, document(f"t{i}"), Extraction([event_record(date=date)]))
    event = session.execute(select(Event)).scalar_one()
    assert (event.date, event.date_conflict, event.n_sources) == ("2023-09-14", "2023-09-13", 3)


def test_force_reingest_splits_an_event_its_bridge_held_together(session):
    store_article(session, document("a"), Extraction([event_record(date="2023-09-13")]))
    store_article(session, document("b"), Extraction([event_record(date="2023-09-15")]))
    store_article(session, document("c"), Extraction([event_record(date="2023-09-14")]))
    assert count(session, Event) == 1
    store_article(session, document("c"), Extraction([event_record(date="2023-08-01")]), force=True)
    assert sorted((e.date, e.n_sources) for e in session.execute(select(Event)).scalars()) == [
        ("2023-08-01", 1),
        ("2023-09-13", 1),
        ("2023-09-15", 1),
    ]


# --- manual corrections ----------------------------------------------------------------------


def test_merge_dry_run_changes_nothing_and_merge_joins(session):
    store_article(session, document("a"), Extraction([event_record(date="2023-09-13")]))
    store_article(session, document("b"), Extraction([event_record(date="2023-09-20")]))
    ids = sorted(session.execute(select(Event.id)).scalars())
    plan = merge_events(session, ids, dry_run=True)
    assert (plan.target, plan.absorbed, plan.n_sources, plan.mentions) == (ids[0], ids[1:], 2, 2)
    assert count(session, Event) == 2
    merge_events(session, ids)
    event = session.execute(select(Event)).scalar_one()
    assert (event.id, event.n_sources, event.date_conflict) == (ids[0], 2, "2023-09-20")


def test_merge_survives_reingest(session):
    store_article(session, document("a"), Extraction([event_record(date="2023-09-13")]))
    store_article(session, document("b"), Extraction([event_record(date="2023-09-20")]))
    merge_events(session, sorted(session.execute(select(Event.id)).scalars()))
    store_article(session, document("b"), Extraction([event_record(date="2023-09-20")]), force=True)
    assert count(session, Event) == 1


def test_split_moves_an_article_out_and_survives_reingest(session):
    store_article(session, document("a"), Extraction([event_record(date="2023-09-13")]))
    store_article(session, document("b"), Extraction([event_record(date="2023-09-13", sentence="Kim met Putin.")]))
    event_id = session.execute(select(Event.id)).scalar_one()
    mention_id = session.execute(select(Mention.id).where(Mention.sentence == "Kim met Putin.")).scalar_one()
    new_id = split_event(session, event_id, mention_id)
    assert sorted(session.execute(select(Event.id, Event.n_sources)).all()) == [(event_id, 1), (new_id, 1)]
    assert session.get(Mention, mention_id).event_id == new_id
    store_article(
        session, document("b"), Extraction([event_record(date="2023-09-13", sentence="Kim met Putin.")]), force=True
    )
    assert count(session, Event) == 2


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda s: split_event(s, 999, 1), "mention 1 is not a mention of event 999"),
        (lambda s: merge_events(s, [1, 999]), "no event with id 999"),
        (lambda s: merge_events(s, [1, 1]), "merge needs two different event ids"),
    ],
)
def test_correction_errors_name_the_problem(session, call, message):
    store_article(session, document("a"), Extraction([event_record()]))
    with pytest.raises(StoreError, match=message):
        call(session)


def test_redate_resolves_an_undated_article(session):
    result = store_article(
        session, document("Putin met Kim on Friday.", published=None), Extraction([event_record(date=None)])
    )

    def extractor(doc):
        assert doc.published == dt.date(2023, 9, 15)
        return Extraction([event_record(date=doc.published.isoformat(), date_expression="on Friday")])

    redate_article(session, result.article_id, dt.date(2023, 9, 15), extractor)
    article = session.get(Article, result.article_id)
    assert (article.status, article.published, article.published_source) == ("ok", "2023-09-15", "option")
    assert session.execute(select(Event.date)).scalars().all() == ["2023-09-15"]
    with pytest.raises(StoreError, match="no article with id 99"):
        redate_article(session, 99, dt.date(2023, 9, 15), extractor)


def test_a_surface_shared_by_a_person_and_a_country_names_only_the_person(session):
    rec = event_record(actors=("Vladimir Putin", "Russia", "Kim Jong Un"))
    rec.participants[0].surface = rec.participants[1].surface = "Putin"
    store_article(session, document("x"), Extraction([rec]))
    rows = session.execute(
        select(Actor.name, ActorAlias.alias_norm)
        .join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .order_by(ActorAlias.id)
    ).all()
    assert rows == [
        ("Vladimir Putin", "vladimir putin"),
        ("Vladimir Putin", "putin"),
        ("Russia", "russia"),
        ("Kim Jong Un", "kim jong un"),
    ]


@pytest.mark.parametrize(
    "kind, surface, kept",
    [
        ("person", "Putin", True),  # part of the name
        ("person", "the Russian president", True),  # a singular title
        ("person", "Belarusian ruler", True),
        ("person", "the two leaders", False),  # a group, not this person
        ("person", "his Russian counterpart", False),  # names someone only in context
        ("person", "Sochi", False),
        ("country", "Sochi", False),  # a place is not a name of the country
        ("country", "Russian", False),
        ("country", "Russian Federation", False),  # official names come from the gazetteer's aliases
        ("country", "Republic of Russia", True),
    ],
)
def test_which_surface_forms_become_aliases(session, kind, surface, kept):
    rec = event_record(actors=("Vladimir Putin" if kind == "person" else "Russia", "Kim Jong Un"))
    rec.participants[0].kind = kind
    rec.participants[0].surface = surface
    store_article(session, document("x"), Extraction([rec]))
    aliases = set(session.execute(select(ActorAlias.alias_norm)).scalars())
    assert (alias_key(surface) in aliases) is kept


def test_a_failure_seen_again_is_one_row_and_success_clears_it(session):
    record_failure(session, "a.txt", "empty file")
    record_failure(session, "a.txt", "empty file")
    record_failure(session, "b.txt", "binary file")
    assert sorted(session.execute(select(IngestError.origin)).scalars()) == ["a.txt", "b.txt"]
    store_article(session, document("now it has text", origin="a.txt"), Extraction([]))
    assert session.execute(select(IngestError.origin)).scalars().all() == ["b.txt"]


def test_an_actor_with_two_roles_across_reports_is_listed_once_with_the_stronger(session):
    a = event_record(actors=("Vladimir Putin", "Kim Jong Un"))  # Putin source
    b = event_record(actors=("Kim Jong Un", "Vladimir Putin"))  # Putin target
    store_article(session, document("a"), Extraction([a]))
    store_article(session, document("b"), Extraction([b]))
    rows = session.execute(
        text("SELECT a.name, ea.role FROM event_actor ea JOIN actor a ON a.id = ea.actor_id ORDER BY ea.id")
    ).all()
    assert rows == [("Kim Jong Un", "source"), ("Vladimir Putin", "source")]


def test_a_later_report_of_an_article_may_merge_the_event_an_earlier_one_joined(session):
    # Found ingesting Reuters: the first report of an article joined event Z;
    # the second report bridged Z into an older event Y, so the first report's
    # mentions pointed at a deleted event (FOREIGN KEY constraint failed).
    y = event_record(actors=("Vladimir Putin", "Kim Jong Un"))
    z = event_record(actors=("Vladimir Putin", "Xi Jinping"))
    store_article(session, document("Putin met Kim."), Extraction([y]))
    store_article(session, document("Putin met Xi."), Extraction([z]))
    assert count(session, Event) == 2
    joins_z = event_record(actors=("Vladimir Putin", "Xi Jinping"), trigger="talked")
    bridge = event_record(actors=("Vladimir Putin",), trigger="met", offset=40)
    result = store_article(session, document("Putin talked with Xi. Putin met them."), Extraction([joins_z, bridge]))
    assert result.status == "stored"
    # The vague "Putin met them" fits both meetings but does not make them one.
    assert count(session, Event) == 2
    assert (
        session.execute(text("SELECT count(*) FROM mention WHERE event_id NOT IN (SELECT id FROM event)")).scalar_one()
        == 0
    )
    if session.get_bind().dialect.name == "sqlite":
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []


def test_a_report_that_bridges_dates_into_an_event_of_its_own_article_keeps_its_mentions(session):
    # The first report of the article joins the 15th; the second, a week, links
    # the 13th and the 15th, so the 15th's event is absorbed into the 13th's.
    store_article(session, document("a"), Extraction([event_record(date="2023-09-13")]))
    store_article(session, document("b"), Extraction([event_record(date="2023-09-16")]))
    assert count(session, Event) == 2
    joins_16th = event_record(date="2023-09-16", trigger="talked")
    week = event_record(date="2023-W37", trigger="met", offset=30)
    store_article(session, document("c"), Extraction([joins_16th, week]))
    assert count(session, Event) == 1
    assert (
        session.execute(text("SELECT count(*) FROM mention WHERE event_id NOT IN (SELECT id FROM event)")).scalar_one()
        == 0
    )


def test_opposite_directions_are_two_acts():
    us_warns = _report(1, type_="THREATEN", mode="threaten", actors=("United States", "Iran"))
    iran_warns = _report(2, type_="THREATEN", mode="threaten", actors=("Iran", "United States"))
    assert not compatible(us_warns, iran_warns)


def test_statements_of_one_speaker_merge_only_when_they_tell_the_same_story():
    a = _report(
        1,
        type_="STATEMENT",
        mode="say",
        actors=("Vladimir Putin",),
        trigger="said",
        sentence="Putin said the dollar would not fall further against the rouble.",
    )
    b = _report(
        2,
        type_="STATEMENT",
        mode="say",
        actors=("Vladimir Putin",),
        trigger="said",
        sentence="Putin said the central bank will carefully consider its monetary policy.",
    )
    c = _report(
        3,
        type_="STATEMENT",
        mode="say",
        actors=("Vladimir Putin",),
        trigger="said",
        sentence="Putin said the dollar would not fall further against the rouble, Tass reported.",
    )
    from timeline.store import sentence_words

    words = {
        r.report_key: sentence_words([s])
        for r, s in (
            (a, "Putin said the dollar would not fall further against the rouble."),
            (b, "Putin said the central bank will carefully consider its monetary policy."),
            (c, "Putin said the dollar would not fall further against the rouble, Tass reported."),
        )
    }
    assert compatible(a, b)  # without the sentences, the rule cannot tell
    assert not compatible(a, b, words)
    assert compatible(a, c, words)


# --- re-ingest with corrected metadata --------------------------------------------------


def _article(session, article_id):
    a = session.get(Article, article_id)
    session.refresh(a)
    return (a.status, a.published, a.published_source, a.title, a.url, a.publisher)


def test_same_text_with_a_publication_date_redates_an_undated_article(session):
    text_ = "Lula met Modi on Tuesday."
    first = store_article(
        session, document(text_, published=None, origin="a.txt"), Extraction([event_record(date=None)])
    )
    dated = Extraction([event_record(date="2024-03-05", date_expression="on Tuesday")])
    result = store_article(session, document(text_, published="2024-03-08", origin="a.txt"), dated)
    assert (result.status, result.article_id, result.events) == ("updated", first.article_id, 1)
    assert _article(session, first.article_id) == ("ok", "2024-03-08", "option", None, None, None)
    assert session.execute(select(Event.date)).scalars().all() == ["2024-03-05"]
    assert (count(session, Article), count(session, Mention)) == (1, 1)


@pytest.mark.parametrize(
    "field, value",
    [("title", "Lula and Modi meet"), ("url", "https://example.org/lula-modi"), ("publisher", "Example Times")],
)
def test_same_text_with_new_metadata_updates_the_article_and_keeps_its_events(session, field, value):
    doc = document("Lula met Modi.", origin="a.txt")
    first = store_article(session, doc, Extraction([event_record()]))
    before = snapshot(session), sorted(session.execute(select(Event.id)).scalars())
    result = store_article(
        session, document("Lula met Modi.", origin="a.txt", **{field: value}), Extraction([event_record()])
    )
    assert (result.status, result.article_id, result.events) == ("updated", first.article_id, 0)
    assert getattr(session.get(Article, first.article_id), field) == value
    assert (snapshot(session), sorted(session.execute(select(Event.id)).scalars())) == before


def test_identical_text_and_metadata_is_still_skipped(session):
    doc = document("Lula met Modi.", title="T", url="https://example.org/t", origin="a.txt")
    store_article(session, doc, Extraction([event_record()]))
    assert store_article(session, doc, Extraction([event_record()])).status == "skipped"


def test_a_copy_of_the_text_elsewhere_fills_gaps_but_overwrites_nothing(session):
    # Two outlets carrying one wire story: the first stored keeps its title and date.
    first = store_article(
        session, document("Lula met Modi.", title="First", origin="a.jsonl:1"), Extraction([event_record()])
    )
    copy = document("Lula met Modi.", title="Second", published="2024-01-01", origin="b.jsonl:7")
    assert store_article(session, copy, Extraction([event_record()])).status == "skipped"
    with_url = document("Lula met Modi.", title="Second", url="https://example.org/x", origin="b.jsonl:7")
    assert store_article(session, with_url, Extraction([event_record()])).status == "updated"
    assert _article(session, first.article_id) == ("ok", "2023-09-15", "option", "First", "https://example.org/x", None)


def _redated(session):
    text_ = "Lula met Modi on Tuesday."
    stored = store_article(
        session, document(text_, published=None, origin="a.txt"), Extraction([event_record(date=None)])
    )
    redate_article(
        session, stored.article_id, dt.date(2024, 3, 8), lambda doc: Extraction([event_record(date="2024-03-05")])
    )
    return stored.article_id, document(text_, published=None, origin="a.txt")


def test_a_redate_survives_a_reingest_that_gives_no_date(session):
    article_id, undated = _redated(session)
    assert store_article(session, undated, Extraction([event_record(date=None)])).status == "skipped"
    assert _article(session, article_id)[:3] == ("ok", "2024-03-08", "option")
    assert session.execute(select(Event.date)).scalars().all() == ["2024-03-05"]


def test_reingest_keeps_what_the_new_input_does_not_give(session):
    article_id, undated = _redated(session)
    kept = reingest_document(session, undated)
    assert (kept.published, kept.published_source, kept.text) == (dt.date(2024, 3, 8), "option", undated.text)
    result = store_article(session, kept, Extraction([event_record(date="2024-03-05")]), force=True)
    assert (result.status, _article(session, article_id)[:3]) == ("stored", ("ok", "2024-03-08", "option"))


def test_force_with_an_extraction_made_without_the_kept_date_is_refused(session):
    article_id, undated = _redated(session)
    with pytest.raises(StoreError, match=f"article {article_id} is dated 2024-03-08"):
        store_article(session, undated, Extraction([event_record(date=None)]), force=True)
    assert session.execute(select(Event.date)).scalars().all() == ["2024-03-05"]


@pytest.mark.parametrize(
    "stored, new, kept",
    [
        ((None, None), ("2024-03-08", "metadata"), ("2024-03-08", "metadata")),  # undated: any date fills it
        (("2024-03-08", "option"), (None, None), ("2024-03-08", "option")),  # no date given: a redate stays
        (("2024-03-08", "option"), ("2024-03-09", "metadata"), ("2024-03-09", "metadata")),  # a date given wins
        (("2024-03-08", "option"), ("2024-03-09", "option"), ("2024-03-09", "option")),
        (("2024-03-08", "option"), ("2024-03-07", "dateline"), ("2024-03-08", "option")),  # found: never over given
        (("2024-03-08", "metadata"), ("2024-03-07", "html"), ("2024-03-08", "metadata")),
        (("2024-03-08", "dateline"), ("2024-03-09", "html"), ("2024-03-09", "html")),  # found over found
    ],
)
def test_which_publication_date_a_reingest_keeps(session, stored, new, kept):
    store_article(
        session,
        dataclasses.replace(
            document("Lula met Modi.", published=stored[0], origin="a.txt"), published_source=stored[1]
        ),
        Extraction([]),
    )
    doc = dataclasses.replace(document("Lula met Modi.", published=new[0], origin="a.txt"), published_source=new[1])
    found = reingest_document(session, doc)
    assert (found.published.isoformat() if found.published else None, found.published_source) == kept


# --- split inside one article ---------------------------------------------------------------

MET, TALKS = TWO_OCCASIONS


def _one_record_for_two_occasions():
    return two_occasions_record()


SPLIT = [
    (
        "CONSULT",
        "meet",
        "2024-03-04",
        "day",
        None,
        "Delhi",
        1,
        "Lula da Silva and Narendra Modi met",
        ("Lula da Silva:source", "Narendra Modi:target"),
        (MET,),
    ),
    (
        "CONSULT",
        "negotiate",
        "2024-03-07",
        "day",
        None,
        None,
        1,
        "Lula da Silva and Narendra Modi: talks",
        ("Lula da Silva:source", "Narendra Modi:target"),
        (TALKS,),
    ),
]


def test_split_takes_one_mention_of_an_article_out_and_survives_reingest(session):
    doc = document(f"{MET} {TALKS}")
    store_article(session, doc, Extraction([_one_record_for_two_occasions()]))
    event_id = session.execute(select(Event.id)).scalar_one()
    talks = session.execute(select(Mention.id).where(Mention.trigger == "talks")).scalar_one()
    new_id = split_event(session, event_id, talks)
    assert new_id != event_id
    assert snapshot(session) == SPLIT
    assert dict(session.execute(select(Mention.trigger, Mention.event_id)).tuples().all()) == {
        "met": event_id,
        "talks": new_id,
    }
    store_article(session, doc, Extraction([_one_record_for_two_occasions()]), force=True)
    assert snapshot(session) == SPLIT
    redate_article(session, 1, dt.date(2024, 3, 8), lambda d: Extraction([_one_record_for_two_occasions()]))
    assert snapshot(session) == SPLIT


def test_a_mention_split_off_its_article_stays_apart_from_the_other_sources(session):
    store_article(session, document(f"{MET} {TALKS}"), Extraction([_one_record_for_two_occasions()]))
    # Another article reports the talks on the same days: the split-off mention may join it.
    other = event_record(actors=("Lula da Silva", "Narendra Modi"), date="2024-03-04", sentence=MET + " Reuters")
    store_article(session, document("other"), Extraction([other]))
    event_id = session.execute(select(Event.id)).scalar_one()
    talks = session.execute(select(Mention.id).where(Mention.trigger == "talks")).scalar_one()
    new_id = split_event(session, event_id, talks)
    assert sorted(session.execute(select(Event.id, Event.n_sources)).tuples().all()) == [(event_id, 2), (new_id, 1)]
