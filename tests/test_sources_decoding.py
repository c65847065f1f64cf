"""decode_bytes: text in any common encoding decodes, binary and garbage are refused."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources.decoding import BINARY, UNDECODABLE, decode_bytes, looks_binary

ARTICLE = "Lukashenko said the “trio” would meet in Sochi — a café summit, très discret.\n" * 3


@pytest.mark.parametrize(
    "data,encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (ARTICLE.encode("utf-8-sig"), "utf-8-sig"),
        (ARTICLE.encode("cp1252"), "cp1252"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf_16_le"),  # no BOM: found by charset-normalizer
        (ARTICLE.encode("utf-32"), "utf-32"),
    ],
)
def test_text_encodings_decode(data, encoding):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.reason) == (ARTICLE, encoding, None)


def test_latin1_french_is_read_as_western_not_central_european():
    text = "Le ministre a reçu son homologue à Paris. Señor Muñoz était là.\n"
    assert decode_bytes(text.encode("latin-1")).text == text


def test_cyrillic_code_page_is_detected():
    text = "Путин встретился с Лукашенко в Сочи в пятницу. " * 3
    assert decode_bytes(text.encode("cp1251")).text == text


def test_declared_charset_wins_in_markup():
    html = '<html><head><meta charset="windows-1252"></head><body><p>“Frank” talks — in Vienna.</p></body></html>'
    assert decode_bytes(html.encode("cp1252"), markup=True).text == html


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BINARY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BINARY),
        (b"PK\x03\x04\x14\x00\x06\x00", BINARY),
        (bytes(range(256)) * 4, BINARY),
        (bytes(random.Random(5).randrange(128, 256) for _ in range(3000)), UNDECODABLE),
        (b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 100, UNDECODABLE),
    ],
)
def test_refused(data, reason):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.reason) == (None, reason)


def test_looks_binary_ignores_ordinary_whitespace():
    assert not looks_binary(b"Line one\n\tLine two\r\n\x0cPage two\n")


# deadline=None: the first call pays a lazy import (charset-normalizer, YAML rules).
@settings(deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_refuse(data):
    decoded = decode_bytes(data)
    assert (decoded.text is None) == (decoded.reason is not None)
    assert decoded.reason in (None, BINARY, UNDECODABLE)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=500))
def test_any_utf8_text_round_trips(text):
    assert decode_bytes(text.encode("utf-8")).text == text
