"""benchmarks/merging.py: the cross-article merge scorer's arithmetic, its split
units, and the shape of the shipped merge gold (ids and keys, no article text).
None of these needs the ../shared data."""

from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "merging.py"
GOLD = ROOT / "benchmarks" / "merge_gold" / "reuters.jsonl"


@pytest.fixture(scope="module")
def merging():
    sys.path.insert(0, str(SCRIPT.parent))  # as when it runs: its neighbours events.py and splits.py
    spec = importlib.util.spec_from_file_location("benchmark_merging", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(SCRIPT.parent))
        for name in (spec.name, "events", "splits"):
            sys.modules.pop(name, None)


# Three articles. Key k1 is reported by all three; the system merged A's and B's
# report (e1) but left C's alone (e3), and wrongly merged A's k2 with B's k3 (e2).
A, B, C = ("reuters", "A"), ("reuters", "B"), ("reuters", "C")
ITEMS = [(A, "k1", "e1"), (A, "k2", "e2"), (B, "k1", "e1"), (B, "k3", "e2"), (C, "k1", "e3")]


def test_pairwise_counts_cross_article_pairs_only(merging):
    # gold pairs A-B, A-C, B-C of k1; system pairs A-B of e1 and A-B of e2; one both.
    assert merging.pairwise(ITEMS) == (3, 2, 1)


def test_scores_of_the_tiny_example(merging):
    s = merging.score(ITEMS)
    assert (s.reports, s.gold_pairs, s.system_pairs, s.true_pairs) == (5, 3, 2, 1)
    assert s.precision == pytest.approx(1 / 2)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(0.4)
    # B-cubed per item: precision 1, 1/2, 1, 1/2, 1; recall 2/3, 1, 2/3, 1, 1/3.
    assert s.b3_precision == pytest.approx(4 / 5)
    assert s.b3_recall == pytest.approx(11 / 15)
    assert s.b3_f1 == pytest.approx(2 * (4 / 5) * (11 / 15) / (4 / 5 + 11 / 15))


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], (0, 0, 0, 0.0, 0.0, 0.0, 0.0)),
        # one report per key, nothing merged: nothing to find, nothing wrong
        ([(A, "k1", "e1"), (B, "k2", "e2")], (0, 0, 0, 0.0, 0.0, 1.0, 1.0)),
        # everything merged into one event although the keys differ
        ([(A, "k1", "e1"), (B, "k2", "e1"), (C, "k3", "e1")], (0, 3, 0, 0.0, 0.0, 1 / 3, 1.0)),
        # two reports of one key in the same article are no cross-article pair
        ([(A, "k1", "e1"), (A, "k1", "e1")], (0, 0, 0, 0.0, 0.0, 1.0, 1.0)),
    ],
)
def test_edge_cases(merging, items, expected):
    s = merging.score(items)
    got = (s.gold_pairs, s.system_pairs, s.true_pairs, s.precision, s.recall, s.b3_precision, s.b3_recall)
    assert got == pytest.approx(expected)


def test_split_unit_is_the_end_of_the_hard_negative_chain(merging):
    def report(key, negative_of=None):
        return merging.Report("reuters", "1", key, "MEET", (), None, (), negative_of)

    reports = [
        report("meeting"),
        report("phone-call-before", "meeting"),
        report("second-call", "phone-call-before"),
        report("loop-a", "loop-b"),
        report("loop-b", "loop-a"),
        report("into-loop", "loop-b"),
    ]
    assert merging.split_units(reports) == {
        "meeting": "meeting",
        "phone-call-before": "meeting",
        "second-call": "meeting",
        "loop-a": "loop-a",
        "loop-b": "loop-a",
        "into-loop": "loop-a",
    }


