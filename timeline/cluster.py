"""Extraction on a Dask cluster: `timeline ingest --cluster tcp://HOST:8786`, or
`--cluster local:N` for a `LocalCluster` of N worker processes on this machine.

The client (the `ingest` process) reads and lists the inputs, sends batches of
documents to the workers and stores what comes back: it stays the only writer,
so SQLite works as well as PostgreSQL and every write keeps the local path's
idempotence (an article is stored once, by the SHA-256 of its text). Dask
schedules the batches, steals work from busy workers and runs a batch again
on another worker when its worker dies; a batch that kills
`distributed.scheduler.allowed-failures` workers in a row fails, and its
articles are recorded in `ingest_error` like any other failure.

Dask (`distributed`) is imported only here, and this module only when
`--cluster` is given: `pip install 'timeline[cluster]'`.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from timeline.errors import ClusterError

try:  # a worker plugin must be a subclass; without Dask, DaskPool says how to install it
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - the cluster extra is not installed
    WorkerPlugin = object  # type: ignore[assignment,misc]

# A batch is run again this many times when it raises on a worker (the
# scheduler reschedules batches lost with a dead worker on its own).
TASK_RETRIES = 2
# How long to wait for a scheduler to answer, and for its first worker.
CONNECT_SECONDS = 20
FIRST_WORKER_SECONDS = 120
INSTALL_HINT = "pip install 'timeline[cluster]'"
# Articles sent to a worker in one task, and the text that closes a batch
# sooner. A Dask task costs about 10 ms of CPU (client, scheduler and worker)
# whatever its size: 8 Reuters items (0.3 s of extraction) paid 3-4% for it,
# 32 pay 1%. The character bound keeps a task of long articles near 1-2 s of
# extraction, so a few of them still spread over every worker.
BATCH_ARTICLES = 32
BATCH_CHARS = 40_000
# A local cluster's scheduler and workers (passed on by the nannies): no
# statistical profiler (it samples every worker thread 100 times a second),
# and housekeeping once a second instead of every 20-500 ms: an idle
# LocalCluster(1) took 1.15 CPU s per 20 s with Dask's defaults, 0.20 so.
# docs/scale-out.md gives the same settings for `dask scheduler`/`dask worker`.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    # Dask's default environment for worker processes, less
    # MALLOC_TRIM_THRESHOLD_=65536: with it glibc hands freed memory back at
    # once, spaCy page-faults 30 times as often (360,000 against 12,500 faults
    # for 240 Reuters items) and pays up to 0.9 CPU s per 6.5 s for it.
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


@dataclass(frozen=True)
class ClusterSpec:
    """Where to run: a scheduler address, or a local cluster of `local_workers`."""

    address: str | None = None
    local_workers: int | None = None


def parse_cluster(value: str) -> ClusterSpec:
    """`local:N` or a scheduler address (`tcp://HOST:PORT`, `tls://…`, `HOST:PORT`);
    ValueError naming the value otherwise."""
    text = value.strip()
    kind, sep, rest = text.partition(":")
    if kind == "local":
        if sep and rest.isdigit() and int(rest) >= 1:
            return ClusterSpec(local_workers=int(rest))
        raise ValueError(f"--cluster {value!r}: local:N needs a number of workers N >= 1 (e.g. local:2)")
    host, _, port = text.rpartition(":")
    if host and port.isdigit():
        return ClusterSpec(address=text if "://" in text else f"tcp://{text}")
    raise ValueError(f"--cluster {value!r} is neither local:N nor a scheduler address like tcp://HOST:8786")


class WorkerDied(RuntimeError):
    """The scheduler gave up on a batch: each worker that ran it died."""


@dataclass
class WorkerTally:
    """What one worker did: articles extracted and the seconds it spent on them."""

    articles: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def run_on_worker(fn, docs, *args):
    """Task body: `fn(docs, *args)` with the worker's name and the time it took,
    so the client can report throughput per worker."""
    from distributed import get_worker

    start = time.perf_counter()
    results = fn(docs, *args)
    try:
        worker = get_worker()
        name = f"{worker.name} ({worker.address})" if worker.name != worker.address else worker.address
    except ValueError:  # not on a worker (a synchronous scheduler in tests)
        name = "client"
    return name, time.perf_counter() - start, results


class _TalliedFuture:
    """A Dask future whose `result()` unwraps `run_on_worker`'s answer and counts it."""

    def __init__(self, future, tallies: dict[str, WorkerTally], size: int):
        self._future, self._tallies, self._size = future, tallies, size

    def result(self):
        from distributed.scheduler import KilledWorker

        try:
            name, seconds, results = self._future.result()
        except KilledWorker as exc:
            last = re.search(r"(\w+://[\w.:\[\]-]+)", str(exc))
            where = f"; the last was {last.group(1)}" if last else ""
            raise WorkerDied(f"every Dask worker that ran it died (killed, out of memory or crashed){where}") from None
        tally = self._tallies.setdefault(name, WorkerTally())
        tally.articles += self._size
        tally.seconds += seconds
        return results


