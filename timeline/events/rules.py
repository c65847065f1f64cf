"""The registry of extraction rules: every small, named check a stage runs,
with the linguistic pattern it covers, so `timeline types --rules` can list them
and a reader can find the rule behind a decision.

A stage declares a `RuleSet` and decorates its rules, in the order it tries
them; the driver walks the set. The pattern is the rule's docstring, first
paragraph, folded to one line:

    MODALITY: RuleSet[[Step], Modality] = RuleSet("modality", "did the event happen?")

    @MODALITY.register
    def _planning_verb(step: Step) -> Modality | None:
        \"\"\"planning verb over the trigger: "is due to visit", "plans to meet" → planned\"\"\"

A rule answers None when its pattern is not there; `RuleSet.first` gives the
first answer that is not None, with the name of the rule that gave it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# Modules that register rules, in the order the stages run; `all_rules` imports
# them so a listing is complete, and listings follow this order.
RULE_MODULES = (
    "timeline.events.conditions",
    "timeline.events.statements",
    "timeline.events.arguments",
    "timeline.events.participants",
    "timeline.events.candidates",
    "timeline.events.modality",
    "timeline.events.dating",
    "timeline.events.during",
    "timeline.events.undated",
    "timeline.events.merge",
)


@dataclass(frozen=True)
class Rule(Generic[P, R]):
    """One named rule: the stage it belongs to, its name, the pattern it covers."""

    stage: str
    name: str
    pattern: str
    check: Callable[P, R | None]
    ruleset: str  # what the rule set decides, for listings


class RuleSet(Generic[P, R]):
    """The ordered rules of one decision of a stage (rules are tried in the
    order they are registered, which is their order in the source)."""

    def __init__(self, stage: str, decides: str, *, listed: bool = True) -> None:
        self.stage = stage
        self.decides = decides
        self._rules: list[Rule[P, R]] = []
        if listed:  # a set made by a test stays out of the listing
            _SETS.append(self)

    def register(self, check: Callable[P, R | None]) -> Callable[P, R | None]:
        """Decorator: add `check` as the next rule of the set."""
        name = check.__name__.strip("_").replace("_", "-")
        if any(r.name == name for r in self._rules) or (self in _SETS and any(r.name == name for r in all_listed())):
            raise ValueError(f"{self.stage}: two rules named {name!r}")
        self._rules.append(Rule(self.stage, name, _pattern(check), check, self.decides))
        return check

    def __iter__(self) -> Iterator[Rule[P, R]]:
        return iter(self._rules)

    def first(self, *args: P.args, **kwargs: P.kwargs) -> tuple[R | None, str | None]:
        """The first answer that is not None, and the name of the rule that gave it."""
        for rule in self._rules:
            answer = rule.check(*args, **kwargs)
            if answer is not None:
                return answer, rule.name
        return None, None

    def __len__(self) -> int:
        return len(self._rules)


_SETS: list[RuleSet[..., Any]] = []


def _pattern(check: Callable[..., Any]) -> str:
    doc = (check.__doc__ or "").strip()
    if not doc:
        raise ValueError(f"rule {check.__qualname__} has no docstring naming the pattern it covers")
    return " ".join(doc.split("\n\n", 1)[0].split())


def all_listed() -> list[Rule[..., Any]]:
    """The rules registered so far (without importing the rule modules), in
    the order of RULE_MODULES, whatever order the modules were imported in."""
    return [rule for ruleset in sorted(_SETS, key=_stage_order) for rule in ruleset]


def _stage_order(ruleset: RuleSet[..., Any]) -> int:
    modules = {rule.check.__module__ for rule in ruleset}
    return min((RULE_MODULES.index(m) for m in modules if m in RULE_MODULES), default=len(RULE_MODULES))


def all_rules() -> list[Rule[..., Any]]:
    """Every registered rule, rule set by rule set, in the order they are tried."""
    for module in RULE_MODULES:
        importlib.import_module(module)
    return all_listed()