def test_events_by_article_reads_both_url_prefixes(merging):
    system = [
        {"id": 1, "mentions": [{"url": "reuters21578:10"}, {"url": "reuters21578:10"}, {"url": "wikinews:w2"}]},
        {"id": 2, "mentions": [{"url": "https://example.org/a"}, {"url": None}]},
    ]
    got = {k: [e["id"] for e in v] for k, v in merging.events_by_article(system).items()}
    assert got == {("reuters", "10"): [1], ("wikinews", "w2"): [1]}


def test_recluster_applies_todays_rule_to_a_kept_database(merging, tmp_path):
    # Two stories of one meeting kept apart (as an older rule did): the dated one
    # and an undated one published the next day. Today's rule joins them.
    from conftest import document, event_record
    from sqlalchemy import update
    from sqlmodel import Session

    from timeline.db import open_engine
    from timeline.events.types import Extraction
    from timeline.models import Event, EventReport, Mention
    from timeline.store import store_article

    database = tmp_path / "merging.db"
    with Session(open_engine(f"sqlite:///{database}")) as s:
        dated = store_article(
            s, document("a", published="2023-09-13", url="reuters21578:1"), Extraction([event_record()])
        )
        undated = store_article(
            s,
            document("b", published="2023-09-14", url="reuters21578:2"),
            Extraction([event_record(date=None, sentence="Putin met Kim, officials said.")]),
        )
        apart = Event(type="CONSULT", summary="apart", granularity="none", modality="asserted", confidence=0.8)
        s.add(apart)
        s.flush()
        for model in (EventReport, Mention):
            s.execute(update(model).where(model.article_id == undated.article_id).values(event_id=apart.id))
        s.commit()
        event_ids = (dated.event_ids[0], apart.id)

    gold = [merging.Report("reuters", str(i), "k", "MEET", ("Vladimir Putin",), "2023-09-13") for i in (1, 2)]
    kept = dict(zip(gold, event_ids))
    assert merging.score([(g.article, g.event_key, e) for g, e in kept.items()]).true_pairs == 0
    regrouped = merging.recluster_kept(database, kept)
    assert merging.score([(g.article, g.event_key, e) for g, e in regrouped.items()]).true_pairs == 1


def test_shipped_gold_holds_ids_and_keys_only():
    fields = {"article_id", "event_key", "type", "actors", "date", "note", "hard_negative_of"}
    types = {"MEET", "VISIT", "TALKS", "PHONE_CALL", "AGREE", "SIGN", "STATEMENT", "PROPOSE"}
    types |= {"CRITICIZE", "ACCUSE", "THREATEN", "SANCTION", "EXPEL", "OTHER"}
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    keys = {r["event_key"] for r in rows}
    assert all(set(r) <= fields and r["article_id"].isdigit() and r["type"] in types for r in rows)
    assert all(len(r["note"]) <= 160 for r in rows), "a note is a short remark, never article text"
    assert {r["hard_negative_of"] for r in rows if "hard_negative_of" in r} <= keys
    per_key = collections.defaultdict(list)
    for r in rows:
        per_key[r["event_key"]].append(r["article_id"])
    assert all(len(ids) == len(set(ids)) for ids in per_key.values()), "one report per key and article"
    # the sizes README.md and BENCHMARKS.md quote
    clusters = sum(1 for ids in per_key.values() if len(ids) >= 2)
    negatives = len({r["event_key"] for r in rows if "hard_negative_of" in r})
    assert (len(rows), len(keys), clusters, negatives) == (361, 105, 81, 44)


def test_an_article_of_the_event_benchmarks_check_half_is_never_listed(merging):
    from splits import half

    tune_unit = next(u for u in (f"unit{i}" for i in range(100)) if half(u) == "tune")
    check_article = next(a for a in (f"w{i:02d}" for i in range(100)) if half(a) == "check")
    tune_article = next(a for a in (f"w{i:02d}" for i in range(100)) if half(a) == "tune")

    def report(article):
        return merging.Report("wikinews", article, "k", "MEET", (), None, (), None, unit=tune_unit)

    assert merging.readable(report(tune_article))
    assert not merging.readable(report(check_article))
