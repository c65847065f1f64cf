"""Role spans: an office is held from its start day up to, not including,
the day the successor takes over."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.actors.model import Role

D = dt.date.fromisoformat
MEDVEDEV = Role("President of Russia", "head_of_state", "Russia", D("2008-05-07"), D("2012-05-07"), "Russia")
PUTIN = Role("President of Russia", "head_of_state", "Russia", D("2012-05-07"), None, "Russia")


@pytest.mark.parametrize(
    "role, day, held",
    [
        (MEDVEDEV, "2008-05-06", False),
        (MEDVEDEV, "2008-05-07", True),
        (MEDVEDEV, "2012-05-06", True),
        (MEDVEDEV, "2012-05-07", False),
        (PUTIN, "2012-05-07", True),
        (PUTIN, "2099-01-01", True),
        (PUTIN, "2012-05-06", False),
    ],
)
def test_covers(role, day, held):
    assert role.covers(D(day)) is held
