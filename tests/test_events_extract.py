"""Event extraction end to end on short articles: the seed's constructions, and
paraphrases of them with other people, places, weekdays and offsets, so the
rules are general and not tuned to one text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.events import extract_document
from timeline.sources.document import Document, normalise_text

ROOT = Path(__file__).resolve().parent.parent


def _events(text: str, published: dt.date | None):
    return extract_document(Document(text=text, published=published)).events


def _timeline(events):
    """(type, mode, date, sorted people) of the events that enter the timeline."""
    out = []
    for e in events:
        if not e.in_timeline:
            continue
        people = sorted(p.name for p in e.participants if p.kind != "country")
        out.append((e.type, e.mode, e.date, tuple(people)))
    return sorted(out, key=lambda x: (x[2] or "9999", x[0], x[3]))


def _find_all(events, type_, *names):
    return [
        e
        for e in events
        if e.type == type_ and all(n in {p.name for p in e.participants} for n in names) and e.in_timeline
    ]


def _find(events, type_, *names):
    for e in _find_all(events, type_, *names):
        return e
    raise AssertionError(f"no {type_} event with {names} in {_timeline(events)}")


SEED = ROOT / "seeds" / "000_a32fddc238f21224.txt"


@pytest.fixture(scope="module")
def seed_events():
    # The seed exactly as given (no date in it): its sidecar's date is passed here.
    return _events(normalise_text(SEED.read_text(encoding="utf-8")), dt.date(2023, 9, 15))


def _seed_line(sentence: str) -> int:
    """The line of the seed file (1-based, as `cat -n`) holding `sentence`."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    [number] = [n for n, line in enumerate(lines, 1) if sentence in line]
    return number


def test_seed_putin_kim_summit_is_dated_two_days_before_the_sochi_meeting(seed_events):
    summit = _find(seed_events, "CONSULT", "Vladimir Putin", "Kim Jong Un")
    assert (summit.date, summit.granularity) == ("2023-09-13", "day")
    assert summit.place == "Vostochny Cosmodrome"
    anchored = [m for m in summit.mentions if m.date_rule and m.date_rule.startswith("event-anchored")]
    assert anchored and anchored[0].date_expression == "only two days after"
    assert "Alexander Lukashenko" in anchored[0].date_anchor


def test_seed_sochi_meeting_on_friday_is_the_publication_day(seed_events):
    meeting = _find(seed_events, "CONSULT", "Vladimir Putin", "Alexander Lukashenko")
    assert (meeting.date, meeting.mode, meeting.place) == ("2023-09-15", "meet", "Sochi")
    # the standfirst, "chin-wag" and "the seventh meeting" are the same event
    assert len(meeting.mentions) >= 3


def test_seed_proposal_and_visit_and_criticism(seed_events):
    proposal = _find(seed_events, "REQUEST", "Alexander Lukashenko", "North Korea")
    assert (proposal.mode, proposal.date) == ("propose", "2023-09-15")
    [visit] = [e for e in _find_all(seed_events, "CONSULT", "Alexander Lukashenko") if e.mode == "visit"]
    assert (visit.date, visit.place) == ("2023-09-15", "Sochi")
    criticism = _find(seed_events, "ACCUSE", "European Parliament", "Alexander Lukashenko")
    assert (criticism.date, criticism.granularity) == ("2023-W37", "week")


def test_seed_boilerplate_and_hypothetical_arms_deal_give_no_timeline_events(seed_events):
    # Lines 1, 10, 11 and 12 are the site's strapline, login and privacy lines.
    for e in seed_events:
        for m in e.mentions:
            assert _seed_line(m.sentence) not in (1, 10, 11, 12), m.sentence
    signs = [e for e in seed_events if e.type == "SUPPORT" and e.mode == "sign"]
    assert signs and all(e.modality == "hypothetical" and not e.in_timeline for e in signs)


def test_seed_background_is_not_given_the_publication_date(seed_events):
    for e in seed_events:
        for m in e.mentions:
            if "Wagner" in m.sentence or "Western states" in m.sentence.split(",")[0]:
                assert e.type == "ACCUSE" and e.date == "2023-W37" or e.date is None


PARAPHRASE = (
    "Hungarian Prime Minister Viktor Orban proposed closer energy ties between Hungary, "
    "China and Serbia during a meeting with Chinese President Xi Jinping on Friday.\n"
    "Orban traveled to Beijing for talks with his Chinese counterpart on Friday. "
    "The meeting took place only three days after Xi met with Serbian President "
    "Aleksandar Vucic in Belgrade."
)


def test_paraphrase_published_on_a_tuesday_takes_the_friday_before():
    # Tuesday 2024-05-14: past-tense "on Friday" is 2024-05-10.
    events = _events(PARAPHRASE, dt.date(2024, 5, 14))
    meeting = _find(events, "CONSULT", "Viktor Orban", "Xi Jinping")
    assert meeting.date == "2024-05-10"
    # "three days after" anchors on the Friday meeting, not on the publication day.
    earlier = _find(events, "CONSULT", "Xi Jinping", "Aleksandar Vucic")
    assert earlier.date == "2024-05-07"
    assert earlier.place == "Belgrade"
    proposal = _find(events, "REQUEST", "Viktor Orban")
    assert proposal.date == "2024-05-10"


def test_future_weekday_takes_the_friday_after_and_is_planned():
    text = "German Chancellor Olaf Scholz will meet French President Emmanuel Macron in Paris on Friday."
    events = _events(text, dt.date(2024, 5, 14))
    meeting = _find(events, "CONSULT", "Olaf Scholz", "Emmanuel Macron")
    assert (meeting.date, meeting.modality, meeting.place) == ("2024-05-17", "planned", "Paris")


def test_event_anchored_offset_before_another_event():
    text = (
        "Japanese Prime Minister Fumio Kishida met U.S. President Joe Biden at the White House on Wednesday. "
        "The talks came a day after Kishida held talks with Canadian Prime Minister Justin Trudeau in Ottawa."
    )
    events = _events(text, dt.date(2024, 4, 12))  # a Friday
    assert _find(events, "CONSULT", "Fumio Kishida", "Joe Biden").date == "2024-04-10"
    assert _find(events, "CONSULT", "Fumio Kishida", "Justin Trudeau").date == "2024-04-09"


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("Putin did not meet Erdogan in Ankara on Monday.", "negated"),
        ("There were concerns that Putin and Erdogan would sign an arms deal.", "hypothetical"),
        ("Putin could meet Erdogan in Ankara.", "hypothetical"),
        ("Putin met Turkish President Recep Tayyip Erdogan in Ankara on Monday.", "asserted"),
    ],
)
def test_modality(sentence, modality):
    events = _events(sentence, dt.date(2024, 5, 14))
    assert events, sentence
    assert events[0].modality == modality


def test_titles_resolve_at_the_event_date():
    text = "The Russian president met the Chinese leader in Moscow on Monday."
    e2010 = _find(_events(text, dt.date(2010, 6, 2)), "CONSULT", "Dmitry Medvedev")
    assert "Hu Jintao" in {p.name for p in e2010.participants}
    e2023 = _find(_events(text, dt.date(2023, 3, 22)), "CONSULT", "Vladimir Putin")
    assert "Xi Jinping" in {p.name for p in e2023.participants}


def test_undated_article_keeps_relative_dates_unresolved():
    events = _events("Putin met Kim Jong Un in Vostochny on Wednesday.", None)
    meeting = _find(events, "CONSULT", "Vladimir Putin", "Kim Jong Un")
    assert meeting.date is None


def test_sanction_and_expulsion():
    text = (
        "The United States imposed sanctions on Russia on Monday. Poland expelled two Belarusian diplomats on Tuesday."
    )
    events = _events(text, dt.date(2024, 5, 15))
    sanction = _find(events, "SANCTION", "United States", "Russia")
    assert (sanction.mode, sanction.date) == ("restrict", "2024-05-13")
    expel = _find(events, "SANCTION", "Poland")
    assert (expel.mode, expel.cameo, expel.date) == ("expel", "174", "2024-05-14")


def test_text_without_diplomacy_gives_nothing():
    text = "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought."
    assert _events(text, dt.date(1987, 2, 26)) == []


def test_undated_perfect_is_background_not_a_timeline_event():
    text = "Chile has rejected the Bolivian offer of talks on sea access."
    events = _events(text, dt.date(1990, 5, 8))
    assert events and not any(e.in_timeline for e in events)
    assert [e.background for e in events if e.type == "REJECT"] == [True]


