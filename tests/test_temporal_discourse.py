"""How a text names its publication day: "today" or the weekday, quotes aside."""

from __future__ import annotations

import pytest

from timeline.temporal.discourse import says_today, unquoted


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister said today that talks would resume.", True),
        ("Troops will withdraw tonight, officials said.", True),
        ("Kim arrived this morning in Vladivostok.", True),
        ("The minister said Tuesday that talks would resume.", False),
        ('"We will decide today," the minister said on Friday.', False),
        ("``Today is a good day,'' he told reporters Monday.", False),
        ("\u201cNot today,\u201d she said. The vote is on Friday.", False),
    ],
)
def test_says_today(text, expected):
    assert says_today(text) is expected


def test_unquoted_keeps_offsets():
    text = 'He said "we meet today" on Friday.'
    blanked = unquoted(text)
    assert len(blanked) == len(text)
    assert blanked.index("on Friday") == text.index("on Friday")
    assert "today" not in blanked
