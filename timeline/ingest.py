"""Ingest orchestration: read sources, extract in worker processes, store each
article in its own transaction from one writer (this process), in input order.

Resumable: an article is skipped by its SHA-256 before any work is sent to a
worker, so a stopped run loses at most the articles in flight. A database that
cannot be written is refused before any input is read; a full disk stops the
run at the first article that cannot be stored.
"""

from __future__ import annotations

import hashlib
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from timeline.budget import BudgetExceeded
from timeline.errors import DatabaseError
from timeline.sources.document import Document, SourceFailure

# Articles sent to a worker at once: spaCy parses a batch of articles as one
# stream, several times faster than article by article.
BATCH_SIZE = 8
# Batches kept in flight per worker: enough to keep workers busy while the
# writer commits, few enough that Ctrl-C loses little.
IN_FLIGHT_PER_WORKER = 2
LOCK_RETRIES = 20
_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    updated: int = 0  # stored texts given new metadata (and re-dated when its date changed)
    # On a cluster: per worker, articles extracted and seconds spent (`timeline.cluster.WorkerTally`).
    workers: dict = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def count(self, result) -> None:
        """Count what the store did with one article (a `StoreResult`)."""
        if result.status == "skipped":
            self.skipped += 1
            return
        if result.status == "updated":
            self.updated += 1
        else:
            self.stored += 1
        self.events += result.events

    def line(self) -> str:
        updated = f"updated {self.updated}, " if self.updated else ""
        return (
            f"read {self.read}, stored {self.stored}, {updated}skipped {self.skipped}, "
            f"failed {self.failed}, events {self.events}"
        )

    def worker_lines(self) -> list[str]:
        """One line per cluster worker: articles extracted and their rate."""
        return [
            f"worker {name}: {tally.articles} articles, {tally.rate:.2f} articles/s"
            for name, tally in sorted(self.workers.items())
        ]


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _extract(doc: Document):
    """Events of one article (top level, so spawn/forkserver can pickle it)."""
    from timeline.events import extract_document

    return extract_document(doc)


def _extract_many(docs: list[Document]):
    """Events of several articles, parsed as one spaCy stream."""
    from timeline.events import extract_documents

    return extract_documents(docs)


def _extract_batch(docs: list[Document], extractor=None, budget=None) -> list:
    """Worker entry point: one result per article, an Exception for an article
    that failed (or ran out of its time budget), so one bad article costs only itself."""
    from timeline.budget import NO_LIMIT, extract_within

    if extractor is None and budget is not None and budget.seconds:
        _warm_up()  # the model's load is not the first article's time
    many = _extract_many if extractor is None else None
    return extract_within(docs, budget or NO_LIMIT, many, extractor or _extract)


def _warm_up() -> None:
    # Load spaCy once per worker, before the first article arrives.
    from timeline import nlp

    try:
        nlp.load()
    except Exception:  # the first extraction will report it per article
        pass


class ProgressDisplay(Protocol):
    """What shows an ingest's progress (the CLI's progress line): told the
    running totals after each article, closed once at the end."""

    def update(self, summary: IngestSummary) -> None: ...

    def close(self) -> None: ...