@pytest.mark.parametrize(
    "text, type_, actor",
    [
        (
            "Kyiv has protested loudly, with the European Parliament last month calling Putin a war criminal.",
            "ACCUSE",
            "European Parliament",
        ),
        ("Japan has rejected the Chinese proposal on Friday.", "REJECT", "Japan"),
        ("The United States has condemned the missile launch by North Korea on Tuesday.", "ACCUSE", "United States"),
        ("Germany has expelled two Russian diplomats this month.", "SANCTION", "Germany"),
    ],
)
def test_an_undated_article_keeps_its_events_undated(text, type_, actor):
    # A perfect with a date phrase is an act of the story's time ("has rejected
    # ... on Friday"); without a publication date the phrase cannot resolve,
    # but the act stays in the timeline, undated, as it is when dated.
    dated, undated = _events(text, dt.date(2024, 5, 17)), _events(text, None)
    assert _find(dated, type_, actor).date is not None
    event = _find(undated, type_, actor)
    assert (event.date, event.granularity) == (None, "none")
    assert len([e for e in undated if e.in_timeline]) == len([e for e in dated if e.in_timeline])


def test_pluperfect_after_a_past_reporting_verb_is_the_speakers_past():
    text = (
        "Canadian Prime Minister Brian Mulroney told reporters that he had agreed with "
        "Mexican President Carlos Salinas to work for a free trade pact."
    )
    events = _events(text, dt.date(1990, 5, 8))
    agreement = _find(events, "AGREE", "Brian Mulroney", "Carlos Salinas de Gortari")
    assert agreement.date == "1990-05-08" and not agreement.background


def test_a_name_that_looks_like_a_verb_is_no_statement():
    text = "He will meet Kuwaiti Oil Minister Ali Said al-Khalifa in Kuwait next week."
    events = _events(text, dt.date(1987, 3, 11))
    assert not [e for e in events if e.type == "STATEMENT"]


def test_one_speaker_on_one_day_is_one_statement():
    text = (
        "Italian Foreign Minister Giulio Andreotti said Italy wanted closer ties with Libya. "
        "Andreotti said Egypt needed Italian aid."
    )
    events = _events(text, dt.date(1987, 5, 4))
    statements = [e for e in events if e.type == "STATEMENT" and e.in_timeline]
    assert len(statements) == 1 and len(statements[0].mentions) == 2


def test_relative_pronoun_subject_is_its_antecedent():
    text = (
        "The treaty was praised by Chinese Premier Li Peng, who held talks with "
        "Indian Prime Minister Rajiv Gandhi yesterday."
    )
    events = _events(text, dt.date(1988, 12, 21))
    talks = _find(events, "CONSULT", "Li Peng", "Rajiv Gandhi")
    assert talks.date == "1988-12-20"


def test_the_whole_of_tomorrow_dates_the_meetings_it_is_spent_in():
    text = "Belgian Foreign Minister Leo Tindemans plans to spend the whole of tomorrow in bilateral meetings with Italian ministers."
    events = _events(text, dt.date(1986, 4, 13))  # a Sunday
    meeting = _find(events, "CONSULT", "Leo Tindemans")
    assert (meeting.date, meeting.modality) == ("1986-04-14", "planned")


def test_a_where_clause_shares_the_time_and_subject_of_its_governing_clause():
    text = (
        "Kuwaiti Oil Minister Ali al-Khalifa arrived yesterday after a stopover in Caracas, "
        "where he met Venezuelan President Jaime Lusinchi."
    )
    events = _events(text, dt.date(1987, 5, 6))
    meeting = _find(events, "CONSULT", "Ali al-Khalifa", "Jaime Lusinchi")
    assert meeting.date == "1987-05-05"


def test_the_passive_subject_of_a_planning_verb_takes_part():
    text = "Australian Prime Minister Bob Hawke, who is scheduled to meet Chinese Premier Zhao Ziyang, arrived in Beijing on Monday."
    events = _events(text, dt.date(1986, 5, 20))
    meeting = _find(events, "CONSULT", "Bob Hawke", "Zhao Ziyang")
    assert meeting.modality == "planned"


def test_undated_remarks_join_the_occasion_dated_yesterday():
    text = (
        "Indian Prime Minister Rajiv Gandhi said India wanted peace with Pakistan. "
        "Gandhi told a news conference in New Delhi yesterday that Pakistan must stop aiding rebels."
    )
    events = _events(text, dt.date(1987, 2, 11))
    statements = [e for e in events if e.type == "STATEMENT" and e.in_timeline]
    assert [(s.date, len(s.mentions)) for s in statements] == [("1987-02-10", 2)]


def test_visiting_a_person_is_a_meeting_visiting_a_city_a_trip():
    text = (
        "Mexican Finance Minister Gustavo Petricioli will visit U.S. Treasury Secretary James Baker next week. "
        "Petricioli would leave for Washington on Monday."
    )
    events = _events(text, dt.date(1987, 4, 7))  # a Tuesday
    assert _find(events, "CONSULT", "Gustavo Petricioli", "James Baker").mode == "meet"
    trip = [e for e in events if e.mode == "visit"]
    assert [(e.date, e.modality) for e in trip] == [("1987-04-13", "planned")]


def test_i_in_a_quotation_is_the_speaker():
    text = '"On Monday I shall be going to Tokyo for talks," British Chancellor Nigel Lawson said.'
    events = _events(text, dt.date(1987, 4, 2))
    trip = next(e for e in events if e.mode == "visit")
    assert "Nigel Lawson" in {p.name for p in trip.participants}


def test_only_actors_travel():
    events = _events("Special attention would go to Brazil next week.", dt.date(1987, 4, 2))
    assert not [e for e in events if e.mode == "visit"]


@pytest.mark.parametrize(
    "sentence, people, date",
    [
        (
            "Soviet leader Mikhail Gorbachev had nine hours of talks with Margaret Thatcher yesterday.",
            ("Margaret Thatcher", "Mikhail Gorbachev"),
            "1987-03-30",
        ),
        (
            "EC ministers are due to start four days of talks tomorrow with officials of the U.S. and Canada.",
            (),
            "1987-04-01",
        ),
    ],
)
def test_measured_talks_take_the_verbs_participants(sentence, people, date):
    events = _events(sentence, dt.date(1987, 3, 31))
    talks = next(e for e in events if e.type == "CONSULT" and e.in_timeline)
    names = {p.name for p in talks.participants}
    assert set(people) <= names and talks.date == date
    if not people:
        assert {"United States", "Canada"} <= names


def test_accusations_by_different_sources_stay_apart_and_requested_talks_are_not_held():
    text = (
        "The European Community accused the United States of breaking its commitment. "
        "The United States charged Japan with violating GATT rules. "
        "The United States asked for consultations with Tokyo."
    )
    events = _events(text, dt.date(1987, 6, 18))
    accusations = [e for e in events if e.type == "ACCUSE" and e.in_timeline]
    assert len(accusations) == 2
    assert _find(events, "REQUEST", "United States", "Japan").mode == "appeal"
    assert not [e for e in events if e.type == "CONSULT" and e.in_timeline]


def test_announced_plans_for_tariffs_are_the_sanction_not_a_statement():
    text = (
        "Yesterday, Washington announced plans to put as much as 200 mln dlrs in tariffs "
        "on imports of certain Brazilian steel products."
    )
    events = _events(text, dt.date(1987, 11, 14))
    sanction = _find(events, "SANCTION", "United States", "Brazil")
    assert sanction.date == "1987-11-13"
    assert not [e for e in events if e.type == "STATEMENT" and e.in_timeline]


def test_a_right_to_ask_is_no_request():
    text = "Under the bases accord, Spain has the right to ask for suspension of operations."
    events = _events(text, dt.date(1987, 11, 14))
    assert not [e for e in events if e.type == "REQUEST" and e.in_timeline]


