"""`timeline types`: the ontology as users see it."""

import json

from click.testing import CliRunner

from timeline.cli import cli


def test_types_lists_every_category_with_cameo_codes():
    result = CliRunner().invoke(cli, ["types", "--format", "json", "--triggers"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    by_key = {(r["type"], r["mode"]): r for r in rows}
    assert by_key[("CONSULT", "visit")]["cameo"] == "042"
    assert by_key[("SANCTION", "expel")]["cameo"] == "174"
    assert "expel" in by_key[("SANCTION", "expel")]["triggers"]
    assert {r["type"] for r in rows} >= {
        "CONSULT",
        "AGREE",
        "SUPPORT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "COOPERATE",
        "STATEMENT",
    }


def test_types_table_for_people():
    result = CliRunner().invoke(cli, ["types"])
    assert result.exit_code == 0
    assert "CONSULT" in result.output and "meet in person" in result.output


def test_types_rules_lists_each_named_rule_with_its_pattern_in_the_order_tried():
    result = CliRunner().invoke(cli, ["types", "--rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"stage", "decides", "rule", "pattern"} <= set(rows[0])
    stages = {r["stage"] for r in rows}
    assert {"modality", "dating"} <= stages
    modality = [r for r in rows if r["stage"] == "modality"]
    assert modality and all(r["pattern"] for r in modality)
    # every rule a stage tries is listed once, in its order
    from timeline.events.rules import all_rules

    assert [(r["stage"], r["rule"]) for r in rows] == [(r.stage, r.name) for r in all_rules()]


def test_types_rules_table_names_the_decision_each_rule_serves():
    result = CliRunner().invoke(cli, ["types", "--rules"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "quantified-group" in text and "person-pronoun" in text
