"""`timeline ingest` and ingest.py: summary line, exit codes, idempotence,
failures on stderr and in the database, worker processes, and two processes
ingesting into one SQLite file at once. Extraction is faked here (the real
pipeline has its own tests) so these tests are about orchestration only."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, event_record
from sqlalchemy import create_engine, text

from timeline.cli import cli
from timeline.events.types import Extraction
from timeline.ingest import IngestSummary, run_ingest

TESTS = Path(__file__).resolve().parent


def slow_extract(doc):
    """fake_extract, but an article holding SLOW takes half a minute (picklable)."""
    if "SLOW" in doc.text:
        time.sleep(30)
    return fake_extract(doc)


def fake_extract(doc):
    """Events from lines "EVENT|TYPE|DATE|Actor;Actor|Place" (module level: picklable);
    DATE "published" is the publication day, as "on Friday" would resolve to it."""
    events = []
    for line in doc.text.splitlines():
        if line.startswith("EVENT|"):
            _, type_, date, actors, place = line.split("|")
            if date == "published":
                date = doc.published.isoformat() if doc.published else ""
            events.append(
                event_record(
                    type_=type_,
                    date=date or None,
                    actors=tuple(actors.split(";")),
                    place=place or None,
                    sentence=line,
                    trigger=type_,
                )
            )
    return Extraction(events)


@pytest.fixture(autouse=True)
def fake_extraction(monkeypatch):
    monkeypatch.setattr("timeline.ingest._extract", fake_extract)
    monkeypatch.setattr("timeline.ingest._extract_many", lambda docs: [fake_extract(d) for d in docs])


def article(folder: Path, name: str, body: str, published: str | None = "2023-09-15") -> Path:
    front = f"---\ntitle: {name}\npublished: {published}\n---\n" if published else ""
    path = folder / name
    path.write_text(front + body + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    article(folder, "a.txt", "Putin met Kim.\nEVENT|CONSULT|2023-09-13|Vladimir Putin;Kim Jong Un|Vostochny")
    article(folder / "sub", "b.md", "Kim and Putin talked.\nEVENT|CONSULT|2023-09-13|Kim Jong Un;Vladimir Putin|")
    article(folder, "c.txt", "Lukashenko in Sochi.\nEVENT|CONSULT|2023-09-15|Alexander Lukashenko;Vladimir Putin|Sochi")
    return folder


def count(db_url: str, table: str) -> int:
    with create_engine(db_url).connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_ingest_a_folder_prints_the_summary(runner, db_url, corpus):
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "read 3, stored 3, skipped 0, failed 0, events 3\n"
    assert result.stdout == ""
    assert (count(db_url, "article"), count(db_url, "event")) == (3, 2)  # a and b report one meeting


def test_reingest_skips_and_force_reextracts(runner, db_url, corpus):
    runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1"])
    again = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1"])
    assert (again.exit_code, again.stderr) == (0, "read 3, stored 0, skipped 3, failed 0, events 0\n")
    forced = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1", "--force"])
    assert (forced.exit_code, forced.stderr) == (0, "read 3, stored 3, skipped 0, failed 0, events 3\n")
    assert (count(db_url, "article"), count(db_url, "event"), count(db_url, "mention")) == (3, 2, 3)


def test_failed_inputs_are_one_line_each_and_exit_1(runner, db_url, corpus):
    (corpus / "empty.txt").write_text("")
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [f"timeline: {corpus / 'empty.txt'}: empty file", "read 3, stored 3, skipped 0, failed 1, events 3"]
    assert "Traceback" not in result.output
    failed = runner.invoke(cli, ["--db", db_url, "articles", "--failed", "--format", "jsonl"])
    assert '"reason": "empty file"' in failed.stdout


def test_extraction_errors_are_recorded_and_the_rest_is_stored(runner, db_url, corpus, monkeypatch):
    def explode(doc):
        if "Lukashenko" in doc.text:
            raise ValueError("bad parse")
        return fake_extract(doc)

    monkeypatch.setattr("timeline.ingest._extract", explode)
    monkeypatch.setattr("timeline.ingest._extract_many", lambda docs: [explode(d) for d in docs])
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1"])
    assert result.exit_code == 1
    assert f"timeline: {corpus / 'c.txt'}: extraction failed: ValueError: bad parse" in result.stderr
    assert count(db_url, "article") == 2 and count(db_url, "ingest_error") == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing-folder"], "timeline: missing-folder: no such file or directory\n"),
        ([], "timeline: nothing to ingest: give a PATH, a URL, - or --urls FILE\n"),
        (["x", "--published", "15/09/2023"], "timeline: --published '15/09/2023' is not an ISO date (YYYY-MM-DD)\n"),
    ],
)
def test_usage_errors_exit_2(runner, db_url, args, message):
    result = runner.invoke(cli, ["--db", db_url, "ingest", *args])
    assert (result.exit_code, result.stderr) == (2, message)


def test_published_option_and_undated_articles(runner, db_url, tmp_path):
    article(tmp_path, "undated.txt", "EVENT|CONSULT||Vladimir Putin;Kim Jong Un|", published=None)
    runner.invoke(cli, ["--db", db_url, "ingest", str(tmp_path / "undated.txt"), "--workers", "1"])
    listing = runner.invoke(cli, ["--db", db_url, "articles", "--undated", "--format", "csv"])
    assert listing.stdout.splitlines() == [
        "id,status,published,publisher,title,url,origin,n_events",
        f"1,undated,,,,,{tmp_path / 'undated.txt'},1",
    ]
    dated = tmp_path / "dated.txt"
    dated.write_text("Another text.\n")
    runner.invoke(
        cli, ["--db", db_url, "ingest", str(dated), "--published", "2023-09-15", "--title", "T", "--workers", "1"]
    )
    rows = runner.invoke(cli, ["--db", db_url, "articles", "--format", "csv"]).stdout.splitlines()
    assert rows[2] == f"2,ok,2023-09-15,,T,,{dated},0"


def test_run_ingest_with_worker_processes_stores_in_input_order(db_url, corpus):
    failures = []
    summary = run_ingest(
        [str(corpus)], None, db_url, workers=2, extractor=fake_extract, on_failure=lambda o, r: failures.append((o, r))
    )
    assert summary == IngestSummary(read=3, stored=3, skipped=0, failed=0, events=3)
    assert failures == []
    with create_engine(db_url).connect() as conn:
        titles = conn.execute(text("SELECT title FROM article ORDER BY id")).scalars().all()
    assert titles == ["a.txt", "c.txt", "b.md"]  # the readers' order, whatever finished first


def test_duplicates_within_one_run_are_skipped_before_extraction(db_url, tmp_path):
    calls = []

    def counting(doc):
        calls.append(doc.origin)
        return fake_extract(doc)

    article(tmp_path, "one.txt", "Same text.")
    article(tmp_path, "two.txt", "Same text.")
    summary = run_ingest([str(tmp_path)], None, db_url, workers=1, extractor=counting)
    assert (summary.stored, summary.skipped, len(calls)) == (1, 1, 1)


DRIVER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    import timeline.ingest
    from test_cli_ingest import fake_extract
    timeline.ingest._extract = fake_extract
    timeline.ingest._extract_many = lambda docs: [fake_extract(d) for d in docs]
    from timeline.cli import main
    main()
    """
)