@pytest.mark.parametrize(
    "sentence, start, end",
    [
        # the day named closes the event: it started the day before
        (
            "Chilean President Augusto Pinochet spoke at the end of a two-day visit to Paraguay yesterday.",
            "1987-05-04",
            "1987-05-05",
        ),
        # the day named opens the event
        ("EC ministers are due to start four days of talks with Japan tomorrow.", "1987-05-07", "1987-05-10"),
        # an act that closes the occasion: the day told is its last, and with
        # no day of its own the occasion closes on the reporting day
        ("Chilean Finance Minister Pablo Ruiz ended a three-day visit to Tokyo yesterday.", "1987-05-03", "1987-05-05"),
        (
            "Norwegian Foreign Minister Kari Lund, winding up a two-day visit to Ottawa, said fishing quotas would rise.",
            "1987-05-05",
            "1987-05-06",
        ),
        ("Greek Prime Minister Andreas Papandreou concluded a four-day visit to Cairo.", "1987-05-03", "1987-05-06"),
    ],
)
def test_stated_durations_give_spans(sentence, start, end):
    events = _events(sentence, dt.date(1987, 5, 6))
    event = next(e for e in events if e.type == "CONSULT")
    assert (event.date, event.date_start, event.date_end) == (start, start, end)


def test_also_joins_the_occasion_told_before():
    text = (
        "Argentine President Raul Alfonsin and Brazilian President Jose Sarney issued a joint declaration yesterday. "
        "The declaration said the two countries would cut tariffs. "
        "The two presidents also signed a number of agreements."
    )
    events = _events(text, dt.date(1987, 7, 10))
    sign = next(e for e in events if e.mode == "sign")
    assert sign.date == "1987-07-09"


def test_a_when_clause_dates_its_main_clause():
    text = (
        "When EC ministers met on May 4 and 5 in Brussels, Italian Farm Minister Filippo Pandolfi "
        "said the proposals were unacceptable to Italy and Spain."
    )
    events = _events(text, dt.date(1987, 5, 24))
    assert _find(events, "CONSULT", "European Community").date == "1987-05-04"


def test_a_bare_plural_names_the_group_called_so_before():
    text = (
        "EC agriculture ministers resume talks in Luxembourg tomorrow. "
        "Diplomats said the ministers will meet together on Tuesday."
    )
    events = _events(text, dt.date(1987, 4, 26))  # a Sunday
    meetings = [e for e in events if e.mode == "meet"]
    assert [(e.date, {p.name for p in e.participants}) for e in meetings] == [
        ("1987-04-28", {"Council of the European Union"})
    ]


def test_during_a_visit_takes_its_week_and_an_expected_visit_is_under_way():
    text = (
        "Spanish Foreign Minister Francisco Fernandez Ordonez arrived in Rabat on Monday. "
        "Fernandez Ordonez, who is scheduled to meet King Hassan during his official visit, praised Morocco. "
        "Fernandez Ordonez is expected to seek support for the plan during his two-day visit to Algiers."
    )
    events = _events(text, dt.date(1987, 10, 21))  # a Wednesday
    meeting = _find(events, "CONSULT", "Hassan II")
    assert (meeting.date, meeting.granularity) == ("1987-W43", "week")
    algiers = next(e for e in events if e.mode == "visit" and e.place == "Algiers")
    assert algiers.date == "1987-10-21"


def test_an_ultimatum_is_a_threat_by_the_speaker_not_a_statement():
    text = "French Trade Minister Michel Noir told Japan to open its markets to French wine or face retaliation."
    events = _events(text, dt.date(1987, 5, 12))
    threat = _find(events, "THREATEN", "Michel Noir", "Japan")
    assert threat.date == "1987-05-12"
    assert not [e for e in events if e.type == "STATEMENT" and e.in_timeline]


def test_what_is_ruled_out_does_not_happen():
    text = "Trade Secretary Paul Channon ruled out using new powers to retaliate against Japan."
    events = _events(text, dt.date(1987, 5, 12))
    assert not [e for e in events if e.type == "THREATEN" and e.in_timeline]


def test_a_summit_on_the_agenda_does_not_swallow_the_statement():
    text = (
        "President Reagan said yesterday the debt problem was high on the agenda for next week's G-7 summit in Venice."
    )
    events = _events(text, dt.date(1987, 6, 2))
    assert _find(events, "STATEMENT", "Ronald Reagan").date == "1987-06-01"
    summit = _find(events, "CONSULT", "Group of Seven")
    assert (summit.date, summit.modality) == ("1987-W24", "planned")


def test_the_saying_day_yields_to_the_acts_own_date():
    text = (
        "Libya and Malta have agreed to cooperate on oil exploration, an official spokesman said Tuesday. "
        "The agreement had been reached during a visit to Tripoli last week by Maltese Foreign Minister Vincent Tabone."
    )
    events = _events(text, dt.date(1987, 10, 20))
    agreements = [e for e in events if e.type == "AGREE" and e.in_timeline]
    assert [e.date for e in agreements] == ["1987-W42"]


def test_background_in_the_perfect_stays_apart_from_dated_statements():
    text = (
        "Last week Chancellor Helmut Kohl ruled out German help to patrol the Gulf. "
        "Kohl has said that Washington understands this problem."
    )
    events = _events(text, dt.date(1987, 6, 2))
    statement = _find(events, "STATEMENT", "Helmut Kohl")
    assert statement.date == "1987-W22" and "United States" not in {p.name for p in statement.participants}


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides are now moving towards starting discussions on the Aegean.",
        "Ozal said the envoy came to brief the government on efforts aimed at starting discussions between Turkey and Greece.",
    ],
)
def test_what_is_aimed_at_has_not_happened(sentence):
    events = _events(sentence, dt.date(1987, 3, 30))
    assert not [e for e in events if e.type == "CONSULT" and e.in_timeline]


def test_perfect_tagged_as_past_and_participles_on_it_are_background():
    text = "Chile has in the past rejected Bolivia's proposal, saying its borders are settled."
    events = _events(text, dt.date(1987, 3, 30))
    assert events and not [e for e in events if e.in_timeline]


def test_a_national_body_brings_its_country():
    text = "Canadian Foreign Minister Joe Clark held talks with the U.S. Congress today."
    events = _events(text, dt.date(1987, 3, 11))
    talks = next(e for e in events if e.type == "CONSULT")
    assert "United States" in {p.name for p in talks.participants}


def _events_at(text: str, published: dt.date, dateline: str):
    return extract_document(Document(text=text, published=published, extra={"dateline": dateline})).events


def test_an_arrival_with_no_place_is_at_the_dateline():
    text = "Venezuelan Oil Minister Arturo Hernandez Grisanti arrived last night after a stopover in Lagos."
    events = _events_at(text, dt.date(1987, 3, 11), "ALGIERS, March 11")
    visit = next(e for e in events if e.mode == "visit")
    assert (visit.date, visit.place) == ("1987-03-10", "Algiers")
    assert "Algeria" in {p.name for p in visit.participants}


def test_arriving_in_ones_own_country_is_no_visit():
    text = "Turkish Ambassador Nazmi Akiman arrived last night from a meeting in Athens."
    events = _events_at(text, dt.date(1987, 3, 30), "ANKARA, March 30")
    assert not [e for e in events if e.mode == "visit"]


def test_the_subjects_own_phrase_does_not_date_the_verb():
    text = (
        "French Foreign Minister Jean-Bernard Raimond, due in Abu Dhabi tomorrow for talks, "
        "told the daily newspaper that France wanted normal relations with Iran."
    )
    events = _events(text, dt.date(1987, 3, 22))
    assert _find(events, "STATEMENT", "Jean-Bernard Raimond").date == "1987-03-22"


def test_talks_the_parser_hangs_on_a_noun_belong_to_the_clause():
    text = (
        "A ministry spokesman said Italian Defence Minister Giovanni Spadolini and his Spanish counterpart "
        "Narcis Serra had agreed on a common design for the frigate during talks in Rome on Friday."
    )
    events = _events(text, dt.date(1987, 3, 22))  # a Sunday
    talks = _find(events, "CONSULT", "Giovanni Spadolini", "Narcis Serra")
    assert talks.date == "1987-03-20"


def test_a_communique_speaks_for_its_content_subject_and_its_meeting_ends_with_it():
    text = (
        "A communique issued at the end of a two-day ministerial meeting said the Gulf Cooperation Council "
        "hoped for greater Japanese investment in the region."
    )
    events = _events(text, dt.date(1987, 6, 16))
    statement = _find(events, "STATEMENT", "Gulf Cooperation Council")
    assert statement.date == "1987-06-16"
    meeting = _find(events, "CONSULT", "Gulf Cooperation Council")
    assert (meeting.date, meeting.date_end) == ("1987-06-15", "1987-06-16")


