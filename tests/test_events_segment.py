"""Paragraphs of hard-wrapped and one-line-per-paragraph news text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.events.segment import paragraphs


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Talks between Kuroda and Deputy U.S.\nTrade Representative Smith ended.",
            ["Talks between Kuroda and Deputy U.S. Trade Representative Smith ended."],
        ),
        ("He met Mr.\nSmith.", ["He met Mr. Smith."]),
        ("One line.\nAnother line.", ["One line.", "Another line."]),
        ("A wrapped\nline.\n    An indented paragraph.", ["A wrapped line.", "    An indented paragraph."]),
        ("First.\n\nSecond.", ["First.", "Second."]),
    ],
)
def test_paragraphs(text, expected):
    assert [p.text for p in paragraphs(text)] == expected


@given(st.text(alphabet="ab .\n U.S", max_size=80))
def test_offsets_index_the_text(text):
    for p in paragraphs(text):
        assert len(p.text) <= p.end - p.start
        assert text[p.start : p.start + len(p.text)].replace("\n", " ") == p.text
