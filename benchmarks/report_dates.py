"""Extraction on the merge gold's reports, by half: found, and dated right.

The merge gold (`benchmarks/merge_gold/`, issue 13) annotates 361 reports of
diplomatic events in 232 Reuters-21578 articles, and the scorer adds the
Wikinews reports that share an event with another article; each report has a
type, actors and the event's date. That makes it a second, larger gold of
event *recall and dates* beside gold-dev and gold-wikinews (it lists only the
reports of the events it follows, so it measures no precision):

    .venv/bin/python benchmarks/report_dates.py [--verbose]

Each article is extracted on its own (no cross-article merging, which could
move a date) and each gold report is matched to an event of its article the
way `benchmarks/merging.py` matches them (same type family, a shared actor;
optimal one-to-one). Printed by half (`benchmarks/splits.py`, the halves of
`benchmarks/merging.py`): reports, found, date exact (the gold value or an
accepted one) and lenient (the system's days inside the gold's) among the
found reports whose gold has a date. `--verbose` lists the tune half's
misses and wrong dates (read no errors of the check half), leaving out the
articles that are in the check half of `benchmarks/events.py`'s split.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import tempfile
from pathlib import Path

from merging import Report, gold_and_scorer, half_of, match, readable, write_inputs
from splits import HALVES


def extract(inputs: Path) -> list[dict]:
    """Every event of every article, extracted one article at a time, as the
    export's dicts (enough of them for the scorer: id, type, mode, actors,
    date and its span, the article's url)."""
    from timeline.events import extract_documents
    from timeline.sources import read_sources
    from timeline.sources.document import Document

    docs = [r for r in read_sources([str(inputs)]) if isinstance(r, Document)]
    out = []
    for doc, extraction in zip(docs, extract_documents(docs)):
        for event in extraction.events:
            if not event.in_timeline:
                continue
            out.append(
                {
                    "id": len(out),
                    "type": event.type,
                    "mode": event.mode,
                    "actors": [{"name": p.name} for p in event.participants],
                    "date": event.date,
                    "date_start": event.date_start,
                    "date_end": event.date_end,
                    "mentions": [{"url": doc.url, "sentence": event.mentions[0].sentence if event.mentions else ""}],
                }
            )
    return out


def rows(reports: list[Report], matched: dict[Report, object], system: dict[object, dict], scorer) -> list[str]:
    out = [
        "| half | reports | found | dated in gold and found | date exact | date lenient |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label in (*HALVES, "all"):
        part = [r for r in reports if label == "all" or half_of(r) == label]
        found = [r for r in part if r in matched]
        dated = [r for r in found if r.date]
        exact = sum(_agreement(r, system[matched[r]], scorer) == 2 for r in dated)
        lenient = sum(_agreement(r, system[matched[r]], scorer) >= 1 for r in dated)
        out.append(
            f"| {label} | {len(part)} | {len(found)} ({len(found) / max(1, len(part)):.3f}) | {len(dated)} "
            f"| {exact / max(1, len(dated)):.3f} | {lenient / max(1, len(dated)):.3f} |"
        )
    return out


def _agreement(report: Report, event: dict, scorer) -> int:
    return scorer.date_agreement({"date": report.date, "also_acceptable": list(report.also_acceptable)}, event)


def tune_errors(reports: list[Report], matched: dict[Report, object], system: dict[object, dict], scorer) -> list[str]:
    out = ["== tune half: reports not found, and found with another date =="]
    for r in sorted((r for r in reports if readable(r)), key=lambda r: (r.article, r.event_key)):
        if r not in matched:
            out.append(f"  missed {r.article[1]}: {r.type} {r.date} {list(r.actors)}")
        elif r.date and _agreement(r, system[matched[r]], scorer) < 2:
            e = system[matched[r]]
            out.append(
                f"  date {r.article[1]}: gold {r.date} system {e['date']} ({r.type}) | {e['mentions'][0]['sentence'][:160]}"
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list the tune half's misses and wrong dates")
    a = ap.parse_args()
    reports, scorer = gold_and_scorer()
    with tempfile.TemporaryDirectory(prefix="timeline-report-dates-") as tmp:
        inputs = write_inputs(reports, Path(tmp))
        started = dt.datetime.now()
        system = extract(inputs)
        seconds = (dt.datetime.now() - started).total_seconds()
    matched = match(reports, system, scorer)
    by_id = {e["id"]: e for e in system}
    articles = len({r.article for r in reports})
    kinds = collections.Counter(r.article[0] for r in reports)
    print(f"{articles} articles extracted in {seconds:.1f} s; {len(system)} events; reports: {dict(kinds)}")
    print("\n".join(rows(reports, matched, by_id, scorer)))
    if a.verbose:
        print("\n".join(tune_errors(reports, matched, by_id, scorer)))


if __name__ == "__main__":
    main()