def test_two_processes_ingesting_into_one_sqlite_file(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(24):
        article(
            folder,
            f"{i:02d}.txt",
            f"Article {i}.\nEVENT|CONSULT|2023-09-{1 + i % 28:02d}|Leader {i % 5};Leader {i % 7 + 5}|",
        )
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(tests=str(TESTS)))
    db = f"sqlite:///{tmp_path / 'shared.db'}"
    # Create the schema first: both processes then race on articles only.
    subprocess.run(
        [sys.executable, str(driver), "--db", db, "db", "upgrade"], check=True, capture_output=True, cwd=ROOT
    )
    procs = [
        subprocess.Popen(
            [sys.executable, str(driver), "--db", db, "ingest", str(folder), "--workers", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    stored = [int(err.strip().split("stored ")[1].split(",")[0]) for _, err in outputs]
    assert sum(stored) == 24
    assert count(db, "article") == 24
    with create_engine(db).connect() as conn:
        assert conn.execute(text("SELECT count(DISTINCT sha256) FROM article")).scalar_one() == 24
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_an_interrupted_run_keeps_what_it_stored_and_the_next_run_continues(db_url, corpus):
    def interrupted(doc):
        if "Lukashenko" in doc.text:
            raise KeyboardInterrupt
        return fake_extract(doc)

    with pytest.raises(KeyboardInterrupt):
        run_ingest([str(corpus)], None, db_url, workers=1, extractor=interrupted)
    assert count(db_url, "article") == 1  # a.txt; c.txt was in flight
    summary = run_ingest([str(corpus)], None, db_url, workers=1, extractor=fake_extract)
    assert (summary.stored, summary.skipped) == (2, 1)
    assert count(db_url, "article") == 3


class _InterruptsWhenCollected:
    """An object whose finaliser receives Ctrl-C, as a Dask future released
    while the user presses it does: Python prints the KeyboardInterrupt as
    unraisable and carries on."""

    def __del__(self):
        import signal

        signal.raise_signal(signal.SIGINT)


def interrupted_in_a_finaliser(doc):
    if "Lukashenko" in doc.text:
        _InterruptsWhenCollected()  # collected at once: the interrupt lands in __del__
    return fake_extract(doc)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_ctrl_c_swallowed_by_a_finaliser_still_stops_the_run(db_url, corpus):
    with pytest.raises(KeyboardInterrupt):
        run_ingest([str(corpus)], None, db_url, workers=1, extractor=interrupted_in_a_finaliser)
    assert count(db_url, "article") <= 2  # stopped at the next article, not at the end
    summary = run_ingest([str(corpus)], None, db_url, workers=1, extractor=fake_extract)
    assert summary.stored + summary.skipped == 3 and count(db_url, "article") == 3


class RecordedProgress:
    def __init__(self):
        self.seen, self.closed = [], False

    def update(self, summary):
        self.seen.append(summary.stored + summary.skipped)

    def close(self):
        self.closed = True


def test_progress_is_told_each_article_and_closed_once(db_url, corpus, capsys):
    progress = RecordedProgress()
    summary = run_ingest([str(corpus)], None, db_url, workers=1, extractor=fake_extract, progress=progress)
    assert summary.stored == 3
    assert progress.seen[-1] == 3 and len(progress.seen) >= 3 and progress.closed
    assert capsys.readouterr().out == ""


def test_the_progress_line_draws_on_stderr_only(capsys):
    from timeline.cli import _IngestProgress
    from timeline.ingest import IngestSummary

    line = _IngestProgress()
    line.update(IngestSummary(stored=2, events=5))
    line.close()
    assert capsys.readouterr().out == ""


def test_a_single_article_is_extracted_in_process_even_with_workers(db_url, tmp_path):
    path = article(tmp_path, "only.txt", "EVENT|CONSULT|2023-09-13|Vladimir Putin;Kim Jong Un|")
    # A lambda cannot be sent to a worker process: this passes only in process.
    summary = run_ingest([str(path)], None, db_url, workers=2, extractor=lambda doc: fake_extract(doc))
    assert (summary.stored, summary.events) == (1, 1)


def test_an_unwritable_database_fails_each_input_in_one_line(runner, db_url, corpus, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def unwritable(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr("timeline.store.store_article", unwritable)
    monkeypatch.setattr("timeline.ingest._record_failure", unwritable)
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 4 and lines[-1] == "read 3, stored 0, skipped 0, failed 3, events 0"
    assert lines[0].startswith(f"timeline: {corpus / 'a.txt'}: could not store: OperationalError: ")
    assert lines[0].endswith(
        "(not recorded: OperationalError: (builtins.Exception) attempt to write a readonly database)"
    )


def test_a_failing_article_in_a_batch_costs_only_itself(monkeypatch, tmp_path):
    from timeline.ingest import _extract_batch
    from timeline.sources.document import Document

    def explode(doc):
        if "bad" in doc.text:
            raise ValueError("bad parse")
        return fake_extract(doc)

    def whole_batch(docs):
        return [explode(d) for d in docs]

    monkeypatch.setattr("timeline.ingest._extract_many", whole_batch)
    monkeypatch.setattr("timeline.ingest._extract", explode)
    docs = [Document(text=t) for t in ("EVENT|CONSULT|2023-09-13|A;B|", "bad", "EVENT|AGREE||A;C|")]
    results = _extract_batch(docs)
    assert [type(r).__name__ for r in results] == ["Extraction", "ValueError", "Extraction"]
    assert len(results[0].events) == 1 and len(results[2].events) == 1


# --- re-ingest with corrected metadata ---------------------------------------------------


def ingest(runner, db_url, *args):
    result = runner.invoke(cli, ["--db", db_url, "ingest", *map(str, args), "--workers", "1"])
    return result.exit_code, result.stderr


def exported(runner, db_url) -> list[tuple]:
    records = json.loads(runner.invoke(cli, ["--db", db_url, "export", "--format", "json"]).stdout)
    return [(e["id"], e["date"], e["mentions"][0]["title"], e["mentions"][0]["published"]) for e in records]


def listed(runner, db_url) -> list[str]:
    return runner.invoke(cli, ["--db", db_url, "articles", "--format", "csv"]).stdout.splitlines()[1:]


@pytest.fixture
def undated(tmp_path) -> Path:
    return article(tmp_path, "lula.txt", "Lula met Modi on Tuesday.\nEVENT|CONSULT|published|Lula;Narendra Modi|", None)


def test_reingest_with_a_publication_date_redates_an_undated_article(runner, db_url, undated):
    assert ingest(runner, db_url, undated) == (0, "read 1, stored 1, skipped 0, failed 0, events 1\n")
    assert exported(runner, db_url) == [(1, None, None, None)]
    dated = ingest(runner, db_url, undated, "--published", "2024-03-08")
    assert dated == (0, "read 1, stored 0, updated 1, skipped 0, failed 0, events 1\n")
    assert exported(runner, db_url)[0][1:] == ("2024-03-08", None, "2024-03-08")
    assert listed(runner, db_url) == [f"1,ok,2024-03-08,,,,{undated},1"]
    again = ingest(runner, db_url, undated, "--published", "2024-03-08")
    assert again == (0, "read 1, stored 0, skipped 1, failed 0, events 0\n")


@pytest.mark.parametrize(
    "option, value, row",
    [
        ("--title", "Lula and Modi", "1,undated,,,Lula and Modi,,{path},1"),
        ("--url", "https://example.org/lula", "1,undated,,,,https://example.org/lula,{path},1"),
        ("--publisher", "Example Times", "1,undated,,Example Times,,,{path},1"),
    ],
)
def test_reingest_with_new_metadata_updates_it_without_extracting_again(
    runner, db_url, undated, monkeypatch, option, value, row
):
    ingest(runner, db_url, undated)
    events_before = exported(runner, db_url)
    calls = []
    monkeypatch.setattr(
        "timeline.ingest._extract_many", lambda docs: calls.extend(docs) or [fake_extract(d) for d in docs]
    )
    monkeypatch.setattr("timeline.ingest._extract", lambda doc: calls.append(doc) or fake_extract(doc))
    assert ingest(runner, db_url, undated, option, value) == (
        0,
        "read 1, stored 0, updated 1, skipped 0, failed 0, events 0\n",
    )
    assert calls == []
    assert listed(runner, db_url) == [row.format(path=undated)]
    assert [e[:2] for e in exported(runner, db_url)] == [e[:2] for e in events_before]


def test_reingest_with_a_date_field_dates_json_lines_records(runner, db_url, tmp_path):
    records = tmp_path / "news.jsonl"
    records.write_text(
        json.dumps({"text": "EVENT|CONSULT|published|Lula;Narendra Modi|", "sent": "2024-03-08"}) + "\n",
        encoding="utf-8",
    )
    ingest(runner, db_url, records)
    assert exported(runner, db_url)[0][1] is None
    dated = ingest(runner, db_url, records, "--date-field", "sent")
    assert dated == (0, "read 1, stored 0, updated 1, skipped 0, failed 0, events 1\n")
    assert exported(runner, db_url)[0][1] == "2024-03-08"


def test_a_redate_survives_reingest_and_force_unless_the_input_gives_a_date(runner, db_url, undated, monkeypatch):
    monkeypatch.setattr("timeline.events.extract_document", fake_extract)  # what `redate` extracts with
    ingest(runner, db_url, undated)
    runner.invoke(cli, ["--db", db_url, "redate", "1", "--published", "2024-03-08"])
    assert exported(runner, db_url)[0][1] == "2024-03-08"
    assert ingest(runner, db_url, undated) == (0, "read 1, stored 0, skipped 1, failed 0, events 0\n")
    assert ingest(runner, db_url, undated, "--force") == (0, "read 1, stored 1, skipped 0, failed 0, events 1\n")
    assert exported(runner, db_url)[0][1] == "2024-03-08"
    assert listed(runner, db_url) == [f"1,ok,2024-03-08,,,,{undated},1"]
    moved = ingest(runner, db_url, undated, "--published", "2024-03-11")
    assert moved == (0, "read 1, stored 0, updated 1, skipped 0, failed 0, events 1\n")
    assert exported(runner, db_url)[0][1] == "2024-03-11"


def test_a_copy_of_a_stored_text_with_other_metadata_is_skipped(runner, db_url, tmp_path):
    # Two outlets carrying one wire story: the second copy changes nothing.
    first = article(tmp_path, "first.txt", "Lula met Modi.\nEVENT|CONSULT|2024-03-05|Lula;Narendra Modi|")
    second = article(
        tmp_path, "second.txt", "Lula met Modi.\nEVENT|CONSULT|2024-03-05|Lula;Narendra Modi|", "2024-03-07"
    )
    ingest(runner, db_url, first)
    assert ingest(runner, db_url, second) == (0, "read 1, stored 0, skipped 1, failed 0, events 0\n")
    assert ingest(runner, db_url, tmp_path) == (0, "read 2, stored 0, skipped 2, failed 0, events 0\n")
    assert listed(runner, db_url) == [f"1,ok,2023-09-15,,first.txt,,{first},1"]


def test_a_record_with_a_lone_surrogate_costs_only_that_record(runner, db_url, tmp_path):
    # JSON allows "\ud83d" (half an emoji); Unicode text cannot hold it alone.
    records = tmp_path / "wire.jsonl"
    records.write_text(
        '{"text": "EVENT|CONSULT|2023-09-13|Vladimir Putin;Kim Jong Un|", "published": "2023-09-14"}\n'
        '{"text": "Leaders met \\ud83d in Oslo.", "published": "2023-09-14"}\n'
        '{"text": "EVENT|CONSULT|2023-09-15|Alexander Lukashenko;Vladimir Putin|", "published": "2023-09-15"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(records), "--workers", "1"])
    assert (result.exit_code, result.stderr.splitlines()) == (
        1,
        [
            f"timeline: {records}:2: line 2: lone surrogate \\ud83d in field text (not valid Unicode)",
            "read 2, stored 2, skipped 0, failed 1, events 2",
        ],
    )
    assert count(db_url, "article") == 2


@pytest.mark.parametrize(
    "given, message",
    [
        ("file:///etc/passwd", "file:///etc/passwd: file URLs are not fetched; give the path instead: /etc/passwd"),
        (
            "FILE://localhost/tmp/a%20b.txt",
            "FILE://localhost/tmp/a%20b.txt: file URLs are not fetched; give the path instead: /tmp/a b.txt",
        ),
        (
            "ftp://example.org/a.txt",
            "ftp://example.org/a.txt: only http(s) URLs are fetched; give a path for a local file",
        ),
    ],
)
def test_other_urls_than_http_say_what_is_fetched(runner, db_url, given, message):
    result = runner.invoke(cli, ["--db", db_url, "ingest", given])
    assert (result.exit_code, result.stderr) == (2, f"timeline: {message}\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_its_time_budget_fails_alone_in_process_and_in_workers(db_url, tmp_path, workers):
    from timeline.budget import ArticleBudget

    folder = tmp_path / "news"
    folder.mkdir()
    # Ten articles: more than one batch, so two workers really run in worker processes.
    for n in range(10):
        body = "SLOW" if n == 4 else f"EVENT|CONSULT|2023-09-{n + 10}|Vladimir Putin;Kim Jong Un|"
        article(folder, f"{n:02}.txt", body)
    failures = []
    start = time.monotonic()
    summary = run_ingest(
        [str(folder)],
        None,
        db_url,
        workers=workers,
        extractor=slow_extract,
        budget=ArticleBudget(seconds=1),
        on_failure=lambda o, r: failures.append((o, r)),
    )
    assert time.monotonic() - start < 25  # not the 30 s the slow article wants
    reason = "extraction took over 1 s, the per-article time budget (--article-timeout)"
    assert failures == [(str(folder / "04.txt"), reason)]
    assert (summary.stored, summary.failed) == (9, 1)
    with create_engine(db_url).connect() as conn:
        assert conn.execute(text("SELECT reason FROM ingest_error")).scalars().all() == [reason]


def test_an_article_over_the_size_budget_is_not_extracted(runner, db_url, corpus):
    article(corpus, "long.txt", "EVENT|CONSULT|2023-09-13|Vladimir Putin;Kim Jong Un|" + " word" * 20)
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(corpus), "--workers", "1", "--max-article-chars", "100"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"timeline: {corpus / 'long.txt'}: text is 152 characters, over the 100-character per-article budget"
        " (--max-article-chars)",
        "read 4, stored 3, skipped 0, failed 1, events 3",
    ]
    assert count(db_url, "ingest_error") == 1


def test_the_input_size_cap_is_an_option(runner, db_url, tmp_path):
    big = article(tmp_path, "big.txt", "EVENT|CONSULT|2023-09-13|Vladimir Putin;Kim Jong Un|" + "x" * 3000)
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(big), "--workers", "1", "--max-bytes", "2KB"])
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        1,
        f"timeline: {big}: file is 3.0 KB, over the 2 KB limit",
    )
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(big), "--workers", "1", "--max-bytes", "4KB"])
    assert (result.exit_code, result.stderr) == (0, "read 1, stored 1, skipped 0, failed 0, events 1\n")
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(big), "--max-bytes", "lots"])
    assert (result.exit_code, result.stderr) == (
        2,
        "timeline: --max-bytes 'lots' is not a size (e.g. 20MB, 500KB, 1048576)\n",
    )


def test_a_sidecar_added_later_dates_the_stored_article(runner, db_url, undated):
    assert ingest(runner, db_url, undated.parent) == (0, "read 1, stored 1, skipped 0, failed 0, events 1\n")
    (undated.parent / "lula.meta.yaml").write_text("published: 2023-09-12\ntitle: Lula meets Modi\n", encoding="utf-8")
    assert ingest(runner, db_url, undated.parent) == (0, "read 1, stored 0, updated 1, skipped 0, failed 0, events 1\n")
    assert listed(runner, db_url) == [f"1,ok,2023-09-12,,Lula meets Modi,,{undated},1"]