def test_reaching_a_common_evaluation_is_an_agreement():
    text = (
        "Lawson said he and French Finance Minister Edouard Balladur had reached a positive evaluation "
        "of the accord during their meeting on Monday."
    )
    events = _events(text, dt.date(1987, 10, 20))
    agreement = _find(events, "AGREE", "Nigel Lawson", "Edouard Balladur")
    assert agreement.date == "1987-10-19"


@pytest.mark.parametrize(
    "sentence",
    [
        "Meanwhile, a U.N. spokesman said that as far as he knew a reply had not arrived.",
        "The U.S. shelved the case earlier this year after Trade Representative Clayton Yeutter said Argentina would act.",
    ],
)
def test_attributions_and_sayings_that_only_place_in_time_are_no_statements(sentence):
    events = _events(sentence, dt.date(1987, 10, 19))
    assert not [e for e in events if e.type == "STATEMENT" and e.in_timeline]


def test_announcing_and_saying_on_one_occasion_is_one_statement_but_a_declaration_is_its_own():
    text = (
        "In announcing the measures yesterday, President Ronald Reagan said Japan had broken its word. "
        "Reagan and Canadian Prime Minister Brian Mulroney issued a joint declaration yesterday on acid rain."
    )
    events = _events(text, dt.date(1987, 3, 28))
    statements = sorted((e.mode, len(e.mentions)) for e in events if e.type == "STATEMENT" and e.in_timeline)
    assert statements == [("announce", 1), ("announce", 2)]


def test_the_week_after_follows_next_week_and_requested_talks_are_not_held():
    text = (
        "Brazil and the United States are at odds over computer software. "
        "Officials said Brazil would make a formal request next week for emergency talks "
        "and that the two sides would probably meet the week after."
    )
    events = _events(text, dt.date(1987, 3, 28))  # a Saturday
    meeting = _find(events, "CONSULT", "Brazil", "United States")
    assert (meeting.date, meeting.modality) == ("1987-W15", "planned")
    assert _find(events, "REQUEST", "Brazil").date == "1987-W14"
    assert [e.date for e in events if e.type == "CONSULT" and e.in_timeline] == ["1987-W15"]


def test_an_undated_relative_clause_is_background():
    text = "Turkey accused Greece of breaching the 1976 Berne Agreement under which both sides agreed to keep the status quo."
    events = _events(text, dt.date(1987, 3, 30))
    assert not [e for e in events if e.type == "AGREE" and e.in_timeline]
    assert _find(events, "ACCUSE", "Turkey", "Greece").date == "1987-03-30"


def test_a_saying_that_names_its_occasion_is_not_folded_into_yesterdays():
    text = (
        "Speaking last night, Italian Prime Minister Bettino Craxi set out the Italian position on Libya. "
        "In a joint statement, Craxi and President Ronald Reagan said the two countries would cooperate on research."
    )
    events = _events(text, dt.date(1987, 3, 31))
    statements = sorted(e.date for e in events if e.type == "STATEMENT" and e.in_timeline)
    assert statements == ["1987-03-30", "1987-03-31"]


def test_a_statement_within_a_meeting_is_part_of_it():
    text = (
        "When ministers met on May 4 in Luxembourg for talks on the fish quota package, several, "
        "notably Spain's Carlos Romero and Ireland's Michael O'Kennedy, said the plans were unacceptable."
    )
    events = _events(text, dt.date(1987, 5, 24))
    assert not [e for e in events if e.type == "STATEMENT" and e.in_timeline]
    meeting = _find(events, "CONSULT", "Carlos Romero", "Michael O'Kennedy")
    assert meeting.date == "1987-05-04"


def test_the_purpose_of_a_journey_is_not_dated_by_the_departure_and_bodies_bring_their_parent():
    text = (
        '"On Tuesday I shall be going to Washington for meetings of the IMF Interim Committee," '
        "British Chancellor Nigel Lawson said. The IMF Interim Committee is to meet formally in Washington next Thursday."
    )
    events = _events(text, dt.date(1987, 4, 2))  # a Thursday
    trip = next(e for e in events if e.mode == "visit")
    assert trip.date == "1987-04-07"
    committee = next(e for e in events if e.type == "CONSULT" and e.date == "1987-04-09")
    assert {"IMF Interim Committee", "International Monetary Fund"} <= {p.name for p in committee.participants}
    assert not [e for e in events if e.type == "CONSULT" and e.mode == "meet" and e.date == "1987-04-07"]


def test_an_act_coordinated_with_a_journey_happens_during_it():
    text = (
        '"On Tuesday I shall be going to Tokyo for talks with Japanese officials, and we shall of course have '
        'a meeting of the G-7," French Finance Minister Edouard Balladur said.'
    )
    events = _events(text, dt.date(1987, 4, 2))  # a Thursday
    trip = next(e for e in events if e.mode == "visit")
    assert trip.date == "1987-04-07"
    g7 = _find(events, "CONSULT", "Group of Seven")
    assert (g7.date, g7.granularity) == ("1987-W15", "week")


def test_a_flight_with_nobody_named_is_the_speakers_and_here_is_the_dateline():
    text = (
        "In an interview during the flight to Tokyo yesterday, U.S. Trade Representative Clayton Yeutter "
        "said Japan must open its markets. Officials expect no concessions during Yeutter's visit here."
    )
    events = _events_at(text, dt.date(1987, 4, 17), "TOKYO, April 17")
    visit = _find(events, "CONSULT", "Clayton Yeutter", "Japan")
    assert (visit.mode, visit.date) == ("visit", "1987-04-16")


def test_options_including_retaliation_are_a_threat_by_the_drafter():
    text = (
        "The U.S. is drafting options including possible trade retaliation against Brazil in a dispute over software."
    )
    events = _events(text, dt.date(1987, 10, 19))
    threat = _find(events, "THREATEN", "United States", "Brazil")
    assert (threat.mode, threat.date) == ("retaliate", "1987-10-19")


def test_speaking_yesterday_dates_the_saying():
    text = "Spanish Prime Minister Felipe Gonzalez, speaking to the Mexican Congress yesterday, said Mexico and Spain must act."
    events = _events(text, dt.date(1987, 3, 24))
    assert _find(events, "STATEMENT", "Felipe Gonzalez").date == "1987-03-23"


def test_during_a_dated_visit_beats_the_reporting_day_default():
    text = (
        "Spanish Foreign Minister Francisco Fernandez Ordonez arrived in Rabat on Monday. "
        "Fernandez Ordonez praised King Hassan during his official visit."
    )
    events = _events(text, dt.date(1987, 10, 21))  # a Wednesday
    praise = _find(events, "SUPPORT", "Francisco Fernandez Ordonez")
    assert (praise.date, praise.granularity) == ("1987-W43", "week")


def test_a_speakers_appeal_and_remarks_on_one_day_are_one_act():
    text = (
        "After meetings with U.S. officials, Australian Foreign Minister Bill Hayden told reporters Australia wanted lower U.S. subsidies. "
        "Hayden urged the United States to cut farm subsidies, he said."
    )
    events = _events(text, dt.date(1987, 3, 11))
    acts = [e for e in events if e.type in ("STATEMENT", "REQUEST") and e.in_timeline]
    assert [(e.type, e.mode, len(e.mentions)) for e in acts] == [("REQUEST", "appeal", 2)]


def test_a_spokesman_named_by_title_only_attributes():
    text = "GATT spokesman David Woods told reporters the Community had made a formal charge against Japan."
    events = _events(text, dt.date(1987, 6, 18))
    assert not [e for e in events if e.type == "STATEMENT" and e.in_timeline]


def test_talks_with_no_date_set_are_not_scheduled():
    text = "Soviet spokesman Gennady Gerasimov said no date had been set for the talks with Iran."
    events = _events(text, dt.date(1987, 10, 20))
    assert not [e for e in events if e.type == "CONSULT" and e.in_timeline]


def test_a_definite_noun_with_its_own_time_is_a_new_occasion():
    text = (
        "EC farm ministers resume talks tomorrow. Diplomats said although the ministers will meet together "
        "on Tuesday, the chairman is likely to conclude that the hard bargaining will have to wait until May."
    )
    events = _events(text, dt.date(1987, 4, 26))  # a Sunday
    dates = sorted(e.date for e in events if e.type == "CONSULT" and e.in_timeline)
    assert dates == ["1987-04-27", "1987-04-28", "1987-05"]


