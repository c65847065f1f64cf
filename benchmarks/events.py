"""Event extraction accuracy on the visible gold sets and on the seed.

Ingests gold-dev (34 Reuters 1987 articles, url "reuters21578:<id>") and
gold-wikinews (30 Wikinews articles, url "wikinews:<id>") each into a fresh
database with the real `timeline` CLI, exports every event as JSON and scores it
with `../shared/tools/score_events.py`: the whole set, its tune half and its
check half (`benchmarks/splits.py`). Then the seed.

    .venv/bin/python benchmarks/events.py [--verbose] [--keep DIR] [--json FILE]

`--verbose` lists misses, date errors and spurious events (system events that
match no gold event) of the **tune halves only**: the
check halves' errors are never read, only their totals.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from splits import HALVES, half

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "data" / "gold-dev" / "reuters_dev_gold.jsonl"
CORPUS = SHARED / "data" / "reuters21578" / "reuters21578.jsonl.gz"
WIKINEWS = SHARED / "data" / "gold-wikinews"
SCORER = SHARED / "tools" / "score_events.py"
SEED_GOLD = SHARED / "seed-gold.json"
TIMELINE = [sys.executable, "-m", "timeline.cli"]
SUMMARY = re.compile(
    r"events P=(?P<p>[\d.]+) R=(?P<r>[\d.]+) F1=(?P<f1>[\d.]+); "
    r"date accuracy on matched: exact=(?P<exact>[\d.]+) lenient=(?P<lenient>[\d.]+)"
)


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=False, capture_output=True, text=True, cwd=ROOT, **kw)


def dev_articles() -> list[dict]:
    wanted = {json.loads(line)["article_id"] for line in DEV_GOLD.open() if line.strip()}
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                rec["url"] = f"reuters21578:{rec['id']}"
                out.append(rec)
    return out


def wikinews_articles() -> list[dict]:
    out = []
    for line in (WIKINEWS / "articles.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        out.append({"url": f"wikinews:{r['id']}", "published": r["published"], "title": r["title"], "text": r["text"]})
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


def seed_gold_jsonl(workdir: Path) -> Path:
    """The seed's gold in the scorer's JSONL format, keyed by its URL."""
    seed = json.loads(SEED_GOLD.read_text())
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
    path.write_text(json.dumps({"article_id": seed["article"]["url"], "events": events}) + "\n")
    return path


def halves_of(gold: Path, workdir: Path, name: str) -> dict[str, Path]:
    """The gold file cut into its tune and check halves (by article id)."""
    lines = [line for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {"all": gold}
    for h in HALVES:
        path = workdir / f"{name}-{h}.jsonl"
        path.write_text("".join(line + "\n" for line in lines if half(json.loads(line)["article_id"]) == h))
        out[h] = path
    return out


def score(gold: Path, system: Path, prefix: str, verbose: bool = False) -> tuple[dict, str]:
    args = [sys.executable, str(SCORER), "--gold", str(gold), "--system", str(system), "--url-prefix", prefix]
    matches = None
    if verbose:
        matches = system.with_name(f"{gold.stem}-matches.jsonl")
        args += ["--verbose", "--matches", str(matches)]
    out = _run(args).stdout
    if matches is not None:
        out += spurious(gold, system, prefix, matches)
    m = SUMMARY.search(out)
    if m is None:
        sys.exit(f"the scorer printed no summary:\n{out}")
    figures = {k: float(v) for k, v in m.groupdict().items()}
    figures["required"] = int(re.search(r"gold required events: (\d+)", out)[1])
    return figures, out


def spurious(gold: Path, system: Path, prefix: str, matches: Path) -> str:
    """The system events of the gold's articles that matched no gold event, one line each."""
    articles = {
        str(json.loads(line)["article_id"]) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    }
    matched = {json.loads(line)["system"] for line in matches.read_text(encoding="utf-8").splitlines() if line.strip()}
    lines = []
    for event in json.loads(system.read_text(encoding="utf-8")):
        sources = {str(m.get("url", ""))[len(prefix) :] for m in event.get("mentions", [])}
        hit = sorted(sources & articles)
        if not hit or event.get("id") in matched:
            continue
        actors = [a.get("name") for a in event.get("actors", [])]
        sentence = next((m.get("sentence", "") for m in event.get("mentions", [])), "")
        lines.append(f"  spurious {hit[0]}: {event.get('type')} {event.get('date')} {actors} | {sentence[:160]}")
    return "\n".join(lines) + ("\n" if lines else "")


def _row(name: str, part: str, f: dict) -> str:
    return (
        f"| {name} | {part} | {f['required']} | {f['p']:.3f} | {f['r']:.3f} | {f['f1']:.3f} "
        f"| {f['exact']:.3f} | {f['lenient']:.3f} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="misses and date errors of the tune halves")
    ap.add_argument("--keep", help="keep databases, exports and half golds in this folder")
    ap.add_argument("--json", metavar="FILE", help="write every figure as JSON")
    a = ap.parse_args()
    for needed in (DEV_GOLD, CORPUS, WIKINEWS / "gold.jsonl", SCORER):
        if not needed.exists():
            sys.exit(f"skipped: {needed} is missing (the ../shared data is not here)")
    workdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="timeline-events-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sets = [
        ("gold-dev", dev_articles(), DEV_GOLD, "reuters21578:"),
        ("gold-wikinews", wikinews_articles(), WIKINEWS / "gold.jsonl", "wikinews:"),
    ]
    rows, figures = [], {}
    for name, articles, gold, prefix in sets:
        jsonl = workdir / f"{name}.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in articles))
        export, seconds = ingest_and_export([str(jsonl)], workdir, name)
        print(f"{name}: {len(articles)} articles ingested in {seconds:.1f} s", file=sys.stderr)
        for part, path in halves_of(gold, workdir, name).items():
            f, text = score(path, export, prefix, verbose=a.verbose and part == "tune")
            figures[f"{name}/{part}"] = f
            rows.append(_row(name, part, f))
            if a.verbose and part == "tune":
                print(f"== {name}, tune half: misses and date errors ==\n{text}")
    seed_export, _ = ingest_and_export([str(ROOT / "seeds")], workdir, "seed")
    f, text = score(seed_gold_jsonl(workdir), seed_export, "", verbose=a.verbose)
    figures["seed"] = f
    rows.append(_row("seed", "all", f))
    if a.verbose:
        print(f"== seed ==\n{text}")
    print("| set | part | required events | P | R | F1 | date exact | date lenient |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
