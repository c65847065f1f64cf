"""Event extraction accuracy on the development gold set and on the seed.

Ingests the gold-dev Reuters articles (as JSON Lines, url "reuters21578:<id>")
and the seed article into fresh databases with the real `timeline` CLI,
exports every event as JSON and scores it with `../shared/tools/score_events.py`.
Prints precision, recall, F1, date accuracy and type accuracy for each.

    .venv/bin/python benchmarks/events.py [--verbose]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "gold-dev" / "reuters_dev_gold.jsonl"
CORPUS = SHARED / "data" / "reuters21578" / "reuters21578.jsonl.gz"
SCORER = SHARED / "tools" / "score_events.py"
SEED_GOLD = SHARED / "seed-gold.json"
TIMELINE = [sys.executable, "-m", "timeline.cli"]


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=False, capture_output=True, text=True, cwd=ROOT, **kw)


def dev_articles(gold_path: Path) -> list[dict]:
    wanted = {json.loads(line)["article_id"] for line in gold_path.open() if line.strip()}
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                rec["url"] = f"reuters21578:{rec['id']}"
                out.append(rec)
    return out


def ingest_and_export(inputs: list[str], workdir: Path, name: str) -> tuple[Path, float]:
    db = f"sqlite:///{workdir / (name + '.db')}"
    start = time.perf_counter()
    done = _run([*TIMELINE, "--db", db, "ingest", "--workers", "1", *inputs])
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed: {done.stderr.strip()}")
    out = workdir / f"{name}.json"
    export = _run([*TIMELINE, "--db", db, "export", "--format", "json", "--output", str(out)])
    if export.returncode != 0:
        sys.exit(f"export failed: {export.stderr.strip()}")
    return out, elapsed


def seed_gold_jsonl(workdir: Path) -> tuple[Path, str]:
    """The seed's gold in the scorer's JSONL format, keyed by its URL."""
    seed = json.loads(SEED_GOLD.read_text())
    url = seed["article"]["url"]
    events = []
    for e in seed["events"]:
        date = e.get("date")
        events.append(
            {
                "type": e["type"],
                "date": date if date and date[0].isdigit() else None,
                "also_acceptable": e.get("also_acceptable", []),
                "actors": e.get("actors", []),
                "optional": bool(e.get("optional", False)),
            }
        )
    path = workdir / "seed-gold.jsonl"
    path.write_text(json.dumps({"article_id": url, "events": events}) + "\n")
    return path, url


def score(gold: Path, system: Path, prefix: str, verbose: bool) -> str:
    args = [sys.executable, str(SCORER), "--gold", str(gold), "--system", str(system), "--url-prefix", prefix]
    if verbose:
        args.append("--verbose")
    return _run(args).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", help="keep databases and exports in this folder")
    a = ap.parse_args()
    if not GOLD.exists() or not SCORER.exists():
        sys.exit(f"skipped: {GOLD} or {SCORER} is missing (the ../shared data is not here)")
    workdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="timeline-events-"))
    workdir.mkdir(parents=True, exist_ok=True)
    articles = dev_articles(GOLD)
    jsonl = workdir / "dev.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in articles))
    dev_export, dev_time = ingest_and_export([str(jsonl)], workdir, "dev")
    print(f"== gold-dev: {len(articles)} articles, ingest {dev_time:.1f} s ==")
    print(score(GOLD, dev_export, "reuters21578:", a.verbose))
    seed_export, seed_time = ingest_and_export([str(ROOT / "seeds")], workdir, "seed")
    gold_path, _url = seed_gold_jsonl(workdir)
    print(f"== seed: ingest {seed_time:.1f} s ==")
    print(score(gold_path, seed_export, "", a.verbose))


if __name__ == "__main__":
    main()
