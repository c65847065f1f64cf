"""`timeline query`, `export`, `show`, `actors`, `articles` on a real SQLite
file: whole JSON answers, shared output options, one-line errors, and a
query process that never imports spaCy, Alembic or dateparser."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, document, event_record
from sqlmodel import Session

from timeline.cli import cli
from timeline.db import open_engine
from timeline.events.types import Extraction
from timeline.store import store_article


@pytest.fixture
def db(db_url) -> str:
    with Session(open_engine(db_url)) as s:
        summit = event_record(
            date="2023-09-13",
            place="Vostochny Cosmodrome",
            date_expression="on Wednesday",
            sentence="Putin met Kim Jong Un on Wednesday.",
        )
        store_article(
            s, document("a1", url="https://example.org/a1", title="Summit", publisher="Example"), Extraction([summit])
        )
        sochi = event_record(
            actors=("Alexander Lukashenko", "Vladimir Putin"),
            date="2023-09-15",
            place="Sochi",
            sentence="Lukashenko met Putin in Sochi on Friday.",
            date_expression="on Friday",
        )
        store_article(
            s, document("a2", url="https://example.org/a2", title="Sochi", publisher="Other"), Extraction([sochi])
        )
    return db_url


def invoke(runner, db, *args):
    return runner.invoke(cli, ["--db", db, *args])


def test_query_json_is_the_event_records(runner, db):
    result = invoke(runner, db, "query", "--actor", "putin", "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert [(e["id"], e["date"], e["location"]["name"]) for e in events] == [
        (1, "2023-09-13", "Vostochny Cosmodrome"),
        (2, "2023-09-15", "Sochi"),
    ]
    assert events[1] == {
        "id": 2,
        "type": "CONSULT",
        "mode": "meet",
        "cameo": "040",
        "date": "2023-09-15",
        "date_start": "2023-09-15",
        "date_end": "2023-09-15",
        "granularity": "day",
        "actors": [
            {"name": "Alexander Lukashenko", "role": "source", "kind": "person", "country": None},
            {"name": "Vladimir Putin", "role": "target", "kind": "person", "country": None},
        ],
        "location": {"name": "Sochi", "country": "RU"},
        "summary": "Alexander Lukashenko and Vladimir Putin met",
        "confidence": 0.8,
        "modality": "asserted",
        "n_sources": 1,
        "date_conflict": None,
        "mentions": [
            {
                "article_id": 2,
                "url": "https://example.org/a2",
                "title": "Sochi",
                "published": "2023-09-15",
                "publisher": "Other",
                "sentence": "Lukashenko met Putin in Sochi on Friday.",
                "date_expression": "on Friday",
                "date_rule": "test",
                "date_anchor": "publication",
                "trigger": "met",
                "modality": "asserted",
                "confidence": 0.8,
            }
        ],
    }


@pytest.mark.parametrize(
    "args, ids",
    [
        (["--actor", "Putin", "--actor", "Lukashenko"], [2]),
        (["--actor", "Putin", "--with", "Kim"], [1]),
        (["--since", "2023-09-14"], [2]),
        (["--until", "2023-W37", "--place", "vostochny"], [1]),
        (["--text", "Sochi"], [2]),
        (["--source", "example.org/a1"], [1]),
        (["--type", "CONSULT", "--mode", "meet", "--cameo", "04", "--no-planned", "--limit", "1"], [1]),
        (["--type", "consult", "--mode", "MEET", "--since", "2023-09-13", "--until", "2023-09-13"], [1]),
        (["--order", "-date"], [2, 1]),
        (["--planned"], []),
    ],
)
def test_query_options(runner, db, args, ids):
    result = invoke(runner, db, "query", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids


def test_query_table_and_output_file(runner, db, tmp_path):
    table = invoke(runner, db, "query", "--actor", "Putin")
    assert table.exit_code == 0
    assert "2023-09-13" in table.stdout and "Sochi" in table.stdout
    assert table.stdout.index("2023-09-13") < table.stdout.index("2023-09-15")
    out = tmp_path / "events.csv"
    result = invoke(runner, db, "query", "--format", "csv", "--bom", "--output", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("fmt", ["ics", "timelinejs", "html"])
def test_query_other_formats_render(runner, db, fmt):
    result = invoke(runner, db, "query", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "Sochi" in result.stdout


def test_export_is_every_event_as_query_gives_it(runner, db):
    exported = json.loads(invoke(runner, db, "export", "--format", "json").stdout)
    queried = json.loads(invoke(runner, db, "query", "--format", "json").stdout)
    assert exported == queried and len(exported) == 2


def test_window_lists_events_inside_it_unless_overlapping(runner, db):
    with Session(open_engine(db)) as s:
        yearly = event_record(date="2023", sentence="Putin met Kim Jong Un in 2023.", date_expression="in 2023")
        store_article(s, document("a3", url="https://example.org/a3"), Extraction([yearly]))
    window = ["query", "--since", "2023-09-11", "--until", "2023-09-15", "--format", "jsonl"]
    inside = invoke(runner, db, *window)
    overlapping = invoke(runner, db, *window, "--overlapping")
    assert [json.loads(line)["date"] for line in inside.stdout.splitlines()] == ["2023-09-13", "2023-09-15"]
    assert [json.loads(line)["date"] for line in overlapping.stdout.splitlines()] == [
        "2023",
        "2023-09-13",
        "2023-09-15",
    ]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["query", "--since", "soonish"],
            2,
            "timeline: cannot read date 'soonish': use 2023-09-15, 2023-W37, "
            "2023-09, 2023-Q3, 2023 or a phrase such as 'last month'\n",
        ),
        (
            ["query", "--type", "CONSLUT"],
            2,
            "timeline: unknown --type 'CONSLUT': use one of CONSULT, AGREE, SUPPORT, COOPERATE, REQUEST, "
            "ACCUSE, REJECT, THREATEN, SANCTION, STATEMENT (see `timeline types`)\n",
        ),
        (
            ["query", "--type", "consult", "--mode", "meeet"],
            2,
            "timeline: unknown --mode 'meeet': use one of agree, allege, announce, appeal, cooperate, demand, "
            "deny, disapprove, economic, expel, force, host, mediate, meet, military, multilateral, negotiate, "
            "phone, praise, propose, protest, recognize, reject, relations, restrict, retaliate, say, settle, "
            "sign, third-party, threaten, veto, visit, withdraw (see `timeline types`)\n",
        ),
        (
            ["query", "--since", "2024-05-01", "--until", "2024-04-01"],
            2,
            "timeline: --since 2024-05-01 is after --until 2024-04-01; swap them\n",
        ),
        (["show", "99"], 1, "timeline: no event with id 99\n"),
        (["actors", "--format", "ics"], 2, "timeline: format ics is for events; use table, json, jsonl or csv here\n"),
    ],
)
def test_errors_are_one_line(runner, db, args, code, message):
    result = invoke(runner, db, *args)
    assert (result.exit_code, result.stderr) == (code, message)


def test_unopenable_database_is_one_line(runner, tmp_path):
    not_a_db = tmp_path / "junk.db"
    not_a_db.write_bytes(b"this is not a database" * 100)
    result = runner.invoke(cli, ["--db", f"sqlite:///{not_a_db}", "query"])
    assert result.exit_code == 1
    assert result.stderr.startswith("timeline: cannot open database ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "command", [["query"], ["export", "--format", "json"], ["actors"], ["articles"], ["show", "1"]]
)
def test_unreachable_postgresql_is_one_line_without_the_password(runner, command):
    pytest.importorskip("psycopg")
    url = "postgresql+psycopg://analyst:s3cret@127.0.0.1:1/news"  # port 1: nothing listens
    result = runner.invoke(cli, ["--db", url, *command])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "timeline: cannot open database postgresql+psycopg://analyst:***@127.0.0.1:1/news: "
    )
    assert "s3cret" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_show_explains_the_event_and_its_mentions(runner, db):
    result = invoke(runner, db, "show", "1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in [
        "Event 1: CONSULT/meet",
        "date:     2023-09-13 (day)",
        "source:   Vladimir Putin",
        "target:   Kim Jong Un",
        "place:    Vostochny Cosmodrome (RU)",
        "Source 1 of 1: Example, published 2023-09-15 — article 1",
        "title: Summit",
        "url:   https://example.org/a1",
        "says:  2023-09-13",
        "Mention 1",
        "sentence: Putin [met] Kim Jong Un {on Wednesday}.",
        "date:     2023-09-13 from “on Wednesday” (rule test; anchor: publication)",
        "modality: asserted, confidence 0.80",
    ]:
        assert expected in out, (expected, out)


def test_actors_lists_event_counts(runner, db):
    rows = json.loads(invoke(runner, db, "actors", "--format", "json").stdout)
    assert [(r["name"], r["events"]) for r in rows] == [
        ("Vladimir Putin", 2),
        ("Alexander Lukashenko", 1),
        ("Kim Jong Un", 1),
    ]
    table = invoke(runner, db, "actors").stdout
    assert "Vladimir Putin" in table and "person" in table


def test_articles_lists_status(runner, db):
    rows = json.loads(invoke(runner, db, "articles", "--format", "json").stdout)
    assert [(r["id"], r["status"], r["published"], r["n_events"]) for r in rows] == [
        (1, "ok", "2023-09-15", 1),
        (2, "ok", "2023-09-15", 1),
    ]


QUERY_PROCESS = (
    "import sys\n"
    "from timeline.cli import main\n"
    "sys.argv = ['timeline', '--db', {db!r}, 'query', '--actor', 'Putin', '--format', 'json']\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "heavy = sorted(m for m in {modules!r} if m in sys.modules)\n"
    "print('HEAVY', heavy, file=sys.stderr)\n"
)


def test_query_process_loads_no_spacy_alembic_or_dateparser(db):
    code = QUERY_PROCESS.format(db=db, modules=("spacy", "alembic", "dateparser", "thinc", "torch"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY []" in proc.stderr, proc.stderr
    assert json.loads(proc.stdout)[0]["date"] == "2023-09-13"


def test_query_on_an_up_to_date_database_loads_no_sqlalchemy(db_url):
    """What keeps a whole `timeline query` under half a second at a million
    events: the SQLAlchemy/SQLModel/pydantic imports alone take ~0.35 s."""
    url = db_url
    with Session(open_engine(url)) as s:
        store_article(s, document("a1"), Extraction([event_record(date="2023-09-13")]))
    code = QUERY_PROCESS.format(db=url, modules=("sqlalchemy", "sqlmodel", "pydantic", "alembic", "spacy"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY []" in proc.stderr, proc.stderr
    assert json.loads(proc.stdout)[0]["date"] == "2023-09-13"


def test_query_upgrades_a_database_of_an_older_schema(runner, db_url):
    """The fast read path is only for databases at the newest migration: an
    older one is migrated first, as every other command does."""
    from timeline import db as tdb

    url = db_url
    engine = tdb.make_engine(url)  # not open_engine: its cache would skip the check below
    tdb.upgrade(engine)
    with Session(engine) as s:
        store_article(s, document("a1"), Extraction([event_record(date="2023-09-13")]))
    tdb.downgrade(engine, "0003_event_report")
    assert tdb.current_revision(engine) != tdb.HEAD_REVISION
    result = runner.invoke(cli, ["--db", url, "query", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [e["date"] for e in json.loads(result.stdout)] == ["2023-09-13"]
    assert tdb.current_revision(engine) == tdb.HEAD_REVISION
    engine.dispose()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
@pytest.mark.parametrize("bom", [False, True])
def test_streamed_output_equals_the_whole_rendering(runner, db, monkeypatch, fmt, bom):
    """Exports are written batch by batch; the text is the same as rendering all at once."""
    from timeline.query import find_events
    from timeline.render import render

    with Session(open_engine(db)) as s:
        expected = render(fmt, find_events(s), bom=bom)
    monkeypatch.setattr("timeline.query.BATCH", 1)
    args = ["--db", db, "export", "--format", fmt] + (["--bom"] if bom else [])
    assert runner.invoke(cli, args).stdout_bytes == expected.encode()  # bytes: CSV keeps its CRLF


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_streamed_output_of_no_events(runner, db, fmt):
    from timeline.render import render

    result = runner.invoke(cli, ["--db", db, "query", "--actor", "Nobody", "--format", fmt])
    assert result.stdout_bytes == render(fmt, []).encode()


def test_actors_show_roles_from_the_gazetteer(runner, db):
    pytest.importorskip("timeline.actors.gazetteer")
    [putin] = json.loads(runner.invoke(cli, ["--db", db, "actors", "Putin", "--format", "json"]).stdout)
    assert "President of Russia (2012-05-07–)" in putin["roles"]


def test_an_unknown_actor_is_named_on_stderr(runner, db):
    result = runner.invoke(cli, ["--db", db, "query", "--actor", "Putin", "--with", "Nobody Atall", "--format", "json"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "[]\n",
        "timeline: no actor matches 'Nobody Atall'\n",
    )
    known = runner.invoke(cli, ["--db", db, "query", "--actor", "Putin", "--since", "2030", "--format", "json"])
    assert (known.stdout, known.stderr) == ("[]\n", "")


# --- an event several articles report ---------------------------------------------------

SUMMIT_SENTENCES = (
    "Putin met Kim Jong Un at Vostochny on Wednesday.",
    "The two leaders met for four hours.",
)


@pytest.fixture
def reported(db_url) -> str:
    """Event 1, the summit, from three articles: TASS tells it in two sentences
    (2023-09-13), an article known by its URL only says 2023-09-13 too, a file
    with neither publisher nor URL says 2023-09-14. Event 2, Sochi, from two
    articles; event 3, a phone call, from one."""
    summit = event_record(date="2023-09-13", sentence=SUMMIT_SENTENCES[0], date_expression="on Wednesday")
    summit.mentions += event_record(date="2023-09-13", sentence=SUMMIT_SENTENCES[1], offset=60).mentions
    with Session(open_engine(db_url)) as s:
        store_article(
            s,
            document(
                "summit tass",
                "2023-09-14",
                publisher="TASS",
                url="https://tass.example/summit",
                title="Putin and Kim meet",
            ),
            Extraction([summit]),
        )
        store_article(
            s,
            document(
                "summit wire", "2023-09-13", url="https://www.wire.example/world/kim", title="Kim and Putin hold summit"
            ),
            Extraction(
                [
                    event_record(
                        date="2023-09-13",
                        sentence="Putin met Kim Jong Un on Wednesday.",
                        date_expression="on Wednesday",
                    )
                ]
            ),
        )
        store_article(
            s,
            document("summit notes", "2023-09-15", origin="corpus/notes/kim-visit.txt"),
            Extraction(
                [event_record(date="2023-09-14", sentence="Kim met Putin on Thursday.", date_expression="on Thursday")]
            ),
        )
        for text in ("sochi one", "sochi two"):
            sochi = event_record(actors=("Alexander Lukashenko", "Vladimir Putin"), date="2023-09-15", place="Sochi")
            store_article(s, document(text, publisher="Other"), Extraction([sochi]))
        call = event_record(actors=("Xi Jinping", "Lula da Silva"), date="2023-10-02", mode="phone", trigger="called")
        store_article(s, document("phone call"), Extraction([call]))
    return db_url


@pytest.mark.parametrize(
    "args, ids",
    [
        ([], [1, 2, 3]),
        (["--min-sources", "1"], [1, 2, 3]),
        (["--min-sources", "2"], [1, 2]),
        (["--min-sources", "3"], [1]),
        (["--min-sources", "4"], []),
        (["--min-sources", "2", "--order", "sources"], [1, 2]),
        (["--min-sources", "2", "--actor", "Lukashenko"], [2]),
    ],
)
def test_query_min_sources(runner, reported, args, ids):
    result = invoke(runner, reported, "query", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [(e["id"], e["n_sources"]) for e in map(json.loads, result.stdout.splitlines())] == [
        (i, {1: 3, 2: 2, 3: 1}[i]) for i in ids
    ]


def test_export_min_sources(runner, reported):
    result = invoke(runner, reported, "export", "--min-sources", "2", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]


@pytest.mark.parametrize("command", ["query", "export"])
@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_min_sources_below_one_is_a_usage_error(runner, reported, command, value):
    result = invoke(runner, reported, command, "--min-sources", value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Invalid value for '--min-sources'" in result.stderr


def _html_data(page: str) -> dict:
    start = page.index('<script type="application/json" id="timeline-data">')
    body = page[page.index(">", start) + 1 : page.index("</script>", start)]
    return json.loads(body)


def _datasette_view_sources(db_url: str) -> dict[int, int]:
    import asyncio

    from timeline.serve import make_datasette

    async def rows():
        ds = make_datasette(db_url)
        name = next(iter(ds.databases.keys() - {"_internal", "_memory"}))
        response = await ds.client.get(f"/{name}/timeline.json?_shape=array")
        return response.json()

    return {row["event_id"]: row["sources"] for row in asyncio.run(rows())}


def test_n_sources_is_the_same_number_in_every_output(runner, reported):
    """The summit: three articles, TASS telling it in two sentences. Every
    output counts three sources, and lists each source once."""
    by_format = {fmt: invoke(runner, reported, "export", "--format", fmt).stdout for fmt in ("json", "csv", "html")}
    [summit, *_] = json.loads(by_format["json"])
    assert (summit["n_sources"], len(summit["mentions"])) == (3, 4)
    table = invoke(runner, reported, "query", "--actor", "Kim").stdout.splitlines()
    assert table[0].split()[-1] == "src" and table[2].split()[-1] == "3"
    import csv

    [row, *_] = csv.DictReader(by_format["csv"].splitlines())
    assert (row["n_sources"], row["sources"]) == ("3", "https://www.wire.example/world/kim https://tass.example/summit")
    [html, *_] = _html_data(by_format["html"])["events"]
    assert html["n"] == 3
    assert html["src"] == [
        ["https://www.wire.example/world/kim", "wire.example — Kim and Putin hold summit"],
        ["https://tass.example/summit", "TASS — Putin and Kim meet"],
        ["", "source"],
    ]


def test_n_sources_in_the_datasette_view(reported):
    if not reported.startswith("sqlite"):
        pytest.skip("the Datasette view (timeline serve) reads SQLite files only")
    assert _datasette_view_sources(reported) == {1: 3, 2: 2, 3: 1}


SUMMIT_SHOWN = """\
Event 1: CONSULT/meet
  date:     2023-09-13 (day)
  dates:    2 sources say 2023-09-13, 1 says 2023-09-14
  CAMEO:    040
  source:   Vladimir Putin
  target:   Kim Jong Un
  summary:  Vladimir Putin and Kim Jong Un met
  modality: asserted, confidence 0.80, 3 sources

  Source 1 of 3: wire.example, published 2023-09-13 — article 2
    title: Kim and Putin hold summit
    url:   https://www.wire.example/world/kim
    says:  2023-09-13

    Mention 3
      sentence: Putin [met] Kim Jong Un {on Wednesday}.
      date:     2023-09-13 from “on Wednesday” (rule test; anchor: publication)
      modality: asserted, confidence 0.80

  Source 2 of 3: TASS, published 2023-09-14 — article 1
    title: Putin and Kim meet
    url:   https://tass.example/summit
    says:  2023-09-13

    Mention 1
      sentence: Putin [met] Kim Jong Un at Vostochny {on Wednesday}.
      date:     2023-09-13 from “on Wednesday” (rule test; anchor: publication)
      modality: asserted, confidence 0.80

    Mention 2
      sentence: The two leaders [met] for four hours.
      date:     none (no date phrase)
      modality: asserted, confidence 0.80

  Source 3 of 3: kim-visit.txt, published 2023-09-15 — article 3
    says: 2023-09-14

    Mention 4
      sentence: Kim [met] Putin {on Thursday}.
      date:     2023-09-14 from “on Thursday” (rule test; anchor: publication)
      modality: asserted, confidence 0.80
