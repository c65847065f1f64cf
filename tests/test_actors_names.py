"""Name normalisation: the keys every gazetteer lookup goes through."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.actors.names import default_surname, index_keys, normalise

NORMAL_FORMS = [
    ("the U.S.", "us"),
    ("US", "us"),
    ("U.S.S.R.", "ussr"),
    ("Kim Jong-un’s", "kim jong un"),
    ("Putin's", "putin"),
    ("Weizsäcker", "weizsaecker"),
    ("Élysée", "elysee"),
    ("Quai d'Orsay", "quai dorsay"),
    ("  European   Parliament ", "european parliament"),
    ("Secretary-General", "secretary general"),
    ("The Hague", "hague"),
    ("theocracy", "theocracy"),
    ("No. 10", "no 10"),
    ("", ""),
    ("...", ""),
]


@pytest.mark.parametrize("text, key", NORMAL_FORMS)
def test_normalise(text, key):
    assert normalise(text) == key


def test_index_keys_add_the_spelling_without_umlauts():
    assert index_keys("Weizsäcker") == {"weizsaecker", "weizsacker"}
    assert index_keys("Putin") == {"putin"}
    assert index_keys("") == set()


SURNAMES = [
    ("Vladimir Putin", "Russia", "putin"),
    ("Xi Jinping", "China", "xi"),
    ("Kim Jong Un", "North Korea", "kim"),
    ("James Baker III", "United States", "baker"),
    ("Hirohito", "Japan", None),
]


@pytest.mark.parametrize("name, country, surname", SURNAMES)
def test_default_surname(name, country, surname):
    assert default_surname(name, country) == surname


@given(st.text(max_size=60))
def test_normalise_gives_a_clean_key(text):
    key = normalise(text)
    assert key == key.strip()
    assert "  " not in key
    assert not re.search(r"[^\w ]", key)
    assert key == key.lower() or not key.isascii()