def run_ingest(
    inputs: Iterable[str],
    options=None,
    db_url: str = "sqlite:///timeline.db",
    workers: int | None = None,
    force: bool = False,
    progress: ProgressDisplay | None = None,
    on_failure: Callable[[str, str], None] | None = None,
    extractor: Callable[[Document], object] | None = None,
    shard: tuple[int, int] | None = None,
    budget=None,
    cluster=None,
) -> IngestSummary:
    """Ingest `inputs` (paths, globs, URLs, "-") into the database at `db_url`.

    `progress` is told the running totals after each article and closed at
    the end. `on_failure(origin, reason)` is called for each input that failed (the CLI
    prints it). `extractor` replaces event extraction (tests); with several
    workers it must be a picklable top-level function. `shard=(k, n)` keeps
    only the documents of shard k of n (see `in_shard`), so n processes or
    machines given the same inputs ingest disjoint parts of one corpus.
    `budget` (a `timeline.budget.ArticleBudget`, default its defaults) limits
    each article's size and extraction time. `cluster` (a
    `timeline.cluster.ClusterSpec`) extracts on a Dask cluster instead of
    `workers` local processes; this process still does every write. Raises
    `timeline.sources.UsageError` for unusable inputs and
    `timeline.errors.ClusterError` when the cluster cannot be used.
    """
    from timeline.budget import ArticleBudget
    from timeline.sources import SourceOptions, read_sources

    try:
        run = _IngestRun(
            db_url,
            workers=workers or default_workers(),
            force=force,
            on_failure=on_failure,
            extractor=extractor,
            budget=budget or ArticleBudget(),
            cluster=cluster,
            progress=progress,
        )
    except DatabaseError as exc:
        raise DatabaseError(f"{exc}; nothing was ingested") from exc
    try:
        with _interrupts_noted(run.interrupted):
            for item in read_sources(list(inputs), options or SourceOptions()):
                run.take(item, shard)
            run.finish()
    except _DiskFull as exc:
        from timeline.db import database_name

        run.abandon()
        kept = run.summary.stored + run.summary.updated
        raise DatabaseError(
            f"cannot write database {database_name(db_url)}: {exc}; "
            f"stopped after storing {kept} articles, which are kept"
        ) from exc.__cause__
    except BaseException:
        run.abandon()
        raise
    finally:
        run.close()
    return run.summary


class _DiskFull(Exception):
    """A write failed for want of space: every later one would too, so the
    ingest stops (what it committed before stays)."""


