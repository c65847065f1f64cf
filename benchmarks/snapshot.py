"""A behaviour snapshot of ingest: everything extraction and storing produce for
a fixed set of articles, as canonical JSON, so a refactoring can prove it
changed nothing (`diff` the snapshots taken before and after).

Ingests, with the real `timeline` CLI and one worker, into one fresh SQLite
database: the gold-dev Reuters articles (url "reuters21578:<id>"), the
gold-wikinews articles (url "wikinews:<id>"), `seeds/` and the first 400
articles of the Reuters-21578 corpus. Then writes every article (hash, URL,
dates, status, a hash of the stored text), every actor with its aliases, every
event with its actors, mentions (offsets included) and reports, and the
mentions that belong to no event — database ids dropped, lists sorted.

    .venv/bin/python benchmarks/snapshot.py OUT.json [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from events import CORPUS, DEV_GOLD, ROOT, TIMELINE, WIKINEWS, dev_articles, wikinews_articles

FIRST_REUTERS = 400


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def first_reuters(n: int) -> list[dict]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rec["url"] = f"reuters21578:{rec['id']}"
            out.append(rec)
            if len(out) >= n:
                break
    return out


def ingest(workdir: Path) -> tuple[Path, str]:
    inputs = [
        _write_jsonl(workdir / "dev.jsonl", dev_articles()),
        _write_jsonl(workdir / "wikinews.jsonl", wikinews_articles()),
        ROOT / "seeds",
        _write_jsonl(workdir / "reuters400.jsonl", first_reuters(FIRST_REUTERS)),
    ]
    db = workdir / "snapshot.db"
    summaries = []
    for path in inputs:
        done = subprocess.run(
            [*TIMELINE, "--db", f"sqlite:///{db}", "ingest", "--workers", "1", str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if done.returncode not in (0, 1):
            sys.exit(f"ingest of {path.name} failed: {done.stderr.strip()}")
        summaries.append(f"{path.name}: {(done.stdout + done.stderr).strip().splitlines()[-1:]}")
    return db, "\n".join(summaries)


def _rows(conn: sqlite3.Connection, sql: str, *params) -> list[dict]:
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(sql, params)]


def _sorted(items: list) -> list:
    return sorted(items, key=lambda x: json.dumps(x, sort_keys=True))


def canonical(db: Path, workdir: Path) -> dict:
    conn = sqlite3.connect(db)
    sha_of = {r["id"]: r["sha256"] for r in _rows(conn, "SELECT id, sha256 FROM article")}
    actor_of = {r["id"]: r["name"] for r in _rows(conn, "SELECT id, name FROM actor")}
    articles = []
    for r in _rows(conn, "SELECT * FROM article"):
        text = r.pop("text")
        r["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        r["text_length"] = len(text)
        r["origin"] = (r["origin"] or "").replace(str(workdir), "WORKDIR").replace(str(ROOT), "ROOT")
        for key in ("id", "ingested_at"):
            r.pop(key)
        articles.append(r)
    aliases: dict[int, list] = {}
    for r in _rows(conn, "SELECT actor_id, alias, alias_norm FROM actor_alias"):
        aliases.setdefault(r["actor_id"], []).append([r["alias"], r["alias_norm"]])
    actors = []
    for r in _rows(conn, "SELECT * FROM actor"):
        r["aliases"] = sorted(aliases.get(r.pop("id"), []))
        actors.append(r)

    def mention(r: dict) -> dict:
        r["article"] = sha_of[r.pop("article_id")]
        for key in ("id", "event_id"):
            r.pop(key)
        return r

    mentions: dict[int | None, list] = {}
    for r in _rows(conn, "SELECT * FROM mention"):
        mentions.setdefault(r["event_id"], []).append(mention(r))
    reports: dict[int, list] = {}
    for r in _rows(conn, "SELECT * FROM event_report"):
        event_id = r.pop("event_id")
        r["article"] = sha_of[r.pop("article_id")]
        r.pop("id")
        reports.setdefault(event_id, []).append(r)
    roles: dict[int, list] = {}
    for r in _rows(conn, "SELECT event_id, actor_id, role FROM event_actor"):
        roles.setdefault(r["event_id"], []).append([actor_of[r["actor_id"]], r["role"]])
    events = []
    for r in _rows(conn, "SELECT * FROM event"):
        event_id = r.pop("id")
        r["actors"] = sorted(roles.get(event_id, []))
        r["mentions"] = _sorted(mentions.get(event_id, []))
        r["reports"] = _sorted(reports.get(event_id, []))
        events.append(r)
    failures = [
        r["origin"].replace(str(workdir), "WORKDIR") + ": " + r["reason"]
        for r in _rows(conn, "SELECT * FROM ingest_error")
    ]
    return {
        "articles": _sorted(articles),
        "actors": _sorted(actors),
        "events": _sorted(events),
        "unattached_mentions": _sorted(mentions.get(None, [])),
        "failures": sorted(failures),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", help="the JSON file to write")
    ap.add_argument("--keep", help="keep the inputs and the database in this folder")
    a = ap.parse_args()
    for path in (DEV_GOLD, WIKINEWS / "articles.jsonl", CORPUS):
        if not path.exists():
            sys.exit(f"skipped: {path} is missing (the ../shared data is not here)")
    workdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="timeline-snapshot-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db, summary = ingest(workdir)
    snapshot = canonical(db, workdir)
    Path(a.output).write_text(
        json.dumps(snapshot, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(summary)
    print(
        f"wrote {a.output}: {len(snapshot['articles'])} articles, {len(snapshot['events'])} events, "
        f"{sum(len(e['mentions']) for e in snapshot['events']) + len(snapshot['unattached_mentions'])} mentions"
    )


if __name__ == "__main__":
    main()
