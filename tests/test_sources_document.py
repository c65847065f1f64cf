"""Document: an article arrives clean, its site furniture blanked in a `body`
that keeps every character position of `text`, and its dateline's place read."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from timeline.sources.document import Document

ARTICLE = "Forgot your password?\nQUITO, May 3 (Reuters) - Ecuador and Colombia signed a border accord."


def test_the_body_blanks_site_furniture_and_keeps_every_offset():
    doc = Document(text=ARTICLE)
    assert doc.text == ARTICLE  # the text stored and hashed is the article as read
    assert len(doc.body) == len(doc.text)
    assert doc.body.split("\n") == [" " * len("Forgot your password?"), ARTICLE.split("\n")[1]]
    assert doc.body.index("signed") == doc.text.index("signed")


def test_a_text_with_no_furniture_is_its_own_body():
    text = "Ecuador and Colombia signed a border accord."
    assert Document(text=text).body == text


@pytest.mark.parametrize(
    ("text", "extra", "place"),
    [
        ("QUITO, May 3 (Reuters) - Ecuador and Colombia met.", {}, "QUITO"),
        ("SANTA CRUZ, Bolivia (AP) — Envoys met.", {}, "SANTA CRUZ"),
        # A dateline given as a field wins over the text's first words.
        ("LIMA — Envoys met.", {"dateline": "CUZCO, Feb 26"}, "CUZCO"),
        ("Envoys met in Lima.", {"dateline": "Tacna, 2 March"}, "Tacna"),
        ("Envoys met in Lima.", {}, None),
        ("Envoys met in Lima.", {"dateline": 42}, None),
    ],
)
def test_the_dateline_place_comes_with_the_document(text, extra, place):
    assert Document(text=text, extra=extra).dateline_place == place


def test_what_is_read_from_the_text_follows_the_text():
    doc = replace(Document(text=ARTICLE), text="PASTO — Envoys met.")
    assert (doc.body, doc.dateline_place) == ("PASTO — Envoys met.", "PASTO")


def test_a_document_sent_to_a_worker_arrives_as_it_left():
    doc = Document(text=ARTICLE, extra={"dateline": "CUZCO, Feb 26"})
    again = pickle.loads(pickle.dumps(doc))
    assert (again.text, again.body, again.dateline_place) == (doc.text, doc.body, "CUZCO")
