"""Shared fixtures: a fresh database per test (SQLite file, plus PostgreSQL when
TIMELINE_TEST_POSTGRES_URL is set), a CliRunner, builders for synthetic
extractions, and a database with the seed article ingested by the real CLI."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.events.types import EventRecord, Extraction, MentionRecord, Participant
from timeline.sources.document import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
POSTGRES_ENV = "TIMELINE_TEST_POSTGRES_URL"


def pytest_configure(config):
    config.addinivalue_line("markers", "spacy: needs the real spaCy extraction pipeline (slow to load)")


def _postgres_url() -> str:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV} to a server URL to run this case")
    return base


BACKENDS = ["sqlite", "postgresql"] if os.environ.get(POSTGRES_ENV) else ["sqlite"]


def new_db_url(backend: str, directory: Path, request) -> str:
    """A fresh, empty database on `backend` (for fixtures of any scope)."""
    if backend == "sqlite":
        return f"sqlite:///{directory / 'timeline.db'}"
    return _fresh_postgres_schema(request)


@pytest.fixture
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL: an SQLite file, and (parametrized by
    `pytest_generate_tests`) a PostgreSQL schema when TIMELINE_TEST_POSTGRES_URL is set."""
    return new_db_url(getattr(request, "param", "sqlite"), tmp_path, request)


def _fresh_postgres_schema(request) -> str:
    """A throwaway schema on the configured server, dropped after the test."""
    from sqlalchemy import create_engine, text

    base = _postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))

    def drop():
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()

    request.addfinalizer(drop)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def pytest_generate_tests(metafunc):
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize("db_url", BACKENDS, indirect=True)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def session(db_url):
    from sqlmodel import Session

    from timeline.db import open_engine

    with Session(open_engine(db_url)) as s:
        yield s


# --- synthetic extractions ----------------------------------------------------------

_KINDS = {
    "Russia": "country",
    "Belarus": "country",
    "North Korea": "country",
    "Ukraine": "country",
    "China": "country",
    "European Parliament": "legislature",
}


def person(name: str, role: str = "participant", **kw) -> Participant:
    return Participant(name=name, kind=_KINDS.get(name, "person"), role=role, **kw)


def event_record(
    type_: str = "CONSULT",
    actors: tuple[str, ...] = ("Vladimir Putin", "Kim Jong Un"),
    date: str | None = "2023-09-13",
    granularity: str | None = None,
    place: str | None = None,
    modality: str = "asserted",
    mode: str | None = "meet",
    summary: str | None = None,
    sentence: str | None = None,
    trigger: str = "met",
    offset: int = 0,
    date_expression: str | None = None,
    confidence: float = 0.8,
) -> EventRecord:
    """An EventRecord as extraction would return it (one mention)."""
    from timeline.temporal.expression import value_range

    rng = value_range(date) if date else None
    if granularity is None:
        granularity = _granularity(date)
    sentence = sentence or f"{' and '.join(actors)} {trigger} in {place or 'private'}."
    at = max(sentence.find(trigger), 0)
    roles = ["source"] + ["target"] * (len(actors) - 1)
    return EventRecord(
        type=type_,
        mode=mode,
        cameo="040" if type_ == "CONSULT" else None,
        date=date,
        date_start=rng[0].isoformat() if rng else None,
        date_end=rng[1].isoformat() if rng else None,
        granularity=granularity,
        modality=modality,
        confidence=confidence,
        summary=summary or f"{' and '.join(actors)} {trigger}",
        place=place,
        place_country="RU" if place else None,
        participants=[person(a, r) for a, r in zip(actors, roles)],
        mentions=[
            MentionRecord(
                sentence=sentence,
                sentence_start=offset,
                sentence_end=offset + len(sentence),
                trigger=trigger,
                trigger_start=offset + at,
                trigger_end=offset + at + len(trigger),
                type=type_,
                mode=mode,
                modality=modality,
                confidence=confidence,
                date=date,
                date_expression=date_expression,
                date_rule="test" if date_expression else None,
                date_anchor="publication" if date_expression else None,
            )
        ],
    )


# Two occasions one article tells (Monday's meeting, Thursday's talks).
TWO_OCCASIONS = ("Lula met Modi in Delhi on Monday.", "Modi and Lula held talks in Brasilia on Thursday.")


def two_occasions_record() -> EventRecord:
    """What extraction returns when it wrongly merges the two occasions of
    `TWO_OCCASIONS` (one article: the sentences joined by a space) into one event."""
    met, talks = TWO_OCCASIONS
    record = event_record(actors=("Lula da Silva", "Narendra Modi"), date="2024-03-04", place="Delhi", sentence=met)
    record.mentions += event_record(
        actors=("Narendra Modi", "Lula da Silva"),
        date="2024-03-07",
        sentence=talks,
        trigger="talks",
        mode="negotiate",
        offset=len(met) + 1,
    ).mentions
    return record


def _granularity(date: str | None) -> str:
    if not date:
        return "none"
    if "-W" in date:
        return "week"
    if "-Q" in date:
        return "quarter"
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def document(text: str, published: str | None = "2023-09-15", **kw) -> Document:
    return Document(
        text=text,
        published=dt.date.fromisoformat(published) if published else None,
        published_source="option" if published else None,
        **kw,
    )


@pytest.fixture
def make_event():
    return event_record


@pytest.fixture
def make_document():
    return document


@pytest.fixture
def extraction():
    return lambda *events: Extraction(events=list(events))


# --- the seed, ingested by the real CLI ------------------------------------------------


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> str:
    """A database URL holding `seeds/` ingested by `timeline ingest` (real
    extraction, spaCy). Built once per session; tests must not change it."""
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    result = CliRunner().invoke(cli, ["--db", url, "ingest", str(SEEDS), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return url


_REPORT_KEYS = itertools.count(1)


def merge_report(
    key: str | None = None,
    article_id: int | None = 1,
    family: str = "CONSULT",
    mode: str | None = "meet",
    date: str | None = "2024-03-06",
    place: str | None = None,
    actors: tuple[tuple[str, ...], ...] = (("Emmanuel Macron", "person"), ("Lula da Silva", "person")),
    sentences: tuple[str, ...] | list[str] = (),
):
    """A `timeline.merging.Report` built by hand: `actors` are (name, kind) with
    the first the source and the others targets, or (name, kind, role)."""
    from timeline.merging import Report, ReportActor, day_range, sentence_words
    from timeline.temporal.expression import value_range

    rng = value_range(date) if date else None
    roles = ["source"] + ["target"] * (len(actors) - 1)
    return Report(
        key=key or f"report-{next(_REPORT_KEYS)}",
        article_id=article_id,
        family=family,
        mode=mode,
        granularity=_granularity(date),
        days=day_range(rng[0].isoformat(), rng[1].isoformat()) if rng else None,
        place=place,
        actors=tuple(ReportActor(a[0], a[2] if len(a) > 2 else role, a[1]) for a, role in zip(actors, roles)),
        words=sentence_words(sentences),
    )
