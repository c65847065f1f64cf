"""The gazetteer resolves names, aliases, surnames, seats of government,
demonyms and titles to canonical actors at a date."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors import ActorRef, load_gazetteer

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


LOOKUPS = [
    # surface text, date, canonical name, via
    # --- the seed article (POLITICO, 2023-09-15)
    ("Russian President", "2023-09-15", "Vladimir Putin", "title"),
    ("the Belarusian leader", "2023-09-15", "Alexander Lukashenko", "title"),
    ("North Korean dictator", "2023-09-15", "Kim Jong Un", "title"),
    ("European Parliament", "2023-09-15", "European Parliament", "name"),
    ("Putin", "2023-09-15", "Vladimir Putin", "surname"),
    ("Lukashenko", "2023-09-15", "Alexander Lukashenko", "surname"),
    ("Kim", "2023-09-15", "Kim Jong Un", "surname"),
    ("Kim Jong-un", "2023-09-15", "Kim Jong Un", "name"),
    ("Putin's", "2023-09-15", "Vladimir Putin", "surname"),
    ("Putin’s", "2023-09-15", "Vladimir Putin", "surname"),
    ("Vladimir Vladimirovich Putin", None, "Vladimir Putin", "alias"),
    ("Sochi", "2023-09-15", None, None),
    # --- roles bounded in time
    ("Russian President", "2010-01-01", "Dmitry Medvedev", "title"),
    ("President of Russia", "2005-06-01", "Vladimir Putin", "title"),
    ("President of Russia", "2012-05-07", "Vladimir Putin", "title"),
    ("President of Russia", "2012-05-06", "Dmitry Medvedev", "title"),
    ("Russian Prime Minister", "2010-01-01", "Vladimir Putin", "title"),
    ("the Soviet leader", "1987-04-01", "Mikhail Gorbachev", "title"),
    ("Soviet leader", "1983-06-01", "Yuri Andropov", "title"),
    ("U.S. Treasury Secretary", "1987-04-01", "James Baker", "title"),
    ("U.S. Trade Representative", "1987-04-01", "Clayton Yeutter", "title"),
    ("Secretary of State", "1987-04-01", "George Shultz", "title"),
    ("Secretary of State", "2023-06-01", "Antony Blinken", "title"),
    ("Secretary of State", "2025-06-01", "Marco Rubio", "title"),
    ("President of the United States", "2023-06-01", "Joe Biden", "title"),
    ("President of the United States", "2025-06-01", "Donald Trump", "title"),
    ("U.S. President", "1987-04-01", "Ronald Reagan", "title"),
    ("British Prime Minister", "1987-04-01", "Margaret Thatcher", "title"),
    ("British Prime Minister", "2023-06-01", "Rishi Sunak", "title"),
    ("Chancellor of the Exchequer", "1987-04-01", "Nigel Lawson", "title"),
    ("British Foreign Secretary", "1987-04-01", "Geoffrey Howe", "title"),
    ("Japanese Foreign Minister", "1987-04-01", "Tadashi Kuranari", "title"),
    ("Japanese Prime Minister", "1987-04-01", "Yasuhiro Nakasone", "title"),
    ("Japanese Prime Minister", "2023-06-01", "Fumio Kishida", "title"),
    ("West German Finance Minister", "1987-10-20", "Gerhard Stoltenberg", "title"),
    ("West German Chancellor", "1987-04-01", "Helmut Kohl", "title"),
    ("German Chancellor", "1987-04-01", "Helmut Kohl", "title"),
    ("German Chancellor", "2023-06-01", "Olaf Scholz", "title"),
    ("German Chancellor", "2025-06-01", "Friedrich Merz", "title"),
    ("Bundesbank President", "1987-10-20", "Karl Otto Poehl", "title"),
    ("French Prime Minister", "1987-04-01", "Jacques Chirac", "title"),
    ("French President", "1987-04-01", "Francois Mitterrand", "title"),
    ("Chinese leader", "1987-04-01", "Deng Xiaoping", "title"),
    ("Chinese leader", "2023-06-01", "Xi Jinping", "title"),
    ("Chinese Foreign Minister", "2023-09-15", "Wang Yi", "title"),
    ("Turkish Prime Minister", "1987-04-01", "Turgut Ozal", "title"),
    ("Greek Prime Minister", "1987-03-30", "Andreas Papandreou", "title"),
    ("the Kremlin chief", "2023-09-15", "Vladimir Putin", "title"),
    ("UN Secretary-General", "2023-09-15", "Antonio Guterres", "title"),
    ("NATO Secretary General", "2023-09-15", "Jens Stoltenberg", "title"),
    ("NATO Secretary General", "2025-01-15", "Mark Rutte", "title"),
    ("European Commission President", "2023-09-15", "Ursula von der Leyen", "title"),
    ("EU foreign policy chief", "2023-09-15", "Josep Borrell", "title"),
    ("EU foreign policy chief", "2025-03-01", "Kaja Kallas", "title"),
    ("Ukrainian President", "2023-09-15", "Volodymyr Zelensky", "title"),
    ("Russian Foreign Minister", "2023-09-15", "Sergei Lavrov", "title"),
    ("Indian Prime Minister", "2023-09-15", "Narendra Modi", "title"),
    ("Turkish President", "2023-09-15", "Recep Tayyip Erdogan", "title"),
    ("the Pope", "1987-06-01", "Pope John Paul II", "title"),
    ("Polish leader", "1987-06-01", "Wojciech Jaruzelski", "title"),
    ("House Speaker", "1987-06-01", "Jim Wright", "title"),
    ("Taoiseach", "1987-06-01", "Charles Haughey", "title"),
    ("Indonesian Energy Minister", "1987-06-01", "Subroto", "title"),
    # --- surnames decided by the date
    ("Baker", "1987-10-20", "James Baker", "surname"),
    ("Stoltenberg", "1987-10-20", "Gerhard Stoltenberg", "surname"),
    ("Stoltenberg", "2020-03-01", "Jens Stoltenberg", "surname"),
    ("Bush", "1987-05-01", "George H. W. Bush", "surname"),
    ("Bush", "2003-05-01", "George W. Bush", "surname"),
    ("Reagan", None, "Ronald Reagan", "surname"),
    ("Gandhi", "1987-05-01", "Rajiv Gandhi", "surname"),
    ("Weizsaecker", "1987-05-01", "Richard von Weizsaecker", "surname"),
    ("Weizsäcker", "1987-05-01", "Richard von Weizsaecker", "surname"),
    ("de la Madrid", "1987-05-01", "Miguel de la Madrid", "surname"),
    ("Xi", None, "Xi Jinping", "surname"),
    ("Shevardnadze", "1987-05-01", "Eduard Shevardnadze", "surname"),
    # --- a title or courtesy word before a name
    ("Russian President Vladimir Putin", "2023-09-15", "Vladimir Putin", "name"),
    ("President Reagan", "1987-04-01", "Ronald Reagan", "surname"),
    ("Prime Minister Yasuhiro Nakasone", "1987-04-01", "Yasuhiro Nakasone", "name"),
    ("Mr Gorbachev", "1987-04-01", "Mikhail Gorbachev", "surname"),
    ("King Hassan", "1987-04-01", "Hassan II", "alias"),
    ("Sheikh Zayed", "1987-04-01", "Zayed bin Sultan Al Nahyan", "alias"),
    ("Prime Minister May", "2017-06-01", "Theresa May", "surname"),
    ("Mrs May", "2017-06-01", "Theresa May", "surname"),
    # --- countries, with the names the wire uses
    ("U.S.", None, "United States", "alias"),
    ("US", None, "United States", "alias"),
    ("USA", None, "United States", "alias"),
    ("America", None, "United States", "alias"),
    ("the United States", None, "United States", "name"),
    ("Britain", None, "United Kingdom", "alias"),
    ("UK", None, "United Kingdom", "alias"),
    ("Soviet Union", None, "Soviet Union", "name"),
    ("USSR", None, "Soviet Union", "alias"),
    ("West Germany", None, "West Germany", "name"),
    ("Germany", "1987-04-01", "West Germany", "alias"),
    ("Germany", "2023-04-01", "Germany", "name"),
    ("Russia", "1987-04-01", "Soviet Union", "alias"),
    ("Russia", "2023-04-01", "Russia", "name"),
    ("North Korea", None, "North Korea", "name"),
    ("DPRK", None, "North Korea", "alias"),
    ("South Korea", None, "South Korea", "name"),
    ("Belarus", None, "Belarus", "name"),
    ("Turkey", None, "Turkey", "name"),
    ("Vatican", None, "Holy See", "alias"),
    ("UAE", None, "United Arab Emirates", "alias"),
    # --- demonyms
    ("Belarusian", None, "Belarus", "demonym"),
    ("Soviet", "1987-04-01", "Soviet Union", "demonym"),
    ("the Soviets", "1987-04-01", "Soviet Union", "demonym"),
    ("Americans", None, "United States", "demonym"),
    # --- seats of government and capitals as metonyms
    ("Moscow", "2023-09-15", "Russia", "capital"),
    ("Moscow", "1987-04-01", "Soviet Union", "capital"),
    ("Kremlin", "2023-09-15", "Russia", "capital"),
    ("the Kremlin", "1987-04-01", "Soviet Union", "capital"),
    ("Washington", None, "United States", "capital"),
    ("White House", None, "United States", "capital"),
    ("Tokyo", None, "Japan", "capital"),
    ("Bonn", "1987-04-01", "West Germany", "capital"),
    ("Downing Street", None, "United Kingdom", "capital"),
    ("Elysee", None, "France", "capital"),
    ("Quai d'Orsay", None, "France", "capital"),
    ("Foggy Bottom", None, "United States", "capital"),
    ("Whitehall", None, "United Kingdom", "capital"),
    ("Zhongnanhai", None, "China", "capital"),
    ("Beijing", None, "China", "capital"),
    # --- organisations, legislatures, groups
    ("EU", None, "European Union", "alias"),
    ("European Commission", None, "European Commission", "name"),
    ("European Community", None, "European Community", "name"),
    ("EC", None, "European Community", "alias"),
    ("EEC", None, "European Community", "alias"),
    ("UN", None, "United Nations", "alias"),
    ("U.N. Security Council", None, "United Nations Security Council", "alias"),
    ("NATO", None, "NATO", "name"),
    ("OPEC", None, "OPEC", "name"),
    ("ASEAN", None, "Association of Southeast Asian Nations", "alias"),
    ("African Union", None, "African Union", "name"),
    ("G7", None, "Group of Seven", "alias"),
    ("Group of Seven", None, "Group of Seven", "name"),
    ("G20", None, "Group of 20", "alias"),
    ("GATT", None, "General Agreement on Tariffs and Trade", "alias"),
    ("WTO", None, "World Trade Organization", "alias"),
    ("IMF", None, "International Monetary Fund", "alias"),
    ("World Bank", None, "World Bank", "name"),
    ("Congress", None, "United States Congress", "alias"),
    ("Bundestag", None, "Bundestag", "name"),
    ("State Duma", None, "State Duma", "name"),
    ("MITI", None, "Ministry of International Trade and Industry", "alias"),
    ("MEPs", None, "European Parliament", "alias"),
    ("Russian lawmakers", "2023-09-15", "State Duma", "title"),
    ("U.S. lawmakers", "1987-04-01", "United States Congress", "title"),
    ("Soviet parliament", "1987-04-01", "Supreme Soviet", "alias"),
    ("Ukrainian MPs", "2023-09-15", "Verkhovna Rada", "title"),
    # --- a country's government named by one of its parts
    ("the Soviet Foreign Ministry", "1987-04-01", "Soviet Union", "government"),
    ("U.S. Treasury", "1987-04-01", "United States", "government"),
    ("Japanese officials", "1987-04-01", "Japan", "government"),
    ("U.S. officials", "1987-04-01", "United States", "government"),
    ("EC officials", "1987-04-01", "European Community", "government"),
    # --- words that must not resolve
    ("the", None, None, None),
    ("May", None, None, None),
    ("Will", None, None, None),
    ("us", None, None, None),
    ("China Daily", None, None, None),
    ("Chancellor", "1987-04-01", None, None),
    ("the President", "1987-04-01", None, None),
    ("former Soviet leader", "2000-01-01", None, None),
    ("his Russian counterpart", "2023-09-15", None, None),
    ("", None, None, None),
    ("Friday", None, None, None),
    ("Minister", None, None, None),
    ("parliament", None, None, None),
    ("Daily Telegraph", None, None, None),
    ("the two leaders", "2023-09-15", None, None),
    ("Treasury", None, None, None),
    ("officials", None, None, None),
    ("Foreign Ministry", None, None, None),
]


@pytest.mark.parametrize("text, on, expected, via", LOOKUPS)
def test_lookup(gaz, text, on, expected, via):
    ref = gaz.lookup(text, D(on) if on else None)
    if expected is None:
        assert ref is None
    else:
        assert ref is not None, text
        assert (ref.name, ref.via, ref.matched) == (expected, via, text)


def test_lookup_returns_the_whole_reference(gaz):
    assert gaz.lookup("Russian President", D("2023-09-15")) == ActorRef(
        name="Vladimir Putin", kind="person", country="Russia", qid="Q7747", matched="Russian President", via="title"
    )
    assert gaz.lookup("European Parliament") == ActorRef(
        name="European Parliament",
        kind="legislature",
        country=None,
        qid="Q8889",
        matched="European Parliament",
        via="name",
    )


@pytest.mark.parametrize("text", ["Russian President", "German Chancellor", "Secretary of State"])
def test_a_title_without_a_date_needs_a_single_holder(gaz, text):
    assert gaz.lookup(text) is None


def test_a_title_without_a_date_resolves_when_the_office_had_one_holder(gaz):
    assert gaz.lookup("Bundesbank President").name == "Karl Otto Poehl"


COUNTERPARTS = [
    ("Alexander Lukashenko", "Russia", "2023-09-15", "Vladimir Putin"),
    ("Alexander Lukashenko", "Russian", "2023-09-15", "Vladimir Putin"),
    ("Vladimir Putin", "North Korea", "2023-09-13", "Kim Jong Un"),
    ("Sergei Lavrov", "United States", "2023-09-15", "Antony Blinken"),
    ("Tadashi Kuranari", "U.S.", "1987-04-01", "George Shultz"),
    ("Gerhard Stoltenberg", "United States", "1987-10-19", "James Baker"),
    ("Helmut Kohl", "France", "1987-04-01", "Jacques Chirac"),
    ("Margaret Thatcher", "United States", "1987-04-01", "Ronald Reagan"),
    ("Putin", "Belarus", "2023-09-15", "Alexander Lukashenko"),
]


@pytest.mark.parametrize("other, country, on, expected", COUNTERPARTS)
def test_counterpart(gaz, other, country, on, expected):
    ref = gaz.counterpart(other, country, D(on))
    assert ref is not None and (ref.name, ref.via) == (expected, "counterpart")


def test_no_counterpart_for_someone_without_office(gaz):
    assert gaz.counterpart("Nancy Reagan", "Soviet Union", D("1987-12-08")) is None
    assert gaz.counterpart("Nobody Atall", "Russia", D("2023-09-15")) is None


ADJECTIVES = [
    ("Belarusian", None, "Belarus"),
    ("North Korean", None, "North Korea"),
    ("Soviet", None, "Soviet Union"),
    ("U.S.", None, "United States"),
    ("American", None, "United States"),
    ("British", None, "United Kingdom"),
    ("Russian", None, "Russia"),
    ("Russian", "1987-04-01", "Soviet Union"),
    ("German", "1987-04-01", "West Germany"),
    ("German", "2023-04-01", "Germany"),
    ("Japanese", None, "Japan"),
    ("Chinese", None, "China"),
    ("Emirati", None, "United Arab Emirates"),
    ("Kremlin", None, None),
    ("Purple", None, None),
]


@pytest.mark.parametrize("word, on, expected", ADJECTIVES)
def test_country_of_adjective(gaz, word, on, expected):
    assert gaz.country_of_adjective(word, D(on) if on else None) == expected


def test_actor_gives_the_canonical_entry(gaz):
    putin = gaz.actor("Vladimir Putin")
    assert (putin.kind, putin.country, putin.qid) == ("person", "Russia", "Q7747")
    spans = [(r.office, r.start, r.end) for r in putin.roles if r.title == "President of Russia"]
    assert spans == [("head_of_state", D("2000-05-07"), D("2008-05-07")), ("head_of_state", D("2012-05-07"), None)]
    assert gaz.actor("Putin") is None


def test_actors_lists_every_kind(gaz):
    kinds = {a.kind for a in gaz.actors()}
    assert kinds == {"person", "country", "organisation", "legislature", "group"}


def test_country_for_iso_follows_history(gaz):
    assert gaz.country_for_iso("RU") == "Russia"
    assert gaz.country_for_iso("ru", D("1987-04-01")) == "Soviet Union"
    assert gaz.country_for_iso("DE", D("1987-04-01")) == "West Germany"
    assert gaz.country_for_iso("DE", D("1991-04-01")) == "Germany"


def test_lookup_is_a_dict_hit(gaz):
    texts = ["Putin", "Russian President", "Moscow", "the", "European Parliament", "Kim Jong Un"]
    on = D("2023-09-15")
    start = time.perf_counter()
    for _ in range(2000):
        for text in texts:
            gaz.lookup(text, on)
    per_second = 12000 / (time.perf_counter() - start)
    assert per_second > 10_000, f"{per_second:.0f} lookups/s"


def test_loading_is_cached():
    assert load_gazetteer() is load_gazetteer()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.dates()))
def test_lookup_never_raises(text, on):
    ref = load_gazetteer().lookup(text, on)
    assert ref is None or ref.name


HOLDERS = [
    (
        "Russian President",
        ["Andrei Gromyko", "Mikhail Gorbachev", "Boris Yeltsin", "Vladimir Putin", "Dmitry Medvedev"],
    ),
    ("the Belarusian leader", ["Alexander Lukashenko"]),
    (
        "NATO Secretary General",
        [
            "Lord Carrington",
            "Manfred Woerner",
            "Javier Solana",
            "Anders Fogh Rasmussen",
            "Jens Stoltenberg",
            "Mark Rutte",
        ],
    ),
    ("Putin", []),
    ("his Russian counterpart", []),
]


@pytest.mark.parametrize("title, names", HOLDERS)
def test_holders_of_a_title_at_any_date(gaz, title, names):
    assert gaz.holders(title) == names


COMPOUNDS = [
    ("U.S.-Canadian", "1987-04-01", ["United States", "Canada"]),
    ("U.S.-Japanese", "1987-04-01", ["United States", "Japan"]),
    ("Franco-American", None, ["France", "United States"]),
    ("U.S./Japan", None, ["United States", "Japan"]),
    ("Sino-Soviet", "1987-04-01", ["China", "Soviet Union"]),
    ("Minsk-Moscow-Pyongyang", "2023-09-15", ["Belarus", "Russia", "North Korea"]),
    ("Kim Jong-un", None, []),
    ("Frank-Walter Steinmeier", None, []),
    ("Franco", None, []),
]


@pytest.mark.parametrize("text, on, names", COMPOUNDS)
def test_lookup_compound(gaz, text, on, names):
    assert [r.name for r in gaz.lookup_compound(text, D(on) if on else None)] == names


def test_combining_forms_are_not_names(gaz):
    assert gaz.lookup("Franco") is None and gaz.lookup("Sino") is None


@pytest.mark.parametrize(
    ("text", "on"),
    [
        ("Jose Fernandez", "1987-04-17"),  # a Philippine central banker, not Alberto Fernandez
        ("Jose Fernandez", "2021-01-01"),  # another given name is another person, whenever
        ("Fernandez", "1987-04-17"),  # Alberto Fernandez's first office is decades later
        ("Putin", "1987-01-01"),
    ],
)
def test_a_surname_does_not_reach_the_wrong_person(gaz, text, on):
    assert gaz.lookup(text, on=D(on)) is None


@pytest.mark.parametrize(
    ("text", "on", "name"),
    [
        ("Fernandez", "2021-01-01", "Alberto Fernandez"),
        ("Gorbachev", "2020-01-01", "Mikhail Gorbachev"),  # after office a surname still names him
        ("Kremlin leader Gorbachev", "1987-03-01", "Mikhail Gorbachev"),  # a seat word may begin a title
        ("Zelensky", "2015-01-01", "Volodymyr Zelensky"),  # in the news within a decade of office
    ],
)
def test_a_surname_still_reaches_the_right_person(gaz, text, on, name):
    assert gaz.lookup(text, on=D(on)).name == name