"""


def test_show_lists_each_source_and_how_their_dates_disagree(runner, reported):
    result = invoke(runner, reported, "show", "1")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == SUMMIT_SHOWN


def test_show_json_lists_the_sources(runner, reported):
    result = invoke(runner, reported, "show", "1", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    shown = json.loads(result.stdout)
    queried = json.loads(invoke(runner, reported, "query", "--actor", "Kim", "--format", "json").stdout)[0]
    assert {k: v for k, v in shown.items() if k not in ("mentions", "sources", "source_dates")} == {
        k: v for k, v in queried.items() if k != "mentions"
    }
    assert [(m["id"], m["article_id"], m["sentence"]) for m in shown["mentions"]] == [
        (3, 2, "Putin met Kim Jong Un on Wednesday."),
        (1, 1, SUMMIT_SENTENCES[0]),
        (2, 1, SUMMIT_SENTENCES[1]),
        (4, 3, "Kim met Putin on Thursday."),
    ]
    assert shown["sources"] == [
        {
            "article_id": 2,
            "outlet": "wire.example",
            "publisher": None,
            "published": "2023-09-13",
            "title": "Kim and Putin hold summit",
            "url": "https://www.wire.example/world/kim",
            "dates": ["2023-09-13"],
            "mentions": [3],
        },
        {
            "article_id": 1,
            "outlet": "TASS",
            "publisher": "TASS",
            "published": "2023-09-14",
            "title": "Putin and Kim meet",
            "url": "https://tass.example/summit",
            "dates": ["2023-09-13"],
            "mentions": [1, 2],
        },
        {
            "article_id": 3,
            "outlet": "kim-visit.txt",
            "publisher": None,
            "published": "2023-09-15",
            "title": None,
            "url": None,
            "dates": ["2023-09-14"],
            "mentions": [4],
        },
    ]
    assert shown["source_dates"] == [{"date": "2023-09-13", "sources": 2}, {"date": "2023-09-14", "sources": 1}]


def test_show_of_sources_that_agree_has_no_dates_line(runner, reported):
    result = invoke(runner, reported, "show", "2")
    assert result.exit_code == 0, result.output
    assert "dates:" not in result.stdout and "2 sources" in result.stdout
    assert "Source 1 of 2: Other, published 2023-09-15 — article 4" in result.stdout
    shown = json.loads(invoke(runner, reported, "show", "2", "--format", "json").stdout)
    assert shown["source_dates"] == [{"date": "2023-09-15", "sources": 2}]
