"""Headlines (issue 14 item 3): each event's summary next to the sentence it
comes from, for judging by hand whether it states the act (who did what, to or
with whom, about what).

Ingests the seed (`seeds/`), gold-dev and gold-wikinews with the real CLI and
prints Markdown tables of (sentence, headline): every seed event, and a fixed
sample (seeded, so the same events each run) of about 40 events of each data
set, by tune and check half (`benchmarks/splits.py`). The data sets' text is
printed, never written into the project.

    .venv/bin/python benchmarks/headlines.py [--per-set 40] [--sample-seed 14] [--half tune]

`--sample-seed` draws another sample (a fresh held-out figure once a sample's
rows have been read while changing the code); `--half` prints one half only, so
work on the tune rows need not show the check rows.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from events import CORPUS, DEV_GOLD, ROOT, WIKINEWS, dev_articles, ingest_and_export, wikinews_articles
from splits import HALVES, half

SEED = 14  # the number: the default sample


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _sentence(event: dict) -> str:
    """The sentence the headline was made from: the mention the strongest
    trigger gave (the most confident one)."""
    best = max(event["mentions"], key=lambda m: m.get("confidence") or 0)
    return best["sentence"]


def _timeline(events: list[dict]) -> list[dict]:
    return [e for e in events if e.get("mentions")]


def _table(rows: list[dict]) -> str:
    lines = ["| # | sentence | headline |", "|---|---|---|"]
    lines += [f"| {i} | {_cell(_sentence(e))} | {_cell(e['summary'])} |" for i, e in enumerate(rows, 1)]
    return "\n".join(lines)


def _article_id(event: dict) -> str:
    url = event["mentions"][0].get("url") or ""
    return url.split(":", 1)[1] if ":" in url else url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-set", type=int, default=40, help="events sampled from each data set")
    ap.add_argument("--sample-seed", type=int, default=SEED, help=f"seed of the sample (default {SEED})")
    ap.add_argument("--half", choices=HALVES, help="print this half of the sample only")
    a = ap.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="timeline-headlines-"))
    seed_export, _ = ingest_and_export([str(ROOT / "seeds")], workdir, "seed")
    if a.half in (None, "tune"):  # the seed is tuned on
        print("## seed (every event)\n")
        print(_table(_timeline(json.loads(seed_export.read_text()))))
    missing = [p for p in (DEV_GOLD, CORPUS, WIKINEWS / "articles.jsonl") if not p.exists()]
    if missing:
        print(f"\nskipped gold-dev and gold-wikinews: {missing[0]} is missing (the ../shared data is not here)")
        return
    for name, articles in (("gold-dev", dev_articles()), ("gold-wikinews", wikinews_articles())):
        jsonl = workdir / f"{name}.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in articles))
        export, _ = ingest_and_export([str(jsonl)], workdir, name)
        events = _timeline(json.loads(export.read_text()))
        sample = random.Random(a.sample_seed).sample(events, min(a.per_set, len(events)))
        sample.sort(key=lambda e: (e["mentions"][0].get("url") or "", e["id"]))
        for h in [a.half] if a.half else HALVES:
            rows = [e for e in sample if half(_article_id(e)) == h]
            print(f"\n## {name}, {h} half ({len(rows)} of {len(events)} events sampled, seed {a.sample_seed})\n")
            print(_table(rows))
    print(f"\n(databases and exports in {workdir})", file=sys.stderr)


if __name__ == "__main__":
    main()
