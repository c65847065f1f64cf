"""Cross-article merging at scale: the next reports merged into a database of
a million reports, on SQLite and on PostgreSQL.

Builds a synthetic but realistically shaped database through the real
migrations, bulk-loaded into the store's own tables (no extraction): actors
drawn from the gazetteer (the Reuters ingest's most reported first, with
their counts, then a Zipf tail), dates over forty years, and type families,
date granularities, reports per event and actors per report in the
proportions the whole Reuters-21578 ingest gives; one mention sentence per
report, each in an article of its own. Then stores the next N reports
(default 10,000, each in a new article; a third follow up an event already
stored) through `store_article`, the ingest's own store step (actors,
candidate search, the merge rule, deriving events, commit), and prints the
time per report: median, p95, CPU seconds, candidates read, events joined.

    .venv/bin/python benchmarks/merge_scale.py                       # 10k and 1M reports, both backends
    .venv/bin/python benchmarks/merge_scale.py --sizes 10000 --backends sqlite --new 1000
    .venv/bin/python benchmarks/merge_scale.py --keep DIR --reuse --seed 7 --backends sqlite   # again, other reports

The SQLite files go to a temporary folder (or `--keep DIR`); PostgreSQL
(`TIMELINE_TEST_POSTGRES_URL`, or `--postgres URL`) gets a schema of its own,
dropped afterwards. SQLite is not ANALYZEd (a user's database has no
statistics); PostgreSQL is, as autovacuum would.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 1313
FIRST_DAY = dt.date(1986, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days + 1  # forty years

# The shape of the whole Reuters-21578 ingest (main at 188b384, 2026-12-04:
# 3,806 reports in 3,415 events), from its `event_report` table.
# (type, mode, family, reports):
TYPE_WEIGHTS: list[tuple[str, str | None, str, int]] = [
    ("STATEMENT", "say", "STATEMENT", 1220),
    ("CONSULT", "meet", "CONSULT", 656),
    ("CONSULT", "negotiate", "CONSULT", 498),
    ("CONSULT", "visit", "CONSULT", 296),
    ("AGREE", "agree", "AGREE", 222),
    ("REQUEST", "appeal", "REQUEST", 177),
    ("REQUEST", "propose", "REQUEST", 151),
    ("ACCUSE", "disapprove", "ACCUSE", 142),
    ("THREATEN", "threaten", "THREATEN", 77),
    ("SANCTION", "restrict", "SANCTION", 60),
    ("STATEMENT", "announce", "STATEMENT", 59),
    ("SUPPORT", "sign", "SUPPORT", 58),
    ("REJECT", "reject", "REJECT", 54),
    ("ACCUSE", "allege", "ACCUSE", 38),
    ("REJECT", "veto", "REJECT", 22),
    ("THREATEN", "retaliate", "THREATEN", 17),
    ("STATEMENT", "deny", "STATEMENT", 15),
    ("SUPPORT", "praise", "SUPPORT", 14),
    ("REQUEST", "demand", "REQUEST", 13),
    ("COOPERATE", "cooperate", "COOPERATE", 11),
    ("ACCUSE", "protest", "ACCUSE", 4),
    ("CONSULT", "phone", "CONSULT", 2),
]
# Granularity of the reports' dates ("none": undated, standing on the
# publication day); weekends counted as weeks, seasons as months, halves and
# quarters as years.
GRANULARITY_WEIGHTS: dict[str, int] = {"day": 2527, "none": 686, "month": 242, "week": 236, "year": 115}
# Reports per event (3,216 events of one report, 158 of two, ... one of 23).
REPORTS_PER_EVENT = (1, 2, 3, 5, 10)
REPORTS_PER_EVENT_WEIGHTS = (3216, 158, 13, 19, 10)
# Actors per report (5: five or more).
ACTORS_PER_REPORT = (1, 2, 3, 4, 5)
ACTORS_PER_REPORT_WEIGHTS = (1142, 1301, 783, 376, 204)
# The most reported actors and their reports; the rest of the gazetteer
# follows with a Zipf tail (the 41st actor 40/41 of the 40th's count, ...).
HEAD_ACTORS = {
    "United States": 1482,
    "Japan": 618,
    "United Kingdom": 290,
    "Ronald Reagan": 266,
    "West Germany": 251,
    "European Community": 218,
    "Brazil": 216,
    "France": 211,
    "Canada": 160,
    "Soviet Union": 143,
    "James Baker": 137,
    "World Bank": 134,
    "International Monetary Fund": 124,
    "Iran": 116,
    "Yasuhiro Nakasone": 91,
    "OPEC": 81,
    "Dilson Funaro": 78,
    "Philippines": 76,
    "European Commission": 75,
    "China": 73,
    "Argentina": 66,
    "Indonesia": 64,
    "United States Congress": 60,
    "General Agreement on Tariffs and Trade": 60,
    "Italy": 58,
    "George Shultz": 56,
    "Clayton Yeutter": 56,
    "Richard Lyng": 55,
    "Kiichi Miyazawa": 55,
    "Belgium": 53,
    "Venezuela": 51,
    "South Korea": 47,
    "Mexico": 47,
    "Nigel Lawson": 44,
    "Ecuador": 44,
    "Nigeria": 43,
    "Australia": 42,
    "Malcolm Baldrige": 41,
    "Gerhard Stoltenberg": 38,
    "Iraq": 37,
}
FOLLOW_UP_SHARE = 1 / 3  # of the new reports: another outlet's story of a stored event
TOPIC_WORDS = (
    "trade talks tariffs semiconductors rice beef textiles debt rescheduling loans oil prices quotas "
    "output ceiling arms control missiles troops border ceasefire refugees grain credits embargo "
    "currency dollar yen exchange rates interest summit agenda farm subsidies shipping fisheries "
    "aid package reconstruction elections hostages sanctions exports imports investment pipeline "
    "nuclear reactor treaty ratification fighter jets bases alliance"
).split()
TRIGGERS = {"CONSULT": "met", "STATEMENT": "said", "AGREE": "agreed with", "SANCTION": "imposed curbs on"}


def _cumulative(weights) -> list[float]:
    return list(itertools.accumulate(weights))


def _pick(rng: random.Random, items, cumulative: list[float]):
    return items[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


# --- what is generated ----------------------------------------------------------------


@dataclass
class Actor:
    id: int
    name: str
    kind: str
    country: str | None
    qid: str | None


def gazetteer_actors() -> list[Actor]:
    """Every gazetteer actor, the `HEAD_ACTORS` first (most reported first),
    the others in a fixed shuffled order."""
    from timeline.actors.loading import read_data

    data = read_data()
    unique = {a.name: a for a in data.actors}
    head = [unique[n] for n in HEAD_ACTORS if n in unique]
    rest = sorted((a for n, a in unique.items() if n not in HEAD_ACTORS), key=lambda a: a.name)
    random.Random(SEED).shuffle(rest)
    return [Actor(i + 1, a.name, a.kind, a.country, a.qid) for i, a in enumerate(head + rest)]


def actor_weights(actors: list[Actor]) -> list[float]:
    """Reports per actor: the head's counts, then a Zipf tail."""
    last = min(HEAD_ACTORS.values())
    n_head = sum(1 for a in actors if a.name in HEAD_ACTORS)
    return [HEAD_ACTORS.get(a.name, last * n_head / (rank + 1)) for rank, a in enumerate(actors)]


