"""timeline/merging.py: the cross-article merge decision on hand-built reports
(no database), criterion by criterion, then the rule, corrections, clustering
and which events a new report may join."""

from __future__ import annotations

import itertools

import pytest
from conftest import TWO_OCCASIONS, person, two_occasions_record
from conftest import merge_report as report

from timeline.merging import (
    CRITERIA,
    Corrections,
    compatible,
    components,
    dates_compatible,
    day_range,
    different_articles,
    direction_compatible,
    events_to_join,
    linked,
    mention_key,
    modes_compatible,
    named_persons,
    participants_compatible,
    places_compatible,
    same_family,
    same_story,
    sentence_words,
    split_record,
    type_family,
)


def both_ways(criterion, a, b) -> bool:
    there, back = criterion(a, b), criterion(b, a)
    assert there is back, "a criterion must not depend on the order of the reports"
    return there


@pytest.mark.parametrize(
    "a, b, same",
    [
        (dict(family="CONSULT"), dict(family="CONSULT"), True),
        (dict(family="CONSULT"), dict(family="AGREE"), False),  # met vs signed
        (dict(family="ACCUSE"), dict(family="STATEMENT"), False),
    ],
)
def test_same_family(a, b, same):
    assert both_ways(same_family, report(**a), report(**b)) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        (dict(article_id=1), dict(article_id=2), True),
        (dict(article_id=3), dict(article_id=3), False),  # a visit and the talks during it
        (dict(article_id=None), dict(article_id=None), True),  # not stored yet: nothing to tell
    ],
)
def test_different_articles(a, b, same):
    assert both_ways(different_articles, report(**a), report(**b)) is same


@pytest.mark.parametrize(
    "mode_a, mode_b, same",
    [
        ("meet", "meet", True),
        ("meet", "phone", True),  # one meeting told two ways
        ("negotiate", "multilateral", True),
        ("meet", None, True),  # no mode fits any
        (None, None, True),
        ("meet", "visit", False),  # the visit is another occurrence than the talks
        ("host", "meet", False),
        ("visit", "host", False),
    ],
)
def test_modes_compatible(mode_a, mode_b, same):
    assert both_ways(modes_compatible, report(mode=mode_a), report(mode=mode_b)) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("2024-03-06", "2024-03-06", True),
        ("2024-03-06", "2024-03-07", True),  # a day apart: one event dated differently
        ("2024-03-06", "2024-03-08", False),
        ("2024-03-06", "2024-W10", True),  # the Wednesday fits its week
        ("2024-03-06", "2024-W11", False),
        ("2024-03-06", "2024-03", True),
        ("2024-W10", "2024-03", True),
        ("2024-02-27", "2024-03", False),
        ("2024-03-06", "2024-Q1", False),  # a quarter is too coarse to link anything
        ("2024-03", "2024", False),
        ("2024-03-06", None, False),  # undated: cannot be placed next to anything
        (None, None, False),
    ],
)
def test_dates_compatible(a, b, same):
    assert both_ways(dates_compatible, report(date=a), report(date=b)) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        # An undated report stands on its article's publication day or the day before:
        # wires report "met" today or yesterday.
        (dict(date=None, published="2024-03-06"), dict(date="2024-03-06"), True),
        (dict(date=None, published="2024-03-07"), dict(date="2024-03-06"), True),
        (dict(date=None, published="2024-03-08"), dict(date="2024-03-06"), False),
        (dict(date=None, published="2024-03-06"), dict(date="2024-03-07"), False),
        (dict(date=None, published="2024-03-08"), dict(date="2024-W10"), True),
        (dict(date=None, published="2024-03-06"), dict(date=None, published="2024-03-06"), False),  # no date at all
        (dict(date=None), dict(date="2024-03-06"), False),  # nor a publication day
        (dict(date=None, published="2024-03-06"), dict(date="2024-03"), True),  # "in March" fits the day
        (dict(date=None, published="2024-03-06"), dict(date="2024-Q1"), False),  # a quarter fits nothing
    ],
)
def test_an_undated_report_stands_on_its_publication_day(a, b, same):
    assert both_ways(dates_compatible, report(**a), report(**b)) is same


