"""ICS export: all-day events over the days a date covers, stable UIDs,
parsed back with the ics package."""

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS, SEED_URL

from timeline.render.calendar import event_uid, render_ics

# The Putin–Kim summit as a calendar entry, exactly (lines folded at 75 octets).
KIM_SUMMIT = (
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20230913\r\n"
    "DTEND;VALUE=DATE:20230914\r\n"
    "CATEGORIES:CONSULT\r\n"
    "DTSTAMP:20230915T000000Z\r\n"
    "DESCRIPTION:Putin met Kim Jong Un at the Vostochny Cosmodrome\\nDate: 2023-0\r\n"
    " 9-13\\nType: CONSULT/meet (CAMEO 040)\\nActors: Vladimir Putin\\, Kim Jong Un\r\n"
    " \\nSources:\\n- POLITICO — Putin hosts Lukashenko after Kim summit — 202\r\n"
    " 3-09-15 — https://www.politico.eu/article/vladimir-putin-alexander-lukas\r\n"
    " henko-sochi-meeting/\r\n"
    "LOCATION:Vostochny Cosmodrome (RUS)\r\n"
    "SUMMARY:Putin met Kim Jong Un at the Vostochny Cosmodrome\r\n"
    "UID:event-1@timeline.invalid\r\n"
    "END:VEVENT\r\n"
)


def _parse(text):
    from ics import Calendar

    return {event.uid: event for event in Calendar(text).events}


def test_calendar_frame_and_one_whole_event():
    text = render_ics(SEED_EVENTS, title="Seed")
    assert text.startswith(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//timeline//diplomatic events//EN\r\nX-WR-CALNAME:Seed\r\n"
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20230911\r\n"  # sorted by start: the W37 week comes first
    )
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert KIM_SUMMIT in text


def test_parses_back_with_the_ics_package():
    events = _parse(render_ics(SEED_EVENTS))
    # the undated Peskov statement has no place on a calendar
    assert sorted(events) == [f"event-{i}@timeline.invalid" for i in (1, 2, 3, 4)]
    spans = {uid: (e.begin.date(), e.end.date(), e.all_day) for uid, e in events.items()}
    assert spans == {
        "event-1@timeline.invalid": (dt.date(2023, 9, 13), dt.date(2023, 9, 14), True),
        "event-2@timeline.invalid": (dt.date(2023, 9, 15), dt.date(2023, 9, 16), True),
        "event-3@timeline.invalid": (dt.date(2023, 9, 15), dt.date(2023, 9, 16), True),
        # week granularity: the whole ISO week, DTEND exclusive (RFC 5545)
        "event-4@timeline.invalid": (dt.date(2023, 9, 11), dt.date(2023, 9, 18), True),
    }
    kim = events["event-1@timeline.invalid"]
    assert kim.name == "Putin met Kim Jong Un at the Vostochny Cosmodrome"
    assert kim.location == "Vostochny Cosmodrome (RUS)"
    assert SEED_URL in kim.description
    assert kim.description.splitlines()[-2:] == [
        "Sources:",
        f"- POLITICO — Putin hosts Lukashenko after Kim summit — 2023-09-15 — {SEED_URL}",
    ]


@pytest.mark.parametrize(
    ("date", "granularity", "start", "end", "first", "after_last"),
    [
        ("2023-09", "month", "2023-09-01", "2023-09-30", "2023-09-01", "2023-10-01"),
        ("2023", "year", "2023-01-01", "2023-12-31", "2023-01-01", "2024-01-01"),
        ("2023-Q3", "quarter", None, None, "2023-07-01", "2023-10-01"),
        ("2023-09-15", "day", "2023-09-15", "2023-09-15", "2023-09-15", "2023-09-16"),
    ],
)
def test_granularity_becomes_an_all_day_span(date, granularity, start, end, first, after_last):
    event = dict(SEED_EVENTS[0], date=date, granularity=granularity, date_start=start, date_end=end)
    (parsed,) = _parse(render_ics([event])).values()
    assert (parsed.begin.date().isoformat(), parsed.end.date().isoformat()) == (first, after_last)


def test_uid_is_stable_across_exports_and_orders():
    once = render_ics(SEED_EVENTS)
    assert render_ics(list(reversed(SEED_EVENTS))) == once
    assert render_ics(SEED_EVENTS) == once
    assert event_uid({"id": 42}) == "event-42@timeline.invalid"


def test_long_unicode_lines_fold_without_splitting_characters():
    event = dict(SEED_EVENTS[1], summary="Встреча Путина и Лукашенко в Сочи, " * 6)
    text = render_ics([event])
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75
    (parsed,) = _parse(text).values()
    assert parsed.name == event["summary"]


def test_no_dated_events_gives_an_empty_calendar():
    assert _parse(render_ics([SEED_EVENTS[4]])) == {}