@dataclass
class Report:
    event: int
    article: int
    type: str
    mode: str | None
    family: str
    date: str | None
    date_start: str | None
    date_end: str | None
    granularity: str
    actors: list[tuple[str, str, str]]  # (name, role, kind)
    sentence: str
    published: dt.date


class World:
    """The generator's state: draws events and their reports."""

    def __init__(self, actors: list[Actor], seed: int) -> None:
        self.rng = random.Random(seed)
        self.actors = actors
        self.actor_cum = _cumulative(actor_weights(actors))
        self.type_cum = _cumulative(w for *_, w in TYPE_WEIGHTS)
        self.gran = list(GRANULARITY_WEIGHTS)
        self.gran_cum = _cumulative(GRANULARITY_WEIGHTS.values())

    def date(self, day: dt.date, granularity: str) -> tuple[str | None, str | None, str | None]:
        if granularity == "day":
            return day.isoformat(), day.isoformat(), day.isoformat()
        if granularity == "week":
            iso = day.isocalendar()
            monday = day - dt.timedelta(days=day.weekday())
            return f"{iso.year}-W{iso.week:02d}", monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if granularity == "month":
            first = day.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return f"{day:%Y-%m}", first.isoformat(), last.isoformat()
        if granularity == "year":
            return str(day.year), f"{day.year}-01-01", f"{day.year}-12-31"
        return None, None, None

    def event(self, day: dt.date | None = None) -> tuple:
        """A new event's shape: (type, mode, family, day, actors, topic words)."""
        rng = self.rng
        etype, mode, family, _ = _pick(rng, TYPE_WEIGHTS, self.type_cum)
        day = day or FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        k = rng.choices(ACTORS_PER_REPORT, weights=ACTORS_PER_REPORT_WEIGHTS)[0]
        chosen: list[Actor] = []
        while len(chosen) < k:
            a = _pick(rng, self.actors, self.actor_cum)
            if a not in chosen:
                chosen.append(a)
        topic = rng.sample(TOPIC_WORDS, 4)
        return etype, mode, family, day, chosen, topic

    def report(self, event_id: int, article: int, shape: tuple, lag: int) -> Report:
        """One article's report of the event `shape`: its own granularity and
        words, the same actors (perhaps fewer), published `lag` days after."""
        etype, mode, family, day, chosen, topic = shape
        rng = self.rng
        granularity = _pick(rng, self.gran, self.gran_cum)
        value, start, end = self.date(day, granularity)
        kept = chosen if len(chosen) < 3 or rng.random() < 0.7 else chosen[: len(chosen) - 1]
        actors = [(a.name, "source" if i == 0 else "target", a.kind) for i, a in enumerate(kept)]
        words = topic[:3] + [rng.choice(TOPIC_WORDS)]
        trigger = TRIGGERS.get(family, "acted on")
        others = " and ".join(a.name for a in kept[1:]) or "officials"
        sentence = f"{kept[0].name} {trigger} {others} on {' '.join(words)}, officials said."
        return Report(
            event_id,
            article,
            etype,
            mode,
            family,
            value,
            start,
            end,
            granularity,
            actors,
            sentence,
            day + dt.timedelta(days=lag),
        )