class DaskPool:
    """The ingest's worker pool on a Dask cluster, shaped like a
    `concurrent.futures` executor: `submit(fn, docs, *args)` returns an object
    with `result()`, `shutdown()` releases the cluster."""

    # A failed batch may be run again article by article: the pool survives
    # its workers' deaths (a local process pool breaks).
    retries_singly = True

    def __init__(self, spec: ClusterSpec, *, warm_up=None):
        # (articles, characters) at which the ingest closes a batch for this pool
        self.batch_limit = (BATCH_ARTICLES, BATCH_CHARS)
        try:
            import dask
            import distributed
        except ImportError as exc:
            raise ClusterError(f"--cluster needs Dask's distributed package: {INSTALL_HINT}") from exc
        self._cluster = None
        self.tallies: dict[str, WorkerTally] = {}
        try:
            if spec.local_workers:
                # Ctrl-C reaches the whole process group: the workers ignore it
                # (inherited by the processes started now, set by the plugin in
                # any restarted later) and the client shuts them down instead.
                with _interrupts_ignored(), dask.config.set(LOCAL_WORKER_CONFIG):
                    self._cluster = distributed.LocalCluster(
                        n_workers=spec.local_workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address="127.0.0.1:0",  # its HTTP server: loopback, a free port
                        silence_logs=logging.CRITICAL,
                    )
                self.client = distributed.Client(self._cluster, set_as_default=False)
                where = f"a local cluster of {spec.local_workers}"
            else:
                self.client = distributed.Client(spec.address, timeout=CONNECT_SECONDS, set_as_default=False)
                where = f"the scheduler at {spec.address}"
        except (OSError, TimeoutError) as exc:
            self.shutdown()
            raise ClusterError(f"cannot reach {spec.address or 'a local cluster'}: {_first_line(exc)}") from exc
        except RuntimeError as exc:  # a local worker process could not start
            self.shutdown()
            raise ClusterError(f"cannot start a local cluster: {_first_line(exc)}") from exc
        try:
            self.client.wait_for_workers(1, timeout=FIRST_WORKER_SECONDS)
        except TimeoutError as exc:
            self.shutdown()
            raise ClusterError(f"no Dask worker joined {where} within {FIRST_WORKER_SECONDS} s") from exc
        if warm_up is not None or spec.local_workers:
            plugin = WorkerSetup(warm_up, ignore_interrupts=bool(spec.local_workers))
            self.client.register_plugin(plugin, name="timeline-worker-setup")

    @property
    def capacity(self) -> int:
        """Batches the cluster runs at once (its worker threads), at least 1."""
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, fn, docs, *args) -> _TalliedFuture:
        future = self.client.submit(run_on_worker, fn, docs, *args, pure=False, retries=TASK_RETRIES)
        return _TalliedFuture(future, self.tallies, len(docs))

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        client = self.__dict__.pop("client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


class WorkerSetup(WorkerPlugin):
    """Prepares each worker as it starts (and each one that joins or restarts
    later): starts `load()`, so spaCy and the lexicons load once per worker
    while the client still reads its inputs, never per task; on a local
    cluster, makes it ignore Ctrl-C, which the client handles."""

    def __init__(self, load=None, *, ignore_interrupts: bool = False):
        self._load, self._ignore_interrupts = load, ignore_interrupts

    def setup(self, worker) -> None:
        if self._ignore_interrupts and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        if self._load is not None:
            # In the background: the worker takes its first batch meanwhile,
            # and that batch's own load waits for this one (`nlp.load`'s lock).
            threading.Thread(target=self._load, name="timeline-warm-up", daemon=True).start()


@contextmanager
def _interrupts_ignored():
    """SIGINT ignored in this block: processes started in it inherit that."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
