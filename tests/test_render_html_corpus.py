"""The HTML export of real data: the seed plus the gold-dev Reuters articles,
ingested with the real pipeline and drawn in headless Chromium."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_render_html_browser import needs_chromium, render_in_chromium

from timeline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "gold-dev" / "reuters_dev_gold.jsonl"
CORPUS = SHARED / "data" / "reuters21578" / "reuters21578.jsonl.gz"

needs_shared = pytest.mark.skipif(
    not (GOLD.exists() and CORPUS.exists()),
    reason="../shared/data (gold-dev and reuters21578) is not here",
)


def _dev_jsonl(path: Path) -> Path:
    wanted = {json.loads(line)["article_id"] for line in GOLD.open() if line.strip()}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                record["url"] = f"reuters21578:{record['id']}"
                out.write(json.dumps(record) + "\n")
    return path


@needs_shared
@needs_chromium
def test_seed_and_dev_set_events_are_drawn(tmp_path):
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    jsonl = _dev_jsonl(tmp_path / "dev.jsonl")
    result = runner.invoke(cli, ["--db", db, "ingest", "--workers", "1", str(ROOT / "seeds"), str(jsonl)])
    assert result.exit_code == 0, result.output
    export = runner.invoke(cli, ["--db", db, "export", "--format", "json"])
    events = json.loads(export.output)
    dated = [e for e in events if e["date_start"]]
    assert len(dated) >= 50

    run = render_in_chromium(events, tmp_path / "page", title="seed and gold-dev")
    assert run.console_errors == []
    assert run.drawn_count == len(dated)
    assert run.screenshot.stat().st_size > 10_000