def generate(world: World, n_reports: int) -> Iterator[list[Report]]:
    """Events with their reports until `n_reports` reports; article ids in order."""
    article = 0
    event_id = 0
    made = 0
    while made < n_reports:
        event_id += 1
        shape = world.event()
        n = world.rng.choices(REPORTS_PER_EVENT, weights=REPORTS_PER_EVENT_WEIGHTS)[0]
        n = min(n, n_reports - made)
        reports = []
        for lag in sorted(world.rng.choice((0, 0, 1, 1, 2)) for _ in range(n)):
            article += 1
            reports.append(world.report(event_id, article, shape, lag))
        made += n
        yield reports


# --- building ---------------------------------------------------------------------


def _sha(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()


def _event_row(event_id: int, reports: list[Report]) -> tuple:
    first = min(reports, key=lambda r: (r.granularity != "day", r.article))
    return (
        event_id,
        first.type,
        first.mode,
        None,
        first.date,
        first.date_start,
        first.date_end,
        first.granularity,
        None,
        None,
        None,
        first.sentence,
        "asserted",
        0.8,
        len({r.article for r in reports}),
    )


COLUMNS = {
    "actor": ("id", "name", "kind", "country", "qid"),
    "article": (
        "id",
        "sha256",
        "url",
        "title",
        "publisher",
        "published",
        "published_source",
        "status",
        "language",
        "text",
        "ingested_at",
        "n_events",
    ),
    "event": (
        "id",
        "type",
        "mode",
        "cameo",
        "date",
        "date_start",
        "date_end",
        "granularity",
        "date_conflict",
        "place",
        "place_country",
        "summary",
        "modality",
        "confidence",
        "n_sources",
    ),
    "event_actor": ("id", "event_id", "actor_id", "role"),
    "event_report": (
        "id",
        "event_id",
        "article_id",
        "report_key",
        "type",
        "family",
        "mode",
        "cameo",
        "date",
        "date_start",
        "date_end",
        "granularity",
        "place",
        "place_country",
        "summary",
        "modality",
        "confidence",
        "actors",
    ),
    "mention": (
        "id",
        "event_id",
        "article_id",
        "sentence",
        "sentence_start",
        "sentence_end",
        "trigger",
        "trigger_start",
        "trigger_end",
        "type",
        "mode",
        "date",
        "modality",
        "confidence",
    ),
}
LOAD_ORDER = ("actor", "article", "event", "event_actor", "event_report", "mention")
PUBLISHERS = ("Reuters", "AP", "AFP", "BBC", "Kyodo", "TASS", "Xinhua", "DPA")


def rows(actors: list[Actor], n_reports: int) -> Iterator[tuple[str, tuple]]:
    """("table", row) in an order that satisfies the foreign keys per batch."""
    for a in actors:
        yield "actor", (a.id, a.name, a.kind, a.country, a.qid)
    ids = {a.name: a.id for a in actors}
    world = World(actors, SEED)
    ea = 0
    report_id = 0
    for reports in generate(world, n_reports):
        event_id = reports[0].event
        for r in reports:
            sha = _sha(SEED, r.article)
            yield (
                "article",
                (
                    r.article,
                    sha,
                    f"https://news.example/{r.article}",
                    f"Report {r.article}",
                    PUBLISHERS[r.article % len(PUBLISHERS)],
                    r.published.isoformat(),
                    "metadata",
                    "ok",
                    "en",
                    r.sentence,
                    "2026-01-01T00:00:00+00:00",
                    1,
                ),
            )
        yield "event", _event_row(event_id, reports)
        best: dict[str, str] = {}
        for r in reports:
            for name, role, _ in r.actors:
                best.setdefault(name, role)
        for name, role in best.items():
            ea += 1
            yield "event_actor", (ea, event_id, ids[name], role)
        for r in reports:
            report_id += 1
            at = len(r.actors[0][0]) + 1
            trigger = r.sentence[at:].split(" ", 1)[0]
            yield (
                "event_report",
                (
                    report_id,
                    event_id,
                    r.article,
                    f"{_sha(SEED, r.article)}:{at}:{r.type}",
                    r.type,
                    r.family,
                    r.mode,
                    None,
                    r.date,
                    r.date_start,
                    r.date_end,
                    r.granularity,
                    None,
                    None,
                    r.sentence,
                    "asserted",
                    0.8,
                    json.dumps([list(a) for a in sorted(r.actors)]),
                ),
            )
            yield (
                "mention",
                (
                    report_id,
                    event_id,
                    r.article,
                    r.sentence,
                    0,
                    len(r.sentence),
                    trigger,
                    at,
                    at + len(trigger),
                    r.type,
                    r.mode,
                    r.date,
                    "asserted",
                    0.8,
                ),
            )


def _batches(actors: list[Actor], n_reports: int, size: int = 20_000) -> Iterator[dict[str, list[tuple]]]:
    """Rows by table in batches, parents of a batch's rows in it or before it."""
    batch: dict[str, list[tuple]] = {name: [] for name in LOAD_ORDER}
    count = 0
    for table, row in rows(actors, n_reports):
        batch[table].append(row)
        count += 1
        if count >= size and table == "mention":
            yield batch
            batch = {name: [] for name in LOAD_ORDER}
            count = 0
    yield batch


def build(url: str, n_reports: int) -> dict[str, float]:
    """Create the schema by the migrations and bulk-load `n_reports` reports."""
    from sqlalchemy import text

    from timeline.db import open_engine

    started = time.perf_counter()
    engine = open_engine(url)
    actors = gazetteer_actors()
    counts = dict.fromkeys(LOAD_ORDER, 0)
    with engine.begin() as conn:
        postgres = conn.dialect.name == "postgresql"
        raw = conn.connection.driver_connection
        cursor = raw.cursor()
        for batch in _batches(actors, n_reports):
            for table in LOAD_ORDER:
                cols = COLUMNS[table]
                if not batch[table]:
                    continue
                counts[table] += len(batch[table])
                if postgres:
                    with cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                        for row in batch[table]:
                            copy.write_row(row)
                else:
                    cursor.executemany(
                        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", batch[table]
                    )
        if postgres:
            # COPY with explicit ids leaves the serial sequences behind.
            for table in LOAD_ORDER:
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    seconds = time.perf_counter() - started
    print(f"  built in {seconds:.0f} s: {counts}", file=sys.stderr, flush=True)
    return {"build_s": seconds, **{f"n_{k}": v for k, v in counts.items()}}


# --- the next reports ---------------------------------------------------------------


def next_reports(url: str, n_new: int, seed: int) -> list[tuple]:
    """(Document, Extraction) for `n_new` new articles of one report each: a
    `FOLLOW_UP_SHARE` of them another outlet's story of a stored event (same
    family, actors and day, most of its words), the rest new events."""
    from sqlalchemy import bindparam, text

    from timeline.db import make_engine
    from timeline.events.types import EventRecord, Extraction, MentionRecord, Participant
    from timeline.sources.document import Document

    actors = gazetteer_actors()
    kinds = {a.name: a for a in actors}
    world = World(actors, seed)
    engine = make_engine(url)
    with engine.connect() as conn:
        n_events = conn.execute(text("SELECT max(id) FROM event")).scalar() or 0
        picks = sorted(world.rng.sample(range(1, n_events + 1), min(n_events, int(n_new * FOLLOW_UP_SHARE))))
        stored = {}
        for chunk in range(0, len(picks), 500):
            part = picks[chunk : chunk + 500]
            for row in conn.execute(
                text(
                    "SELECT event_id, type, mode, family, date_start, actors, summary FROM event_report "
                    "WHERE event_id IN :ids AND date_start IS NOT NULL"
                ).bindparams(bindparam("ids", expanding=True)),
                {"ids": part},
            ):
                stored.setdefault(row.event_id, row)
    engine.dispose()
    out = []
    follow = list(stored.values())
    world.rng.shuffle(follow)
    for i in range(n_new):
        if i % round(1 / FOLLOW_UP_SHARE) == 0 and follow:
            row = follow.pop()
            names = [a[0] for a in json.loads(row.actors)]
            chosen = [kinds[n] for n in names if n in kinds]
            words = [w for w in row.summary.replace(",", "").split() if w.islower() and w in TOPIC_WORDS][:3]
            shape = (row.type, row.mode, row.family, dt.date.fromisoformat(row.date_start), chosen, words + ["x"])
        else:
            shape = world.event()
        r = world.report(0, 0, shape, world.rng.choice((0, 1, 1, 2)))
        published = r.published
        text_ = f"{r.sentence}\n\nStory {seed}-{i} of the next reports."
        doc = Document(
            text=text_,
            title=f"Next {i}",
            url=f"https://next.example/{seed}/{i}",
            published=published,
            publisher=PUBLISHERS[i % len(PUBLISHERS)],
            origin=f"next:{i}",
            published_source="metadata",
        )
        at = len(r.actors[0][0]) + 1
        trigger = r.sentence[at:].split(" ", 1)[0]
        record = EventRecord(
            type=r.type,
            mode=r.mode,
            cameo=None,
            date=r.date,
            date_start=r.date_start,
            date_end=r.date_end,
            granularity=r.granularity,
            modality="asserted",
            confidence=0.8,
            summary=r.sentence,
            participants=[
                Participant(name=n, kind=k, role=role, country=kinds[n].country, known=True) for n, role, k in r.actors
            ],
            mentions=[
                MentionRecord(
                    sentence=r.sentence,
                    sentence_start=0,
                    sentence_end=len(r.sentence),
                    trigger=trigger,
                    trigger_start=at,
                    trigger_end=at + len(trigger),
                    type=r.type,
                    mode=r.mode,
                    modality="asserted",
                    confidence=0.8,
                    date=r.date,
                )
            ],
        )
        out.append((doc, Extraction(events=[record])))
    return out


def merge_next(url: str, batch: list[tuple], last_stored: int) -> dict[str, float]:
    """Store each new article by `store_article`; the time of each, and what
    the candidate search read (`store.events._candidates`, counted), and how
    many went into an event stored before (id up to `last_stored`)."""
    from sqlmodel import Session

    from timeline.db import make_engine
    from timeline.store import articles as store_articles
    from timeline.store import events as store_events

    read: list[int] = []
    real = store_events._candidates

    def counted(session, report):
        found = real(session, report)
        read.append(len(found))
        return found

    store_events._candidates = counted
    engine = make_engine(url)
    walls, cpus = [], []
    joined = 0
    try:
        with Session(engine) as session:
            for doc, extraction in batch:
                w, c = time.perf_counter(), time.process_time()
                result = store_articles.store_article(session, doc, extraction)
                walls.append(time.perf_counter() - w)
                cpus.append(time.process_time() - c)
                if any(e <= last_stored for e in result.event_ids):
                    joined += 1
    finally:
        store_events._candidates = real
        engine.dispose()
    walls_ms = sorted(x * 1000 for x in walls)
    return {
        "reports": len(walls),
        "median_ms": statistics.median(walls_ms),
        "p95_ms": walls_ms[int(0.95 * (len(walls_ms) - 1))],
        "mean_ms": statistics.fmean(walls_ms),
        "wall_s": sum(walls),
        "cpu_s": sum(cpus),
        "candidates_mean": statistics.fmean(read) if read else 0.0,
        "candidates_max": max(read, default=0),
        "joined_stored": joined,
    }


def _max_event(url: str) -> int:
    from sqlalchemy import text

    from timeline.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text("SELECT max(id) FROM event")).scalar() or 0
    engine.dispose()
    return int(value)


