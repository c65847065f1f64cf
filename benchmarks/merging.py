"""Cross-article merging against the merge gold (issue 13).

The gold (``benchmarks/merge_gold/reuters.jsonl``, ids and keys only, and the
same-event groups of ``../shared/data/gold-wikinews/gold.jsonl``) says which
reports of different articles are one real-world event. This script ingests
every article of the gold into one fresh SQLite database with the real CLI
(``timeline ingest --workers 1``), exports the events as JSON, maps each gold
report to the system event that reports it in that article, and scores the
merging over pairs of matched reports from different articles:

- pairwise precision: of the pairs the system put in one event, the share that
  share a gold key; recall: of the gold same-key pairs, the share the system put
  in one event; F1;
- B-cubed precision, recall and F1 over the matched reports;
- apart from these, the gold reports that found no system event at all
  (extraction misses, so that merging is not blamed for them).

Figures are printed per half (tune, check; ``benchmarks/splits.py``) and per
source (reuters, wikinews). A cluster and its hard negatives lie wholly in one
half: the split unit is the key a ``hard_negative_of`` chain ends at.

    .venv/bin/python benchmarks/merging.py [--verbose] [--keep DIR]

``--verbose`` lists the wrong merges, the missed pairs and the extraction misses
of the tune half only (read no errors of the check half). ``--keep DIR`` keeps
the database, the inputs and the export in DIR. ``--recluster DIR`` ingests
nothing: it re-clusters the reports stored in a kept DIR with the merge rule as
it is now (``timeline.merging.components``) and scores that, a few seconds
instead of a minute to try a change of the rule (extraction as it was then;
the store's incremental joining may differ slightly from the batch components).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import importlib.util
import itertools
import json
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from events import ingest_and_export, wikinews_articles  # the benchmarks' one way to run the CLI
from splits import HALVES, half

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "benchmarks" / "merge_gold" / "reuters.jsonl"
CORPUS = SHARED / "data" / "reuters21578" / "reuters21578.jsonl.gz"
WIKINEWS_GOLD = SHARED / "data" / "gold-wikinews" / "gold.jsonl"
WIKINEWS_ARTICLES = SHARED / "data" / "gold-wikinews" / "articles.jsonl"
EVENT_SCORER = SHARED / "tools" / "score_events.py"
PREFIX = {"reuters": "reuters21578:", "wikinews": "wikinews:"}

# The system modes that name the same kind of act as a gold type. Only a tie-break
# when one article has, say, a visit and the talks held during it with the same
# actors: the type family and the shared actors decide first.
MODES = {
    "MEET": {"meet", "multilateral", "third-party", "host"},
    "VISIT": {"visit", "host"},
    "TALKS": {"negotiate", "meet"},
    "PHONE_CALL": {"phone"},
    "AGREE": {"agree", "settle"},
    "SIGN": {"sign"},
    "STATEMENT": {"say", "announce", "deny"},
    "PROPOSE": {"propose", "appeal", "demand"},
    "CRITICIZE": {"disapprove", "protest", "reject"},
    "ACCUSE": {"allege"},
    "THREATEN": {"threaten", "retaliate", "force"},
    "SANCTION": {"restrict", "withdraw"},
    "EXPEL": {"expel"},
}


@dataclass(frozen=True)
class Report:
    """What one gold article says about one real-world event."""

    source: str
    article_id: str
    event_key: str
    type: str
    actors: tuple[str, ...]
    date: str | None
    also_acceptable: tuple[str, ...] = ()
    hard_negative_of: str | None = None
    unit: str = ""  # the split unit: the key the hard_negative_of chain ends at

    @property
    def article(self) -> tuple[str, str]:
        return (self.source, self.article_id)


@dataclass(frozen=True)
class Scores:
    """Pairwise and B-cubed figures over one set of matched reports."""

    reports: int
    gold_pairs: int
    system_pairs: int
    true_pairs: int
    b3_precision: float
    b3_recall: float

    @property
    def precision(self) -> float:
        return self.true_pairs / self.system_pairs if self.system_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def b3_f1(self) -> float:
        return _f1(self.b3_precision, self.b3_recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- arithmetic


def cross_article_pairs(items: Sequence[tuple[tuple[str, str], str, object]]):
    """Unordered pairs of items (article, gold key, system event) from different articles."""
    for a, b in itertools.combinations(items, 2):
        if a[0] != b[0]:
            yield a, b


def pairwise(items: Sequence[tuple[tuple[str, str], str, object]]) -> tuple[int, int, int]:
    """(gold same-key pairs, pairs the system merged, pairs both agree on) across articles."""
    gold = system = both = 0
    for a, b in cross_article_pairs(items):
        same_key, same_event = a[1] == b[1], a[2] == b[2]
        gold += same_key
        system += same_event
        both += same_key and same_event
    return gold, system, both


def bcubed(items: Sequence[tuple[tuple[str, str], str, object]]) -> tuple[float, float]:
    """B-cubed precision and recall (Bagga and Baldwin 1998) of the system events
    against the gold keys, each item counted with itself."""
    if not items:
        return 0.0, 0.0
    by_key = collections.Counter(key for _, key, _ in items)
    by_event = collections.Counter(event for _, _, event in items)
    by_both = collections.Counter((key, event) for _, key, event in items)
    precision = sum(by_both[(k, e)] / by_event[e] for _, k, e in items) / len(items)
    recall = sum(by_both[(k, e)] / by_key[k] for _, k, e in items) / len(items)
    return precision, recall


def score(items: Sequence[tuple[tuple[str, str], str, object]]) -> Scores:
    gold, system, both = pairwise(items)
    p, r = bcubed(items)
    return Scores(len(items), gold, system, both, p, r)


# ---------------------------------------------------------------- the gold


def split_units(reports: Iterable[Report]) -> dict[str, str]:
    """Key -> the key its hard_negative_of chain ends at (itself when it has none;
    the smallest key of a loop, so that every key of the loop gets the same unit)."""
    parent = {r.event_key: r.hard_negative_of for r in reports}
    units = {}
    for key in parent:
        chain, unit = [key], key
        while parent.get(unit):
            unit = parent[unit]
            if unit in chain:
                unit = min(chain[chain.index(unit) :])
                break
            chain.append(unit)
        units[key] = unit
    return units


def with_units(reports: list[Report]) -> list[Report]:
    units = split_units(reports)
    return [replace(r, unit=units[r.event_key]) for r in reports]


def load_reuters_gold(path: Path) -> list[Report]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            out.append(
                Report(
                    "reuters",
                    str(g["article_id"]),
                    g["event_key"],
                    g["type"],
                    tuple(g.get("actors", [])),
                    g.get("date"),
                    tuple(g.get("also_acceptable", [])),
                    g.get("hard_negative_of"),
                )
            )
    return with_units(out)


def load_wikinews_gold(path: Path) -> list[Report]:
    """Every event of the wikinews articles that share an event_key with another article."""
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    key_articles = collections.defaultdict(set)
    for art in articles:
        for e in art["events"]:
            if e.get("event_key"):
                key_articles[e["event_key"]].add(art["article_id"])
    grouped = {a for ids in key_articles.values() if len(ids) > 1 for a in ids}
    out = []
    for art in articles:
        if art["article_id"] not in grouped:
            continue
        for e in art["events"]:
            out.append(
                Report(
                    "wikinews",
                    art["article_id"],
                    e["event_key"],
                    e["type"],
                    tuple(e.get("actors", [])),
                    e.get("date"),
                    tuple(e.get("also_acceptable", [])),
                )
            )
    return with_units(out)


def half_of(report: Report) -> str:
    """'tune' or 'check': the half of the report's split unit."""
    return half(report.unit)