def test_each_of_his_colleagues_is_the_group_named_before():
    text = (
        "EC farm ministers resume talks tomorrow. Belgian Agriculture Minister Paul de Keersmaeker plans to "
        "spend the whole of tomorrow in bilateral meetings with each of his colleagues in turn."
    )
    events = _events(text, dt.date(1987, 4, 26))
    meeting = _find(events, "CONSULT", "Paul de Keersmaeker")
    assert len({p.name for p in meeting.participants} & {"Council of the European Union", "European Community"}) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Economists said the Federal Reserve would add reserves to meet a substantial need in the banking system.",
        "Germany said on Tuesday it would meet the NATO spending target by 2028.",
        "Brazil told its creditors on Monday it could not meet the interest payments due this month.",
    ],
)
def test_meeting_a_need_or_a_target_is_no_meeting(sentence):
    events = _events(sentence, dt.date(1987, 10, 20))
    assert [e for e in events if e.mode == "meet"] == []


def test_meeting_a_person_is_still_a_meeting():
    events = _events("Chancellor Kohl met President Mitterrand in Paris on Tuesday.", dt.date(1987, 10, 21))
    assert _find(events, "CONSULT", "Helmut Kohl").date == "1987-10-20"


@pytest.mark.parametrize(
    "text",
    [
        # An analyst or banker comments; the text gives him no public office.
        "Economist Brian Smithson of Nomura said on Monday that Japanese banks started buying smaller American banks.",
        '"The only real production restraint in OPEC is Saudi Arabia," said Sanford Margoshes of Shearson Lehman.',
        # A company acts, whichever country owns it.
        "Sweden's Nordbanken banking group said on Friday it would sell its shares in Fermenta to Norwegian investors.",
        "China's state-owned Beijing Non-Ferrous Metals Industrial Corp signed a contract with a Chilean firm on Monday.",
        "Petroleos de Venezuela, S.A. said on Monday it will sign a contract to buy half of a Texas refinery.",
        '"OPEC will not do anything new," said John Hill, a vice president at Merrill Lynch Futures, on Monday.',
        "West German economics researcher Jochen Bethkenhagen said on Monday that Soviet energy policy had not changed.",
    ],
)
def test_companies_and_commentators_make_no_diplomatic_event(text):
    assert _timeline(_events(text, dt.date(1987, 4, 14))) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Deputy Prime Minister Janez Zemljaric said on Monday that Yugoslavia expected its Western creditors "
            "to agree to a new rescheduling.",
            "Janez Zemljaric",
        ),
        (
            "Janez Zemljaric, a deputy prime minister, said on Monday that Yugoslavia expected its Western creditors "
            "to agree to a new rescheduling.",
            "Janez Zemljaric",
        ),
    ],
)
def test_an_official_the_gazetteer_does_not_know_still_speaks_for_his_state(text, speaker):
    events = _events(text, dt.date(1987, 4, 14))
    assert _find(events, "STATEMENT", speaker).date == "1987-04-13"


@pytest.mark.parametrize(
    "sentence",
    [
        "Finance Minister Dilson Funaro is now on his way to Tokyo, where he is to arrive on Sunday for talks "
        "with Japanese government officials.",
        "Secretary of State George Shultz is to visit Moscow on Sunday.",
        "Secretary of State George Shultz is due to visit Moscow on Sunday.",
    ],
)
def test_is_to_and_is_due_to_name_the_coming_weekday(sentence):
    """Published on Friday 6 March 1987: the Sunday to come, planned."""
    visit = next(e for e in _events(sentence, dt.date(1987, 3, 6)) if e.mode == "visit")
    assert (visit.date, visit.modality) == ("1987-03-08", "planned")


def test_is_likely_to_visit_is_expected_not_asserted():
    events = _events(
        "U.S. Secretary of State George Shultz is likely to visit Moscow soon for talks.", dt.date(1987, 3, 1)
    )
    assert {e.modality for e in events if e.mode == "visit"} == {"planned"}


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        (
            "U.S. trade representative Clayton Yeutter on Monday warned another major transatlantic trade row "
            "will develop if the EC proceeds with the vegetable oils tax.",
            "THREATEN",
        ),
        ("Secretary of State George Shultz warned Iran on Monday against attacking Kuwaiti tankers.", "THREATEN"),
        (
            "Japanese Foreign Minister Tadashi Kuranari warned on Monday that the dispute could lead to retaliation.",
            "THREATEN",
        ),
        # A warning with no addressee, condition or punitive word is a statement, not a threat.
        ("Japanese Foreign Minister Tadashi Kuranari warned on Monday that the yen would rise further.", "STATEMENT"),
    ],
)
def test_a_warning_is_a_threat_only_when_it_threatens(sentence, type_):
    events = [e for e in _events(sentence, dt.date(1987, 3, 10)) if e.in_timeline]
    assert [(e.type, e.date) for e in events] == [(type_, "1987-03-09")]


def test_a_source_speaking_to_the_reporter_by_telephone_is_no_phone_call():
    text = (
        "The World Bank will prepay two Swiss franc public issues, a spokesman for the Bank said "
        "in a telephone call from Washington on Thursday."
    )
    assert [e for e in _events(text, dt.date(1987, 4, 2)) if e.mode == "phone"] == []


def test_a_phone_call_between_leaders_is_still_one():
    text = "President Reagan held a telephone call with Prime Minister Nakasone on Thursday."
    call = next(e for e in _events(text, dt.date(1987, 4, 3)) if e.mode == "phone")
    assert call.date == "1987-04-02"


def test_business_leaders_are_not_their_country():
    text = "U.S. business leaders met Japanese trade officials in Tokyo on Monday to discuss the trade problem."
    for event in _events(text, dt.date(1987, 4, 14)):
        assert "United States" not in {p.name for p in event.participants}


def test_a_stay_in_a_foreign_city_is_a_visit():
    text = (
        "The announcement said President Reagan would be in Rome from June 3 to 6 as the guest of "
        "President Francesco Cossiga."
    )
    visit = next(e for e in _events(text, dt.date(1987, 3, 4)) if e.mode == "visit")
    assert (visit.date, visit.date_end, visit.modality) == ("1987-06-03", "1987-06-06", "planned")
    assert {"Italy", "United States"} <= {p.name for p in visit.participants}


@pytest.mark.parametrize(
    "text",
    [
        "The talks will be in Geneva next week.",  # no person stays
        "Oil prices were firm in London on Monday.",
        "President Reagan was in Washington on Monday.",  # at home: no visit
    ],
)
def test_being_somewhere_is_not_always_a_visit(text):
    assert [e for e in _events(text, dt.date(1987, 3, 4)) if e.mode == "visit"] == []


def test_a_place_belongs_to_the_state_of_the_time():
    visit = next(
        e
        for e in _events("Secretary of State George Shultz traveled to Moscow last week.", dt.date(1987, 3, 4))
        if e.mode == "visit"
    )
    assert visit.place_country == "Soviet Union"
    assert "Russia" not in {p.name for p in visit.participants}


def test_a_meeting_scheduled_for_a_date_takes_that_date_not_the_clauses():
    text = (
        "Saudi Oil Minister Hisham Nazer said prices could move higher in the second half of the year, "
        "following an OPEC meeting scheduled for late June."
    )
    meeting = next(e for e in _events(text, dt.date(1987, 3, 30)) if e.mode == "meet")
    assert (meeting.date, meeting.modality) == ("1987-06", "planned")


def test_a_non_calendar_time_word_in_the_nouns_clause_does_not_date_it():
    text = (
        "Garcia and Mexican President Miguel de la Madrid issued a joint declaration yesterday calling the "
        "foreign debt problem an expression of the present unjust international economic order."
    )
    declaration = next(e for e in _events(text, dt.date(1987, 3, 26)) if e.type == "STATEMENT")
    assert declaration.date == "1987-03-25"


