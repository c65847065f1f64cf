"""Publication dates of real news pages: the date `timeline ingest` stores,
side by side with htmldate's extensive mode (and its fast mode) on the same pages.

The pages are htmldate's own news evaluation set, 200 pages from many countries
with the date its evaluation expects (`../shared/data/web-eval/htmldate-mediacloud/`,
`expected.jsonl`). Every system gets the page and its URL: htmldate as
`find_date(html, url=...)`, `timeline` through a folder `metadata.jsonl` giving
each file its URL (and no date). A page counts as right when the stored date is
the expected day (or no date where none is expected, 5 pages); accuracy is
right / pages, precision right / dated pages.

    .venv/bin/python benchmarks/pubdate.py [--verbose] [--keep DIR] [--workers N]

`--verbose` lists the wrong and missing dates of the **tune half only**
(`benchmarks/splits.py`); of the check half only totals are printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from splits import HALVES, half

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "web-eval" / "htmldate-mediacloud"
TIMELINE = [sys.executable, "-m", "timeline.cli"]


def expected_pages() -> list[dict]:
    return [json.loads(line) for line in (PAGES / "expected.jsonl").open(encoding="utf-8") if line.strip()]


def timeline_dates(pages: list[dict], workdir: Path, workers: int) -> tuple[dict[str, str | None], float]:
    """{file: date stored by `timeline ingest`} (None: undated or not stored)."""
    folder = workdir / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        shutil.copyfile(PAGES / page["file"], folder / page["file"])
    rows = "".join(json.dumps({"file": p["file"], "url": p["url"]}) + "\n" for p in pages)
    (folder / "metadata.jsonl").write_text(rows, encoding="utf-8")
    db = f"sqlite:///{workdir / 'pubdate.db'}"
    start = time.perf_counter()
    done = subprocess.run(
        [*TIMELINE, "--db", db, "ingest", str(folder), "--workers", str(workers)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed: {done.stderr.strip()}")
    listing = subprocess.run(
        [*TIMELINE, "--db", db, "articles", "--format", "json"], capture_output=True, text=True, cwd=ROOT
    )
    stored = {Path(a["origin"]).name: a["published"] for a in json.loads(listing.stdout)}
    return {p["file"]: stored.get(p["file"]) for p in pages}, elapsed


def htmldate_dates(pages: list[dict], extensive: bool) -> tuple[dict[str, str | None], float]:
    from htmldate import find_date

    out, start = {}, time.perf_counter()
    for page in pages:
        html = (PAGES / page["file"]).read_bytes()
        try:
            found = find_date(html, url=page["url"], original_date=True, extensive_search=extensive)
        except Exception:  # htmldate raises on some hostile markup; count as no date
            found = None
        out[page["file"]] = found[:10] if found else None
    return out, time.perf_counter() - start


def expected(page: dict) -> str | None:
    """The expected day; None for the pages htmldate's set gives no date (NaN)."""
    return page["date"] if isinstance(page["date"], str) else None


def score(pages: list[dict], found: dict[str, str | None]) -> dict:
    """As htmldate's evaluation: no date where none is expected is right;
    precision is over the pages given a date."""
    right = sum(1 for p in pages if found[p["file"]] == expected(p))
    dated = sum(1 for p in pages if found[p["file"]])
    right_dated = sum(1 for p in pages if found[p["file"]] and found[p["file"]] == expected(p))
    missing = sum(1 for p in pages if not found[p["file"]] and expected(p))
    return {
        "pages": len(pages),
        "right": right,
        "wrong": len(pages) - right - missing,
        "missing": missing,
        "accuracy": right / len(pages) if pages else 0.0,
        "precision": right_dated / dated if dated else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="wrong and missing dates of the tune half")
    ap.add_argument("--keep", help="keep the copied pages and the database in this folder")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    if not (PAGES / "expected.jsonl").exists():
        sys.exit(f"skipped: {PAGES} is missing (the ../shared data is not here)")
    pages = expected_pages()
    workdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="timeline-pubdate-"))
    workdir.mkdir(parents=True, exist_ok=True)
    systems: dict[str, dict[str, str | None]] = {}
    seconds: dict[str, float] = {}
    systems["timeline ingest"], seconds["timeline ingest"] = timeline_dates(pages, workdir, a.workers)
    systems["htmldate extensive"], seconds["htmldate extensive"] = htmldate_dates(pages, extensive=True)
    systems["htmldate fast"], seconds["htmldate fast"] = htmldate_dates(pages, extensive=False)
    for name, s in seconds.items():
        print(f"{name}: {s:.1f} s for {len(pages)} pages", file=sys.stderr)
    parts = {"all": pages, **{h: [p for p in pages if half(p["file"]) == h] for h in HALVES}}
    print("| system | part | pages | right | wrong | missing | accuracy | precision |")
    print("|---|---|---|---|---|---|---|---|")
    for name, found in systems.items():
        for part, chosen in parts.items():
            f = score(chosen, found)
            print(
                f"| {name} | {part} | {f['pages']} | {f['right']} | {f['wrong']} | {f['missing']} "
                f"| {f['accuracy']:.3f} | {f['precision']:.3f} |"
            )
    if a.verbose:
        print("\n== tune half: pages where timeline's date is not the expected one ==")
        ours, theirs = systems["timeline ingest"], systems["htmldate extensive"]
        for p in parts["tune"]:
            if ours[p["file"]] != expected(p):
                print(f"{p['file']}: expected {expected(p)}, timeline {ours[p['file']]}, htmldate {theirs[p['file']]}")


if __name__ == "__main__":
    main()
