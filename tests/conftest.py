"""Shared fixtures: a fresh database per test (SQLite file, plus PostgreSQL when
TIMELINE_TEST_POSTGRES_URL is set), a CliRunner, builders for synthetic
extractions, hand-built spaCy parses (no statistical model), and a database with
the seed article ingested by the real CLI."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import shutil
import subprocess
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


# --- real filesystem faults ------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path):
    """`tmpfs(size)` mounts a fresh tmpfs of `size` ("64k", "1m") and returns
    its folder; `tmpfs.read_only(folder)` remounts it read-only. Unmounted
    after the test. A full disk and a read-only filesystem are faults a
    monkeypatch only imitates: this needs root and a kernel that lets it mount."""
    mounts: list[Path] = []

    def mount(size: str = "1m") -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("mounting a tmpfs needs root and mount(8): the real full / read-only filesystem case")
        where = tmp_path / f"tmpfs{len(mounts)}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
        mounts.append(where)
        return where

    def read_only(where: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)

    mount.read_only = read_only  # type: ignore[attr-defined]
    yield mount
    for where in reversed(mounts):
        subprocess.run(["umount", str(where)], capture_output=True)


@pytest.fixture
def small_tmpfs(tmpfs) -> Path:
    """A 64 KiB filesystem: a few hundred events fill it."""
    return tmpfs("64k")


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
    "African Union": "organisation",
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


# --- hand-built parses ---------------------------------------------------------------
#
# As spaCy's own tests build them: a `Doc` from words, tags, heads and labels, so
# a rule is tested on the parse it is written for, without the statistical model.
# One token per field group, `word/TAG/dep/head`, head the 0-based index of the
# head token (the root heads itself), and optionally `/=lemma` (default: the
# word, lower-cased unless a proper noun) and `/@LABEL` (entity; adjacent tokens
# with one label are one entity). The coarse part of speech follows from the
# tag; write `TAG:POS` where it does not ("are/VBP:VERB" for existential
# "there are"). A `*` before a word marks the token under test (`marked`).

_POS_OF_TAG = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "MD": "AUX",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
    "IN": "ADP", "RP": "ADP", "TO": "PART", "POS": "PART", "DT": "DET", "PDT": "DET",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "WDT": "PRON", "EX": "PRON",
    "CC": "CCONJ", "CD": "NUM", "UH": "INTJ", "SYM": "SYM", "$": "SYM", "FW": "X", "XX": "X",
    "AFX": "ADJ", "ADD": "X",
}  # fmt: skip
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "’s", "'", "n't", "'ll", "%", "”"}
_NO_SPACE_AFTER = {"“", "("}


def default_pos(tag: str, dep: str, lemma: str) -> str:
    """The coarse part of speech spaCy's English pipeline gives a fine tag."""
    if tag.startswith("VB"):
        return "AUX" if dep in ("aux", "auxpass") or lemma == "be" else "VERB"
    if (tag, dep) in (("IN", "mark"), ("RB", "neg")):
        return "SCONJ" if tag == "IN" else "PART"
    return _POS_OF_TAG.get(tag, "PUNCT")


@functools.lru_cache(maxsize=1)
def _english_vocab():
    """English lexical attributes (lower-case forms, stop words), no pipeline."""
    from spacy.lang.en import English

    return English().vocab


