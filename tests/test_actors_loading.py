"""The gazetteer data files are consistent: names, kinds, QIDs, role dates,
countries and offices referenced, no ambiguous aliases, and the states of the
G20 and of the development gold set have their leaders in the 1980s and now."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.actors import GazetteerError, load_gazetteer
from timeline.actors.loading import KINDS, GazetteerData, _check, read_data, read_offices
from timeline.actors.model import Actor, Role

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def data() -> GazetteerData:
    return read_data()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_data_files_have_no_problems(data):
    assert data.problems == []


def test_every_entry_has_a_name_and_a_kind(data):
    for a in data.actors:
        assert a.name and a.name == a.name.strip()
        assert a.kind in KINDS


def test_canonical_names_are_unique(data):
    names = [a.name for a in data.actors]
    assert len(names) == len(set(names))


def test_qids_look_like_wikidata_ids_and_are_unique(data):
    qids = [a.qid for a in data.actors if a.qid is not None]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids))


def test_roles_have_iso_dates_in_order(data):
    for a in data.actors:
        for r in a.roles:
            assert r.start is None or isinstance(r.start, dt.date)
            assert r.end is None or isinstance(r.end, dt.date)
            if r.start and r.end:
                assert r.start < r.end, (a.name, r)


def test_one_holder_at_a_time(data):
    """Two people never hold the same office of the same body on the same day."""
    held: dict[tuple, list[tuple[Role, str]]] = {}
    for a in data.actors:
        for r in a.roles:
            held.setdefault((r.of, r.office), []).append((r, a.name))
    for key, spans in held.items():
        spans.sort(key=lambda s: s[0].start or dt.date.min)
        for (r1, n1), (r2, n2) in zip(spans, spans[1:]):
            if n1 != n2:
                assert r1.end is not None and r2.start is not None and r1.end <= r2.start, (key, n1, n2)


def test_every_country_referenced_exists(data):
    names = {a.name for a in data.actors}
    for a in data.actors:
        if a.kind != "country" and a.country is not None:
            assert a.country in names, a.name
        for r in a.roles:
            assert r.of in names, (a.name, r.of)


def test_aliases_do_not_collide(gaz):
    assert gaz.ambiguous_keys() == {}


def test_the_required_russian_presidency(gaz):
    spans = sorted(
        (r.start, r.end, holder)
        for holder in ("Vladimir Putin", "Dmitry Medvedev")
        for r in gaz.roles_of(holder)
        if r.title == "President of Russia"
    )
    assert spans == [
        (D("2000-05-07"), D("2008-05-07"), "Vladimir Putin"),
        (D("2008-05-07"), D("2012-05-07"), "Dmitry Medvedev"),
        (D("2012-05-07"), None, "Vladimir Putin"),
    ]
    gorbachev = [r for r in gaz.roles_of("Mikhail Gorbachev") if r.office == "party_leader"]
    assert [(r.start, r.end) for r in gorbachev] == [(D("1985-03-11"), D("1991-08-24"))]


G20 = [
    "Argentina",
    "Australia",
    "Brazil",
    "Canada",
    "China",
    "France",
    "India",
    "Indonesia",
    "Italy",
    "Japan",
    "Mexico",
    "Saudi Arabia",
    "South Africa",
    "South Korea",
    "Turkey",
    "United Kingdom",
    "United States",
]


def _leader(gaz, country: str, on: dt.date):
    body = gaz.actor(country)
    return next((h for o in body.leader if (h := gaz.holder(country, o, on))), None)


@pytest.mark.parametrize("country", G20 + ["Russia", "Germany", "Belarus", "North Korea", "Ukraine"])
def test_g20_states_have_a_leader_today(gaz, country):
    assert _leader(gaz, country, D("2024-06-01")) is not None


@pytest.mark.parametrize("country", G20 + ["Soviet Union", "West Germany"])
def test_g20_states_have_a_leader_in_1987(gaz, country):
    assert _leader(gaz, country, D("1987-06-01")) is not None


@pytest.mark.parametrize(
    "country",
    [
        "United States",
        "United Kingdom",
        "Japan",
        "China",
        "France",
        "Germany",
        "Russia",
        "Turkey",
        "Canada",
        "India",
        "Australia",
    ],
)
def test_major_states_have_a_foreign_minister_today(gaz, country):
    assert gaz.holder(country, "foreign_minister", D("2024-06-01")) is not None


# --- the checker itself catches bad data


def _offices():
    return read_offices({"titles": {"head_of_state": ["president"]}})


BAD = [
    (Actor("Ruritania", "country", "Ruritania", qid="X12"), "does not look like"),
    (Actor("Someone", "person", "Atlantis"), "not in the gazetteer"),
    (Actor("Someone", "wizard", None), "kind"),
    (
        Actor(
            "Someone",
            "person",
            None,
            roles=(
                Role("President of Ruritania", "head_of_state", None, D("2001-01-01"), D("2000-01-01"), "Ruritania"),
            ),
        ),
        "not in the gazetteer",
    ),
    (
        Actor("Someone", "person", None, roles=(Role("Wizard", "court_wizard", None, None, None, "Someone"),)),
        "not in offices.yaml",
    ),
]


@pytest.mark.parametrize("actor, message", BAD)
def test_checker_reports_bad_entries(actor, message):
    problems: list[str] = []
    _check([actor], _offices(), problems)
    assert any(message in p for p in problems), problems


def test_checker_reports_duplicate_names_and_qids():
    problems: list[str] = []
    _check([Actor("A", "group", None, qid="Q1"), Actor("A", "group", None, qid="Q1")], _offices(), problems)
    assert any("used twice" in p for p in problems) and any("already used" in p for p in problems)


@pytest.mark.parametrize(
    ("section", "entry", "message"),
    [
        (
            "people",
            {"name": "Test Person", "country": "Russia", "roles": [{"office": "head_of_state", "start": dt.date(2001, 1, 1), "end": dt.date(2000, 1, 1)}]},
            "starts 2001-01-01 but ends 2000-01-01",
        ),
        ("organisations", {"name": "Test Body"}, "actors.yaml: organisations: Test Body has no kind"),
        ("people", {"country": "Russia"}, "actors.yaml: people: an entry has no name"),
    ],
)  # fmt: skip
def test_loader_reports_bad_entries_of_actors_yaml(monkeypatch, section, entry, message):
    from timeline.actors import loading

    real = loading._read_yaml

    def fake(name):
        raw = real(name)
        return dict(raw, **{section: [entry]}) if name == "actors.yaml" else raw

    monkeypatch.setattr(loading, "_read_yaml", fake)
    assert any(message in p for p in loading.read_data().problems)


def test_load_raises_on_bad_data(monkeypatch):
    from timeline.actors import gazetteer

    monkeypatch.setattr(
        gazetteer, "read_data", lambda: GazetteerData([], {}, {}, {}, {}, _offices(), frozenset(), ["broken"])
    )
    gazetteer.load_gazetteer.cache_clear()
    try:
        with pytest.raises(GazetteerError, match="broken"):
            gazetteer.load_gazetteer()
    finally:
        gazetteer.load_gazetteer.cache_clear()


def test_countries_carry_their_seats_and_demonyms(gaz):
    russia = gaz.actor("Russia")
    assert ("Moscow", "Kremlin") == russia.seats[:2] and "Russian" in russia.demonyms
    assert gaz.actor("Soviet Union").start == D("1922-12-30")
    assert "Brussels" not in gaz.actor("Belgium").seats  # Brussels usually means the EU
