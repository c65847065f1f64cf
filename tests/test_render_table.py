"""The terminal table: whole tables at fixed widths, colour only when asked."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS

from timeline.render.table import render_table

WIDE = """\
date              type                actors                    place         summary                              src
──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
2023-09-13        CONSULT/meet        Vladimir Putin, Kim       Vostochny     Putin met Kim Jong Un at the           1
                                      Jong Un                   Cosmodrome    Vostochny Cosmodrome
                                                                (RUS)
2023-09-15        CONSULT/meet        Vladimir Putin,           Sochi (RUS)   Putin met Lukashenko in Sochi          1
                                      Alexander Lukashenko
2023-09-15        REQUEST/propose     Alexander Lukashenko,     Sochi (RUS)   Lukashenko proposed a trilateral       1
                                      Kim Jong Un                             partnership with North Korea
2023-W37 (week)   ACCUSE/disapprove   European Parliament,                    The European Parliament called         1
                                      Alexander Lukashenko                    Lukashenko "an accomplice"
undated           STATEMENT/comment   Dmitry Peskov                           Peskov said the talks were             1
                                                                              productive
"""


def test_wide_table_shows_every_column():
    assert render_table(SEED_EVENTS, width=118) == WIDE


def test_table_fits_the_width_and_drops_place_then_type():
    for width, dropped in ((80, ["place"]), (50, ["place", "type"])):
        text = render_table(SEED_EVENTS, width=width)
        assert max(len(line) for line in text.splitlines()) <= width
        header = text.splitlines()[0].split()
        assert header == [c for c in ["date", "type", "actors", "place", "summary", "src"] if c not in dropped]
        # the honest dates survive any width
        assert "2023-W37 (week)" in text and "undated" in text


def test_no_colour_codes_unless_asked():
    assert "\x1b[" not in render_table(SEED_EVENTS, width=100)
    assert "\x1b[" in render_table(SEED_EVENTS, width=100, color=True)


def test_empty_list():
    assert render_table([], width=80) == "No events.\n"
