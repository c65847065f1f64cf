"""The word lists under timeline/data/words/: well-formed, each read by some
rule, and a malformed list reported with the file and the reason."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import timeline
from timeline import datafiles
from timeline.datafiles import DataFileError, check_word_list, forms, word_lists, words


def test_every_word_list_is_well_formed():
    lists = word_lists()
    assert lists, "no word files found"
    for (stage, key), value in lists.items():
        check_word_list(f"{stage}: {key}", value)  # raises on a bad list


def test_every_word_list_is_read_by_some_module():
    for module in pkgutil.walk_packages(timeline.__path__, "timeline."):
        importlib.import_module(module.name)
    unread = sorted(set(word_lists()) - datafiles.lists_read())
    assert unread == [], f"word lists no module reads: {unread}"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ([], "the list is empty"),
        (["plan", "plan"], "listed twice: ['plan']"),
        (["Plan"], "'Plan' must be lower-case"),
        (["at", True], "True is not a word (quote on/off/yes/no)"),
        ("plan", "expected a list of words"),
        ({"meet": "met"}, "meet: expected a list of words"),
        ({"meet": []}, "meet: the list is empty"),
        ({"Meet": ["met"]}, "'Meet' must be lower-case"),
    ],
)
def test_a_malformed_list_names_the_list_and_the_reason(value, reason):
    with pytest.raises(DataFileError) as caught:
        check_word_list("words/modality.yaml: planning_verbs", value)
    assert str(caught.value).startswith("words/modality.yaml: planning_verbs: ")
    assert reason in str(caught.value)


def test_a_missing_list_or_file_is_named():
    with pytest.raises(DataFileError, match=r"words/modality.yaml: no list 'planing_verbs'"):
        words("modality", "planing_verbs")
    with pytest.raises(DataFileError, match=r"words/nosuchstage.yaml: no such word file"):
        words("nosuchstage", "verbs")


def test_words_and_forms_are_not_confused():
    with pytest.raises(DataFileError, match="read it with forms"):
        words("lexicon", "irregular_forms")
    with pytest.raises(DataFileError, match="read it with words"):
        forms("modality", "planning_verbs")
    assert forms("lexicon", "irregular_forms")["fly"] == ("flew", "flown")


def test_words_are_frozen_sets_read_from_the_file():
    assert words("modality", "planning_verbs") >= {"plan", "schedule", "due"}
    assert isinstance(words("modality", "planning_verbs"), frozenset)