@pytest.mark.parametrize(
    "family, a, b, same",
    [
        ("STATEMENT", "2024-03-06", "2024-03-06", True),
        ("STATEMENT", "2024-03-06", "2024-03-07", False),  # people speak every day: no slack
        # so do they warn, accuse and appeal: two threats a day apart are two acts
        ("THREATEN", "2024-03-06", "2024-03-07", False),
        ("ACCUSE", "2024-03-06", "2024-03-07", False),
        ("REQUEST", "2024-03-06", "2024-03-07", False),
        ("THREATEN", "2024-03-06", "2024-03-06", True),
        # a measure or a meeting told a day apart (time zones, late reports) is one
        ("SANCTION", "2024-03-06", "2024-03-07", True),
        ("CONSULT", "2024-03-06", "2024-03-07", True),
    ],
)
def test_speech_acts_get_no_day_of_slack(family, a, b, same):
    assert both_ways(dates_compatible, report(family=family, date=a), report(family=family, date=b)) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Hanoi", "Hanoi", True),
        ("Hanoi", "  hanoi ", True),  # the alias key: case and spaces do not count
        ("Hanoi", None, True),
        (None, None, True),
        ("Hanoi", "Jakarta", False),
    ],
)
def test_places_compatible(a, b, same):
    assert both_ways(places_compatible, report(place=a), report(place=b)) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        # A city fits the country it lies in: "in Porto Alegre" and "in Brazil".
        (("Porto Alegre", "Brazil"), ("Brazil", "Brazil"), True),
        (("Porto Alegre", "Brazil"), ("brazil", "Brazil"), True),
        (("Porto Alegre", "Brazil"), ("Chile", "Chile"), False),  # another country
        (("Porto Alegre", "Brazil"), ("Recife", "Brazil"), False),  # two cities of one country
        (("Porto Alegre", None), ("Brazil", "Brazil"), False),  # its country unknown
    ],
)
def test_a_city_fits_its_country(a, b, same):
    ra = report(place=a[0], place_country=a[1])
    rb = report(place=b[0], place_country=b[1])
    assert both_ways(places_compatible, ra, rb) is same


MACRON, LULA, MODI = ("Emmanuel Macron", "person"), ("Lula da Silva", "person"), ("Narendra Modi", "person")
FRANCE, BRAZIL, INDIA = ("France", "country"), ("Brazil", "country"), ("India", "country")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ((MACRON, LULA), (MACRON, LULA), True),
        ((MACRON, LULA), (MACRON,), True),  # one shared person
        ((MACRON, LULA), (LULA, BRAZIL), True),
        ((MACRON, LULA), (MACRON, MODI), False),  # Macron–Lula and Macron–Modi are two meetings
        ((MACRON, FRANCE), (MODI, INDIA), False),  # nothing shared
        ((FRANCE, BRAZIL), (FRANCE, BRAZIL, MACRON), True),  # two shared actors
        ((FRANCE, BRAZIL), (FRANCE, INDIA), False),  # one shared country is not enough
    ],
)
def test_participants_compatible(a, b, same):
    assert both_ways(participants_compatible, report(actors=a), report(actors=b)) is same


ASEAN, OAS = ("ASEAN", "organisation"), ("Organization of American States", "organisation")
G20 = ("Group of Twenty", "group")


@pytest.mark.parametrize(
    "a, b, same",
    [
        # A body that meets is all its members: "ASEAN ministers met" fits "the ASEAN meeting".
        ((ASEAN,), (ASEAN,), True),
        ((ASEAN, INDIA), (ASEAN,), True),
        ((G20,), (G20, BRAZIL), True),
        ((ASEAN,), (OAS,), False),  # two bodies
        ((ASEAN, MACRON), (ASEAN, MODI), False),  # each names a person the other lacks
        ((INDIA,), (INDIA,), False),  # one shared country is still not enough
    ],
)
def test_one_shared_body_is_a_shared_participant(a, b, same):
    assert both_ways(participants_compatible, report(actors=a), report(actors=b)) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        # Without named people, only the same kind of act within a week, as for countries.
        (dict(mode="meet", date="2024-W10"), dict(mode="meet", date="2024-03-06"), True),
        (dict(mode="meet", date="2024-03"), dict(mode="meet", date="2024-03-06"), False),
        (dict(mode="meet"), dict(mode="phone"), False),
    ],
)
def test_a_body_alone_links_only_the_same_act_within_a_week(a, b, same):
    assert both_ways(participants_compatible, report(actors=(ASEAN,), **a), report(actors=(ASEAN,), **b)) is same