def parse(notation: str):
    """A parsed spaCy `Doc` from the notation above."""
    from spacy.tokens import Doc

    words, tags, pos, deps, heads, lemmas, ents = [], [], [], [], [], [], []
    marked = []
    for i, field in enumerate(notation.split()):
        if field.startswith("*") and len(field) > 1:
            marked.append(i)
            field = field[1:]
        word, tag, dep, head, *extra = field.split("/")
        tag, _, coarse = tag.partition(":")
        lemma = next((x[1:] for x in extra if x.startswith("=")), None)
        words.append(word)
        tags.append(tag)
        pos.append(coarse or default_pos(tag, dep, lemma or word.lower()))
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma or (word if pos[-1] == "PROPN" else word.lower()))
        label = next((x[1:] for x in extra if x.startswith("@")), None)
        previous = ents[-1].partition("-")[2] if ents else None
        ents.append("O" if label is None else (f"I-{label}" if label == previous else f"B-{label}"))
    spaces = [w not in _NO_SPACE_AFTER and nxt not in _NO_SPACE_BEFORE for w, nxt in zip(words, words[1:])] + [False]
    doc = Doc(
        _english_vocab(),
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        ents=ents,
    )
    doc.user_data["marked"] = marked
    return doc


def marked(doc):
    """The token the notation marked with `*`."""
    [i] = doc.user_data["marked"]
    return doc[i]


def sentence(notation: str) -> str:
    """The plain text of a notation, for test ids."""
    return parse(notation).text


@pytest.fixture
def hand_parse():
    """`parse` as a fixture: `hand_parse("Merkel/NNP/nsubj/1 left/VBD/ROOT/1/=leave")`."""
    return parse


# --- a small gazetteer ---------------------------------------------------------------
#
# Real countries and bodies, invented office holders, so participant rules are
# tested without the shipped gazetteer's data.

_SMALL_OFFICES = {
    "titles": {
        "head_of_state": ["president", "king"],
        "head_of_government": ["prime minister", "premier"],
        "foreign_minister": ["foreign minister"],
    },
    "leader": ["leader"],
    "government": ["officials", "government", "ministry", "negotiators"],
    "legislature": ["parliament"],
}


@functools.lru_cache(maxsize=1)
def small_gazetteer():
    """Norway, Chile, Japan, Peru, Kenya, Canada, South Korea and the United States; the EC,
    ASEAN (and its Regional Forum) and the G-7; and four invented office holders (on 2023-09-15: Ingrid
    Berg, Norway's prime minister; Tomas Vidal, Chile's; Amara Osei, Kenya's
    foreign minister; Kenji Mori, Japan's)."""
    from timeline.actors.gazetteer import Gazetteer
    from timeline.actors.loading import GazetteerData, read_offices
    from timeline.actors.model import Actor, Role

    def country(name, demonym, *aliases):
        return Actor(name, "country", name, demonyms=(demonym,), aliases=aliases, leader=("head_of_government",))

    def holder(name, office, of, start):
        return Actor(name, "person", of, roles=(Role(office, office, of, dt.date.fromisoformat(start), None, of),))

    actors = [
        country("Norway", "Norwegian"),
        country("Chile", "Chilean"),
        country("Japan", "Japanese"),
        country("Peru", "Peruvian"),
        country("Kenya", "Kenyan"),
        country("Canada", "Canadian"),
        country("South Korea", "South Korean"),
        country("United States", "American", "U.S.", "US", "America"),
        Actor("European Community", "organisation", None, aliases=("EC",)),
        Actor("ASEAN", "organisation", None),
        Actor("ASEAN Regional Forum", "organisation", None),
        Actor("G-7", "group", None),
        holder("Ingrid Berg", "head_of_government", "Norway", "2021-10-14"),
        holder("Tomas Vidal", "head_of_government", "Chile", "2022-03-11"),
        holder("Amara Osei", "foreign_minister", "Kenya", "2020-01-01"),
        holder("Kenji Mori", "foreign_minister", "Japan", "2021-11-10"),
    ]
    offices = read_offices(_SMALL_OFFICES)
    return Gazetteer(GazetteerData(actors, {}, {}, {}, {}, offices, frozenset(), []))


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
    published: str | None = None,
    place_country: str | None = None,
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
        place_country=place_country,
        actors=tuple(ReportActor(a[0], a[2] if len(a) > 2 else role, a[1]) for a, role in zip(actors, roles)),
        words=sentence_words(sentences),
        published=dt.date.fromisoformat(published) if published else None,
    )