def test_later_this_month_is_still_to_come():
    """Published on 15 September: "later this month" is the rest of September,
    so an expected visit then is planned, not a mere hope."""
    events = _events(
        "Russian Foreign Minister Sergei Lavrov is expected to visit Pyongyang later this month.", dt.date(2023, 9, 15)
    )
    visit = _find(events, "CONSULT", "Sergei Lavrov")
    assert (visit.mode, visit.date, visit.modality) == ("visit", "2023-09", "planned")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Putin and Xi held a video call on Friday, the Kremlin said.", "2023-09-15"),
        ("Macron spoke by phone with Zelensky on Sunday, the Elysee said on Monday.", "2023-09-17"),
        ("Scholz talked over a video link with Biden on Monday.", "2023-09-18"),
    ],
)
def test_calls_by_phone_and_video(text, date):
    call = next(e for e in _events(text, dt.date(2023, 9, 19)) if e.mode == "phone")
    assert call.date == date
    assert len([p for p in call.participants if p.kind == "person"]) == 2


def test_speaking_to_reporters_is_no_call():
    events = _events("Macron spoke with reporters in Paris on Monday about the war.", dt.date(2023, 9, 19))
    assert [e for e in events if e.mode == "phone"] == []


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Saudi Arabia restored diplomatic relations with Iran on Friday.", "COOPERATE", "relations"),
        ("Israel and the United Arab Emirates established diplomatic relations on Thursday.", "COOPERATE", "relations"),
        ("Bolivia broke off diplomatic relations with Israel on Tuesday.", "SANCTION", "withdraw"),
    ],
)
def test_diplomatic_relations_made_and_broken(text, type_, mode):
    event = next(e for e in _events(text, dt.date(2023, 9, 19)) if e.in_timeline)
    assert (event.type, event.mode) == (type_, mode)
    assert len({p.name for p in event.participants if p.kind == "country"}) == 2


def test_coordinated_country_adjectives_name_every_state():
    talks = next(
        e
        for e in _events("U.S. and Chinese officials held talks in Vienna on Tuesday.", dt.date(2023, 9, 19))
        if e.mode == "negotiate"
    )
    assert {"United States", "China"} <= {p.name for p in talks.participants}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The United States slapped sanctions on three Chinese companies on Thursday.", "China"),
        ("France recalled its ambassador to Niger on Monday.", "Niger"),
    ],
)
def test_a_sanction_on_a_states_firms_or_envoy_targets_the_state(text, target):
    sanction = next(e for e in _events(text, dt.date(2023, 9, 19)) if e.type == "SANCTION")
    assert target in {p.name for p in sanction.participants if p.role == "target"}


def test_the_actor_of_a_criticism_does_not_take_part_in_what_it_criticises():
    events = _events(
        "The Chinese foreign ministry on Monday denounced the visit as a provocation.", dt.date(2023, 9, 19)
    )
    assert [e.type for e in events if e.in_timeline] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "body", "passport"),
    [
        ("NATO Secretary General Jens Stoltenberg visited Kyiv on Thursday.", "NATO", "Norway"),
        (
            "In a statement on Wednesday, the EU's foreign policy chief Josep Borrell condemned the coup in Niger.",
            "European Union",
            "Spain",
        ),
    ],
)
def test_an_international_official_acts_for_the_organisation_not_his_country(text, body, passport):
    event = next(e for e in _events(text, dt.date(2023, 9, 22)) if e.in_timeline)
    names = {p.name for p in event.participants}
    assert body in names and passport not in names


def test_addressing_a_council_is_a_statement_addressing_a_problem_is_not():
    speech = _events(
        "Ukrainian President Volodymyr Zelensky addressed the U.N. Security Council on Wednesday.", dt.date(2023, 9, 22)
    )
    assert [(e.type, e.date) for e in speech if e.in_timeline] == [("STATEMENT", "2023-09-20")]
    assert _events("The minister addressed the problem of inflation on Monday.", dt.date(2023, 9, 22)) == []


def test_mentions_point_into_the_text_as_read_around_masked_furniture():
    text = (
        "Sign in to read the full story\n"
        "QUITO, May 3 (Reuters) - Ecuadorean President Daniel Noboa met Colombian President Gustavo Petro "
        "in Quito on Friday.\n"
        "Forgot your password?"
    )
    events = extract_document(Document(text=text, published=dt.date(2024, 5, 3))).events
    assert [e.type for e in events] == ["CONSULT"]
    mention = events[0].mentions[0]
    assert text[mention.trigger_start : mention.trigger_end] == mention.trigger == "met"
    assert text[mention.sentence_start : mention.sentence_end].strip() == mention.sentence
    assert mention.sentence.startswith("QUITO, May 3 (Reuters) - Ecuadorean")


def test_here_is_the_place_of_the_dateline_the_text_opens_with():
    text = "CUENCA, May 3 (Reuters) - Colombian Foreign Minister Luis Murillo arrived here on Friday."
    events = extract_document(Document(text=text, published=dt.date(2024, 5, 3))).events
    visit = next(e for e in events if e.mode == "visit")
    assert (visit.date, visit.place) == ("2024-05-03", "Cuenca")


# --- a gazetteer and a lexicon of the caller's ----------------------------------------


def test_extraction_resolves_offices_through_the_gazetteer_it_is_given():
    from conftest import small_gazetteer

    text = "The Norwegian prime minister met the Chilean president in Lima on Monday.\n"
    doc = Document(text=text, published=dt.date(2023, 5, 12))
    [event] = extract_document(doc, gazetteer=small_gazetteer()).events
    assert "Ingrid Berg" in {p.name for p in event.participants}  # Norway's head of government there
    assert event.date == "2023-05-08"


def test_extraction_finds_only_the_triggers_of_the_lexicon_it_is_given():
    from timeline.events.lexicon import _build, _load_yaml

    triggers = _load_yaml("triggers.yaml")
    text = "Norwegian Prime Minister Ingrid Berg met Chilean President Tomas Vidal in Lima on Monday.\n"
    doc = Document(text=text, published=dt.date(2023, 5, 12))
    assert extract_document(doc).events
    without_meet = {**triggers, "triggers": [t for t in triggers["triggers"] if t.get("lemma") != "meet"]}
    assert extract_document(doc, lexicon=_build(_load_yaml("ontology.yaml"), without_meet)).events == []


# --- agreements named by their noun, under the verbs that conclude them -------------

AGREEMENT_NOUNS = [
    (
        "Late on Monday, the rebel coalition announced it had entered into an agreement with the government of Chad.",
        "2024-03-04",
    ),
    ("Peru and Ecuador concluded a peace treaty in Brasilia on Friday.", "2024-03-01"),
    ("Armenia and Azerbaijan struck a truce on Sunday after two days of fighting.", "2024-03-03"),
    ("On Tuesday, Ghana and Togo inked a deal on border trade.", "2024-03-05"),
    ("Sudan and South Sudan reached a ceasefire late on Saturday.", "2024-03-02"),
    ("Kenya and Uganda sealed a defence pact in Kampala on Monday.", "2024-03-04"),
]


@pytest.mark.parametrize("text, day", AGREEMENT_NOUNS)
def test_an_agreement_named_by_its_noun_under_a_concluding_verb_is_an_agreement(text, day):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "AGREE"]
    assert [e.date for e in events] == [day]


# --- the verbs and nouns of diplomatic acts, beyond the commonest ----------------------

MORE_ACTS = [
    ("Chile decried the expulsion of its ambassador by Peru on Monday.", "ACCUSE"),
    ("On Monday, Kenya castigated Uganda over the border closure.", "ACCUSE"),
    ("The Norwegian government censured Chile for the arrests on Monday.", "ACCUSE"),
    ("Peru complained to Chile on Monday about the new fishing quotas.", "ACCUSE"),
    ("Kenya lodged a complaint with Uganda on Monday over the detentions.", "ACCUSE"),
    ("Japan issued a condemnation of the missile launch by North Korea on Monday.", "ACCUSE"),
    ("Ghana hailed the agreement between Togo and Benin on Monday.", "SUPPORT"),
    ("On Monday, Canada applauded Chile's decision to free the prisoners.", "SUPPORT"),
    ("Japan congratulated South Korea on Monday on its election.", "SUPPORT"),
    ("Norway commended Kenya on Monday for its role in the talks.", "SUPPORT"),
    ("Peru repudiated the accord with Chile on Monday.", "REJECT"),
    ("Uganda turned down the offer of mediation from Kenya on Monday.", "REJECT"),
    ("On Monday, Chile made a plea to Peru for the release of the fishermen.", "REQUEST"),
    ("Japan issued an ultimatum to North Korea on Monday.", "THREATEN"),
]