# --- plans ----------------------------------------------------------------------------


def explain(url: str) -> list[str]:
    """The plans of the two candidate statements for a much-reported actor."""

    from timeline.db import make_engine
    from timeline.store import events as store_events

    engine = make_engine(url)
    params = {
        "family": "CONSULT",
        "lo": "2001-06-09",
        "hi": "2001-06-12",
        "earliest_start": "2001-05-09",
        "published_lo": "2001-06-09",
        "published_before": "2001-06-14",
    }
    lines = []
    with engine.connect() as conn:
        names = {"names": ["United States", "Japan"]}
        params["actor_ids"] = sorted(conn.execute(store_events._ACTOR_IDS_NAMED, names).scalars())
        for name, stmt in (("dated", store_events._CANDIDATES), ("undated", store_events._UNDATED_CANDIDATES)):
            compiled = stmt.params(**params).compile(conn, compile_kwargs={"render_postcompile": True})
            lines.append(f"-- {name} candidates ({conn.dialect.name})")
            if conn.dialect.name == "sqlite":
                rows = conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params[k] for k in compiled.positiontup or ())
                )
            else:
                rows = conn.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
            for row in rows:
                lines.append("   " + " | ".join(str(v) for v in row[-1:]))
    engine.dispose()
    return lines


# --- driving -------------------------------------------------------------------------


