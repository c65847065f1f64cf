"""The ontology and trigger lexicon data files: every entry valid and usable."""

import re

import pytest
import yaml

from timeline.events.lexicon import LexiconError, _build, _load_yaml, _stem, load_lexicon

CAMEO = re.compile(r"^\d{3,4}$")


def test_lexicon_loads_and_every_trigger_has_a_known_type_and_mode():
    lexicon = load_lexicon()
    assert len(lexicon.triggers) >= 80
    for trigger in lexicon.triggers:
        category = lexicon.categories[trigger.type]
        assert trigger.mode in category.modes, trigger
        assert CAMEO.match(trigger.cameo), trigger
        assert trigger.summary


def test_ontology_has_the_plover_categories_diplomacy_needs():
    names = set(load_lexicon().categories)
    assert {
        "CONSULT",
        "AGREE",
        "SUPPORT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "COOPERATE",
        "STATEMENT",
    } <= names
    for category in load_lexicon().categories.values():
        assert CAMEO.match(category.cameo)
        for mode in category.modes.values():
            assert CAMEO.match(mode.cameo), (category.name, mode.name)


@pytest.mark.parametrize(
    "lemma, pos, type_, mode, cameo",
    [
        ("meet", "VERB", "CONSULT", "meet", "040"),
        ("visit", "VERB", "CONSULT", "visit", "042"),
        ("host", "VERB", "CONSULT", "host", "043"),
        ("telephone", "VERB", "CONSULT", "phone", "041"),
        ("talk", "NOUN", "CONSULT", "negotiate", "046"),
        ("summit", "NOUN", "CONSULT", "meet", "040"),
        ("sign", "VERB", "SUPPORT", "sign", "057"),
        ("propose", "VERB", "REQUEST", "propose", "036"),
        ("condemn", "VERB", "ACCUSE", "disapprove", "111"),
        ("accuse", "VERB", "ACCUSE", "allege", "112"),
        ("threaten", "VERB", "THREATEN", "threaten", "130"),
        ("expel", "VERB", "SANCTION", "expel", "174"),
        ("sanction", "NOUN", "SANCTION", "restrict", "163"),
        ("say", "VERB", "STATEMENT", "say", "010"),
    ],
)
def test_trigger_table(lemma, pos, type_, mode, cameo):
    entries = load_lexicon().candidates(lemma, pos)
    assert any((e.type, e.mode, e.cameo) == (type_, mode, cameo) for e in entries)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Putin met Kim on Wednesday.", True),
        ("The two leaders held talks in Sochi.", True),
        ("Washington slapped sanctions on Moscow.", True),
        ("Oil prices rose sharply in early trading.", False),
        ("Showers continued throughout the week in the Bahia cocoa zone.", False),
        # The copula counts only as a stay somewhere named, or every paragraph is parsed.
        ("Reagan would be in Rome from June 3 to 6.", True),
        ("Prices were in line with forecasts, because it has been a quiet week.", False),
        # Irregular pasts of trip and sanction verbs: "left for", "went to", "froze".
        ("The Polish envoy left for Hanoi on Sunday.", True),
        ("Mr Okafor went to Accra last week.", True),
        ("Oslo froze the assets of two Belarusian banks.", True),
    ],
)
def test_prefilter_keeps_candidate_text_and_drops_the_rest(text, expected):
    assert load_lexicon().may_hold_event(text) is expected


def _data():
    return _load_yaml("ontology.yaml"), _load_yaml("triggers.yaml")


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda t: t["triggers"][0].update(type="NOPE"), "not in the ontology"),
        (lambda t: t["triggers"][0].update(mode="nope"), "is not a mode"),
        (lambda t: t["triggers"][0].update(pos="ADV"), "pos must be"),
        (lambda t: t["triggers"][0].update(args="both"), "args must be"),
        (lambda t: t["triggers"][0].update(weight=2), "weight"),
        (lambda t: t["triggers"][0].update(colour="red"), "unknown keys"),
        (lambda t: t["triggers"][0].pop("lemma"), "missing lemma"),
        # YAML reads an unquoted `on` as true: "called on" would never match.
        (lambda t: t["triggers"][0].update(particles=["for", True]), "list of words"),
        (lambda t: t.update(speaker_cues=[]), "speaker_cues: the titles"),
    ],
)
def test_invalid_entries_are_refused_with_a_reason(mutate, message):
    ontology, triggers = _data()
    mutate(triggers)
    with pytest.raises(LexiconError, match=message):
        _build(ontology, triggers)


def test_a_category_without_modes_is_refused():
    ontology, triggers = _data()
    next(iter(ontology["categories"].values()))["modes"] = {}
    with pytest.raises(LexiconError, match="has no modes"):
        _build(ontology, triggers)


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [("meet", ["meet", "met"]), ("fly", ["fly", "flew", "flown"]), ("visit", ["visit"]), ("negotiate", ["negotiat"])],
)
def test_the_prefilter_stem_of_a_lemma_covers_its_irregular_forms(lemma, forms):
    assert _stem(lemma).split("|") == forms


def test_no_duplicate_trigger_entries():
    seen = set()
    for raw in yaml.safe_load(open(__import__("timeline").__path__[0] + "/data/triggers.yaml"))["triggers"]:
        key = (
            raw["lemma"],
            raw["pos"],
            raw["type"],
            raw["mode"],
            tuple(raw.get("particles") or ()),
            bool(raw.get("needs_oprd")),
        )
        assert key not in seen, key
        seen.add(key)


def test_on_and_off_particles_are_words():
    lexicon = load_lexicon()
    assert "on" in next(e for e in lexicon.candidates("call", "VERB") if e.mode == "appeal").particles
    assert "off" in lexicon.candidates("break", "VERB")[0].particles