@pytest.mark.parametrize(
    "a_sentence, same",
    [
        ("The talks, headed by Macron and Lula, ended in Belem.", True),  # names both: the same people
        ("The talks, headed by Macron, ended in Belem.", True),  # names one of them by surname
        ("The two countries ended their trade talks in Belem.", False),  # only the countries
    ],
)
def test_people_the_sentences_name_count_as_participants(a_sentence, same):
    # Extraction kept only the countries of one report; its sentence names the people.
    a = report(actors=(FRANCE, BRAZIL), sentences=[a_sentence])
    b = report(actors=(MACRON, LULA), sentences=["Macron and Lula held talks on trade."])
    assert both_ways(participants_compatible, a, b) is same


def test_a_surname_names_the_reports_own_person_not_another_of_that_name():
    # Ana Lopez's talks with Macron are not Maria Lopez's with Macron.
    a = report(actors=(("Ana Lopez", "person"), MACRON), sentences=["Lopez met Macron in Paris."])
    b = report(actors=(("Maria Lopez", "person"), MACRON), sentences=["Lopez met Macron in Paris."])
    assert named_persons(a, b) == {"Ana Lopez", "Emmanuel Macron"}
    assert not both_ways(participants_compatible, a, b)


def test_named_persons_reads_surnames_in_the_sentences():
    a = report(actors=(FRANCE, BRAZIL), sentences=["Talks headed by Macron ended."])
    b = report(actors=(MACRON, LULA))
    assert named_persons(a, b) == {"Emmanuel Macron"}
    assert named_persons(b, a) == {"Emmanuel Macron", "Lula da Silva"}


@pytest.mark.parametrize(
    "a, b, same",
    [
        # Without named people, only the same kind of act within a week.
        (dict(mode="meet", date="2024-W10"), dict(mode="meet", date="2024-03-06"), True),
        (dict(mode="meet", date="2024-03"), dict(mode="meet", date="2024-03-06"), False),
        (dict(mode="meet"), dict(mode="phone"), False),
        (dict(mode="meet"), dict(mode=None), False),
    ],
)
def test_countries_alone_link_only_the_same_act_within_a_week(a, b, same):
    assert (
        both_ways(participants_compatible, report(actors=(FRANCE, BRAZIL), **a), report(actors=(FRANCE, BRAZIL), **b))
        is same
    )


@pytest.mark.parametrize(
    "family, a, b, same",
    [
        ("THREATEN", (FRANCE, BRAZIL), (BRAZIL, FRANCE), False),  # France warned Brazil / Brazil warned France
        ("THREATEN", (FRANCE, BRAZIL), (FRANCE, BRAZIL), True),
        ("ACCUSE", (MACRON, LULA), (LULA, MACRON), False),
        ("CONSULT", (FRANCE, BRAZIL), (BRAZIL, FRANCE), True),  # a meeting has no direction
        ("SANCTION", (FRANCE, BRAZIL), (("Brazil", "country", "target"),), True),  # no source named
    ],
)
def test_direction_compatible(family, a, b, same):
    assert both_ways(direction_compatible, report(family=family, actors=a), report(family=family, actors=b)) is same


ROUBLE = "Lula said the real would not fall further against the dollar."
ROUBLE_AGAIN = "Lula said the real would not fall further against the dollar, Folha reported."
BANK = "Lula said the central bank will carefully consider its interest rates."