@pytest.mark.parametrize("text, type_", MORE_ACTS)
def test_a_less_common_verb_or_noun_of_a_diplomatic_act_is_that_act(text, type_):
    events = _events(text + "\n", dt.date(2024, 3, 6))
    assert [(e.type, e.date) for e in events if e.type == type_] == [(type_, "2024-03-04")]


# --- names the gazetteer knows where the statistical NER sees none --------------------

GAZETTEER_NAMES = [
    # "Seven" is read as a number and "G-7" as an adjective: no entity from the NER
    ("The Group of Seven agreed on Monday to keep exchange rates stable.", "AGREE", "Group of Seven"),
    ("G-7 finance ministers agreed at a meeting in Rome on Monday to hold rates.", "CONSULT", "Group of Seven"),
]


@pytest.mark.parametrize("text, type_, actor", GAZETTEER_NAMES)
def test_a_name_the_gazetteer_knows_is_an_actor_even_where_the_parser_sees_no_entity(text, type_, actor):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == type_]
    assert [(actor in {p.name for p in e.participants}, e.date) for e in events] == [(True, "2024-03-04")]


def test_a_gazetteer_name_written_in_lower_case_is_no_name():
    from conftest import small_gazetteer

    from timeline import nlp as nlp_module
    from timeline.events.names import mark_gazetteer_names

    nlp = nlp_module.load()
    docs = [nlp("The asean of old met in Lima."), nlp("ASEAN ministers met in Lima.")]
    mark_gazetteer_names(docs, nlp, small_gazetteer())
    assert [[(e.text, e.label_) for e in d.ents if e.text.lower() == "asean"] for d in docs] == [[], [("ASEAN", "ORG")]]


# --- several counterparts named by their countries' adjectives ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the Japanese foreign minister met her Chilean, Peruvian and Kenyan counterparts in Lima.",
        "The Norwegian prime minister held talks with his Chilean and Kenyan counterparts on Monday.",
    ],
)
def test_counterparts_named_by_several_adjectives_are_each_a_state(text):
    [event] = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"]
    countries = {p.country or p.name for p in event.participants}
    named = {"Chile", "Kenya"} | ({"Peru"} if "Peruvian" in text else set())
    assert named <= countries and event.date == "2024-03-04"


@pytest.mark.parametrize(
    "text, guest",
    [
        ("Brazil's president hosted his Argentine counterpart in Brasilia on Monday.", "Argentina"),
        ("The Kenyan president received the Japanese foreign minister in Nairobi on Monday.", "Japan"),
    ],
)
def test_a_host_receives_a_guest_named_by_office(text, guest):
    [event] = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"]
    assert guest in {p.country or p.name for p in event.participants} and event.date == "2024-03-04"


# --- a saying that disapproves of another state's act criticises it ---------------------

CRITICAL_SAYINGS = [
    ("Peru's foreign ministry said on Monday that the arrests by Chile were a violation of its sovereignty.", "ACCUSE"),
    (
        '"This is unacceptable," the Japanese foreign minister said of the North Korean missile launch on Monday.',
        "ACCUSE",
    ),
    (
        "On Monday, Kenya's foreign ministry said it was deeply disappointed by Uganda's stance on the dispute.",
        "ACCUSE",
    ),
    ("Canada said on Monday that the new tariffs imposed by China were illegal.", "ACCUSE"),
    # no disapproval, or disapproval denied: a statement
    ("Kenya's foreign minister said on Monday that Uganda was its closest partner.", "STATEMENT"),
    ("Chile said on Monday that the visit by Peru's president was not a provocation.", "STATEMENT"),
]


@pytest.mark.parametrize("text, type_", CRITICAL_SAYINGS)
def test_a_saying_that_disapproves_of_another_states_act_is_criticism(text, type_):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type in ("ACCUSE", "STATEMENT")]
    assert [(e.type, e.date) for e in events] == [(type_, "2024-03-04")]


# --- accepting a proposal; the act of a participle that ends an occasion ---------------

ACCEPTED = [
    ("Peru accepted a proposal from Chile for border talks on Monday.", "AGREE", {"Peru", "Chile"}),
    ("On Monday, Kenya accepted an invitation from Uganda to attend the summit.", "AGREE", {"Kenya", "Uganda"}),
    (
        "The Danish foreign minister, winding up a two-day visit to Japan on Monday, said trade would grow.",
        "CONSULT",
        {"Denmark", "Japan"},
    ),
]


@pytest.mark.parametrize("text, type_, states", ACCEPTED)
def test_who_takes_part_in_an_acceptance_and_in_a_participles_act(text, type_, states):
    [event] = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == type_]
    assert states <= {p.country or p.name for p in event.participants}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya hit out at Uganda on Monday over the border closure.",
        "On Monday, China blasted the United States for its arms sales to Taiwan.",
        "India strongly objected on Monday to the remarks by Pakistan's foreign minister.",
    ],
)
def test_criticism_told_by_a_phrasal_or_colloquial_verb_is_criticism(text):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "ACCUSE"]
    assert [e.date for e in events] == ["2024-03-04"]


# --- a relative clause that tells when the event noun took place (issue 12) ------------

OWN_RELATIVE_CLAUSE = [
    (
        "Chile recalled its envoy on Wednesday. In a statement issued after a two-hour meeting with Peru"
        " that ended last night, Chile said it would cooperate on fisheries.",
        "CONSULT",
        "Peru",
        "2024-03-05",
    ),
    (
        "Ghana said today it would reopen its border with Togo. Ghanaian officials said that in talks"
        " with Togo that concluded last Friday, both sides agreed on the date.",
        "CONSULT",
        "Togo",
        "2024-03-01",
    ),
    (
        "Kenya said on Wednesday it would not raise its tariffs. Kenyan officials said the summit with"
        " Uganda, which is scheduled for Thursday, would discuss trade.",
        "CONSULT",
        "Uganda",
        "2024-03-07",
    ),
    (
        "Japan welcomed the offer on Wednesday. The Japanese foreign minister said the talks with Brazil,"
        " which opened on Monday, were useful.",
        "CONSULT",
        "Brazil",
        "2024-03-04",
    ),
]


@pytest.mark.parametrize("text, type_, who, day", OWN_RELATIVE_CLAUSE)
def test_a_relative_clause_of_occurrence_dates_its_event_noun(text, type_, who, day):
    assert _find(_events(text + "\n", dt.date(2024, 3, 6)), type_, who).date == day


def test_a_relative_clause_of_another_act_does_not_date_the_event_noun():
    text = (
        "Japan welcomed the offer on Wednesday. The Japanese foreign minister said the talks with Brazil,"
        " which opened its market on Monday, were useful.\n"
    )
    assert _find(_events(text, dt.date(2024, 3, 6)), "CONSULT", "Brazil").date == "2024-03-06"


# --- an act told in the simple passive is the story's own time (issue 12) --------------

SIMPLE_PASSIVE = [
    ("Talks between Kenya and Uganda were held in Nairobi.", "2024-03-06"),
    ("After an emergency meeting of Arab League envoys, a statement was issued urging calm.", "2024-03-06"),
    ("A meeting between Ghana and Togo is held in Accra to settle the border row.", "2024-03-06"),
    ("Talks between Kenya and Uganda will be held in Nairobi.", None),
    ("Talks between Kenya and Uganda have been held in Nairobi.", None),
]


@pytest.mark.parametrize("text, day", SIMPLE_PASSIVE)
def test_an_act_told_in_the_simple_passive_happened_on_the_reporting_day(text, day):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"]
    assert [e.date for e in events] == [day]


@pytest.mark.parametrize(
    "text, week_or_month",
    [
        (
            "The Chilean president visited Lima last week. During the visit, he met the Peruvian foreign minister.",
            "2024-W09",
        ),
        (
            "The Kenyan president visited Japan last month. During the visit, he met the Japanese prime minister.",
            "2024-02",
        ),
    ],
)
def test_an_act_during_a_visit_dated_by_week_or_month_takes_that_week_or_month(text, week_or_month):
    meeting = next(e for e in _events(text, dt.date(2024, 3, 7)) if e.mode == "meet")
    assert meeting.date == week_or_month


