"""Event records for the render tests: the seed article's events written by
hand in the stable JSON record of DESIGN.md, and a synthetic generator for
large realistic lists (the 10,000-event browser measurement)."""

from __future__ import annotations

import datetime as dt
import random

SEED_URL = "https://www.politico.eu/article/vladimir-putin-alexander-lukashenko-sochi-meeting/"


def _mention(sentence: str, expression: str | None, rule: str | None) -> dict:
    return {
        "article_id": 1,
        "url": SEED_URL,
        "title": "Putin hosts Lukashenko after Kim summit",
        "published": "2023-09-15",
        "publisher": "POLITICO",
        "sentence": sentence,
        "date_expression": expression,
        "date_rule": rule,
    }


PUTIN = {"name": "Vladimir Putin", "role": "source", "kind": "person", "country": "RUS"}
LUKASHENKO = {"name": "Alexander Lukashenko", "role": "source", "kind": "person", "country": "BLR"}

SEED_EVENTS: list[dict] = [
    {
        "id": 1,
        "type": "CONSULT",
        "mode": "meet",
        "cameo": "040",
        "date": "2023-09-13",
        "date_start": "2023-09-13",
        "date_end": "2023-09-13",
        "granularity": "day",
        "actors": [PUTIN, {"name": "Kim Jong Un", "role": "target", "kind": "person", "country": "PRK"}],
        "location": {"name": "Vostochny Cosmodrome", "country": "RUS"},
        "summary": "Putin met Kim Jong Un at the Vostochny Cosmodrome",
        "confidence": 0.9,
        "modality": "asserted",
        "n_sources": 1,
        "date_conflict": False,
        "mentions": [
            _mention(
                "The meeting came two days after Putin met Kim Jong Un at the Vostochny Cosmodrome.",
                "two days after",
                "event-anchored",
            )
        ],
    },
    {
        "id": 2,
        "type": "CONSULT",
        "mode": "meet",
        "cameo": "040",
        "date": "2023-09-15",
        "date_start": "2023-09-15",
        "date_end": "2023-09-15",
        "granularity": "day",
        "actors": [PUTIN, {**LUKASHENKO, "role": "target"}],
        "location": {"name": "Sochi", "country": "RUS"},
        "summary": "Putin met Lukashenko in Sochi",
        "confidence": 0.9,
        "modality": "asserted",
        "n_sources": 1,
        "date_conflict": False,
        "mentions": [_mention("Putin met Lukashenko in Sochi on Friday.", "on Friday", "weekday-past")],
    },
    {
        "id": 3,
        "type": "REQUEST",
        "mode": "propose",
        "cameo": "036",
        "date": "2023-09-15",
        "date_start": "2023-09-15",
        "date_end": "2023-09-15",
        "granularity": "day",
        "actors": [LUKASHENKO, {"name": "Kim Jong Un", "role": "target", "kind": "person", "country": "PRK"}],
        "location": {"name": "Sochi", "country": "RUS"},
        "summary": "Lukashenko proposed a trilateral partnership with North Korea",
        "confidence": 0.8,
        "modality": "asserted",
        "n_sources": 1,
        "date_conflict": False,
        "mentions": [_mention("Lukashenko proposed a trilateral partnership.", "on Friday", "weekday-past")],
    },
    {
        "id": 4,
        "type": "ACCUSE",
        "mode": "disapprove",
        "cameo": "112",
        "date": "2023-W37",
        "date_start": "2023-09-11",
        "date_end": "2023-09-17",
        "granularity": "week",
        "actors": [
            {"name": "European Parliament", "role": "source", "kind": "organisation", "country": None},
            {**LUKASHENKO, "role": "target"},
        ],
        "location": None,
        "summary": 'The European Parliament called Lukashenko "an accomplice"',
        "confidence": 0.7,
        "modality": "asserted",
        "n_sources": 1,
        "date_conflict": False,
        "mentions": [
            _mention("This week the European Parliament called him an accomplice.", "this week", "week-of-publication")
        ],
    },
    {
        "id": 5,
        "type": "STATEMENT",
        "mode": "comment",
        "cameo": "010",
        "date": None,
        "date_start": None,
        "date_end": None,
        "granularity": "none",
        "actors": [{"name": "Dmitry Peskov", "role": "source", "kind": "person", "country": "RUS"}],
        "location": None,
        "summary": "Peskov said the talks were productive",
        "confidence": 0.6,
        "modality": "asserted",
        "n_sources": 1,
        "date_conflict": False,
        "mentions": [_mention("Peskov said the talks were productive.", None, None)],
    },
]

