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
