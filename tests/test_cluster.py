"""`timeline ingest --cluster`: extraction on a Dask cluster gives what a local
ingest gives, and survives its faults — a worker killed mid-run, an article
that fails on a worker, the client interrupted — without losing or doubling
an article. Each test starts a `LocalCluster` of worker processes (with
nannies, as `dask worker` runs them) on SQLite and, when configured, PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from test_postgres_writers import EVENTS, OUTLETS, _options, corpus, fake_extract, outcome  # noqa: F401 (a fixture)

from timeline.cli import cli
from timeline.db import open_engine
from timeline.ingest import run_ingest

distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install 'timeline[cluster]'")

from timeline.cluster import ClusterSpec, parse_cluster  # noqa: E402  (needs Dask's test skip first)

LOCAL_2 = ClusterSpec(local_workers=2)
KILL = "KILL-WORKER "
FAIL = "FAIL-ON-WORKER"
SCHEDULER_ENV = "TIMELINE_TEST_DASK_SCHEDULER"


def die_the_first_time(doc) -> None:
    """The worker running an article with a `KILL-WORKER MARKER` line dies
    (SIGKILL, no cleanup) the first time, as a machine that loses power
    would; MARKER records that it happened."""
    for line in doc.text.splitlines():
        if line.startswith(KILL):
            marker = Path(line[len(KILL) :])
            if not marker.exists():
                marker.write_text(str(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)


def killing_extract(doc):
    """`fake_extract` on a worker that dies the first time it meets the marked article."""
    die_the_first_time(doc)
    return fake_extract(doc)


def failing_extract(doc):
    """`fake_extract`, except that an article with a `FAIL-ON-WORKER` line raises."""
    if FAIL in doc.text:
        raise ValueError("this article cannot be parsed")
    return fake_extract(doc)


def slow_extract(doc):
    time.sleep(0.2)
    return fake_extract(doc)


@pytest.fixture
def local_outcome(corpus, tmp_path):
    """The corpus ingested by one local process: what every cluster run must give."""
    url = f"sqlite:///{tmp_path / 'local.db'}"
    summary = run_ingest([str(corpus)], db_url=url, workers=1, extractor=fake_extract, options=_options())
    assert summary.stored == len(EVENTS) * len(OUTLETS)
    return summary, outcome(url)


@pytest.fixture
def several_batches(monkeypatch):
    """Batches of 4 articles, so the corpus's 21 make several tasks in flight
    at once: a fault then strikes one batch among others."""
    monkeypatch.setattr("timeline.cluster.BATCH_ARTICLES", 4)


def counts(url: str) -> tuple[int, int, int]:
    with open_engine(url).connect() as conn:
        return tuple(
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ("article", "event", "mention")
        )


@pytest.mark.parametrize(
    ("value", "spec"),
    [
        ("local:2", ClusterSpec(local_workers=2)),
        ("local:16", ClusterSpec(local_workers=16)),
        ("tcp://10.0.0.5:8786", ClusterSpec(address="tcp://10.0.0.5:8786")),
        ("scheduler.example.org:8786", ClusterSpec(address="tcp://scheduler.example.org:8786")),
        ("tls://scheduler:8786", ClusterSpec(address="tls://scheduler:8786")),
    ],
)
def test_cluster_values(value, spec):
    assert parse_cluster(value) == spec


@pytest.mark.parametrize("value", ["local", "local:0", "local:two", "scheduler", "tcp://scheduler", ""])
def test_a_bad_cluster_value_is_named(value):
    with pytest.raises(ValueError, match="--cluster"):
        parse_cluster(value)


def test_the_cli_refuses_a_bad_cluster_and_cluster_with_workers(runner, corpus, tmp_path):
    db = ["--db", f"sqlite:///{tmp_path / 'x.db'}"]
    bad = runner.invoke(cli, [*db, "ingest", str(corpus), "--cluster", "local:zero"])
    assert bad.exit_code == 2 and "local:N needs a number of workers" in bad.output
    both = runner.invoke(cli, [*db, "ingest", str(corpus), "--cluster", "local:2", "--workers", "2"])
    assert both.exit_code == 2 and "--workers and --cluster do not mix" in both.output
    assert "Traceback" not in bad.output + both.output
    assert not (tmp_path / "x.db").exists()


def test_an_unreachable_scheduler_is_one_line_before_anything_is_read(runner, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("timeline.cluster.CONNECT_SECONDS", 2)
    result = runner.invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "ingest", str(corpus), "--cluster", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith("timeline: cannot reach tcp://127.0.0.1:9")
    with open_engine(f"sqlite:///{tmp_path / 'x.db'}").connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == 0


def test_a_cluster_ingest_stores_what_a_local_ingest_stores(db_url, corpus, local_outcome):
    summary = run_ingest([str(corpus)], db_url=db_url, extractor=fake_extract, options=_options(), cluster=LOCAL_2)
    local_summary, expected = local_outcome
    assert summary.line() == local_summary.line()
    assert outcome(db_url) == expected
    # Throughput per worker, for the summary: every article counted once.
    assert summary.workers and sum(t.articles for t in summary.workers.values()) == local_summary.stored
    assert all(line.startswith("worker ") and "articles/s" in line for line in summary.worker_lines())
    # A second run over the same inputs stores nothing twice.
    again = run_ingest([str(corpus)], db_url=db_url, extractor=fake_extract, options=_options(), cluster=LOCAL_2)
    assert again.stored == 0 and again.skipped == local_summary.stored
    assert outcome(db_url) == expected


def test_a_cluster_gets_fewer_larger_batches_bounded_by_their_text(tmp_path, monkeypatch):
    """Each task costs Dask about 10 ms of CPU whatever its size, so a cluster
    is sent up to `BATCH_ARTICLES` articles at once (the local pool 8); long
    articles close a batch at `BATCH_CHARS` characters, so a few of them still
    make several tasks that keep every worker busy (BATCH_CHARS = 2 x 20,000)."""
    from timeline.cluster import BATCH_ARTICLES, BATCH_CHARS, DaskPool

    sizes: list[int] = []
    submit = DaskPool.submit

    def recording(self, fn, docs, *args):
        sizes.append(len(docs))
        return submit(self, fn, docs, *args)

    monkeypatch.setattr(DaskPool, "submit", recording)
    folder = tmp_path / "news"
    folder.mkdir()
    short, long = BATCH_ARTICLES + 5, 6
    for i in range(short):
        (folder / f"a{i:03d}.txt").write_text(f"Item {i}\nA;2023-09-13;CONSULT;\n", encoding="utf-8")
    filler = "word " * (BATCH_CHARS // 10)  # a text of half a batch
    for i in range(long):
        (folder / f"b{i:03d}.txt").write_text(f"Long {i}\nA;2023-09-13;CONSULT;\n{filler}\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    summary = run_ingest([str(folder)], db_url=url, extractor=fake_extract, options=_options(), cluster=LOCAL_2)
    assert summary.stored == short + long and summary.failed == 0
    # the short ones 32 at a time; the rest, with two long ones, up to 40,000 characters
    assert sizes == [BATCH_ARTICLES, 5 + 2, 2, 2]


def _malloc_and_blas_settings():
    return {name: os.environ.get(name) for name in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")}


def test_local_workers_keep_the_c_librarys_memory_trimming():
    """Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which
    hands freed memory back at once: spaCy then page-faults 30 times as often
    and a Reuters item costs about 10% more CPU. A local cluster's workers
    keep glibc's own threshold (and one BLAS thread, as Dask sets)."""
    from timeline.cluster import DaskPool

    pool = DaskPool(ClusterSpec(local_workers=1))
    try:
        [settings] = pool.client.run(_malloc_and_blas_settings).values()
    finally:
        pool.shutdown()
    assert settings == {"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}


def test_a_worker_killed_mid_run_loses_nothing_and_doubles_nothing(
    db_url, corpus, local_outcome, tmp_path, several_batches
):
    marker = tmp_path / "killed"
    victim = sorted(corpus.iterdir())[len(EVENTS)]  # an article in the middle of the run
    victim.write_text(victim.read_text() + f"{KILL}{marker}\n")
    summary = run_ingest([str(corpus)], db_url=db_url, extractor=killing_extract, options=_options(), cluster=LOCAL_2)
    assert marker.exists(), "no worker was killed: the test proves nothing"
    local_summary, expected = local_outcome
    assert (summary.stored, summary.failed, summary.events) == (local_summary.stored, 0, local_summary.events)
    assert outcome(db_url) == expected
    assert counts(db_url)[0] == local_summary.stored


def poison_extract(doc):
    """`fake_extract`, except that an article with a `KILL-WORKER` line kills
    every worker that runs it, every time."""
    if KILL in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_extract(doc)


def test_an_article_that_kills_every_worker_fails_alone(tmp_path, corpus, local_outcome, several_batches):
    """Dask gives up on a batch after `allowed-failures` dead workers; the
    articles batched with the poison one are then run one by one, so only
    it is recorded as failed."""
    import dask

    poison = sorted(corpus.iterdir())[5]
    poison.write_text(poison.read_text() + KILL + "always\n")
    failures = []
    url = f"sqlite:///{tmp_path / 'poison.db'}"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        summary = run_ingest(
            [str(corpus)],
            db_url=url,
            extractor=poison_extract,
            options=_options(),
            cluster=LOCAL_2,
            on_failure=lambda origin, reason: failures.append((origin, reason)),
        )
    assert [origin for origin, _ in failures] == [str(poison)]
    assert failures[0][1].startswith(
        "extraction failed: WorkerDied: every Dask worker that ran it died (killed, out of memory or crashed)"
    )
    assert summary.failed == 1 and summary.stored == local_outcome[0].stored - 1


def test_an_article_that_fails_on_a_worker_is_recorded_and_the_rest_stored(
    db_url, corpus, local_outcome, several_batches
):
    bad = sorted(corpus.iterdir())[3]
    bad.write_text(bad.read_text() + FAIL + "\n")
    failures = []
    summary = run_ingest(
        [str(corpus)],
        db_url=db_url,
        extractor=failing_extract,
        options=_options(),
        cluster=LOCAL_2,
        on_failure=lambda origin, reason: failures.append((origin, reason)),
    )
    assert summary.failed == 1 and summary.stored == local_outcome[0].stored - 1
    [(origin, reason)] = failures
    assert origin == str(bad) and reason == "extraction failed: ValueError: this article cannot be parsed"
    with open_engine(db_url).connect() as conn:
        recorded = conn.execute(text("SELECT origin, reason FROM ingest_error")).all()
    assert [tuple(r) for r in recorded] == failures


def test_an_interrupted_client_leaves_a_database_a_rerun_completes(db_url, corpus, local_outcome, several_batches):
    """Ctrl-C in the client (a KeyboardInterrupt in its main thread, as SIGINT
    raises) once some articles are stored; running the same command again
    stores exactly the rest."""
    stored_before_interrupt = []

    def interrupt_when_some_are_stored():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            n = counts(db_url)[0] if _has_schema(db_url) else 0
            if n >= 3:
                stored_before_interrupt.append(n)
                signal.raise_signal(signal.SIGINT)
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=interrupt_when_some_are_stored, daemon=True)
    watcher.start()
    with pytest.raises(KeyboardInterrupt):
        run_ingest([str(corpus)], db_url=db_url, extractor=slow_extract, options=_options(), cluster=LOCAL_2)
    watcher.join()
    partial = counts(db_url)[0]
    local_summary, expected = local_outcome
    assert stored_before_interrupt and 3 <= partial < local_summary.stored
    rest = run_ingest([str(corpus)], db_url=db_url, extractor=fake_extract, options=_options(), cluster=LOCAL_2)
    assert rest.stored == local_summary.stored - partial and rest.skipped == partial and rest.failed == 0
    assert outcome(db_url) == expected