def _pg_schema_url(base: str) -> tuple[str, str]:
    schema = f"merge_scale_{uuid.uuid4().hex[:8]}"
    from sqlalchemy import create_engine

    admin = create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    admin.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def _drop_pg_schema(base: str, schema: str) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    admin.dispose()


def run(backend: str, size: int, args, workdir: Path) -> dict:
    schema = None
    if backend == "sqlite":
        path = workdir / f"merge-scale-{size}.db"
        url = f"sqlite:///{path}"
        reuse = args.reuse and path.exists()
        if not reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        url, schema = _pg_schema_url(args.postgres)
    try:
        if backend == "sqlite" and reuse:
            built = {"build_s": 0.0, "n_event": _max_event(url)}
        else:
            print(f"{backend}, {size:,} reports: building ...", file=sys.stderr, flush=True)
            built = build(url, size)
        for line in explain(url):
            print(line)
        batch = next_reports(url, args.new, args.seed)
        load = os.getloadavg()[0]
        measured = merge_next(url, batch, _max_event(url))
        return {"backend": backend, "size": size, "load": load, **built, **measured}
    finally:
        if schema is not None:
            _drop_pg_schema(args.postgres, schema)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,1000000", help="database sizes in reports, comma-separated")
    ap.add_argument("--new", type=int, default=10_000, help="reports to merge into each database")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--postgres", default=os.environ.get("TIMELINE_TEST_POSTGRES_URL"))
    ap.add_argument("--keep", help="folder for the SQLite files (default: a temporary one, removed)")
    ap.add_argument(
        "--reuse", action="store_true", help="with --keep: merge into the SQLite files kept there, as they are"
    )
    ap.add_argument(
        "--seed", type=int, default=SEED + 1, help="seed of the next reports (another seed, other articles)"
    )
    args = ap.parse_args()
    backends = args.backends.split(",")
    if "postgresql" in backends and not args.postgres:
        print("PostgreSQL skipped: set TIMELINE_TEST_POSTGRES_URL or give --postgres", file=sys.stderr)
        backends.remove("postgresql")
    with tempfile.TemporaryDirectory(prefix="timeline-merge-scale-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        results = []
        for size in (int(s) for s in args.sizes.split(",")):
            for backend in backends:
                results.append(run(backend, size, args, workdir))
                r = results[-1]
                print(
                    f"{r['backend']:<10} {r['size']:>9,} reports ({r['n_event']:,} events): next {r['reports']:,}: "
                    f"median {r['median_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, mean {r['mean_ms']:.1f} ms, "
                    f"CPU {r['cpu_s']:.1f} s (wall {r['wall_s']:.1f} s), candidates mean {r['candidates_mean']:.1f} "
                    f"max {r['candidates_max']}, joined a stored event {r['joined_stored']:,}; "
                    f"build {r['build_s']:.0f} s, load {r['load']:.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