@pytest.mark.parametrize(
    "family, actors, a, b, same",
    [
        ("STATEMENT", (LULA,), ROUBLE, ROUBLE_AGAIN, True),  # two wires, one remark
        ("STATEMENT", (LULA,), ROUBLE, BANK, False),  # two remarks the same day
        ("STATEMENT", (LULA,), ROUBLE, None, True),  # sentences unknown: pass
        # The same two named people on the same days: one meeting whatever the words.
        ("CONSULT", (MACRON, LULA), "Macron met Lula in Belem.", "The two presidents held talks on trade.", True),
        ("CONSULT", (MACRON, FRANCE), "Macron met Brazil's president.", "France hosted a trade fair today.", False),
        ("CONSULT", (MACRON, FRANCE), "Macron met Lula's envoy in Paris.", "Macron met Lula's envoy.", True),
    ],
)
def test_same_story(family, actors, a, b, same):
    ra = report(family=family, actors=actors, sentences=[a] if a else ())
    rb = report(family=family, actors=actors, sentences=[b] if b else ())
    assert both_ways(same_story, ra, rb) is same


@pytest.mark.parametrize(
    "criterion, b",
    [
        ("same_family", dict(family="AGREE")),
        ("different_articles", dict(article_id=1)),
        ("modes_compatible", dict(mode="visit")),
        ("dates_compatible", dict(date="2024-03-09")),
        ("places_compatible", dict(place="Jakarta")),
        ("participants_compatible", dict(actors=(MACRON, MODI))),
        ("same_story", dict(family="STATEMENT", sentences=[BANK])),
    ],
)
def test_the_rule_fails_when_one_criterion_fails(criterion, b):
    base = dict(place="Hanoi", **(dict(family="STATEMENT", sentences=[ROUBLE]) if criterion == "same_story" else {}))
    a, other = report(**{"article_id": 1, **base}), report(**{"article_id": 2, **base, **b})
    failing = [c.__name__ for c in CRITERIA if not c(a, other)]
    assert failing == [criterion]
    assert compatible(a, other) is False
    assert compatible(a, report(**{"article_id": 2, **base})) is True


def test_opposite_directions_fail_only_the_direction_criterion():
    a = report(article_id=1, family="THREATEN", mode="threaten", actors=(FRANCE, BRAZIL))
    b = report(article_id=2, family="THREATEN", mode="threaten", actors=(BRAZIL, FRANCE))
    assert [c.__name__ for c in CRITERIA if not c(a, b)] == ["direction_compatible"]


def test_every_criterion_is_documented_with_its_pattern():
    assert all(c.__doc__ and '"' in c.__doc__ for c in CRITERIA)


def test_corrections_win_over_the_rule():
    a, b = report(key="a", article_id=1, place="Hanoi"), report(key="b", article_id=2, place="Jakarta")
    assert linked(a, b) is False
    assert linked(a, b, Corrections(joined=frozenset({frozenset("ab")}))) is True
    same_a, same_b = report(key="a", article_id=1), report(key="b", article_id=2)
    assert linked(same_a, same_b) is True
    assert linked(same_a, same_b, Corrections(apart=frozenset({frozenset("ab")}))) is False


def test_forced_partners_are_the_reports_a_user_joined():
    corrections = Corrections(joined=frozenset({frozenset("ab"), frozenset("ac"), frozenset("de")}))
    assert corrections.forced_partners("a") == {"b", "c"}
    assert corrections.forced_partners("e") == {"d"}
    assert corrections.forced_partners("z") == set()