@pytest.mark.parametrize(
    "text",
    [
        "Kurt Weber, the US special envoy for Ukraine negotiations, resigned on Monday.",
        "Anna Berg, Sweden's chief negotiator for the climate talks, said on Monday that China must do more.",
    ],
)
def test_talks_named_in_an_office_title_are_no_event(text):
    assert [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    "text, act_day, anchor_day",
    [
        (
            "Two days after meeting the Chinese president, the Japanese prime minister flew to Seoul on Thursday.",
            "2024-03-07",
            "2024-03-05",
        ),
        (
            "A day after meeting the Chinese president, the Japanese prime minister flew to Seoul on Wednesday.",
            "2024-03-06",
            "2024-03-05",
        ),
    ],
)
def test_a_fronted_event_anchored_phrase_leaves_the_act_its_calendar_day(text, act_day, anchor_day):
    events = _events(text + "\n", dt.date(2024, 3, 8))
    assert (next(e for e in events if e.mode == "visit").date, next(e for e in events if e.mode == "meet").date) == (
        act_day,
        anchor_day,
    )


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The African Union suspended Mali's membership on Monday.", "SANCTION"),
        ("Germany pledged 500 million euros in aid to Ukraine on Monday.", "COOPERATE"),
        ("On Monday, Japan provided emergency assistance to the Philippines.", "COOPERATE"),
    ],
)
def test_suspended_membership_and_pledged_aid_are_acts_between_states(text, type_):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == type_]
    assert [e.date for e in events] == ["2024-03-04"]


# --- arrivals, courtesy calls, and talks named by a participial phrase --------------

ARRIVALS_AND_CALLS = [
    # "landed in": a trip told by its arrival
    ("Indonesian President Suharto landed in Manila on Monday.", "visit", {"Indonesia", "Philippines"}, "2024-03-04"),
    (
        "Kenyan President Daniel arap Moi landed in London yesterday.",
        "visit",
        {"Kenya", "United Kingdom"},
        "2024-03-05",
    ),
    # a courtesy or farewell call on someone is a short meeting, not a telephone call
    (
        "Chinese Premier Li Peng paid a courtesy call on Japanese Prime Minister Noboru Takeshita on Tuesday.",
        "meet",
        {"China", "Japan"},
        "2024-03-05",
    ),
    (
        "The Swiss ambassador paid a farewell call on the Ethiopian leader yesterday.",
        "meet",
        {"Switzerland", "Ethiopia"},
        "2024-03-05",
    ),
    # talks named by a participle: its "between" objects take part
    (
        "Talks held in Vienna on Monday between Austria and Hungary ended without a deal.",
        "negotiate",
        {"Austria", "Hungary"},
        "2024-03-04",
    ),
    (
        "Consultations held in Oslo between Sweden and Finland last Friday were cordial.",
        "negotiate",
        {"Sweden", "Finland"},
        "2024-03-01",
    ),
]


@pytest.mark.parametrize("text, mode, states, day", ARRIVALS_AND_CALLS)
def test_arrivals_courtesy_calls_and_participial_talks(text, mode, states, day):
    found = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT" and e.mode == mode]
    assert found, f"no CONSULT/{mode} in {text!r}"
    [event] = found
    assert states <= {p.country or p.name for p in event.participants}
    assert event.date == day


@pytest.mark.parametrize(
    "text, not_named",
    [
        # a longer place name the gazetteer does not know is not the country its last word names
        ("Spanish Prime Minister Felipe Gonzalez wrapped up a tour of Latin America on Tuesday.", "United States"),
        ("Chinese Premier Li Peng left for Central America on Monday.", "United States"),
        ("Japanese Foreign Minister Taro Aso visited New Mexico yesterday.", "Mexico"),
        # ... nor is an adjective of such a region the country's
        ("Central American presidents met Mexican President Carlos Salinas in Tegucigalpa on Monday.", "United States"),
        (
            "Latin American finance ministers met Spanish Prime Minister Felipe Gonzalez in Madrid yesterday.",
            "United States",
        ),
    ],
)
def test_a_region_is_not_the_country_its_last_word_names(text, not_named):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"]
    assert events
    assert not_named not in {p.name for e in events for p in e.participants}


@pytest.mark.parametrize(
    "text, body",
    [
        # agents of a body named in words of its own name act for the body
        ("A meeting of Arab League foreign ministers opened in Tunis on Sunday.", "Arab League"),
        ("Arab League foreign ministers met Iraqi Foreign Minister Tariq Aziz in Tunis on Sunday.", "Arab League"),
        ("Arab League envoys met Lebanese Prime Minister Salim Hoss in Beirut yesterday.", "Arab League"),
        ("African Union envoys met Sudanese President Omar al-Bashir in Khartoum on Monday.", "African Union"),
    ],
)
def test_agents_of_a_body_named_in_several_words_act_for_it(text, body):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"]
    assert body in {p.name for e in events for p in e.participants}


@pytest.mark.parametrize(
    "text",
    [
        # an act told as done lately is vague, not of the reporting day (issue 12 item 1)
        "Peruvian President Alan Garcia met Chilean envoys recently.",
        "In recent weeks Kenyan officials held talks with Ugandan ministers.",
        "Over the past few days, Chilean envoys held talks with Peruvian officials.",
        "Norway has lately criticised Danish fishing quotas.",
    ],
)
def test_an_act_done_lately_is_not_dated_to_the_reporting_day(text):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.mentions]
    assert events
    assert all(e.date is None for e in events)


@pytest.mark.parametrize(
    "text, days",
    [
        # an act dated days before or after another is another occasion, never merged into it
        (
            "Peru and Chile held talks on Sunday. The next day, Peruvian President Alan Garcia met Chilean envoys.",
            ["2024-03-03", "2024-03-04"],
        ),
        (
            "Kenya and Uganda held talks on Friday. Two days later, Kenyan President Daniel arap Moi met Ugandan envoys.",
            ["2024-03-01", "2024-03-03"],
        ),
        (
            "Norway and Sweden held talks on Monday. A day later, Norwegian Prime Minister Kari Lund met Swedish officials.",
            ["2024-03-04", "2024-03-05"],
        ),
    ],
)
def test_an_act_dated_from_another_is_another_occasion(text, days):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT"]
    assert sorted(e.date for e in events) == days


@pytest.mark.parametrize(
    "text, day",
    [
        # an anchor that repeats the word of an act told before is that act
        (
            "Japanese envoy Taro Kono arrived in Hanoi on Monday. He met Vietnamese Prime Minister Vo Van Kiet "
            "two days after arriving.",
            "2024-03-06",
        ),
        (
            "Chilean Foreign Minister Jaime del Valle landed in Lima on Friday. He met Peruvian President Alan Garcia "
            "a day after landing.",
            "2024-03-02",
        ),
        (
            "Norwegian Prime Minister Kari Lund flew to Stockholm on Saturday. She met Swedish officials "
            "two days after flying in.",
            "2024-03-04",
        ),
    ],
)
def test_an_anchor_repeating_an_earlier_acts_word_is_that_act(text, day):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT" and e.mode == "meet"]
    assert [e.date for e in events] == [day]


@pytest.mark.parametrize(
    "text, kept",
    [
        # an act between people of one state that names nothing abroad is home politics
        ("US President Donald Trump met House Speaker Nancy Pelosi on Monday.", False),
        ("Japanese Prime Minister Yasuhiro Nakasone met Foreign Minister Tadashi Kuranari on Monday.", False),
        ("Zimbabwean President Robert Mugabe met Zimbabwean opposition leader Morgan Tsvangirai on Tuesday.", False),
        # ... unless the sentence names a state abroad: a meeting about a foreign dispute
        ("US President Donald Trump met House Speaker Nancy Pelosi on Monday to discuss sanctions on Iran.", True),
    ],
)
def test_an_act_among_one_states_people_is_home_politics(text, kept):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.type == "CONSULT" and e.in_timeline]
    assert bool(events) is kept


@pytest.mark.parametrize(
    "text, act",
    [
        # a saying whose object is an act of its own is that act, with no statement besides it
        ("On Monday, Canada announced new sanctions on Iran.", "SANCTION"),
        ("The Norwegian ministry unveiled restrictions on flights to Belarus on Tuesday.", "SANCTION"),
        ("Chile announced a visit by Peruvian President Alan Garcia on Monday.", "CONSULT"),
    ],
)
def test_an_announced_act_is_the_act_not_a_statement(text, act):
    events = [e for e in _events(text + "\n", dt.date(2024, 3, 6)) if e.in_timeline]
    assert [e.type for e in events] == [act]