class _IngestRun:
    """One ingest: inputs in, batches out to the extraction pool (local
    processes, a Dask cluster, or this process), and every article stored
    from here, in input order, each in its own transaction."""

    def __init__(self, db_url: str, *, workers, force, on_failure, extractor, budget, cluster, progress):
        from sqlmodel import Session

        from timeline.db import open_for_writing

        self.workers, self.force, self.on_failure = workers, force, on_failure
        self.extractor, self.budget, self.cluster = extractor, budget, cluster
        self.summary = IngestSummary()
        self.interrupted = threading.Event()  # Ctrl-C seen (see `_interrupts_noted`)
        self.session = Session(open_for_writing(db_url))
        self.pending: deque = deque()
        self.seen: set[str] = set()
        self.batch: list[Document] = []
        self.batch_chars = 0
        # A batch closes at this many articles or characters of text (None: no bound).
        self.batch_limit: tuple[int, int | None] = (1, None) if self._in_process else (BATCH_SIZE, None)
        self.executor = None
        if cluster is not None:
            from timeline.cluster import DaskPool

            # Before any input is read, so an unreachable scheduler costs nothing.
            self.executor = DaskPool(cluster, warm_up=_warm_up if extractor is None else None)
            self.batch_limit = self.executor.batch_limit
        self.display = progress

    @property
    def _in_process(self) -> bool:
        return self.cluster is None and self.workers <= 1

    def _stop_if_interrupted(self) -> None:
        """Ctrl-C that Python could not raise where it landed (inside a
        finaliser, which swallows exceptions) stops the run here instead."""
        if self.interrupted.is_set():
            raise KeyboardInterrupt

    def take(self, item, shard: tuple[int, int] | None) -> None:
        """One item `read_sources` gave: a failure to record, or a document to
        skip, update, or batch for extraction."""
        self._stop_if_interrupted()
        if isinstance(item, SourceFailure):
            # An unreadable input is reported by one shard only, chosen by its name.
            if shard is None or in_shard(hashlib.sha256(item.origin.encode()).hexdigest(), *shard):
                self.fail(item.origin, item.reason)
            return
        sha = item.sha256
        if shard is not None and not in_shard(sha, *shard):
            return
        self.summary.read += 1
        prepared = _reingest(self.session, item, sha, self.force, self.seen)
        if not isinstance(prepared, Document):
            self.summary.count(prepared)
            self._show()
            return
        self.seen.add(sha)
        refused = self.budget.refuse(prepared.text)
        if refused:
            self.fail(prepared.origin or prepared.url or "?", refused)
            return
        self.batch.append(prepared)
        self.batch_chars += len(prepared.text)
        # In process, one article at a time: an interruption loses only it.
        articles, chars = self.batch_limit
        if len(self.batch) >= articles or (chars and self.batch_chars >= chars):
            self._submit(self.batch)
            self.batch, self.batch_chars = [], 0

    def finish(self) -> None:
        if self.batch:
            self._submit(self.batch, last=True)
            self.batch = []
        while self.pending:
            self._finish_one()

    def abandon(self) -> None:
        """Stop at once (Ctrl-C, a fatal error): batches in flight are dropped."""
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def close(self) -> None:
        if self.executor is not None:
            self.summary.workers = dict(self.executor.tallies)
            self.executor.shutdown(wait=True)
        if self.display:
            self.display.close()
        self.session.close()

    def fail(self, origin: str, reason: str) -> None:
        self.summary.failed += 1
        try:
            _with_retry(lambda: _record_failure(self.session, origin, reason))
        except _DiskFull:
            raise
        except Exception as exc:
            reason = f"{reason} (not recorded: {_reason(exc)})"
        if self.on_failure:
            self.on_failure(origin, reason)

    def _store(self, doc: Document, extraction) -> None:
        from timeline.store import store_article

        result = _with_retry(lambda: store_article(self.session, doc, extraction, force=self.force))
        self.summary.count(result)

    def _show(self) -> None:
        if self.display:
            self.display.update(self.summary)

    def _submit(self, docs: list[Document], *, last: bool = False) -> None:
        args = (docs, self.extractor, self.budget)
        # One batch alone (a single file, a paste on stdin) runs in process:
        # faster than starting workers that each load spaCy.
        if self._in_process or (self.executor is None and self.cluster is None and last):
            self.pending.append((docs, _Done(_extract_batch, *args)))
            self._finish_one()
            return
        if self.executor is None:
            self.executor = _process_pool(self.workers, warm_up=self.extractor is None)
        self.pending.append((docs, self.executor.submit(_extract_batch, *args)))
        while len(self.pending) >= self.executor.capacity * IN_FLIGHT_PER_WORKER:
            self._finish_one()

    def _finish_one(self) -> None:
        self._stop_if_interrupted()
        docs, future = self.pending.popleft()
        try:
            results = future.result()
        except KeyboardInterrupt:
            raise
        except Exception as exc:
            results = [exc] * len(docs)
            if len(docs) > 1 and self.executor is not None and self.executor.retries_singly:
                # A cluster gave up on the batch (its workers died running it):
                # run its articles one by one, so only the one to blame fails.
                results = [_single_result(self.executor, doc, self.extractor, self.budget) for doc in docs]
        for doc, extraction in zip(docs, results):
            self._store_or_fail(doc, extraction)
            self._show()

    def _store_or_fail(self, doc: Document, extraction) -> None:
        origin = doc.origin or doc.url or "?"
        if isinstance(extraction, BaseException):
            why = extraction.reason if isinstance(extraction, BudgetExceeded) else None
            self.fail(origin, why or f"extraction failed: {_reason(extraction)}")
            return
        try:
            self._store(doc, extraction)
        except (KeyboardInterrupt, _DiskFull):
            raise
        except Exception as exc:
            self.session.rollback()
            self.fail(origin, f"could not store: {_reason(exc)}")


@contextmanager
def _interrupts_noted(flag: threading.Event) -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt as before, and is also noted in `flag`:
    a KeyboardInterrupt raised inside a finaliser (a Dask future released
    mid-run) is swallowed by Python, and the run must stop all the same."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield  # an embedding thread, or Ctrl-C ignored or left to the system
        return

    def note(signum, frame):
        flag.set()
        previous(signum, frame)

    signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _process_pool(workers: int, *, warm_up: bool):
    import multiprocessing

    # forkserver: workers start from a clean interpreter (no inherited DB
    # connections or threads), and spaCy is loaded once in each.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    # The resource tracker (started with this interpreter's -W options) removes
    # the semaphores of an ingest killed by SIGKILL: that is its job, not a
    # warning for the user's terminal.
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    return _LocalPool(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(os.getpid(), warm_up),
    )


