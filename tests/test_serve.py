"""`timeline serve`: Datasette on 127.0.0.1, read-only, opening on the timeline
view, with metadata, facets, canned queries and full-text search that work.
One server is started per module on a free port (a real process)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import document, event_record
from sqlmodel import Session

from timeline.db import open_engine
from timeline.events.types import Extraction
from timeline.schema import is_derived_object
from timeline.serve import CANNED_QUERIES, ServeError, datasette_metadata, sqlite_path
from timeline.store import store_article

STARTUP_SECONDS = 30


def populate(url: str) -> None:
    with Session(open_engine(url)) as s:
        store_article(
            s,
            document("Putin met Kim.", url="https://example.org/summit", title="Summit"),
            Extraction(
                [
                    event_record(place="Vostochny", sentence="Putin met Kim Jong Un at the Vostochny Cosmodrome."),
                    event_record(
                        type_="AGREE",
                        mode="propose",
                        actors=("Alexander Lukashenko",),
                        date="2023-09-15",
                        trigger="proposed",
                        sentence="Lukashenko proposed a trilateral partnership.",
                    ),
                    event_record(
                        type_="AGREE",
                        mode="sign",
                        modality="hypothetical",
                        trigger="sign",
                        sentence="The two leaders would sign an arms deal.",
                    ),
                ]
            ),
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A `timeline serve` process on a populated database; yields its base URL."""
    path = tmp_path_factory.mktemp("serve") / "timeline.db"
    url = f"sqlite:///{path}"
    populate(url)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "--db", url, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out, err = proc.communicate()
                pytest.fail(f"timeline serve did not start: {err.decode()[-2000:]}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def serve_command(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "timeline.cli", "--db", url, "serve", *args]


def announced_url(proc: subprocess.Popen) -> str:
    """The URL `timeline serve` announces on stderr (its first line)."""
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(proc.stderr, selectors.EVENT_READ)
        if not selector.select(timeout=STARTUP_SECONDS):
            pytest.fail("timeline serve announced nothing")
    line = proc.stderr.readline().decode()
    assert line.startswith("timeline: serving http://"), line
    return line.split()[2]


def test_port_zero_announces_the_bound_port_and_answers(tmp_path):
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    proc = subprocess.Popen(serve_command(url, "--port", "0"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = announced_url(proc).rstrip("/")
        assert int(base.rsplit(":", 1)[1]) > 0, base
        assert get_json(base, "/timeline/timeline.json?_shape=array")[0]["date"] == "2023-09-15"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_taken_port_is_one_line_after_no_announcement(tmp_path):
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(serve_command(url, "--port", str(port)), capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (
        1,
        f"timeline: cannot serve on 127.0.0.1:{port}: address already in use\n",
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(base: str, path: str, follow: bool = True):
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(base + path, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read().decode("utf-8")


def get_json(base: str, path: str):
    status, _, body = get(base, path)
    assert status == 200, body[:500]
    return json.loads(body)


def test_landing_page_is_the_timeline_view(server):
    status, headers, _ = get(server, "/", follow=False)
    assert (status, headers["location"]) == (302, "/timeline/timeline")


def test_timeline_view_json_api(server):
    rows = get_json(server, "/timeline/timeline.json?_shape=array&_sort=date")
    assert [(r["date"], r["type"], r["mode"], r["actors"], r["place"], r["country"], r["sources"]) for r in rows] == [
        ("2023-09-13", "CONSULT", "meet", "Vladimir Putin; Kim Jong Un", "Vostochny", "RU", 1),
        ("2023-09-15", "AGREE", "propose", "Alexander Lukashenko", None, None, 1),
    ]
    assert rows[0]["first_url"] == "https://example.org/summit"


def test_metadata_title_licence_source_and_column_descriptions(server):
    meta = get_json(server, "/-/metadata.json")
    assert meta["title"].startswith("timeline")
    assert meta["license"] and meta["source"] and meta["description"]
    tables = meta["databases"]["timeline"]["tables"]
    assert tables["timeline"]["facets"] == ["type", "mode", "granularity", "country"]
    assert "TimeML" in tables["event"]["columns"]["date"]


def test_database_is_served_read_only_and_follows_changes(server):
    """Not immutable (a changing file would read as malformed), yet read-only."""
    databases = get_json(server, "/-/databases.json")
    assert [(d["name"], d["is_mutable"]) for d in databases if d["name"] == "timeline"] == [("timeline", True)]


def add_second_article(url: str) -> None:
    with Session(open_engine(url)) as s:
        store_article(
            s,
            document("Lavrov phoned Blinken.", url="https://example.org/call", title="Call"),
            Extraction(
                [
                    event_record(
                        mode="phone",
                        actors=("Sergey Lavrov", "Antony Blinken"),
                        date="2023-10-02",
                        trigger="phoned",
                        sentence="Lavrov phoned Blinken on Monday.",
                    )
                ]
            ),
        )


def test_served_counts_follow_an_ingest_while_serving(tmp_path):
    """An ingest writing while `serve` runs: the served rows follow it, no HTTP 500
    ("database disk image is malformed" in immutable mode)."""
    import asyncio

    from timeline.serve import make_datasette

    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    ds = make_datasette(url)

    async def timeline_rows():
        response = await ds.client.get("/timeline/timeline.json?_shape=array")
        assert response.status_code == 200, response.text[:500]
        return [row["actors"] for row in response.json()]

    before = asyncio.run(timeline_rows())
    add_second_article(url)
    after = asyncio.run(timeline_rows())
    assert (len(before), sorted(set(after) - set(before))) == (2, ["Sergey Lavrov; Antony Blinken"])


def test_a_serve_process_follows_another_process_writing(tmp_path):
    """The trial's case: a `timeline serve` process while another writes articles
    one by one; every page answers 200 with the rows committed so far."""
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    proc = subprocess.Popen(serve_command(url, "--port", "0"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    counts = []
    try:
        base = announced_url(proc).rstrip("/")
        for day in range(1, 9):
            with Session(open_engine(url)) as s:
                store_article(
                    s,
                    document(f"Talks on day {day}.", url=f"https://example.org/day/{day}"),
                    Extraction([event_record(actors=(f"Envoy {day}", "Kim Jong Un"), date=f"2023-10-{day:02d}")]),
                )
            counts.append(len(get_json(base, "/timeline/timeline.json?_shape=array&_size=max")))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert counts == list(range(3, 11))


def test_served_database_refuses_writes(tmp_path):
    import asyncio
    import sqlite3

    from timeline.serve import make_datasette

    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    database = make_datasette(url).get_database("timeline")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(database.execute("DELETE FROM event"))


def test_html_page_shows_title_facets_and_description(server):
    status, _, html = get(server, "/timeline/timeline")
    assert status == 200
    assert "2 rows" in html
    for facet in ("type", "mode", "granularity", "country"):
        assert f'data-column="{facet}"' in html, facet
    assert "Vladimir Putin; Kim Jong Un" in html
    assert "One row per event" in html


def test_search_box_searches_mention_sentences(server):
    rows = get_json(server, "/timeline/mention.json?_search=cosmodrome&_shape=array")
    assert [r["sentence"] for r in rows] == ["Putin met Kim Jong Un at the Vostochny Cosmodrome."]
    status, _, html = get(server, "/timeline/mention")
    assert 'name="_search"' in html  # the search box is offered


@pytest.mark.parametrize(
    "query, params, expected_dates",
    [
        ("events_by_actor", "actor=vladimir+putin", ["2023-09-13"]),
        ("events_by_actor", "actor=Alexander%20Lukashenko", ["2023-09-15"]),
        ("events_by_actor", "actor=nobody", []),
        ("events_in_date_range", "since=2023-09-14&until=2023-09-30", ["2023-09-15"]),
        ("events_in_date_range", "since=2023-09-01&until=2023-09-30", ["2023-09-13", "2023-09-15"]),
        ("events_at_a_place", "place=vostochny", ["2023-09-13"]),
        ("events_at_a_place", "place=ru", ["2023-09-13"]),
    ],
)
def test_canned_queries(server, query, params, expected_dates):
    rows = get_json(server, f"/timeline/{query}.json?_shape=array&{params}")
    assert [r["date"] for r in rows] == expected_dates


def test_canned_query_titles():
    assert [q["title"] for q in CANNED_QUERIES.values()] == [
        "Events by actor",
        "Events in a date range",
        "Events at a place",
    ]


def test_metadata_facets_only_columns_the_view_has():
    meta = datasette_metadata("news", view_columns={"event_id", "date", "type", "mode", "granularity"})
    assert meta["databases"]["news"]["tables"]["timeline"]["facets"] == ["type", "mode", "granularity"]


def test_metadata_fts_names_existing_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    mention = datasette_metadata("timeline")["databases"]["timeline"]["tables"]["mention"]
    with sqlite3.connect(tmp_path / "timeline.db") as conn:
        found = conn.execute(
            f"SELECT count(*) FROM {mention['fts_table']} WHERE {mention['fts_table']} MATCH 'arms'"
        ).fetchone()
    assert found == (1,)


@pytest.mark.parametrize(
    "url, message",
    [
        ("postgresql+psycopg://u@localhost/db", "serve needs an SQLite database, not postgresql"),
        ("sqlite://", "serve needs an SQLite database file"),
    ],
)
def test_only_sqlite_files_are_served(url, message):
    with pytest.raises(ServeError, match=message):
        sqlite_path(url)


def refused(url: str) -> tuple[int, str]:
    """Exit code and stderr of `timeline serve` on a database it must refuse
    (a timeout means it served instead)."""
    result = subprocess.run(serve_command(url, "--port", "0"), capture_output=True, text=True, timeout=30)
    return result.returncode, result.stderr


def test_serve_refuses_a_missing_file_and_does_not_create_it(tmp_path):
    path = tmp_path / "none.db"
    assert refused(f"sqlite:///{path}") == (
        2,
        f"timeline: no timeline database at {path}: run `timeline ingest` or `timeline db upgrade` to create one\n",
    )
    assert sorted(tmp_path.iterdir()) == []


def another_programs_file(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO note (body) VALUES ('keep me')")
    conn.close()
    return path.read_bytes()


def written(content: bytes):
    def make(path: Path) -> bytes:
        path.write_bytes(content)
        return content

    return make


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("notes.db", another_programs_file, "it has no timeline schema"),
        ("empty.db", written(b""), "it has no timeline schema"),
        ("notes.txt", written(b"not SQLite\n"), "not an SQLite file"),
    ],
)
def test_serve_refuses_a_file_that_is_not_a_timeline_database_and_leaves_it_unchanged(tmp_path, name, make, reason):
    path = tmp_path / name
    content = make(path)
    assert refused(f"sqlite:///{path}") == (2, f"timeline: {path} is not a timeline database ({reason})\n")
    assert (sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()) == ([name], content)


# --- read-only files and folders ------------------------------------------------
# For a user without root a file's mode makes it read-only. Root writes any
# file whatever its mode, so as root the server runs in a private mount
# namespace where the file (or its folder) is bind-mounted read-only: a real
# read-only filesystem (EROFS) that root cannot write either, seen by that
# process only and gone when it ends. Nothing is simulated.


def _can_mount_read_only() -> bool:
    import shutil
    import tempfile

    if shutil.which("unshare") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && ! touch {folder}/x"
        done = subprocess.run(["unshare", "--mount", "sh", "-c", probe], capture_output=True)
    return done.returncode == 0


def as_read_only(command: list[str], path: Path) -> list[str]:
    """`command`, run where `path` (a file or folder, already chmod'ed) cannot be written."""
    if os.geteuid() != 0:
        return command
    if not _can_mount_read_only():
        pytest.skip("running as root without `unshare --mount`: no way to make a file read-only to root")
    mount = f'mount --bind "{path}" "{path}" && mount -o remount,bind,ro "{path}"'
    return ["unshare", "--mount", "sh", "-c", f'{mount} && exec "$@"', "sh", *command]


def read_only_database(folder: Path, *, folder_too: bool, revision: str | None = None) -> Path:
    """A populated database (at `revision`, else head), chmod'ed read-only;
    with `folder_too` its folder as well, so no -wal/-shm can be made beside it."""
    place = folder / "data"
    place.mkdir()
    path = place / "timeline.db"
    url = f"sqlite:///{path}"
    populate(url)
    if revision:
        from timeline.db import downgrade

        downgrade(open_engine(url), revision)
    open_engine(url).dispose()  # the last connection closes: the WAL is folded in and removed
    path.chmod(0o444)
    if folder_too:
        place.chmod(0o555)
    return path


@pytest.mark.parametrize("folder_too", [False, True], ids=["read-only file", "read-only file and folder"])
def test_serve_reads_a_read_only_database_at_head(tmp_path, folder_too):
    path = read_only_database(tmp_path, folder_too=folder_too)
    content = path.read_bytes()
    command = as_read_only(serve_command(f"sqlite:///{path}", "--port", "0"), path.parent if folder_too else path)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = announced_url(proc).rstrip("/")
        rows = get_json(base, "/timeline/timeline.json?_shape=array&_sort=date")
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert [r["date"] for r in rows] == ["2023-09-13", "2023-09-15"], err.decode()[-2000:]
    assert path.read_bytes() == content


def test_serve_refuses_to_migrate_a_database_it_cannot_write(tmp_path):
    from timeline.schema import HEAD_REVISION

    path = read_only_database(tmp_path, folder_too=False, revision="-1")
    content = path.read_bytes()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        (old,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    command = as_read_only(serve_command(f"sqlite:///{path}", "--port", "0"), path)
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert (result.returncode, result.stderr) == (
        1,
        f"timeline: {path} needs migrating from {old} to {HEAD_REVISION} but cannot be written: "
        "run `timeline db upgrade` as a user who can write it\n",
    )
    assert path.read_bytes() == content


def test_database_file_has_nothing_a_plain_sqlite_browser_cannot_open(tmp_path):
    """DB Browser for SQLite and other browsers: no STRICT or WITHOUT ROWID
    tables, and every table and view readable by the standard library's sqlite3."""
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    populate(url)
    with sqlite3.connect(tmp_path / "timeline.db") as conn:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
        for type_, name, sql in objects:
            if type_ == "table" and not is_derived_object(name):  # FTS5's own shadow tables are its business
                options = sql.upper().rsplit(")", 1)[1]
                assert "STRICT" not in options and "WITHOUT ROWID" not in options, name
            if type_ in ("table", "view"):
                conn.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
    assert {"timeline", "event", "mention", "mention_fts"} <= {name for _, name, _ in objects}


SPANS = {  # event date → its actors (each event its own actors, so none merge)
    "2023": ("Olaf Scholz", "Emmanuel Macron"),
    "2023-09": ("Sergey Lavrov", "Antony Blinken"),
    "2023-W37": ("Xi Jinping", "Lula"),
    "2023-09-13": ("Vladimir Putin", "Kim Jong Un"),
    "2023-09-15": ("Alexander Lukashenko", "Nicolas Maduro"),
}


@pytest.fixture(scope="module")
def spans_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('spans') / 'timeline.db'}"
    with Session(open_engine(url)) as s:
        records = [event_record(date=date, actors=actors) for date, actors in SPANS.items()]
        store_article(s, document("Five dates.", url="https://example.org/spans"), Extraction(records))
    return url


@pytest.mark.parametrize(
    ("since", "until"),
    [
        ("2023-09-11", "2023-09-15"),
        ("2023-09-11", "2023-09-17"),  # the ISO week 2023-W37
        ("2023-09-01", "2023-09-30"),
        ("2023-01-01", "2023-12-31"),
        ("2023-09", "2023-09"),  # months and years mean the days they cover, as in `query`
        ("2023", "2023"),
        ("2023-09-12", ""),  # an empty bound is open
        ("", "2023-09-13"),
    ],
)
@pytest.mark.parametrize("overlapping", [False, True])
def test_date_range_query_selects_as_timeline_query_does(spans_db, since, until, overlapping):
    """Inside the window by default, any day of it with `overlapping`: the rule of
    `timeline query --since/--until [--overlapping]`."""
    import asyncio
    import urllib.parse

    from timeline.query import EventQuery, iter_events
    from timeline.serve import make_datasette

    ds = make_datasette(spans_db)
    params = {"since": since, "until": until, "overlapping": "1" if overlapping else ""}

    async def served_dates():
        path = f"/timeline/events_in_date_range.json?_shape=array&{urllib.parse.urlencode(params)}"
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text[:500]
        return sorted(row["date"] for row in response.json())

    q = EventQuery(since=since or None, until=until or None, overlapping=overlapping)
    with sqlite3.connect(sqlite_path(spans_db)) as conn:
        queried = sorted(e["date"] for batch in iter_events(conn, q) for e in batch)
    assert asyncio.run(served_dates()) == queried
    assert queried  # every window here lists something