def _has_schema(url: str) -> bool:
    try:
        counts(url)
        return True
    except Exception:
        return False


@pytest.mark.spacy
def test_real_extraction_on_a_cluster_with_a_worker_killed_matches_a_local_run(tmp_path, runner):
    """The acceptance case: real spaCy extraction, one worker killed mid-run,
    same articles and events as an uninterrupted local ingest."""
    folder = write_news(tmp_path / "news", 24)
    local_db, cluster_db = tmp_path / "local.db", tmp_path / "cluster.db"
    published = ["--published", "2024-03-08"]
    local = runner.invoke(cli, ["--db", f"sqlite:///{local_db}", "ingest", str(folder), "--workers", "1", *published])
    assert local.exit_code == 0, local.output
    marker = tmp_path / "killed"
    victim = folder / "12.txt"
    victim.write_text(victim.read_text() + f"\n{KILL}{marker}\n")
    summary = run_ingest(
        [str(folder)],
        db_url=f"sqlite:///{cluster_db}",
        extractor=killing_real_extract,
        options=_published(2024, 3, 8),
        cluster=LOCAL_2,
    )
    assert marker.exists() and summary.failed == 0
    local_counts = counts(f"sqlite:///{local_db}")
    assert local_counts[1] > 0
    assert counts(f"sqlite:///{cluster_db}") == local_counts


