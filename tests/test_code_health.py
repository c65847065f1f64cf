"""Guard-rails on the package's shape: no function grows past the complexity
limit, and the few that are past it today (the baseline) may only shrink.

Cyclomatic complexity as radon counts it (each branch, loop, boolean operator
and comprehension condition adds one), the measure the refactoring issues use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

radon = pytest.importorskip("radon.complexity", reason="radon is not installed (pip install -e '.[test]')")

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
LIMIT = 25

# Functions above LIMIT when the limit was set, with their complexity then.
# An entry leaves this table when its function is split; none may be added,
# and none may grow.
BASELINE: dict[str, int] = {}


def _complexities() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for block in radon.cc_visit(path.read_text(encoding="utf-8")):
            if block.__class__.__name__ == "Class":
                continue  # its methods are listed on their own
            name = f"{block.classname}.{block.name}" if block.classname else block.name
            key = f"{module}:{name}"
            found[key] = max(found.get(key, 0), block.complexity)
            for closure in block.closures:
                found[f"{key}.{closure.name}"] = closure.complexity
    return found


def test_no_function_grows_past_the_complexity_limit():
    over = {k: v for k, v in _complexities().items() if v > LIMIT and v > BASELINE.get(k, 0)}
    assert over == {}, f"split these functions (radon complexity above {LIMIT}, or above their baseline): {over}"


def test_the_baseline_lists_only_functions_still_past_the_limit():
    now = _complexities()
    stale = sorted(k for k in BASELINE if now.get(k, 0) <= LIMIT)
    assert stale == [], f"remove these from BASELINE in {Path(__file__).name}: they are split now: {stale}"
