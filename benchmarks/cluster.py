"""`timeline ingest --cluster local:N` against the local `--workers N` pool, side
by side in one run, on Reuters-21578 articles and on modern-length ones.

For each corpus the runs are interleaved (pool 2, cluster 2, pool 1, cluster 1,
then again), each into a fresh SQLite file, and the medians reported:

- wall seconds and articles per second, the cluster's overhead against the
  pool with the same number of workers (target: at most 10%);
- CPU seconds of the whole process tree (sampled from /proc), and of the
  client alone: the client reads the inputs and does every write, so
  articles / client CPU second bounds the articles a cluster of any size can
  store per second through one client;
- scaling: throughput with 2 workers over throughput with 1.

Corpora: the first N Reuters articles (1987 wire items, ~130 words), and
"long" articles made by joining consecutive Reuters bodies to ~800 words,
the length of a modern news page; with --whole, the whole corpus instead.

    .venv/bin/python benchmarks/cluster.py [--sample 1500] [--long 250] [--repeats 3]
        [--runs "pool 2,cluster 2"] [--whole] [--with-small-batches]

--with-small-batches adds "cluster 2, 8 a task": the cluster sent batches of
8 articles, as the local pool is, as it was before batches grew to
`timeline.cluster.BATCH_ARTICLES` (the per-task cost, measured).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"
TIMELINE = str(Path(sys.executable).with_name("timeline"))
TICKS = os.sysconf("SC_CLK_TCK")
LONG_WORDS = 800


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parent = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except OSError:
                continue
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
    except OSError:
        return None


def run(args: list[str]) -> dict:
    """Run an ingest; its wall time, CPU seconds (tree and client) and summary."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    last: dict[int, float] = {}
    done = threading.Event()

    def sample():
        while not done.is_set():
            for pid in _descendants(proc.pid):
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    last[pid] = seconds
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {err.strip()[-800:]}")
    summary = next((line for line in err.splitlines() if line.startswith("read ")), "")
    read = int(re.search(r"read (\d+)", summary).group(1))
    workers = [line for line in err.splitlines() if line.startswith("worker ")]
    return {
        "wall": wall,
        "rate": read / wall,
        "cpu": sum(last.values()),
        "client_cpu": last.get(proc.pid, 0.0),
        "read": read,
        "summary": summary,
        "workers": workers,
    }


def write_corpora(workdir: Path, sample: int, long: int) -> tuple[Path, Path]:
    short_path, long_path = workdir / "reuters.jsonl", workdir / "long.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(sample + long * 12), fh)]
    with short_path.open("w", encoding="utf-8") as out:
        for rec in records[:sample]:
            out.write(json.dumps(rec) + "\n")
    made, words, parts = 0, 0, []
    with long_path.open("w", encoding="utf-8") as out:
        for rec in records[sample:]:
            body = (rec.get("body") or "").strip()
            if not body:
                continue
            parts.append(rec)
            words += len(body.split())
            if words >= LONG_WORDS:
                first = parts[0]
                joined = "\n\n".join((p.get("body") or "").strip() for p in parts)
                out.write(json.dumps({"id": f"long-{made}", "published": first["published"], "body": joined}) + "\n")
                made, words, parts = made + 1, 0, []
                if made >= long:
                    break
    return short_path, long_path


# `timeline`, with the cluster's batches as small as the local pool's.
SMALL_BATCHES = [
    sys.executable,
    "-c",
    "import timeline.cluster as c; c.BATCH_ARTICLES, c.BATCH_CHARS = 8, 0; from timeline.cli import main; main()",
]


def ingest(corpus: Path, workdir: Path, name: str, how: list[str]) -> dict:
    db = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command, how = (SMALL_BATCHES, how[1:]) if how[:1] == ["small"] else ([TIMELINE], how)
    args = [*command, "--db", f"sqlite:///{db}", "ingest", str(corpus), "--text-field", "body"]
    return run(args + how)


CONFIGS = {
    "pool 2": ["--workers", "2"],
    "cluster 2": ["--cluster", "local:2"],
    "pool 1": ["--workers", "1"],
    "cluster 1": ["--cluster", "local:1"],
    "cluster 2, 8 a task": ["small", "--cluster", "local:2"],
}


def bench(corpus: Path, label: str, workdir: Path, repeats: int, configs: dict[str, list[str]]) -> None:
    results: dict[str, list[dict]] = {name: [] for name in configs}
    for i in range(repeats):
        for name, how in configs.items():
            r = ingest(corpus, workdir, f"{label}-{name.replace(' ', '')}-{i}", how)
            results[name].append(r)
            print(
                f"  {label} {name} #{i + 1}: {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s; {r['summary']}", flush=True
            )
            for line in r["workers"]:
                print(f"    {line}")
    med = {
        name: {k: statistics.median(r[k] for r in rs) for k in ("wall", "rate", "cpu", "client_cpu")}
        for name, rs in results.items()
    }
    read = next(iter(results.values()))[0]["read"]
    print(f"\n== {label}: {read} articles, medians of {repeats} ==")
    print("| run | wall s | articles/s | CPU s (all processes) | client CPU s | articles per client CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, m in med.items():
        per_client = read / m["client_cpu"] if m["client_cpu"] else float("nan")
        print(
            f"| {name} | {m['wall']:.1f} | {m['rate']:.1f} | {m['cpu']:.1f} | {m['client_cpu']:.1f} | {per_client:.0f} |"
        )
    for name in med:
        pool = f"pool {name.split()[1].rstrip(',')}"
        if name.startswith("cluster") and pool in med:
            wall, cpu = (med[name][k] / med[pool][k] - 1 for k in ("wall", "cpu"))
            print(f"{name} against {pool}: wall {wall:+.1%}, CPU {cpu:+.1%}")
    for kind in ("pool", "cluster"):
        if f"{kind} 1" in med and f"{kind} 2" in med:
            print(f"{kind} scaling 1 -> 2 workers: x{med[f'{kind} 2']['rate'] / med[f'{kind} 1']['rate']:.2f}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=1500, help="Reuters articles (default 1500)")
    ap.add_argument("--long", type=int, default=250, help="~800-word articles (default 250)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--runs", default="pool 2,cluster 2,pool 1,cluster 1", help="which runs, comma-separated")
    ap.add_argument("--whole", action="store_true", help="the whole Reuters corpus instead of the two samples")
    ap.add_argument("--with-small-batches", action="store_true", help='add "cluster 2, 8 a task"')
    a = ap.parse_args()
    names = [n.strip() for n in a.runs.split(",")] + (["cluster 2, 8 a task"] if a.with_small_batches else [])
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        sys.exit(f"--runs: unknown run {unknown[0]!r}; known: {', '.join(CONFIGS)}")
    configs = {n: CONFIGS[n] for n in names}
    if not CORPUS.exists():
        sys.exit(f"skipped: {CORPUS} is missing (the ../shared data is not here)")
    try:
        import distributed  # noqa: F401
    except ImportError:
        sys.exit("skipped: Dask is not installed (pip install 'timeline[cluster]')")
    workdir = Path(tempfile.mkdtemp(prefix="timeline-cluster-"))
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}", flush=True)
    if a.whole:
        bench(CORPUS, "whole corpus", workdir, a.repeats, configs)
    else:
        short, long = write_corpora(workdir, a.sample, a.long)
        bench(short, "reuters", workdir, a.repeats, configs)
        bench(long, "long", workdir, a.repeats, configs)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
