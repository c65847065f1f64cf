"""The phrase table: news sentences, their publication day, and the TIMEX3 value and
granularity each time expression must get. Reads as the specification of
timeline.temporal.rules (run through find_time_expressions)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import find_time_expressions

FRI = "2023-09-15"  # the seed article: a Friday
TUE = "2023-09-12"  # a Tuesday
R87 = "1987-03-10"  # a Reuters 1987 Tuesday
WSJ = "1989-10-26"  # a Wall Street Journal Thursday

PHRASES = [
    # sentence, published, phrase, value, granularity
    # --- bare weekdays, anchored with tense (the seed's rules) ---
    ("Putin met Lukashenko in Sochi on Friday.", FRI, "Friday", "2023-09-15", "day"),
    ("The two leaders met on Friday in Sochi.", TUE, "Friday", "2023-09-08", "day"),
    ("Putin will meet Lukashenko on Friday.", TUE, "Friday", "2023-09-15", "day"),
    ("Putin met Kim today and will meet Lukashenko on Friday.", FRI, "Friday", "2023-09-22", "day"),
    ("The leaders will meet again later on Friday.", FRI, "Friday", "2023-09-15", "day"),
    ("The talks are scheduled to resume on Friday.", TUE, "Friday", "2023-09-15", "day"),
    ("Officials said on Monday that the talks had failed.", TUE, "Monday", "2023-09-11", "day"),
    ("The minister resigned Tuesday.", TUE, "Tuesday", "2023-09-12", "day"),
    ("Ministers are due to meet on Thursday.", TUE, "Thursday", "2023-09-14", "day"),
    ("The envoy arrived in Kyiv on Wednesday.", FRI, "Wednesday", "2023-09-13", "day"),
    ("Kim's train crossed the border on Sunday.", TUE, "Sunday", "2023-09-10", "day"),
    ("He said he'll travel to Beijing on Saturday.", TUE, "Saturday", "2023-09-16", "day"),
    ("The summit opened last Friday.", FRI, "last Friday", "2023-09-08", "day"),
    ("They meet again next Friday.", TUE, "next Friday", "2023-09-15", "day"),
    ("The vote is this Thursday.", TUE, "this Thursday", "2023-09-14", "day"),
    ("Blinken flew to Cairo on Thursday, Sept. 14.", FRI, "Thursday, Sept. 14", "2023-09-14", "day"),
    ("Wednesday's ruling angered the government.", FRI, "Wednesday", "2023-09-13", "day"),
    ("The shooting happened Friday night.", FRI, "Friday night", "2023-09-15", "day"),
    ("Protesters gathered Thursday morning.", FRI, "Thursday morning", "2023-09-14", "day"),
    # --- days relative to publication ---
    ("The ministry said yesterday that talks would continue.", FRI, "yesterday", "2023-09-14", "day"),
    ("The president speaks today.", FRI, "today", "2023-09-15", "day"),
    ("The cabinet meets tomorrow.", FRI, "tomorrow", "2023-09-16", "day"),
    ("Leaders will dine together tonight.", FRI, "tonight", "2023-09-15TNI", "time"),
    ("Troops moved in last night.", FRI, "last night", "2023-09-14TNI", "time"),
    ("The minister spoke this morning.", FRI, "this morning", "2023-09-15TMO", "time"),
    ("Shares fell this afternoon.", R87, "this afternoon", "1987-03-10TAF", "time"),
    ("Rebels attacked the day before yesterday.", FRI, "the day before yesterday", "2023-09-13", "day"),
    ("Fighting continued late yesterday.", FRI, "late yesterday", "2023-09-14", "day"),
    # --- weeks ---
    ("The European Parliament this week called him an accomplice.", FRI, "this week", "2023-W37", "week"),
    ("The envoy visited Kyiv last week.", FRI, "last week", "2023-W36", "week"),
    ("Talks resume next week.", FRI, "next week", "2023-W38", "week"),
    ("Earlier this week, the ministers met in Brussels.", FRI, "Earlier this week", "2023-W37", "week"),
    ("A deal could come later this week.", TUE, "later this week", "2023-W37", "week"),
    ("The talks ended late last week.", FRI, "late last week", "2023-W36", "week"),
    ("Leaders met over the weekend.", "2023-09-18", "the weekend", "2023-W37-WE", "weekend"),
    ("Protests are planned for this weekend.", TUE, "this weekend", "2023-W37-WE", "weekend"),
    ("Voters go to the polls next weekend.", TUE, "next weekend", "2023-W38-WE", "weekend"),
    ("Rebels shelled the city last weekend.", TUE, "last weekend", "2023-W36-WE", "weekend"),
    ("Seoul reported the launch two weeks ago.", FRI, "two weeks ago", "2023-W35", "week"),
    ("The Fed hinted at a pause in the week ended February 22.", R87, "the week ended February 22", "1987-W08", "week"),
    ("Output rose in the first week of March 1987.", R87, "March 1987", "1987-03", "month"),
    # --- months ---
    ("Earlier this month, Kim visited Russia.", FRI, "Earlier this month", "2023-09", "month"),
    ("The accord will be signed later this month.", R87, "later this month", "1987-03", "month"),
    ("The minister resigned last month.", FRI, "last month", "2023-08", "month"),
    ("Elections are due next month.", FRI, "next month", "2023-10", "month"),
    ("Inflation eased this month.", FRI, "this month", "2023-09", "month"),
    ("The ceasefire collapsed in March.", FRI, "March", "2023-03", "month"),
    ("The ceasefire collapsed in December.", FRI, "December", "2022-12", "month"),
    ("The summit will be held in November.", FRI, "November", "2023-11", "month"),
    ("The summit will be held in May.", FRI, "May", "2024-05", "month"),
    ("The treaty expires in January.", FRI, "January", "2024-01", "month"),
    ("Talks broke down in mid-September.", FRI, "mid-September", "2023-09", "month"),
    ("The army withdrew in early August.", FRI, "early August", "2023-08", "month"),
    ("The deal was struck in late June.", FRI, "late June", "2023-06", "month"),
    ("Trade fell in March 1987.", R87, "March 1987", "1987-03", "month"),
    ("Exports peaked in October of 1986.", R87, "October of 1986", "1986-10", "month"),
    ("The bank cut rates last March.", FRI, "last March", "2023-03", "month"),
    ("Payments resume next January.", FRI, "next January", "2024-01", "month"),
    ("Payments stopped in June last year.", FRI, "June last year", "2022-06", "month"),
    ("The envoy has been in Geneva since May.", FRI, "May", "2023-05", "month"),
    ("A month ago, the talks collapsed.", FRI, "A month ago", "2023-08", "month"),
    ("Three months ago the army retreated.", FRI, "Three months ago", "2023-06", "month"),
    # --- explicit dates ---
    ("The summit was held on Sept. 13.", FRI, "Sept. 13", "2023-09-13", "day"),
    ("The treaty was signed on 13 September 2023.", FRI, "13 September 2023", "2023-09-13", "day"),
    ("The treaty was signed on September 13, 2023.", FRI, "September 13, 2023", "2023-09-13", "day"),
    ("The accord took effect on 9/13/2023.", FRI, "9/13/2023", "2023-09-13", "day"),
    ("The accord took effect on 2023-09-13.", FRI, "2023-09-13", "2023-09-13", "day"),
    ("OPEC ministers met on March 12.", R87, "March 12", "1987-03-12", "day"),
    ("OPEC ministers met on Feb 26.", R87, "Feb 26", "1987-02-26", "day"),
    ("OPEC ministers met on Feb. 26, the statement said.", R87, "Feb. 26", "1987-02-26", "day"),
    ("The dividend is payable April 15.", R87, "April 15", "1987-04-15", "day"),
    ("The company said it was founded on Dec. 20.", R87, "Dec. 20", "1986-12-20", "day"),
    ("The offer expires Dec. 7.", WSJ, "Dec. 7", "1989-12-07", "day"),
    ("The board will meet on Jan. 5.", WSJ, "Jan. 5", "1990-01-05", "day"),
    ("The talks were held on the 13th of September.", FRI, "the 13th of September", "2023-09-13", "day"),
    ("The talks were held on the 13th.", FRI, "the 13th", "2023-09-13", "day"),
    ("The talks were held on the 20th.", FRI, "the 20th", "2023-08-20", "day"),
    ("The talks will resume on the 3rd.", FRI, "the 3rd", "2023-10-03", "day"),
    ("The EU summit ends on 29 June.", TUE, "29 June", "2023-06-29", "day"),
    ("Shares closed higher on Tuesday, March 10.", R87, "Tuesday, March 10", "1987-03-10", "day"),
    ("The agreement was signed on July 4, 1976.", R87, "July 4, 1976", "1976-07-04", "day"),
    ("Negotiators met on Christmas Eve.", "2023-12-28", "Christmas Eve", "2023-12-24", "day"),
    ("The ceasefire began on Christmas Day 2022.", FRI, "Christmas Day 2022", "2022-12-25", "day"),
    ("Both sides agreed to a truce by Thanksgiving.", FRI, "Thanksgiving", "2023-11-23", "day"),
    # --- ranges ---
    ("Putin hosted Kim on Sept 13-15.", FRI, "Sept 13-15", "2023-09-13", "day"),
    ("The forum ran from Sept. 13 to 15.", FRI, "Sept. 13 to 15", "2023-09-13", "day"),
    ("The fair runs 13-15 September 2023.", FRI, "13-15 September 2023", "2023-09-13", "day"),
    ("Output doubled between 1990 and 1995.", FRI, "between 1990 and 1995", "1990", "year"),
    ("The war lasted from 1980 to 1988.", R87, "1980 to 1988", "1980", "year"),
    # --- years ---
    ("Sales rose in 1986.", R87, "1986", "1986", "year"),
    ("The plant opened in 1986 and closed in 2001.", FRI, "2001", "2001", "year"),
    ("Profits will rise this year.", R87, "this year", "1987", "year"),
    ("The company lost money last year.", R87, "last year", "1986", "year"),
    ("Growth should recover next year.", R87, "next year", "1988", "year"),
    ("Earnings in fiscal 1988 will be flat.", R87, "fiscal 1988", "1988", "year"),
    ("Revenue for fiscal year 1988 fell.", R87, "fiscal year 1988", "1988", "year"),
    ("The economy slowed late last year.", FRI, "late last year", "2022", "year"),
    ("Elections are due early next year.", FRI, "early next year", "2024", "year"),
    ("Inflation peaked in mid-2022.", FRI, "mid-2022", "2022", "year"),
    ("The wall fell at the end of 1989.", FRI, "the end of 1989", "1989", "year"),
    ("Earlier this year, the two leaders spoke.", FRI, "Earlier this year", "2023", "year"),
    ("A year ago, the border was closed.", FRI, "A year ago", "2022", "year"),
    ("Two years ago the accord collapsed.", FRI, "Two years ago", "2021", "year"),
    ("The treaty dates from nineteen ninety-six.", FRI, "nineteen ninety-six", "1996", "year"),
    ("The Games will open in the year two thousand.", "1998-02-05", "the year two thousand", "2000", "year"),
    ("For the year, sales were flat.", WSJ, "the year", "1989", "year"),
    # --- quarters and halves ---
    ("Profit fell in the first quarter.", R87, "the first quarter", "1987-Q1", "quarter"),
    ("Third-quarter earnings rose 5%.", WSJ, "Third-quarter", "1989-Q3", "quarter"),
    ("Profit rose in the third quarter.", WSJ, "the third quarter", "1989-Q3", "quarter"),
    ("The company expects a loss in the fourth quarter.", WSJ, "the fourth quarter", "1989-Q4", "quarter"),
    ("Sales fell in the first quarter of 1988.", R87, "the first quarter of 1988", "1988-Q1", "quarter"),
    ("GDP grew 2% in Q3 2023.", FRI, "Q3 2023", "2023-Q3", "quarter"),
    ("Net income rose in the latest quarter.", WSJ, "the latest quarter", "1989-Q3", "quarter"),
    ("Net rose in the third quarter. In the quarter, sales rose 4%.", WSJ, "the quarter", "1989-Q3", "quarter"),
    (
        "Profit rose in the third quarter from the year-earlier quarter.",
        WSJ,
        "the year-earlier quarter",
        "1988-Q3",
        "quarter",
    ),
    ("Sales in the third quarter rose from $5 million a year ago.", WSJ, "a year ago", "1988-Q3", "quarter"),
    ("Output rose in the first half of 1987.", R87, "the first half of 1987", "1987-H1", "half"),
    ("Sales in the quarter ended Sept. 30 rose 4%.", WSJ, "the quarter", "1989-Q3", "quarter"),
    # --- seasons, decades, centuries ---
    ("The offensive is expected this spring.", R87, "this spring", "1987-SP", "season"),
    ("The talks collapsed last fall.", R87, "last fall", "1986-FA", "season"),
    ("A new round opens next summer.", FRI, "next summer", "2024-SU", "season"),
    ("The crisis began in the summer of 1986.", R87, "the summer of 1986", "1986-SU", "season"),
    ("Debt soared in the 1990s.", FRI, "the 1990s", "199", "decade"),
    ("Debt soared in the '80s.", R87, "the '80s", "198", "decade"),
    ("Oil prices collapsed in the mid-1980s.", FRI, "the mid-1980s", "198", "decade"),
    ("The alliance was founded in the 20th century.", FRI, "the 20th century", "19", "century"),
    ("A decade ago the two countries were at war.", FRI, "A decade ago", "201", "decade"),
    # --- durations ---
    ("The five-hour summit ended without a statement.", FRI, "five-hour", "PT5H", "duration"),
    ("The talks lasted two days.", FRI, "two days", "P2D", "duration"),
    ("He served three years in prison.", FRI, "three years", "P3Y", "duration"),
    ("The blockade has lasted 18 months.", FRI, "18 months", "P18M", "duration"),
    ("Fighting raged for several weeks.", FRI, "several weeks", "PXW", "duration"),
    ("Prices rose over the past two years.", FRI, "the past two years", "P2Y", "duration"),
    ("Sales rose in the first nine months.", WSJ, "the first nine months", "P9M", "duration"),
    ("The index fell in the last twenty-four hours.", FRI, "the last twenty-four hours", "PT24H", "duration"),
    ("A two-week truce was agreed.", FRI, "two-week", "P2W", "duration"),
    ("The 30-year bond rallied.", R87, "30-year", "P30Y", "duration"),
    ("The ban will last nearly two years.", FRI, "nearly two years", "P2Y", "duration"),
    ("He spoke for more than four hours.", FRI, "more than four hours", "PT4H", "duration"),
    ("The strike lasted about a week.", FRI, "about a week", "P1W", "duration"),
    ("The ministers talked for a couple of hours.", FRI, "a couple of hours", "PT2H", "duration"),
    ("Refugees lived in camps for 2 1/2 years.", FRI, "2 1/2 years", "P2Y6M", "duration"),
    ("The talks lasted five and a half hours.", FRI, "five and a half hours", "PT5H30M", "duration"),
    ("They waited half an hour.", FRI, "half an hour", "PT30M", "duration"),
    ("The two sides have fought for years.", FRI, "years", "PXY", "duration"),
    ("The blockade could last for decades.", FRI, "decades", "PXDE", "duration"),
    # --- sets ---
    ("The ministers speak daily.", FRI, "daily", "P1D", "set"),
    ("The council meets every Monday.", FRI, "every Monday", "XXXX-WXX-1", "set"),
    ("The report is published each month.", FRI, "each month", "P1M", "set"),
    ("The leaders meet twice a year.", FRI, "twice a year", "P1Y", "set"),
    ("Inspections are carried out weekly.", FRI, "weekly", "P1W", "set"),
    # --- generic references ---
    ("The country is now a member of NATO.", FRI, "now", "PRESENT_REF", "ref"),
    ("He is currently in Beijing.", FRI, "currently", "PRESENT_REF", "ref"),
    ("The two leaders recently met in Sochi.", FRI, "recently", "PAST_REF", "ref"),
    ("Such summits were rare in the past.", FRI, "the past", "PAST_REF", "ref"),
    ("More talks are planned in the future.", FRI, "the future", "FUTURE_REF", "ref"),
    ("Prices have fallen in recent months.", FRI, "recent months", "PXM", "duration"),
    # --- clock times ---
    ("The summit opened at 10:35 a.m.", FRI, "10:35 a.m.", "2023-09-15T10:35", "time"),
    ("The vote starts at 6 p.m. Wednesday.", TUE, "6 p.m. Wednesday", "2023-09-13T18:00", "time"),
    ("The offer expires at 5 p.m. EST Nov. 9.", WSJ, "5 p.m. EST Nov. 9", "1989-11-09T17:00", "time"),
    ("The ceasefire starts at noon Saturday.", TUE, "noon Saturday", "2023-09-16T12:00", "time"),
    ("The curfew begins at 22:00 GMT.", FRI, "22:00 GMT", "2023-09-15T22:00", "time"),
    # --- plans and deadlines name coming days, whatever the verb's tense ---
    ("The team planned to leave Nairobi on Thursday.", "1998-09-30", "Thursday", "1998-10-01", "day"),
    ("Protesters planned a large demonstration on Saturday.", "2000-01-07", "Saturday", "2000-01-08", "day"),
    ("On Tuesday, the league plans to hold a news conference.", "1998-10-26", "Tuesday", "1998-10-27", "day"),
    ("Officials postponed until Tuesday any action on the case.", "2000-03-30", "Tuesday", "2000-04-04", "day"),
    ("Netanyahu and Arafat meet separately Monday with Albright.", "1998-05-01", "Monday", "1998-05-04", "day"),
    ("The shares have fallen since Monday.", FRI, "Monday", "2023-09-11", "day"),
    ("Until Thursday, they had not called him a suspect.", "1999-05-07", "Thursday", "1999-05-06", "day"),
    ("On Friday, the government planned to pay the first claims.", "1998-09-30", "Friday", "1998-09-25", "day"),
    # --- the end of a year, the full year, vague futures ---
    ("The deal should close by year-end.", WSJ, "year-end", "1989", "year"),
    ("Cuts of 6,000 jobs are planned by year's end.", WSJ, "year's end", "1989", "year"),
    ("The index has risen 12% since year-end.", WSJ, "year-end", "1988", "year"),
    ("It forecast higher earnings for the full year.", WSJ, "the full year", "1989", "year"),
    ("The challenges of the near term are real.", WSJ, "the near term", "FUTURE_REF", "ref"),
    ("It may seek financing at a later date.", WSJ, "a later date", "FUTURE_REF", "ref"),
    ("The index fell eight trading days in a row.", WSJ, "eight trading days", "P8D", "duration"),
    # --- quarterly reports compare with the same quarter a year before ---
    (
        "Third-quarter net rose to $24 million, compared with a loss of $3 million last year.",
        WSJ,
        "last year",
        "1988-Q3",
        "quarter",
    ),
    (
        "Net was $2 million in the third quarter, against $1.8 million for the corresponding period last year.",
        WSJ,
        "the corresponding period last year",
        "1988-Q3",
        "quarter",
    ),
    (
        "Third-quarter U.K. sales fell; sales for last year's quarter were $3 million.",
        WSJ,
        "last year's quarter",
        "1988-Q3",
        "quarter",
    ),
    ("Candy sales were about $154 million last year.", WSJ, "last year", "1988", "year"),
    (
        "The slump will last through the first two quarters of 1990.",
        WSJ,
        "the first two quarters of 1990",
        "1990-H1",
        "half",
    ),
    # --- parts of days (TIMEX3 TMO/TAF/TEV/TNI) and plural weekdays as sets ---
    ("Flights leave Bombay on Monday and Tuesday nights.", FRI, "Tuesday nights", "XXXX-WXX-2TNI", "set"),
    ("Flights leave Bombay on Monday and Tuesday nights.", FRI, "Monday", "XXXX-WXX-1TNI", "set"),
    ("Prices fell at mid-afternoon yesterday.", FRI, "mid-afternoon yesterday", "2023-09-14TAF", "time"),
    ("The raid began at 4 in the morning.", FRI, "4 in the morning", "2023-09-15T04:00", "time"),
    (
        "The spin-off could be effective as early as next year's first quarter.",
        WSJ,
        "next year's first quarter",
        "1990-Q1",
        "quarter",
    ),
    ("He returned home on Thanksgiving Day.", FRI, "Thanksgiving Day", "2022-11-24", "day"),
    # --- anaphoric parts of days and weekdays: relative to the day being narrated ---
    ("Shares fell on Wednesday. Dealers sold in the morning.", FRI, "the morning", "2023-09-13TMO", "time"),
    ("Shares fell on Wednesday after overnight losses in New York.", FRI, "overnight", "2023-09-12TNI", "time"),
    ("Stocks closed on Wednesday 4% down from the previous Friday.", FRI, "the previous Friday", "2023-09-08", "day"),
    ("The summit opened last Friday.", "2023-09-20", "last Friday", "2023-09-15", "day"),
    # --- Easter moves: computed for the year the clause points to ---
    ("Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "2000-W16", "week"),
    ("The leaders will meet at Easter.", "2000-01-10", "Easter", "2000-04-23", "day"),
]


@pytest.mark.parametrize(
    "sentence, published, phrase, value, granularity", PHRASES, ids=[f"{p[2]}@{p[1]}" for p in PHRASES]
)
def test_phrase_value(sentence, published, phrase, value, granularity):
    exprs = find_time_expressions(sentence, dt.date.fromisoformat(published))
    found = {e.text: e for e in exprs}
    assert phrase in found, f"{phrase!r} not found; got {[e.text for e in exprs]}"
    e = found[phrase]
    assert (e.value, e.granularity) == (value, granularity), e


def test_the_table_is_big_enough():
    assert len(PHRASES) >= 150


# --- event-relative phrases: detected with relation and offset, value left to the pipeline ---

EVENT_RELATIVE = [
    ("The meeting took place only two days after Putin met with Kim.", "only two days after", "after", "P2D"),
    ("Two days after the vote, the cabinet resigned.", "Two days after", "after", "P2D"),
    ("The day before the vote, troops withdrew.", "The day before", "before", "P1D"),
    ("A week later, the talks resumed.", "A week later", "after", "P1W"),
    ("Three days later the envoy returned.", "Three days later", "after", "P3D"),
    ("The following week, the ministers met again.", "The following week", "after", "P1W"),
    ("The next day, Kim toured a factory.", "The next day", "after", "P1D"),
    ("The previous day, he had met Lavrov.", "The previous day", "before", "P1D"),
    ("The week before, the army had shelled the port.", "The week before", "before", "P1W"),
    ("A year earlier, sales had fallen.", "A year earlier", "before", "P1Y"),
    ("Hours after the meeting, missiles were fired.", "Hours after", "after", None),
    ("On the same day, he met the pope.", "the same day", "same", "P0D"),
]


@pytest.mark.parametrize("sentence, phrase, relation, offset", EVENT_RELATIVE, ids=[p[1] for p in EVENT_RELATIVE])
def test_event_relative_phrases(sentence, phrase, relation, offset):
    exprs = find_time_expressions(sentence, dt.date(2023, 9, 15))
    found = {e.text: e for e in exprs}
    assert phrase in found, [e.text for e in exprs]
    e = found[phrase]
    assert (e.anchor, e.value, e.relation, e.offset) == ("event", None, relation, offset)


@pytest.mark.parametrize(
    "sentence, published, phrase, value",
    [
        (
            "The day before last Tuesday's hearing, Manuel went to Lazaro's home.",
            "2000-02-24",
            "The day before last Tuesday",
            "2000-02-21",
        ),
        ("The index fell after Oct. 12, the day before the plunge.", "1989-10-30", "the day before", "1989-10-12"),
    ],
)
def test_the_day_before_a_date(sentence, published, phrase, value):
    """Followed by a date, "the day before" counts from it; set off by a comma after
    a date, it is an appositive naming that same day."""
    found = {e.text: e for e in find_time_expressions(sentence, dt.date.fromisoformat(published))}
    assert found[phrase].value == value


def test_most_recently_before_a_date_leaves_the_date_alone():
    exprs = find_time_expressions("Doctors were shot, most recently last October.", dt.date(1999, 2, 6))
    assert [(e.text, e.value) for e in exprs] == [("last October", "1998-10")]


def test_offset_before_an_explicit_date_resolves_directly():
    [e] = find_time_expressions("The talks began two days after Christmas.", dt.date(2023, 12, 30))
    assert (e.text, e.value, e.anchor, e.relation) == ("two days after Christmas", "2023-12-27", "publication", "after")


def test_range_reaches_its_last_day():
    [e] = find_time_expressions("Putin hosted Kim on Sept 13-15.", dt.date(2023, 9, 15))
    assert (e.date_start, e.date_end) == (dt.date(2023, 9, 13), dt.date(2023, 9, 15))


@pytest.mark.parametrize(
    "sentence",
    [
        "We may well see a deal.",
        "They will march on the capital.",
        "About 1990 people attended.",
        "Three-quarters of voters agreed.",
        "He paid $2023 for it.",
        "Futures markets fell.",
        # a rate of a quantity, not a recurring time (TimeBank leaves these out)
        "Sales should rise 8.5% annually.",
        # discourse "now": a topic shift, not PRESENT_REF
        "Now, he says, the West wants more.",
        "Now for the geography quiz.",
        # "the future" as the noun for what awaits someone
        "This matters to the future of our peoples.",
        "Growth was bad, and the future looks grim.",
        # capitalised time words inside a sentence belong to names and titles
        'Baker said on ABC News\' "This Week," that the request was legal.',
        "Gonzalez said on CBS's ''60 Minutes'' that the boy suffers.",
        "The poster showed Gary Cooper in ``High Noon.''",
        "This is VOA Today.",
        # "later in the day before returning": "the day" then the conjunction "before"
        "She spent hours in Nairobi later in the day before returning home.",
        # "year-end" as an adjective
        "Year-end net was below the earlier level.",
    ],
)
def test_not_time_expressions(sentence):
    assert find_time_expressions(sentence, dt.date(2023, 9, 15)) == []


def test_mod_from_early_mid_late():
    mods = {
        e.text: e.mod
        for e in find_time_expressions(
            "It began in early September, peaked in mid-2022 and ended late last year.", dt.date(2023, 9, 15)
        )
    }
    assert mods == {"early September": "START", "mid-2022": "MID", "late last year": "END"}


def test_no_publication_date_leaves_relative_dates_unresolved():
    exprs = find_time_expressions("They met on Friday, last week and on 13 September 2023.", None)
    assert [(e.text, e.value) for e in exprs] == [
        ("Friday", None),
        ("last week", None),
        ("13 September 2023", "2023-09-13"),
    ]


@pytest.mark.parametrize(
    "sentence, published, phrase, value",
    [
        ("Money supply rose in the week ended February 22.", R87, "the week ended February 22", "1987-W08"),
        ("Deliveries resume the week of March 6.", "2000-03-01", "the week of March 6", "2000-W10"),
    ],
)
def test_week_named_by_a_day(sentence, published, phrase, value):
    [e] = find_time_expressions(sentence, dt.date.fromisoformat(published))
    assert (e.text, e.value, e.granularity) == (phrase, value, "week")


@pytest.mark.parametrize(
    "sentence, published, phrase, first, last",
    [
        ("Talks ran from Monday to Wednesday.", FRI, "Monday to Wednesday", "2023-09-11", "2023-09-13"),
        ("Talks will run from Monday to Wednesday.", FRI, "Monday to Wednesday", "2023-09-18", "2023-09-20"),
        ("Fighting continued Saturday and Sunday.", TUE, "Saturday and Sunday", "2023-09-09", "2023-09-10"),
        ("Exports fell from March to May.", FRI, "March to May", "2023-03-01", "2023-05-31"),
        (
            "The fast lasts from November to February 1988.",
            R87,
            "November to February 1988",
            "1987-11-01",
            "1988-02-29",
        ),
        ("Putin hosted Kim on Sept 13-15.", FRI, "Sept 13-15", "2023-09-13", "2023-09-15"),
        ("Output doubled between 1990 and 1995.", FRI, "between 1990 and 1995", "1990-01-01", "1995-12-31"),
    ],
)
def test_ranges_reach_their_last_day(sentence, published, phrase, first, last):
    [e] = find_time_expressions(sentence, dt.date.fromisoformat(published))
    assert (e.text, e.date_start.isoformat(), e.date_end.isoformat()) == (phrase, first, last)


def test_two_days_joined_by_and_are_not_a_span_unless_adjacent():
    exprs = find_time_expressions("Ministers met Monday and Thursday.", dt.date(2023, 9, 15))
    assert [(e.text, e.value) for e in exprs] == [("Monday", "2023-09-11"), ("Thursday", "2023-09-14")]


# --- identifiers: a number after a noun that labels things by number is no year ---
LABELLED_NUMBERS = [
    ("Bidders may inspect Item 1100 before the sale.", "1100"),
    ("The delegates met in Room 1015 of the annex.", "1015"),
    ("Passengers of Flight 1549 were rescued from the river.", "1549"),
    ("The council adopted Resolution 1441 after a long debate.", "1441"),
    ("Write to P.O. Box 2050 for a copy.", "2050"),
    ("The ministers read section 1201 of the draft treaty.", "1201"),
]


@pytest.mark.parametrize("published", [None, dt.date(2023, 9, 15)], ids=["undated", "dated"])
@pytest.mark.parametrize("sentence, number", LABELLED_NUMBERS, ids=[n for _, n in LABELLED_NUMBERS])
def test_a_labelled_number_is_not_a_year(sentence, number, published):
    assert number not in {e.text for e in find_time_expressions(sentence, published)}


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("The items were sold in 1987.", "1987"),
        ("The room was built in 1015 and rebuilt in 1990.", "1990"),
        ("Resolution 242 dates from 1967.", "1967"),
    ],
)
def test_a_year_after_other_words_is_still_a_year(sentence, year):
    assert year in {e.value for e in find_time_expressions(sentence, None)}


# --- a weekday's afternoon or evening keeps its part of day (TIMEX3 TIME "...TAF") ---
@pytest.mark.parametrize(
    "sentence, published, phrase, value",
    [
        ("The envoy will address parliament Friday afternoon.", "2023-09-13", "Friday afternoon", "2023-09-15TAF"),
        ("Rebels shelled the port on Sunday afternoon.", "2023-09-19", "Sunday afternoon", "2023-09-17TAF"),
        ("Talks broke up Tuesday evening without a deal.", "1998-03-05", "Tuesday evening", "1998-03-03TEV"),
        ("The cabinet met on Monday afternoon.", "2019-01-07", "Monday afternoon", "2019-01-07TAF"),
    ],
)
def test_a_weekday_afternoon_is_a_time_of_that_day(sentence, published, phrase, value):
    [e] = find_time_expressions(sentence, dt.date.fromisoformat(published))
    assert (e.text, e.type, e.value, e.granularity) == (phrase, "TIME", value, "time")


def test_a_clock_time_after_a_weekday_afternoon_falls_on_that_day():
    exprs = find_time_expressions("The envoys met on Tuesday afternoon. Talks resumed at 6 p.m.", dt.date(2023, 9, 15))
    assert [(e.text, e.value) for e in exprs] == [
        ("Tuesday afternoon", "2023-09-12TAF"),
        ("6 p.m.", "2023-09-12T18:00"),
    ]


# --- a future weekday that is the publication's own weekday (issue 12, item 2) ---
# The same day when the text says the act is still to come that day; the same
# weekday a week on when the writer calls the publication day "today".
SAME_WEEKDAY = [
    # sentence, published (that weekday), value, why
    ("The prime minister will speak Tuesday in parliament.", "2023-09-12", "2023-09-12", "weekday-style"),
    ("Foreign ministers are due to meet on Monday in Brussels.", "2019-01-07", "2019-01-07", "weekday-style"),
    ("Lavrov will hold talks with Wang later on Thursday.", "2023-09-14", "2023-09-14", "later"),
    ("The envoy will brief reporters later Friday, his office said today.", "2023-09-15", "2023-09-15", "later"),
    ("Erdogan said he would meet Putin on Wednesday.", "2023-09-13", "2023-09-13", "future-in-past"),
    ("Officials said today that the council was to vote on Sunday.", "1987-03-08", "1987-03-08", "future-in-past"),
    (
        "The president told reporters today he will address the nation Monday evening.",
        "1987-03-09",
        "1987-03-09",
        "later-part",
    ),
    # the writer says "today" for today: the weekday is a week on
    ("The ministers met today and will meet again on Tuesday.", "1987-03-10", "1987-03-17", None),
    ("Modi arrived in Paris this morning; he will visit Berlin on Friday.", "2023-09-15", "2023-09-22", None),
    ("The committee will vote on Wednesday, the chairman said tonight.", "2020-01-08", "2020-01-15", None),
]


@pytest.mark.parametrize("sentence, published, value, why", SAME_WEEKDAY, ids=[s[0][:40] for s in SAME_WEEKDAY])
def test_a_future_weekday_on_its_own_weekday(sentence, published, value, why):
    pub = dt.date.fromisoformat(published)
    [e] = [e for e in find_time_expressions(sentence, pub) if e.rule.startswith("weekday")]
    assert e.value[:10] == value
    assert e.rule.split("/")[1] == (f"same-day-{why}" if why else "future")


def test_quoted_today_is_the_speakers_not_the_writers():
    text = '"We are working today," the minister said. Talks will resume on Tuesday.'
    [_, e] = find_time_expressions(text, dt.date(2023, 9, 12))
    assert (e.text, e.value) == ("Tuesday", "2023-09-12")


# --- "this <weekday>" by tense (the gold-wikinews rule: past tense, the past one) ---
@pytest.mark.parametrize(
    "sentence, published, value",
    [
        ("This Wednesday, Erdogan said the museum could become a mosque.", "2019-03-31", "2019-03-27"),
        ("This Thursday the minister signed the decree.", "2023-09-18", "2023-09-14"),
        ("The leaders will meet this Friday in Rome.", "2023-09-16", "2023-09-22"),
        ("The vote is this Thursday.", "2023-09-12", "2023-09-14"),
        ("Ministers meet this Saturday.", "2023-09-16", "2023-09-16"),
    ],
)
def test_this_weekday_follows_the_tense(sentence, published, value):
    [e] = find_time_expressions(sentence, dt.date.fromisoformat(published))
    assert e.value == value


# --- the gold-wikinews date rules, expressed by the temporal layer ---
@pytest.mark.parametrize(
    "sentence, published, phrase, value",
    [
        # a bare past weekday: the latest on or before publication, that day included
        ("Rebels seized the airport on Friday.", "2020-01-10", "Friday", "2020-01-10"),
        ("Rebels seized the airport on Thursday.", "2020-01-10", "Thursday", "2020-01-09"),
        # "last Thursday": strictly before the publication day
        ("The envoys met last Friday.", "2020-01-10", "last Friday", "2020-01-03"),
        ("The envoys met last Thursday.", "2020-01-10", "last Thursday", "2020-01-09"),
        # "last Thursday" with its date written out: the date wins
        ("On last Thursday, January 2, the leaders signed.", "2020-01-10", "last Thursday, January 2", "2020-01-02"),
        # a future weekday: the next one after publication
        ("The leaders will meet on Saturday.", "2020-01-10", "Saturday", "2020-01-11"),
    ],
)
def test_gold_wikinews_weekday_rules(sentence, published, phrase, value):
    found = {e.text: e for e in find_time_expressions(sentence, dt.date.fromisoformat(published))}
    assert found[phrase].value == value, found


def test_the_whole_article_tells_how_the_writer_names_the_day():
    paragraph = "The ministers will meet again on Tuesday."
    article = "The ministers met in Geneva today.\n\n" + paragraph
    tue = dt.date(2023, 9, 12)
    [alone] = find_time_expressions(paragraph, tue)
    [in_article] = find_time_expressions(paragraph, tue, document=article)
    assert (alone.value, in_article.value) == ("2023-09-12", "2023-09-19")


# --- generic "now" and "today": TimeML PRESENT_REF (issue 12, item 7) ---
@pytest.mark.parametrize(
    "sentence, phrase, value",
    [
        ("Now, the alliance's mission is less clear.", "Now", "PRESENT_REF"),
        ("The treaty was signed in 1990. Now, both sides want to revise it.", "Now", "PRESENT_REF"),
        ("Now the ministers meet every month.", "Now", "PRESENT_REF"),
        ("And today, the right to work is the right to survive.", "today", "PRESENT_REF"),
        ("Forty years ago the town had ten cinemas. Today, it has one.", "Today", "PRESENT_REF"),
        ("But today, the border remains closed to trade.", "today", "PRESENT_REF"),
        # an act of the publication day: the day itself
        ("Today, the minister met the Polish envoy.", "Today", "2023-09-15"),
        ("Today, the ministers are meeting in Rome.", "Today", "2023-09-15"),
        ("The minister said today that talks had failed.", "today", "2023-09-15"),
        ("Today, talks are due to resume in Geneva.", "Today", "2023-09-15"),
    ],
)
def test_generic_now_and_today(sentence, phrase, value):
    found = {e.text: e for e in find_time_expressions(sentence, dt.date(2023, 9, 15))}
    assert found[phrase].value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Now for the weather in the capital.",
        "Now, he says, the West wants more.",
        "Now, Ms. Okafor said, the plan will have new weight.",
        "Now then, let us begin.",
    ],
)
def test_discourse_now_is_not_a_time(sentence):
    assert "Now" not in {e.text for e in find_time_expressions(sentence, dt.date(2023, 9, 15))}