class _LocalPool(ProcessPoolExecutor):
    """The local extraction processes: they end with the ingest however it
    ends, and at once when it stops without waiting for them. Shaped like
    `timeline.cluster.DaskPool`: `capacity`, `retries_singly`, `tallies`."""

    # A broken process pool cannot run a failed batch again article by article.
    retries_singly = False

    def __init__(self, max_workers: int, **kwargs) -> None:
        super().__init__(max_workers=max_workers, **kwargs)
        self.capacity = max_workers  # batches it runs at once
        self.tallies: dict = {}  # per-worker throughput is reported for clusters only

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        processes = list((self._processes or {}).values())
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        if not wait:
            # Stopping (Ctrl-C, SIGTERM, a fatal error): the batches they
            # hold are dropped anyway, so do not wait for them to finish.
            for process in processes:
                process.terminate()


def _start_worker(ingest_pid: int, warm_up: bool) -> None:
    """Worker initializer: end with the ingest process, then load spaCy."""
    _end_with(ingest_pid)
    if warm_up:
        _warm_up()


def _end_with(pid: int) -> None:
    """End this process as soon as process `pid` ends, even by SIGKILL.

    A forkserver worker's parent is the forkserver, not the ingest, and the
    forkserver outlives the ingest for as long as a worker holds its liveness
    pipe (each does): so neither PR_SET_PDEATHSIG nor an EOF reaches a worker
    of a killed ingest. A daemon thread waits on the ingest itself instead.
    """
    try:
        handle = os.pidfd_open(pid)  # Linux >= 5.3: readable once `pid` has exited
    except ProcessLookupError:
        os._exit(1)  # the ingest is gone already
    except (AttributeError, OSError):
        handle = None
    threading.Thread(target=_wait_then_end, args=(pid, handle), name="end-with-ingest", daemon=True).start()


def _wait_then_end(pid: int, handle: int | None) -> None:
    if handle is not None:
        select.select([handle], [], [])
    else:
        while _running(pid):
            time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGKILL)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a reused pid of another user
        return False
    return True


def parse_shard(value: str) -> tuple[int, int]:
    """`"K/N"` (1 <= K <= N) as (K, N); ValueError naming the value otherwise."""
    k, sep, n = value.partition("/")
    if sep and k.strip().isdigit() and n.strip().isdigit() and 1 <= int(k) <= int(n):
        return int(k), int(n)
    raise ValueError(f"shard {value!r} is not K/N with 1 <= K <= N (e.g. 1/4)")


def in_shard(sha256: str, k: int, n: int) -> bool:
    """Whether the document with content hash `sha256` belongs to shard k of n.

    By content, not by position: every process reading the same corpus (in
    any file order, on any machine) puts each document in exactly one shard,
    and a document repeated under two names lands in the same one.
    """
    return int(sha256[:12], 16) % n == k - 1


def _single_result(executor, doc: Document, extractor, budget):
    """One article's extraction on `executor`, or the exception that ended it."""
    try:
        return executor.submit(_extract_batch, [doc], extractor, budget).result()[0]
    except KeyboardInterrupt:
        raise
    except Exception as exc:
        return exc


class _Done:
    """An in-process 'future': extraction runs when the writer asks for it."""

    def __init__(self, fn, *args):
        self._fn, self._args = fn, args

    def result(self):
        return self._fn(*self._args)


def _reingest(session, doc: Document, sha: str, force: bool, seen: set[str]):
    """The document to extract, or what the store did without extraction: a
    text seen in this run or stored before is skipped, or given its new
    metadata (see `timeline.store.reingest`)."""
    from timeline.store import StoreResult, reingest

    if not force and sha in seen:
        return StoreResult("skipped", None)
    return _with_retry(lambda: reingest(session, doc, force=force))


def _record_failure(session, origin: str, reason: str) -> None:
    from timeline.store import record_failure

    record_failure(session, origin, reason)


def _with_retry(action):
    """Run a write, retrying while another process holds the SQLite lock
    beyond the busy timeout (or the connection drops on PostgreSQL); a full
    disk raises `_DiskFull`."""
    from sqlalchemy.exc import OperationalError

    from timeline.db import error_reason, is_disk_full

    for attempt in range(LOCK_RETRIES):
        try:
            return action()
        except OperationalError as exc:
            if is_disk_full(exc):
                raise _DiskFull(error_reason(exc)) from exc
            # SQLite: locked/busy; PostgreSQL: a deadlock or serialization failure.
            transient = any(w in str(exc) for w in ("locked", "busy", "deadlock", "could not serialize"))
            if not transient or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(min(0.05 * 2**attempt, 2.0))


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
