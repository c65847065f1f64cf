"""A behavioural test suite in the CheckList manner (Ribeiro et al., 2020): short
news texts generated from templates × real leaders × places × publication dates
× kinds of date expression, each with the events it must yield and the date
every event must get, computed with `datetime` from the date rule, never by the
system under test.

A *capability* is one linguistic pattern (a past weekday, a light-verb noun, an
anchor in the previous sentence, a title instead of a name…). Each has several
templates written in different words, so a rule that fits one wording does not
pass the capability. Negative capabilities (negation, hypotheticals) expect no
timeline event.

    cases = generate()            # deterministic: the same list every time
    outcome = check(case, events) # events: EventRecords of extract_document

`tests/test_checklist.py` runs it; `benchmarks/checklist.py` prints pass rates
per capability and the invariance of each template (the share of templates
whose fillings all get the same answer).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# --- the people, places and days the templates are filled with -----------------

# Heads of state or government in office throughout PUBLICATION_SPAN (the
# gazetteer's roles say so); pronoun, the title a story would use, country,
# capital.
LEADERS = [
    ("Emmanuel Macron", "he", "the French president", "France", "Paris"),
    ("Olaf Scholz", "he", "the German chancellor", "Germany", "Berlin"),
    ("Joe Biden", "he", "the U.S. president", "United States", "Washington"),
    ("Xi Jinping", "he", "the Chinese president", "China", "Beijing"),
    ("Narendra Modi", "he", "the Indian prime minister", "India", "New Delhi"),
    ("Fumio Kishida", "he", "the Japanese prime minister", "Japan", "Tokyo"),
    ("Rishi Sunak", "he", "the British prime minister", "United Kingdom", "London"),
    ("Giorgia Meloni", "she", "the Italian prime minister", "Italy", "Rome"),
    ("Justin Trudeau", "he", "the Canadian prime minister", "Canada", "Ottawa"),
    ("Anthony Albanese", "he", "the Australian prime minister", "Australia", "Canberra"),
    ("Cyril Ramaphosa", "he", "the South African president", "South Africa", "Pretoria"),
    ("Yoon Suk Yeol", "he", "the South Korean president", "South Korea", "Seoul"),
    ("Pedro Sanchez", "he", "the Spanish prime minister", "Spain", "Madrid"),
    ("Andrzej Duda", "he", "the Polish president", "Poland", "Warsaw"),
    ("Volodymyr Zelensky", "he", "the Ukrainian president", "Ukraine", "Kyiv"),
    ("Luiz Inacio Lula da Silva", "he", "the Brazilian president", "Brazil", "Brasilia"),
]
# Cities where two foreign leaders might meet.
THIRD_PLACES = ["Geneva", "Vienna", "Singapore", "Jakarta", "Nairobi", "Doha", "Oslo", "Hanoi", "Istanbul", "Helsinki"]
# Officials the gazetteer does not know: invented names with a title that names
# their country, as wire stories introduce them.
UNKNOWN_OFFICIALS = [
    ("Kenyan", "Kenya", "Foreign Minister", "Amara Wanjiku"),
    ("Peruvian", "Peru", "Trade Minister", "Lucia Quispe"),
    ("Malaysian", "Malaysia", "Defence Minister", "Hafiz Rahman"),
    ("Norwegian", "Norway", "Foreign Minister", "Ingrid Solberg"),
    ("Chilean", "Chile", "Finance Minister", "Tomas Errazuriz"),
    ("Ghanaian", "Ghana", "Foreign Minister", "Kwame Asante"),
    ("Vietnamese", "Vietnam", "Deputy Prime Minister", "Tran Van Minh"),
    ("Colombian", "Colombia", "Energy Minister", "Camila Restrepo"),
]
PUBLICATION_SPAN = (dt.date(2023, 1, 9), dt.date(2024, 6, 28))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four"}
FILLS_PER_TEMPLATE = 8
SEED = 20261202


# --- what a case expects ---------------------------------------------------------

# Families of the system's PLOVER types and modes, as a reader would group them.
FAMILIES = {
    "meet": {("CONSULT", m) for m in ("meet", "negotiate", "third-party", "multilateral", "mediate", "host")},
    "visit": {("CONSULT", "visit"), ("CONSULT", "host")},
    "phone": {("CONSULT", "phone")},
    "agree": {("AGREE", "agree"), ("SUPPORT", "sign"), ("AGREE", "settle")},
    "accuse": {("ACCUSE", m) for m in ("disapprove", "allege", "protest")},
    "sanction": {("SANCTION", m) for m in ("restrict", "withdraw", "expel")},
    "statement": {("STATEMENT", m) for m in ("say", "announce")},
    "threaten": {("THREATEN", "threaten")},
}


@dataclass(frozen=True)
class Expected:
    """An event the text reports: its family, actors that must take part (names
    as the gazetteer spells them, or the invented name), and its TimeML date."""

    family: str
    actors: tuple[str, ...]
    date: str


@dataclass(frozen=True)
class Case:
    capability: str
    template: str  # the template's id: "<capability>/<n>"
    text: str
    published: dt.date
    expected: tuple[Expected, ...]
    # Negative cases: a family and actors that must NOT appear as a timeline event.
    forbidden: tuple[Expected, ...] = ()


@dataclass
class Outcome:
    case: Case
    found: list[bool] = field(default_factory=list)  # per expected event: found with the right date
    wrong_date: list[str | None] = field(default_factory=list)  # the date given instead, if matched
    forbidden_found: bool = False

    @property
    def passed(self) -> bool:
        return all(self.found) and not self.forbidden_found


# --- date rules (datetime only) ---------------------------------------------------


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def past_weekday(pub: dt.date, wd: int) -> dt.date:
    """The most recent such weekday on or before the publication day."""
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


def next_weekday(pub: dt.date, wd: int) -> dt.date:
    """The first such weekday after the publication day."""
    return pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)


def previous_month(pub: dt.date) -> dt.date:
    return (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


# --- templates ----------------------------------------------------------------------


@dataclass
class Fill:
    """One choice of people, places and days for a template."""

    a: tuple
    b: tuple
    c: tuple
    official: tuple
    place: str
    place2: str
    pub: dt.date
    wd: int  # the weekday the text names
    n: int  # an offset in days (2-4)

    @property
    def WD(self) -> str:
        return WEEKDAYS[self.wd]


Builder = Callable[[Fill], tuple[str, tuple[Expected, ...], tuple[Expected, ...]]]


def _name(p: tuple) -> str:
    return p[0]


def _surname(p: tuple) -> str:
    return "Lula" if p[0].startswith("Luiz") else ("Yoon" if p[0].startswith("Yoon") else p[0].split()[-1])


def _pron(p: tuple) -> str:
    return p[1].capitalize()


def _obj(p: tuple) -> str:
    return "her" if p[1] == "she" else "him"


def _title(p: tuple) -> str:
    return p[2]


def _title_before(p: tuple) -> str:
    """The title as it stands before a name: "French President"."""
    return " ".join(w if w.isupper() or "." in w else w.capitalize() for w in p[2].removeprefix("the ").split())


def _country(p: tuple) -> str:
    return p[3]


def _capital(p: tuple) -> str:
    return p[4]


def _e(family: str, actors, date: str) -> Expected:
    return Expected(family, tuple(actors), date)


def _weekday_past(f: Fill) -> str:
    return day(past_weekday(f.pub, f.wd))


# Each capability: (name, weekday rule for its fills, [template builders]).
# "any": any weekday; "other": not the publication weekday; "same": the
# publication weekday; "room": 4-6 days before publication.
CAPABILITIES: list[tuple[str, str, list[Builder]]] = [
    (
        "past weekday",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} and {_name(f.b)} met on {f.WD} in {f.place} to discuss trade and security.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"On {f.WD}, {_name(f.a)} visited {_capital(f.b)}, where {_name(f.b)} received {_obj(f.a)} at the presidential palace.",
                (_e("visit", [_name(f.a)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} accused {_country(f.b)} on {f.WD} of violating the ceasefire along the border.",
                (_e("accuse", [_name(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        "past weekday, publication day",
        "same",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(f.pub)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} spoke by phone with {_name(f.b)} on {f.WD}, the two governments said.",
                (_e("phone", [_name(f.a), _name(f.b)], day(f.pub)),),
                (),
            ),
            lambda f: (
                f"{_country(f.a)} imposed sanctions on {_country(f.b)} on {f.WD} over its missile tests.",
                (_e("sanction", [_country(f.a), _country(f.b)], day(f.pub)),),
                (),
            ),
        ],
    ),
    (
        "future weekday",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} will meet {_name(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(next_weekday(f.pub, f.wd))),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} is due to visit {_capital(f.b)} on {f.WD} for talks with {_name(f.b)}.",
                (_e("visit", [_name(f.a)], day(next_weekday(f.pub, f.wd))),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} and {_name(f.b)} are scheduled to hold talks in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(next_weekday(f.pub, f.wd))),),
                (),
            ),
        ],
    ),
    (
        "future weekday, later the same day",
        "same",
        [
            lambda f: (
                f"{_name(f.a)} will meet {_name(f.b)} in {f.place} later on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(f.pub)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} arrived in {_capital(f.b)} on {f.WD} morning and is due to meet {_name(f.b)} later in the day.",
                (_e("meet", [_name(f.a), _name(f.b)], day(f.pub)),),
                (),
            ),
        ],
    ),
    (
        "yesterday",
        "any",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} yesterday.",
                (_e("meet", [_name(f.a), _name(f.b)], day(f.pub - dt.timedelta(days=1))),),
                (),
            ),
            lambda f: (
                f"Yesterday {_name(f.a)} telephoned {_name(f.b)} to discuss the crisis.",
                (_e("phone", [_name(f.a), _name(f.b)], day(f.pub - dt.timedelta(days=1))),),
                (),
            ),
        ],
    ),
    (
        "last week / next week",
        "any",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} last week.",
                (_e("meet", [_name(f.a), _name(f.b)], week(f.pub - dt.timedelta(days=7))),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} will travel to {_capital(f.b)} next week for talks with {_name(f.b)}.",
                (_e("visit", [_name(f.a)], week(f.pub + dt.timedelta(days=7))),),
                (),
            ),
        ],
    ),
    (
        "last month",
        "any",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} last month.",
                (_e("meet", [_name(f.a), _name(f.b)], month(previous_month(f.pub))),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} visited {_capital(f.b)} last month and met {_name(f.b)}.",
                (_e("visit", [_name(f.a)], month(previous_month(f.pub))),),
                (),
            ),
        ],
    ),
    (
        "explicit date",
        "any",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} on {MONTHS[_back(f).month - 1]} {_back(f).day}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(_back(f))),),
                (),
            ),
            lambda f: (
                f"On {_back(f).day} {MONTHS[_back(f).month - 1]} {_back(f).year}, {_name(f.a)} and {_name(f.b)} signed a trade agreement in {f.place}.",
                (_e("agree", [_name(f.a), _name(f.b)], day(_back(f))),),
                (),
            ),
        ],
    ),
    (
        "anchored on an event, same sentence",
        "room",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} on {f.WD}, {NUMBER_WORDS[f.n].lower()} days after speaking with {_name(f.c)} by phone.",
                (
                    _e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),
                    _e("phone", [_name(f.a), _name(f.c)], day(past_weekday(f.pub, f.wd) - dt.timedelta(days=f.n))),
                ),
                (),
            ),
            lambda f: (
                f"The day after {_name(f.a)} met {_name(f.b)} in {f.place} on {f.WD}, {_surname(f.a)} held talks with {_name(f.c)}.",
                (
                    _e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),
                    _e("meet", [_name(f.a), _name(f.c)], day(past_weekday(f.pub, f.wd) + dt.timedelta(days=1))),
                ),
                (),
            ),
        ],
    ),
    (
        "anchored on an event, previous sentence",
        "room",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place} on {f.WD}. {NUMBER_WORDS[f.n]} days later, {_surname(f.a)} flew to {f.place2} to meet {_name(f.c)}.",
                (
                    _e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),
                    _e("meet", [_name(f.a), _name(f.c)], day(past_weekday(f.pub, f.wd) + dt.timedelta(days=f.n))),
                ),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} arrived in {f.place} on {f.WD}. The next day {_pron(f.a).lower()} held talks with {_name(f.b)}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(past_weekday(f.pub, f.wd) + dt.timedelta(days=1))),),
                (),
            ),
        ],
    ),
    (
        "light-verb noun",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} held talks with {_name(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} had a meeting with {_name(f.b)} on {f.WD} on the sidelines of a conference in {f.place}.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} paid a visit to {_capital(f.b)} on {f.WD}.",
                (_e("visit", [_name(f.a)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} made a phone call to {_name(f.b)} on {f.WD}.",
                (_e("phone", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        "titles only",
        "other",
        [
            lambda f: (
                f"{_title(f.a).capitalize()} met {_title(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"On {f.WD}, {_title(f.a)} spoke by telephone with {_title(f.b)}.",
                (_e("phone", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        "pronoun and surname after the first mention",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} arrived in {f.place} on {f.WD} for a two-day summit. {_pron(f.a)} met {_name(f.b)} there on the same day.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} is on a tour of Asia. On {f.WD}, {_surname(f.a)} met {_name(f.b)} in {f.place}.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        "coordinated and subordinate events share the date",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} and {_name(f.b)} met in {f.place} on {f.WD} and signed an agreement on energy cooperation.",
                (
                    _e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),
                    _e("agree", [_name(f.a), _name(f.b)], _weekday_past(f)),
                ),
                (),
            ),
            lambda f: (
                f"After meeting {_name(f.b)} in {f.place} on {f.WD}, {_name(f.a)} flew to {f.place2}.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        "unknown official with a title",
        "other",
        [
            lambda f: (
                f"{f.official[0]} {f.official[2]} {f.official[3]} met {_name(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [f.official[3], _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.b)} held talks on {f.WD} with {f.official[3]}, the {f.official[2].lower()} of {f.official[1]}.",
                (_e("meet", [f.official[3], _name(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        "negated or hypothetical: no event",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} did not meet {_name(f.b)} in {f.place} on {f.WD}.",
                (),
                (_e("meet", [_name(f.a), _name(f.b)], ""),),
            ),
            lambda f: (
                f"{_name(f.a)} could meet {_name(f.b)} in {f.place} next month if the ceasefire holds, officials said.",
                (),
                (_e("meet", [_name(f.a), _name(f.b)], ""),),
            ),
            lambda f: (
                f"{_name(f.a)} refused to meet {_name(f.b)} during the summit in {f.place} on {f.WD}.",
                (),
                (_e("meet", [_name(f.a), _name(f.b)], ""),),
            ),
        ],
    ),
    (
        # A story told after the fact (its lead names a past day) tells its
        # undated acts, sayings included, on the day it has reached, not on the
        # publication day.
        "story told after the fact",
        "room",
        [
            lambda f: (
                f"On {f.WD}, {_name(f.a)} met {_name(f.b)} in {f.place}.\n\n"
                f"{_name(f.c)} said {_country(f.c)} would support the agreement with {_country(f.a)}.",
                (
                    _e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),
                    _e("statement", [_name(f.c)], _weekday_past(f)),
                ),
                (),
            ),
            lambda f: (
                f"Late on {f.WD}, {_country(f.a)} imposed sanctions on {_country(f.b)} over its missile tests.\n\n"
                f"{_country(f.b)}'s foreign ministry condemned the move. "
                f"{_capital(f.b)} warned {_country(f.a)} that it would retaliate.",
                (
                    _e("sanction", [_country(f.a), _country(f.b)], _weekday_past(f)),
                    _e("accuse", [_country(f.b)], _weekday_past(f)),
                    _e("threaten", [_country(f.b), _country(f.a)], _weekday_past(f)),
                ),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} and {_name(f.b)} signed an energy agreement in {f.place} on {f.WD}. "
                f"{_pron(f.b)} told reporters the deal would double gas supplies.\n\n"
                f"{_name(f.b)} later spoke by phone with {_name(f.c)}.",
                (
                    _e("agree", [_name(f.a), _name(f.b)], _weekday_past(f)),
                    _e("phone", [_name(f.b), _name(f.c)], _weekday_past(f)),
                ),
                (),
            ),
        ],
    ),
    (
        # A story of the day (no past day in its lead) keeps the news
        # convention: an undated act happened on the publication day.
        "story of the day",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} met {_name(f.b)} in {f.place}.\n\n"
                f"{_name(f.c)} said {_country(f.c)} would support the agreement with {_country(f.a)}.",
                (
                    _e("meet", [_name(f.a), _name(f.b)], day(f.pub)),
                    _e("statement", [_name(f.c)], day(f.pub)),
                ),
                (),
            ),
            lambda f: (
                f"{_country(f.a)} imposed sanctions on {_country(f.b)} today over its missile tests.\n\n"
                f"{_country(f.b)}'s foreign ministry condemned the move. "
                f"{_capital(f.b)} warned {_country(f.a)} that it would retaliate.",
                (
                    _e("sanction", [_country(f.a), _country(f.b)], day(f.pub)),
                    _e("accuse", [_country(f.b)], day(f.pub)),
                    _e("threaten", [_country(f.b), _country(f.a)], day(f.pub)),
                ),
                (),
            ),
        ],
    ),
    (
        # A saying is diplomatic when it speaks of another state or a body of
        # states; a leader on home affairs makes no event.
        "statements at home and abroad",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} said {_country(f.a)}'s economy would grow faster next year.",
                (),
                (_e("statement", [_name(f.a)], ""),),
            ),
            lambda f: (
                f"{_name(f.a)} told parliament on {f.WD} that taxes would not rise before the election.",
                (),
                (_e("statement", [_name(f.a)], ""),),
            ),
            lambda f: (
                f"{_name(f.a)} said on {f.WD} that {_country(f.a)} would back {_country(f.b)}'s bid to host the summit.",
                (_e("statement", [_name(f.a)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} and {_name(f.b)} said in a joint statement that their countries would deepen cooperation on energy.",
                (_e("statement", [_name(f.a), _name(f.b)], day(f.pub)),),
                (),
            ),
        ],
    ),
    (
        # Measures on what passes between states, and bodies of a state the
        # gazetteer does not list, acting for their state.
        "trade measures and bodies of states",
        "other",
        [
            lambda f: (
                f"{_country(f.a)} halted trade with {_country(f.b)} on {f.WD}.",
                (_e("sanction", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"On {f.WD}, {_country(f.a)} suspended all flights to {_country(f.b)} over the dispute.",
                (_e("sanction", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"The {_country(f.a)} Department of Commerce imposed new restrictions on imports from "
                f"{_country(f.b)} on {f.WD}.",
                (_e("sanction", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"The Foreign Ministry of {_country(f.a)} accused {_country(f.b)} on {f.WD} of spying on its embassy.",
                (_e("accuse", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        # Parses that fold or misplace what a sentence gives: two titled names
        # coordinated into one phrase, a speaking clause hung on the quotation,
        # and two states speaking together.
        "folded coordination, speaking clauses and joint statements",
        "other",
        [
            lambda f: (
                f"{_title_before(f.a)} {_name(f.a)} and {_title_before(f.b)} {_name(f.b)} spoke on the phone on {f.WD}.",
                (_e("phone", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f'{_name(f.a)} said, "{_country(f.b)} must stand by us", while addressing reporters on {f.WD}.',
                (_e("statement", [_name(f.a)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_country(f.a)} and {_country(f.b)} issued a joint statement on {f.WD} calling for a ceasefire.",
                (_e("statement", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        # The words of modern readouts and feeds: a conversation "with" a named
        # leader, a tweet, an ambassador summoned, a video call.
        "readout and social-media language",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} spoke with {_name(f.b)} on {f.WD} about the war and energy prices.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} tweeted on {f.WD} that {_country(f.a)} would stand with {_country(f.b)}.",
                (_e("statement", [_name(f.a)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_country(f.a)}'s foreign ministry summoned the ambassador of {_country(f.b)} on {f.WD}.",
                (_e("accuse", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} held a video call with {_name(f.b)} on {f.WD}.",
                (_e("phone", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
    (
        # "called" a leader is a phone call, "called" someone praise is praise,
        # a schedule told in the past tense points ahead, and a common noun is
        # nobody's surname.
        "calls, praise and schedules told in the past",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} called {_name(f.b)} on {f.WD} to discuss the crisis.",
                (_e("meet", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f'{_name(f.a)} praised {_name(f.b)} on {f.WD}, calling {_obj(f.b)} "a true friend of {_country(f.a)}".',
                (),
                (_e("accuse", [_name(f.a), _name(f.b)], ""),),
            ),
            lambda f: (
                f"{_name(f.a)} was due to meet {_name(f.b)} in {f.place} on {f.WD}.",
                (_e("meet", [_name(f.a), _name(f.b)], day(next_weekday(f.pub, f.wd))),),
                (),
            ),
        ],
    ),
    (
        # More verbs of modern diplomatic reporting: a host's welcome,
        # recognition, ties cut, criticism "lashed out at".
        "welcome, recognition, ties cut and criticism",
        "other",
        [
            lambda f: (
                f"{_name(f.a)} welcomed {_name(f.b)} to {f.place} on {f.WD}.",
                (_e("visit", [_name(f.a), _name(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_country(f.a)} cut diplomatic ties with {_country(f.b)} on {f.WD}.",
                (_e("sanction", [_country(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
            lambda f: (
                f"{_name(f.a)} lashed out at {_country(f.b)} on {f.WD} over the border dispute.",
                (_e("accuse", [_name(f.a), _country(f.b)], _weekday_past(f)),),
                (),
            ),
        ],
    ),
]


def _back(f: Fill) -> dt.date:
    """A day 3-40 days before publication, for explicit dates."""
    return f.pub - dt.timedelta(days=3 + (f.n * 11 + f.wd) % 38)


# --- generation -------------------------------------------------------------------


def _pub_for(rng: random.Random, rule: str, wd: int) -> dt.date:
    start, end = PUBLICATION_SPAN
    while True:
        d = start + dt.timedelta(days=rng.randrange((end - start).days))
        if rule == "same" and d.weekday() != wd:
            continue
        if rule == "other" and d.weekday() == wd:
            continue
        if rule == "room" and (d.weekday() - wd) % 7 < 4:
            continue  # the day named is 4-6 days back: "n days later" is still past
        return d


def _fills(rng: random.Random, rule: str) -> Iterator[Fill]:
    while True:
        a, b, c = rng.sample(LEADERS, 3)
        wd = rng.randrange(7)
        place, place2 = rng.sample(THIRD_PLACES, 2)
        yield Fill(
            a, b, c, rng.choice(UNKNOWN_OFFICIALS), place, place2, _pub_for(rng, rule, wd), wd, rng.randint(2, 4)
        )


def generate(fills_per_template: int = FILLS_PER_TEMPLATE) -> list[Case]:
    """Every case of every capability, the same list on every call."""
    rng = random.Random(SEED)
    cases = []
    for capability, rule, builders in CAPABILITIES:
        for t, build in enumerate(builders, 1):
            fills = _fills(rng, rule)
            for _ in range(fills_per_template):
                fill = next(fills)
                text, expected, forbidden = build(fill)
                cases.append(Case(capability, f"{capability}/{t}", text, fill.pub, expected, forbidden))
    return cases


# --- checking ---------------------------------------------------------------------


def _family_of(event) -> set[str]:
    key = (event.type, event.mode)
    return {name for name, members in FAMILIES.items() if key in members}


def _matches(event, want: Expected) -> bool:
    names = {p.name for p in event.participants}
    return want.family in _family_of(event) and all(a in names for a in want.actors)


def check(case: Case, events) -> Outcome:
    """Compare extracted events (EventRecords) with what the case expects."""
    timeline = [e for e in events if e.in_timeline]
    outcome = Outcome(case)
    for want in case.expected:
        candidates = [e for e in timeline if _matches(e, want)]
        outcome.found.append(any(e.date == want.date for e in candidates))
        outcome.wrong_date.append(None if outcome.found[-1] or not candidates else (candidates[0].date or "undated"))
    outcome.forbidden_found = any(_matches(e, bad) for bad in case.forbidden for e in timeline)
    return outcome


def pass_rates(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """Per capability: (cases passed, cases)."""
    rates: dict[str, list[int]] = {}
    for o in outcomes:
        r = rates.setdefault(o.case.capability, [0, 0])
        r[0] += o.passed
        r[1] += 1
    return {k: (v[0], v[1]) for k, v in rates.items()}


def invariance(outcomes: list[Outcome]) -> tuple[int, int]:
    """(templates whose fillings all got the same answer, templates): swapping
    names, places or dates must not change the structure of the answer."""
    by_template: dict[str, set[tuple]] = {}
    for o in outcomes:
        by_template.setdefault(o.case.template, set()).add((tuple(o.found), o.forbidden_found))
    return sum(len(v) == 1 for v in by_template.values()), len(by_template)
