"""`timeline tag`: time expressions of plain text or a TempEval-3 file, as a table,
JSON or inline TimeML; errors are one line on stderr with exit code 2."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import SHARED

from timeline.cli import cli

SEED_TEXT = (
    "Russian President Vladimir Putin met Belarusian leader Alexander Lukashenko in Sochi on "
    "Friday. The meeting took place only two days after Putin met with Kim Jong Un. The European "
    "Parliament this week called Lukashenko an accomplice."
)

TE3 = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>
<TEXT>
Profit rose 5% in the third quarter &amp; sales fell yesterday.
</TEXT>
</TimeML>
"""


@pytest.fixture
def runner():
    return CliRunner()


def test_json_for_the_seed_sentence(runner):
    result = runner.invoke(cli, ["tag", "-", "--published", "2023-09-15", "--format", "json"], input=SEED_TEXT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["published"] == "2023-09-15"
    got = [
        (e["text"], e["value"], e["granularity"], e["anchor"], e["relation"], e["offset"]) for e in data["expressions"]
    ]
    assert got == [
        ("Friday", "2023-09-15", "day", "publication", None, None),
        ("only two days after", None, "day", "event", "after", "P2D"),
        ("this week", "2023-W37", "week", "publication", None, None),
    ]
    friday = data["expressions"][0]
    assert (friday["date_start"], friday["date_end"], friday["rule"]) == (
        "2023-09-15",
        "2023-09-15",
        "weekday/past-inclusive",
    )


def test_table_shows_value_and_rule(runner, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The envoy will arrive on Friday.", encoding="utf-8")
    result = runner.invoke(cli, ["tag", str(path), "--published", "2023-09-12"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "2023-09-15" in result.output and "weekday/future" in result.output
    assert "published 2023-09-12" in result.output


def test_without_a_publication_date_relative_dates_stay_open(runner):
    result = runner.invoke(cli, ["tag", "-", "--format", "json"], input="They met on Friday in 1986.")
    data = json.loads(result.output)
    assert data["published"] is None
    assert [(e["text"], e["value"]) for e in data["expressions"]] == [("Friday", None), ("1986", "1986")]


def test_timeml_input_uses_its_dct_and_round_trips(runner, tmp_path):
    path = tmp_path / "demo.TE3input"
    path.write_text(TE3, encoding="utf-8")
    result = runner.invoke(cli, ["tag", str(path), "--format", "timeml"])
    assert result.exit_code == 0, result.output
    assert result.output.split("<TEXT>")[0] == TE3.split("<TEXT>")[0]
    inner = result.output.split("<TEXT>")[1].split("</TEXT>")[0]
    assert re.sub(r"<[^>]+>", "", inner) == TE3.split("<TEXT>")[1].split("</TEXT>")[0]
    assert '<TIMEX3 tid="t1" type="DATE" value="1989-Q3">the third quarter</TIMEX3>' in inner
    assert '<TIMEX3 tid="t2" type="DATE" value="1989-10-25">yesterday</TIMEX3>' in inner


def test_published_wins_over_the_dct(runner, tmp_path):
    path = tmp_path / "demo.tml"
    path.write_text(TE3, encoding="utf-8")
    result = runner.invoke(cli, ["tag", str(path), "--published", "2000-01-05", "--format", "json"])
    values = {e["text"]: e["value"] for e in json.loads(result.output)["expressions"]}
    assert values["yesterday"] == "2000-01-04"


def test_plain_text_as_timeml(runner):
    result = runner.invoke(
        cli, ["tag", "-", "--published", "2023-09-15", "--format", "timeml"], input="Talks ended on Friday."
    )
    assert result.exit_code == 0
    assert 'value="2023-09-15" functionInDocument="CREATION_TIME"' in result.output
    assert '<TIMEX3 tid="t1" type="DATE" value="2023-09-15">Friday</TIMEX3>' in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["tag", "no-such-file.txt"], "no-such-file.txt: no such file"),
        (["tag", "-", "--published", "2023-02-30"], "--published '2023-02-30' is not an ISO date"),
        (["tag", "-", "--published", "yesterday"], "--published 'yesterday' is not an ISO date"),
    ],
)
def test_errors_are_one_line_and_exit_2(runner, args, message):
    result = runner.invoke(cli, args, input="text")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_tags_a_real_timebank_file(runner):
    path = SHARED / "data" / "tempeval3" / "train" / "TimeBank" / "wsj_0006.tml"
    if not path.exists():
        pytest.skip("../shared/data/tempeval3 is not available")
    result = runner.invoke(cli, ["tag", str(path), "--format", "timeml"])
    assert result.exit_code == 0
    assert "<DOCID>wsj_0006</DOCID>" in result.output and "<TEXT>" in result.output