_ACTORS = [
    ("Vladimir Putin", "RUS"),
    ("Xi Jinping", "CHN"),
    ("Joe Biden", "USA"),
    ("Emmanuel Macron", "FRA"),
    ("Olaf Scholz", "DEU"),
    ("Volodymyr Zelenskyy", "UKR"),
    ("Recep Tayyip Erdogan", "TUR"),
    ("Narendra Modi", "IND"),
    ("Kim Jong Un", "PRK"),
    ("Alexander Lukashenko", "BLR"),
    ("Antony Blinken", "USA"),
    ("Sergey Lavrov", "RUS"),
    ("Wang Yi", "CHN"),
    ("Ursula von der Leyen", None),
    ("António Guterres", None),
    ("Rishi Sunak", "GBR"),
    ("Fumio Kishida", "JPN"),
    ("Lula da Silva", "BRA"),
    ("Mohammed bin Salman", "SAU"),
    ("Benjamin Netanyahu", "ISR"),
    ("Cyril Ramaphosa", "ZAF"),
]
_TYPES = [
    ("CONSULT", "meet", "040"),
    ("CONSULT", "visit", "042"),
    ("CONSULT", "phone", "041"),
    ("AGREE", "sign", "057"),
    ("REQUEST", "propose", "036"),
    ("ACCUSE", "disapprove", "112"),
    ("SANCTION", "impose", "163"),
    ("STATEMENT", "comment", "010"),
    ("REJECT", "reject", "120"),
    ("THREATEN", "warn", "130"),
    ("COOPERATE", "cooperate", "030"),
]
_VERBS = {
    "meet": "met",
    "visit": "visited",
    "phone": "spoke by phone with",
    "sign": "signed an agreement with",
    "propose": "proposed talks to",
    "disapprove": "criticised",
    "impose": "imposed sanctions on",
    "comment": "commented on",
    "reject": "rejected a proposal by",
    "warn": "warned",
    "cooperate": "agreed to cooperate with",
}
_PLACES = [
    ("Sochi", "RUS"),
    ("Beijing", "CHN"),
    ("Washington", "USA"),
    ("Brussels", "BEL"),
    ("Ankara", "TUR"),
    ("New Delhi", "IND"),
    ("Geneva", "CHE"),
    ("Kyiv", "UKR"),
    ("Tokyo", "JPN"),
    None,
]
_PUBLISHERS = ["Reuters", "AP", "POLITICO", "BBC", "Al Jazeera", "DW"]


def synthetic_events(n: int, seed: int = 7) -> list[dict]:
    """`n` realistic event records over 2019–2024: mostly day dates, some weeks,
    months and years, a few undated; 1–3 actors (skewed, as news is), 1–4 sources."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(_ACTORS))]
    origin = dt.date(2019, 1, 1)
    events = []
    for i in range(1, n + 1):
        kind, mode, cameo = rng.choice(_TYPES)
        names = list(dict.fromkeys(rng.choices(_ACTORS, weights=weights, k=rng.randint(1, 3))))
        day = origin + dt.timedelta(days=rng.randrange(6 * 365))
        granularity = rng.choices(["day", "week", "month", "year", "none"], weights=[80, 8, 7, 2, 3])[0]
        if granularity == "day":
            date, start, end = day.isoformat(), day, day
        elif granularity == "week":
            year, week, _ = day.isocalendar()
            date = f"{year}-W{week:02d}"
            start, end = dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
        elif granularity == "month":
            date, start = day.strftime("%Y-%m"), day.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        elif granularity == "year":
            date, start, end = str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        else:
            date = start = end = None
        place = rng.choice(_PLACES)
        verb = _VERBS[mode]
        summary = (
            f"{names[0][0]} {verb} {names[1][0]}" if len(names) > 1 else f"{names[0][0]} {verb} foreign counterparts"
        )
        n_sources = rng.randint(1, 4)
        events.append(
            {
                "id": i,
                "type": kind,
                "mode": mode,
                "cameo": cameo,
                "date": date,
                "date_start": start.isoformat() if start else None,
                "date_end": end.isoformat() if end else None,
                "granularity": granularity,
                "actors": [
                    {"name": name, "role": "source" if k == 0 else "target", "kind": "person", "country": country}
                    for k, (name, country) in enumerate(names)
                ],
                "location": {"name": place[0], "country": place[1]} if place else None,
                "summary": summary,
                "confidence": round(rng.uniform(0.5, 1.0), 2),
                "modality": "asserted",
                "n_sources": n_sources,
                "date_conflict": False,
                "mentions": [
                    {
                        "article_id": i * 10 + k,
                        "url": f"https://news.example.org/{i}/{k}",
                        "title": f"{summary} ({k + 1})",
                        "published": (end or day).isoformat(),
                        "publisher": rng.choice(_PUBLISHERS),
                        "sentence": summary + ".",
                        "date_expression": "on Tuesday",
                        "date_rule": "weekday-past",
                    }
                    for k in range(n_sources)
                ],
            }
        )
    return events
