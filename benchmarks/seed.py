"""The acceptance example, measured: ingest `seeds/` into a fresh database,
then time `timeline query --actor Putin` as a whole process (median of N runs)
and print the seed result table (event, expected date, found date).

    .venv/bin/python benchmarks/seed.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT.parent / "shared" / "seed-gold.json"
TIMELINE = str(Path(sys.executable).with_name("timeline"))


def _timed(args: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    return time.perf_counter() - start, done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="timeline-seed-"))
    env = {**os.environ, "TIMELINE_DB": f"sqlite:///{tmp / 'seed.db'}"}
    ingest_s, done = _timed([TIMELINE, "ingest", "seeds/"], env)
    if done.returncode != 0:
        sys.exit(f"ingest failed: {done.stderr.strip()}")
    print(f"ingest seeds/ (whole process, spaCy load included): {ingest_s:.2f} s")
    times = []
    for _ in range(a.runs):
        elapsed, done = _timed([TIMELINE, "query", "--actor", "Putin", "--format", "json"], env)
        if done.returncode != 0:
            sys.exit(f"query failed: {done.stderr.strip()}")
        times.append(elapsed)
    print(
        f"timeline query --actor Putin (whole process): median {statistics.median(times) * 1000:.0f} ms, "
        f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {a.runs} runs"
    )
    _, done = _timed([TIMELINE, "export", "--format", "json"], env)
    events = json.loads(done.stdout)
    if not SEED_GOLD.exists():
        print(f"(no {SEED_GOLD}: result table skipped)")
        return
    gold = json.loads(SEED_GOLD.read_text())
    print("\n| event | type | expected | found | ok |\n|---|---|---|---|---|")
    for g in gold["events"]:
        names = [n.split()[-1] for n in g["actors"] if " " in n] or g["actors"][:1]
        ok_values = {g["date"], *g.get("also_acceptable", [])} if g.get("date") and g["date"][0].isdigit() else {None}
        found = None
        for e in events:
            actors = " ".join(a["name"] for a in e["actors"])
            if all(n in actors for n in names) and _family(e["type"], e["mode"]) == _family_gold(g["type"]):
                found = e
                if e["date"] in ok_values:
                    break
        value = found["date"] if found else "—"
        ok = (found is not None and found["date"] in ok_values) or (found is None and g.get("optional"))
        print(f"| {g['id']} | {g['type']} | {g['date']} | {value} | {'yes' if ok else 'NO'} |")


def _family(type_: str, mode: str | None) -> str:
    if type_ == "CONSULT":
        return "visit" if mode == "visit" else "meet"
    return {"REQUEST": "propose", "ACCUSE": "criticize"}.get(type_, type_.lower())


def _family_gold(type_: str) -> str:
    return {"MEET": "meet", "VISIT": "visit", "PROPOSE": "propose", "CRITICIZE": "criticize"}.get(type_, type_.lower())


if __name__ == "__main__":
    main()
