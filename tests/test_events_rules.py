"""The rule registry: every rule has a name and a pattern, listed in the order
its stage tries them."""

from __future__ import annotations

import pytest

from timeline.events.rules import RuleSet, all_rules


def test_every_rule_names_its_pattern_on_one_line():
    rules = all_rules()
    assert rules
    for rule in rules:
        assert rule.stage and rule.name and rule.ruleset
        assert rule.pattern and "\n" not in rule.pattern, rule.name
    keys = [(r.stage, r.ruleset, r.name) for r in rules]
    assert len(keys) == len(set(keys))


def test_modality_rules_are_listed_in_the_order_they_are_tried():
    names = [r.name for r in all_rules() if r.stage == "modality"]
    assert names[:3] == ["negation", "condition", "future-auxiliary"]
    assert names[-1] == "reported-clause"


def test_a_rule_set_keeps_order_and_refuses_a_nameless_or_repeated_rule():
    rules: RuleSet = RuleSet("test", "what the test decides", listed=False)

    @rules.register
    def _first_rule() -> None:
        """first pattern: "one example"
        continued on a second line

        Details that are not part of the pattern."""

    @rules.register
    def _second_rule() -> None:
        """second pattern"""

    assert [(r.name, r.pattern) for r in rules] == [
        ("first-rule", 'first pattern: "one example" continued on a second line'),
        ("second-rule", "second pattern"),
    ]
    with pytest.raises(ValueError, match="no docstring"):

        @rules.register
        def _undocumented() -> None:
            pass

    with pytest.raises(ValueError, match="two rules named 'first-rule'"):

        @rules.register
        def first_rule() -> None:
            """again"""