def write_news(folder: Path, n: int) -> Path:
    """n short invented news items, each reporting one diplomatic event."""
    folder.mkdir()
    sentences = [
        "Foreign Minister Anna Berg met her Chilean counterpart in Santiago on Tuesday.",
        "President Ruto visited Tokyo on Monday and held talks with the Japanese prime minister.",
        "The European Union imposed sanctions on Iran on Wednesday.",
        "Chancellor Scholz spoke by phone with President Zelensky on Thursday.",
    ]
    for i in range(n):
        body = f"Report {i}.\n\n{sentences[i % len(sentences)]} It was item {i}.\n"
        (folder / f"{i:02d}.txt").write_text(body, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def scheduler_address(tmp_path_factory):
    """A Dask scheduler with two worker processes started apart from the
    client, as on real machines: the one CI starts (TIMELINE_TEST_DASK_SCHEDULER),
    else one started here with `dask scheduler` and `dask worker`."""
    given = os.environ.get(SCHEDULER_ENV)
    if given:
        yield given
        return
    folder = tmp_path_factory.mktemp("dask")
    file = folder / "scheduler.json"
    dask = str(Path(sys.executable).with_name("dask"))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    common = ["--scheduler-file", str(file), "--no-dashboard"]
    scheduler = subprocess.Popen([dask, "scheduler", "--port", "0", *common], **quiet)
    deadline = time.monotonic() + 60
    while not file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = subprocess.Popen([dask, "worker", "--nworkers", "2", "--nthreads", "1", *common], **quiet)
    try:
        yield json.loads(file.read_text())["address"]
    finally:
        for process in (workers, scheduler):
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.mark.spacy
def test_ingest_on_a_scheduler_and_workers_started_apart(tmp_path, runner, scheduler_address):
    """`--cluster tcp://HOST:PORT`: the command a team runs against its own
    scheduler gives the articles, events and mentions of a local ingest."""
    folder = write_news(tmp_path / "news", 16)
    published = ["--published", "2024-03-08"]
    local_db, cluster_db = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'cluster.db'}"
    local = runner.invoke(cli, ["--db", local_db, "ingest", str(folder), "--workers", "1", *published])
    assert local.exit_code == 0, local.output
    remote = runner.invoke(cli, ["--db", cluster_db, "ingest", str(folder), "--cluster", scheduler_address, *published])
    assert remote.exit_code == 0, remote.output
    assert counts(cluster_db) == counts(local_db) and counts(local_db)[1] > 0
    assert "read 16, stored 16" in remote.output
    assert any(line.startswith("worker ") for line in remote.output.splitlines())


def killing_real_extract(doc):
    """Real extraction; the worker given the KILL-WORKER article dies the first time."""
    from timeline.ingest import _extract

    die_the_first_time(doc)
    return _extract(doc)


def _published(*ymd):
    import datetime as dt

    from timeline.sources import SourceOptions

    return SourceOptions(published=dt.date(*ymd))
