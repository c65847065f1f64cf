"""Lexical tense of the clause around a span (used when no parse is given)."""

from __future__ import annotations

import pytest

from timeline.temporal.tense import future_in_past, lexical_tense


@pytest.mark.parametrize(
    "sentence, phrase, tense",
    [
        ("Putin met Lukashenko in Sochi on Friday.", "Friday", "past"),
        ("Putin will meet Lukashenko on Friday.", "Friday", "future"),
        ("Putin'll meet Lukashenko on Friday.", "Friday", "future"),
        ("The leaders are due to meet on Friday.", "Friday", "future"),
        ("The leaders are scheduled to meet on Friday.", "Friday", "future"),
        ("The ministers plan to meet on Friday.", "Friday", "future"),
        ("On Friday, the ministers signed the accord.", "Friday", "past"),
        ("The minister said on Monday that he will resign.", "Monday", "past"),
        ("The vote starts Wednesday.", "Wednesday", "present"),
        ("The talks have resumed since Friday.", "Friday", "past"),
        ("The shares would be paid on a still unspecified date in January.", "January", "future"),
        ("Friday.", "Friday", None),
        ("He met them. They will meet again on Friday.", "Friday", "future"),
        ("They will meet again. He met them on Friday.", "Friday", "past"),
        ("The team planned to leave Nairobi on Thursday.", "Thursday", "future"),
        ("On Tuesday, the league plans to hold a news conference.", "Tuesday", "future"),
        ("Netanyahu and Arafat meet separately Monday.", "Monday", "present"),
    ],
)
def test_lexical_tense(sentence, phrase, tense):
    i = sentence.rindex(phrase)
    assert lexical_tense(sentence, i, i + len(phrase)) == tense


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        ("Erdogan said he would meet Putin on Wednesday.", "Wednesday", True),
        ("The council was to vote on Sunday.", "Sunday", True),
        ("Ministers were due to sign the accord on Monday.", "Monday", True),
        ("Erdogan will meet Putin on Wednesday.", "Wednesday", False),
        ("He said he would go, and they will meet on Friday.", "Friday", False),
        ("He would have gone. They will meet on Friday.", "Friday", False),
        ("Lula met Macron on Thursday.", "Thursday", False),
    ],
)
def test_future_in_past(sentence, phrase, expected):
    i = sentence.rindex(phrase)
    assert future_in_past(sentence, i, i + len(phrase)) is expected