def readable(report: Report) -> bool:
    """May this report's errors be read? Its unit is in the tune half, and so
    is its article in the article-level split of `benchmarks/events.py`: a
    Wikinews or gold-dev article of the check half there stays unread here."""
    return half_of(report) == "tune" and half(report.article[1]) == "tune"


# ---------------------------------------------------------------- running the system


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up while it loads
    spec.loader.exec_module(mod)
    return mod


def write_inputs(reports: list[Report], workdir: Path) -> Path:
    """One JSON Lines file with every gold article, each with its scorer url."""
    wanted = {r.article for r in reports}
    lines = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if ("reuters", str(rec["id"])) in wanted:
                rec["url"] = PREFIX["reuters"] + str(rec["id"])
                lines.append(rec)
    if any(source == "wikinews" for source, _ in wanted):
        lines += [r for r in wikinews_articles() if ("wikinews", r["url"][len(PREFIX["wikinews"]) :]) in wanted]
    found = {(s, u.split(":", 1)[1]) for s in PREFIX for u in (r["url"] for r in lines) if u.startswith(PREFIX[s])}
    if wanted - found:
        sys.exit(f"gold articles missing from the corpus: {sorted(wanted - found)[:5]}")
    path = workdir / "merge-gold-articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path


def events_by_article(system: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """(source, article id) -> the system events with a mention in that article."""
    out: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for event in system:
        seen = set()
        for m in event.get("mentions", []):
            url = str(m.get("url") or "")
            for source, prefix in PREFIX.items():
                if url.startswith(prefix) and (source, url[len(prefix) :]) not in seen:
                    seen.add((source, url[len(prefix) :]))
                    out[(source, url[len(prefix) :])].append(event)
    return out


def _weight(report: Report, event: dict, scorer: ModuleType) -> int:
    """Match weight of a gold report and a system event of its article; 0 = no match.

    The rule of ../shared/tools/score_events.py (same type family, at least one
    actor in common, then the most shared actors, then an agreeing date), with the
    system mode as a last tie-break."""
    if scorer.family(event.get("type"), event.get("mode")) != scorer.GOLD_FAMILY.get(report.type, "OTHER"):
        return 0
    system_keys = set().union(*(scorer.actor_keys(a.get("name")) for a in event.get("actors", [])))
    shared = sum(1 for name in report.actors if scorer.actor_keys(name) & system_keys)
    if not shared:
        return 0
    gold = {"date": report.date, "also_acceptable": list(report.also_acceptable)}
    mode = 10 * (event.get("mode") in MODES.get(report.type, set()))
    return 10_000 + 100 * shared + mode + scorer.date_agreement(gold, event)


def match(reports: list[Report], system: list[dict], scorer: ModuleType) -> dict[Report, object]:
    """Gold report -> id of the system event that reports it in that article
    (optimal one-to-one within each article); unmatched reports are absent."""
    by_article = events_by_article(system)
    reports_by_article = collections.defaultdict(list)
    for r in reports:
        reports_by_article[r.article].append(r)
    out: dict[Report, object] = {}
    for article, gold in reports_by_article.items():
        events = by_article.get(article, [])
        weights = {}
        for gi, r in enumerate(gold):
            for si, e in enumerate(events):
                w = _weight(r, e, scorer)
                if w:
                    weights[(gi, si)] = w
        for gi, si in scorer.assign(weights):
            out[gold[gi]] = events[si]["id"]
    return out


# ---------------------------------------------------------------- reporting


def _row(label: str, reports: list[Report], matched: dict[Report, object]) -> str:
    items = [(r.article, r.event_key, matched[r]) for r in reports if r in matched]
    s = score(items)
    lost = sum(
        1
        for a, b in itertools.combinations(reports, 2)
        if a.article != b.article and a.event_key == b.event_key and not (a in matched and b in matched)
    )
    p = f"{s.precision:.3f}" if s.system_pairs else "  n/a"  # no merged pair: precision undefined
    r = f"{s.recall:.3f}" if s.gold_pairs else "  n/a"
    f1 = f"{s.f1:.3f}" if s.system_pairs and s.gold_pairs else "  n/a"
    return (
        f"{label:<16} {len(reports):>7} {s.reports:>7} {len(reports) - s.reports:>8} {lost:>9}"
        f" {s.gold_pairs:>7} {s.system_pairs:>7} {s.true_pairs:>5}"
        f"  {p} {r} {f1}  {s.b3_precision:.3f} {s.b3_recall:.3f} {s.b3_f1:.3f}"
    )


HEADER = (
    f"{'half / source':<16} {'reports':>7} {'matched':>7} {'no event':>8} {'pairs lost':>9}"
    f" {'gold+':>7} {'merged':>7} {'both':>5}  {'P':>5} {'R':>5} {'F1':>5}  {'B3-P':>5} {'B3-R':>5} {'B3-F1':>5}"
)


def table(reports: list[Report], matched: dict[Report, object]) -> list[str]:
    lines = [HEADER]
    for h in (*HALVES, "all"):
        in_half = [r for r in reports if h == "all" or half_of(r) == h]
        for source in ("reuters", "wikinews"):
            part = [r for r in in_half if r.source == source]
            if part:
                lines.append(_row(f"{h} {source}", part, matched))
        lines.append(_row(f"{h} both", in_half, matched))
    return lines


def _describe(event_id: object, system: dict[object, dict]) -> str:
    e = system.get(event_id, {})
    return f"event {event_id} {e.get('type')}/{e.get('mode')} {e.get('date')} n_sources={e.get('n_sources')}"


def tune_errors(reports: list[Report], matched: dict[Report, object], system: list[dict]) -> list[str]:
    """Wrong merges, missed pairs and extraction misses of the tune half."""
    by_id = {e["id"]: e for e in system}
    tune = [r for r in reports if readable(r)]
    items = [r for r in tune if r in matched]
    wrong, missed = [], []
    for a, b in itertools.combinations(items, 2):
        if a.article == b.article or a.source != b.source:
            continue
        same_key, same_event = a.event_key == b.event_key, matched[a] == matched[b]
        if same_event and not same_key:
            wrong.append(
                f"  wrong merge: {a.event_key} ({a.article_id}) + {b.event_key} ({b.article_id}) in {_describe(matched[a], by_id)}"
            )
        elif same_key and not same_event:
            missed.append(
                f"  missed pair: {a.event_key}: {a.article_id} -> {_describe(matched[a], by_id)};"
                f" {b.article_id} -> {_describe(matched[b], by_id)}"
            )
    misses = [
        f"  no event: {r.event_key} in {r.source}:{r.article_id} ({r.type} {list(r.actors)})"
        for r in tune
        if r not in matched
    ]
    return [
        f"tune half: {len(wrong)} wrong merges, {len(missed)} missed pairs, {len(misses)} reports with no event",
        *wrong,
        *missed,
        *misses,
    ]


def gold_counts(reports: list[Report]) -> list[str]:
    lines = []
    for source in ("reuters", "wikinews"):
        part = [r for r in reports if r.source == source]
        if not part:
            continue
        for h in HALVES:
            rs = [r for r in part if half_of(r) == h]
            keys = collections.defaultdict(set)
            for r in rs:
                keys[r.event_key].add(r.article_id)
            clusters = sum(1 for a in keys.values() if len(a) > 1)
            negatives = len({r.event_key for r in rs if r.hard_negative_of})
            articles = len({r.article_id for r in rs})
            lines.append(
                f"gold {source} {h}: {len(rs)} reports, {len(keys)} keys, {clusters} clusters of 2+ articles,"
                f" {negatives} hard-negative keys, {articles} articles"
            )
    return lines


def recluster_kept(database: Path, matched: dict[Report, object]) -> dict[Report, object]:
    """Gold report -> its event when the reports stored in a kept SQLite
    database are re-clustered with today's merge rule; `matched` maps each gold
    report to the stored event that reports it (`match` on the kept export).
    Events are then numbered by component."""
    from types import SimpleNamespace

    from timeline.merging import components, sentence_words
    from timeline.store.events import merge_report

    con = sqlite3.connect(database)
    con.row_factory = sqlite3.Row
    articles, published = {}, {}
    for row in con.execute("SELECT id, url, published FROM article"):
        for source, prefix in PREFIX.items():
            if str(row["url"]).startswith(prefix):
                articles[(source, row["url"][len(prefix) :])] = row["id"]
        published[row["id"]] = dt.date.fromisoformat(row["published"][:10]) if row["published"] else None
    sentences = collections.defaultdict(list)
    for row in con.execute("SELECT article_id, event_id, sentence FROM mention WHERE event_id IS NOT NULL"):
        sentences[(row["article_id"], row["event_id"])].append(row["sentence"])
    rows = con.execute("SELECT * FROM event_report ORDER BY id").fetchall()
    views = [
        merge_report(
            SimpleNamespace(**dict(r)),
            sentence_words(sentences[(r["article_id"], r["event_id"])]),
            published[r["article_id"]],
        )
        for r in rows
    ]
    group_of = {i: g for g, members in enumerate(components(views)) for i in members}
    regrouped: dict[tuple[int, int], int] = {}
    for i, r in enumerate(rows):
        regrouped.setdefault((r["article_id"], r["event_id"]), group_of[i])
    return {g: regrouped[(articles[g.article], event)] for g, event in matched.items()}


def gold_and_scorer(reuters_gold: Path = GOLD) -> tuple[list[Report], ModuleType]:
    """Every gold report (Reuters, and Wikinews when its gold is here) and the
    event scorer; exits with one line when the ../shared data is missing."""
    missing = [p for p in (CORPUS, EVENT_SCORER) if not p.exists()]
    if missing:
        sys.exit(f"skipped: {', '.join(map(str, missing))} missing (the ../shared data is not here)")
    reports = load_reuters_gold(reuters_gold)
    if WIKINEWS_GOLD.exists() and WIKINEWS_ARTICLES.exists():
        reports += load_wikinews_gold(WIKINEWS_GOLD)
    else:
        print(f"wikinews gold not found under {WIKINEWS_GOLD.parent}: reuters only")
    return reports, _module("score_events", EVENT_SCORER)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list the tune half's errors")
    ap.add_argument("--keep", metavar="DIR", help="keep the database, inputs and export in DIR")
    ap.add_argument("--gold", type=Path, default=GOLD, help="the Reuters merge gold (JSON Lines)")
    ap.add_argument("--recluster", metavar="DIR", help="score a kept DIR re-clustered with today's rule; no ingest")
    a = ap.parse_args()
    reports, scorer = gold_and_scorer(a.gold)
    if a.recluster:
        kept = Path(a.recluster)
        if not (kept / "merging.db").exists() or not (kept / "merging.json").exists():
            sys.exit(f"{kept}: no merging.db and merging.json (make one with --keep DIR)")
        kept_matched = match(reports, json.loads((kept / "merging.json").read_text(encoding="utf-8")), scorer)
        print("\n".join(table(reports, recluster_kept(kept / "merging.db", kept_matched))))
        return
    workdir = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="timeline-merging-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if (workdir / "merging.db").exists():
        sys.exit(f"{workdir / 'merging.db'} exists: --keep needs an empty folder (the database must be fresh)")
    inputs = write_inputs(reports, workdir)
    export, elapsed = ingest_and_export([str(inputs)], workdir, "merging")
    system = json.loads(export.read_text(encoding="utf-8"))
    matched = match(reports, system, scorer)
    n_articles = len({r.article for r in reports})
    print("\n".join(gold_counts(reports)))
    print(f"ingest: {n_articles} articles in {elapsed:.1f} s (--workers 1); system events: {len(system)}")
    print("\n".join(table(reports, matched)))
    print(
        "pairs are cross-article pairs of matched reports; gold+ = same gold key, merged = same system event;"
        " 'pairs lost' = same-key pairs not scored because a report found no system event"
    )
    if a.verbose:
        print("\n".join(tune_errors(reports, matched, system)))
    if a.keep:
        print(f"kept in {workdir}")


if __name__ == "__main__":
    main()
