"""The behavioural (CheckList) suite: pass rate per capability, events found with
the right date, and template invariance. Cases come from `tests/checklist.py`.

    .venv/bin/python benchmarks/checklist.py [--fills N] [--failures CAPABILITY] [--json FILE]

`--failures` prints the failed cases of one capability (text, expected, what
was found instead): these are invented sentences, not a held-out set, so
reading them is allowed; do not fit the templates' exact wording.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import checklist  # noqa: E402

from timeline.events import extract_documents  # noqa: E402
from timeline.sources.document import Document  # noqa: E402


def run(fills: int) -> list[checklist.Outcome]:
    cases = checklist.generate(fills)
    docs = [Document(text=c.text, published=c.published, url=f"checklist:{i}") for i, c in enumerate(cases)]
    return [checklist.check(c, x.events) for c, x in zip(cases, extract_documents(docs))]


def summary(outcomes: list[checklist.Outcome]) -> dict:
    rates = checklist.pass_rates(outcomes)
    expected = sum(len(o.found) for o in outcomes)
    found = sum(sum(o.found) for o in outcomes)
    negatives = [o for o in outcomes if o.case.forbidden]
    inv, templates = checklist.invariance(outcomes)
    return {
        "cases": len(outcomes),
        "passed": sum(o.passed for o in outcomes),
        "events_expected": expected,
        "events_found_right_date": found,
        "negatives": len(negatives),
        "negatives_passed": sum(not o.forbidden_found for o in negatives),
        "invariant_templates": inv,
        "templates": templates,
        "capabilities": {k: {"passed": p, "cases": n} for k, (p, n) in rates.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fills", type=int, default=checklist.FILLS_PER_TEMPLATE)
    ap.add_argument("--failures", metavar="CAPABILITY", help="print the failed cases of this capability")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    a = ap.parse_args()
    start = time.process_time()
    outcomes = run(a.fills)
    cpu = time.process_time() - start
    s = summary(outcomes)
    width = max(len(k) for k in s["capabilities"])
    print(f"{'capability':<{width}}  passed / cases")
    for name, r in s["capabilities"].items():
        print(f"{name:<{width}}  {r['passed']:>4} / {r['cases']:<4} {r['passed'] / r['cases']:6.1%}")
    share = s["events_found_right_date"] / max(1, s["events_expected"])
    print(
        f"\ncases passed {s['passed']} / {s['cases']}; events found with the right date "
        f"{s['events_found_right_date']} / {s['events_expected']} ({share:.1%}); "
        f"negatives passed {s['negatives_passed']} / {s['negatives']}; "
        f"invariant templates {s['invariant_templates']} / {s['templates']}; {cpu:.1f} CPU s"
    )
    if a.failures:
        for o in outcomes:
            if o.case.capability == a.failures and not o.passed:
                print(f"\n{o.case.published} ({o.case.published:%A}): {o.case.text}")
                for want, ok, got in zip(o.case.expected, o.found, o.wrong_date):
                    print(
                        f"   {'ok ' if ok else 'MISS'} {want.family} {want.actors} {want.date}"
                        + (f" (got {got})" if got else "")
                    )
                if o.forbidden_found:
                    print("   forbidden event found")
    if a.json:
        Path(a.json).write_text(json.dumps(s, indent=2) + "\n")


if __name__ == "__main__":
    main()