DAYS = ["2024-03-05", "2024-03-06", "2024-03-07", "2024-03-09"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_components_are_the_same_in_any_order(order):
    # The 5th, 6th and 7th chain into one event (a day apart each); the 9th stands alone.
    reports = [report(key=f"k{i}", article_id=i, date=DAYS[i]) for i in order]
    groups = [sorted(reports[i].key for i in group) for group in components(reports)]
    assert groups == [["k0", "k1", "k2"], ["k3"]]


def test_a_split_correction_cuts_a_chain():
    reports = [report(key=f"k{i}", article_id=i, date=DAYS[i]) for i in range(3)]
    apart = Corrections(apart=frozenset({frozenset(("k0", "k1")), frozenset(("k1", "k2"))}))
    assert components(reports, apart) == [[0], [1], [2]]


@pytest.mark.parametrize(
    "linked_people, joined",
    [
        # Macron–Lula and Macron–Modi: a vague "Macron met leaders" goes into the closer one.
        ({10: [(MACRON, LULA)], 20: [(MACRON, MODI)]}, [10]),
        ({10: [(MACRON,)], 20: [(MACRON, MODI)]}, [10, 20]),  # no clash: one event
        ({10: [(MACRON, FRANCE)], 20: [(FRANCE, BRAZIL)]}, [10, 20]),
    ],
)
def test_events_to_join(linked_people, joined):
    new = report(actors=(MACRON,))
    by_event = {e: [report(actors=a) for a in actors] for e, actors in linked_people.items()}
    assert events_to_join(new, by_event) == joined


def test_a_clash_goes_to_the_event_sharing_most_actors():
    new = report(actors=(MACRON, MODI, INDIA))
    by_event = {10: [report(actors=(MACRON, LULA))], 20: [report(actors=(MACRON, MODI))]}
    assert events_to_join(new, by_event) == [20]


@pytest.mark.parametrize(
    "event_type, family",
    [("MEET", "CONSULT"), ("visit", "CONSULT"), ("CONSULT", "CONSULT"), ("AGREE", "AGREE"), ("statement", "STATEMENT")],
)
def test_type_family(event_type, family):
    assert type_family(event_type) == family


@pytest.mark.parametrize(
    "start, end, days",
    [
        ("2024-03-06", "2024-03-06", ("2024-03-06", "2024-03-06")),
        ("2024-03-04T10:00", "2024-03-10", ("2024-03-04", "2024-03-10")),
        (None, "2024-03-06", None),
        ("2024-13-45", "2024-03-06", None),
    ],
)
def test_day_range(start, end, days):
    found = day_range(start, end)
    assert (tuple(d.isoformat() for d in found) if found else None) == days


def test_sentence_words_are_content_words():
    assert sentence_words(["Lula said the real would hold, and the bank agreed."]) == frozenset(
        {"lula", "real", "hold", "bank", "agreed"}
    )


# --- a user's split inside one article ---------------------------------------------------


def _parts(detached):
    record = two_occasions_record()
    return [
        (p.type, p.mode, p.date, p.granularity, p.place, p.summary, [m.trigger for m in p.mentions])
        for p in split_record(record, detached)
    ]


UNSPLIT = ("CONSULT", "meet", "2024-03-04", "day", "Delhi", "Lula da Silva and Narendra Modi met", ["met", "talks"])


@pytest.mark.parametrize(
    "detached, parts",
    [
        (set(), [UNSPLIT]),
        (
            {len(TWO_OCCASIONS[0]) + 1 + TWO_OCCASIONS[1].index("talks")},
            [
                ("CONSULT", "meet", "2024-03-04", "day", "Delhi", "Lula da Silva and Narendra Modi met", ["met"]),
                (
                    "CONSULT",
                    "negotiate",
                    "2024-03-07",
                    "day",
                    None,
                    "Lula da Silva and Narendra Modi: talks",
                    ["talks"],
                ),
            ],
        ),
        (
            # The first mention split off: the rest keeps the record's summary, the first is an event of its own.
            {TWO_OCCASIONS[0].index("met")},
            [
                ("CONSULT", "negotiate", "2024-03-07", "day", None, "Lula da Silva and Narendra Modi met", ["talks"]),
                ("CONSULT", "meet", "2024-03-04", "day", "Delhi", "Lula da Silva and Narendra Modi: met", ["met"]),
            ],
        ),
        ({999}, [UNSPLIT]),  # no mention at that offset
    ],
)
def test_split_record(detached, parts):
    assert _parts(detached) == parts


def test_split_record_keeps_the_participants_each_part_names():
    record = two_occasions_record()
    record.participants.append(person("Xi Jinping"))
    record.mentions[1].sentence = "Xi and Lula held talks in Brasilia on Thursday."
    rest, off = split_record(record, {record.mentions[1].trigger_start})
    assert [p.name for p in rest.participants] == ["Lula da Silva", "Narendra Modi"]
    assert [p.name for p in off.participants] == ["Lula da Silva", "Xi Jinping"]


def test_split_record_of_one_mention_is_the_record():
    record = two_occasions_record()
    record.mentions = record.mentions[:1]
    assert split_record(record, {record.mentions[0].trigger_start}) == [record]


def test_mention_key():
    assert mention_key("ab12", 40) == "ab12:40"
