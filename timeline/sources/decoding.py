"""Bytes → text for every reader: refuse binary files, honour BOMs and declared
charsets, accept UTF-8, and let charset-normalizer guess legacy encodings
(cp1252, latin-1, UTF-16 without BOM) — or refuse with one clear reason."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

BINARY = "binary file"
UNDECODABLE = "not valid UTF-8 and no other encoding fits"

# File signatures of formats people drop into news folders by mistake.
_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"MZ",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Decoded:
    """Text decoded from bytes, or the one-line reason it could not be."""

    text: str | None
    encoding: str | None = None
    reason: str | None = None


def decode_bytes(data: bytes, declared: str | None = None, markup: bool = False) -> Decoded:
    """Decode `data`; `declared` is a charset from HTTP headers, `markup` also
    looks for <meta charset> / <?xml encoding>."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return Decoded(None, reason=UNDECODABLE)
    if looks_binary(data):
        # UTF-16/32 without a BOM is full of NULs yet is text; let the detector decide.
        guessed = _guess(data)
        if guessed and guessed.encoding and guessed.encoding.startswith("utf_"):
            return guessed
        return Decoded(None, reason=BINARY)
    for encoding in _declared_encodings(data, declared, markup):
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _western(data) or _guess(data) or Decoded(None, reason=UNDECODABLE)


def looks_binary(data: bytes) -> bool:
    """A known file signature, NUL bytes, or mostly control bytes in the first 8 KB."""
    head = data[:8192]
    if any(head.startswith(magic) for magic in _MAGIC):
        return True
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13) or b == 127)
    return bool(head) and controls / len(head) > 0.05


def _declared_encodings(data: bytes, declared: str | None, markup: bool) -> list[str]:
    found = [declared] if declared else []
    if markup:
        head = data[:4096]
        for pattern in (_XML_ENCODING, _META_CHARSET):
            match = pattern.search(head)
            if match:
                found.append(match.group(1).decode("ascii", "replace"))
    # A page that says "iso-8859-1" almost always means cp1252 (WHATWG Encoding Standard).
    return ["cp1252" if e.lower().replace("_", "-") in ("iso-8859-1", "latin1", "latin-1") else e for e in found]


def _western(data: bytes) -> Decoded | None:
    """cp1252 when the text is mostly ASCII with the odd accent or curly quote.

    Written by hand because charset-normalizer cannot tell cp1252 from cp1250 or
    ISO-8859-10 on a short Western text (equal scores) and picks the wrong one."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    high = [ch for ch in text[:20000] if ord(ch) > 127]
    if not letters or not _reads_like_prose(text):
        return None
    typical = sum(1 for ch in high if ch in _WESTERN)
    # Cyrillic or Greek bytes also decode to Latin-1 letters, but then nearly every
    # letter is non-ASCII; Western European text stays mostly ASCII.
    if len(high) / len(letters) < 0.3 and typical >= 0.9 * len(high):
        return Decoded(text, "cp1252")
    return None


_WESTERN = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ‘’“”–—…€• ·«»°£§©®")


def _guess(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 input

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    # charset-normalizer finds *some* single-byte code page for most garbage; a real
    # article decodes to words separated by spaces, not a soup of symbols.
    if not _reads_like_prose(text):
        return None
    return Decoded(text, best.encoding)


def _reads_like_prose(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return True
    if _CONTROL.search(sample):
        return False
    letters = sum(ch.isalpha() for ch in sample)
    spaces = sum(ch in " \n\t" for ch in sample)
    words = re.findall(r"[^\W\d_]{2,}", sample)
    ascii_words = sum(1 for w in words if w.isascii())
    return (
        letters / len(sample) > 0.6
        and spaces / len(sample) > 0.05
        # Latin-script legacy encodings keep most words plain ASCII; Cyrillic/Greek code
        # pages produce whole words of letters, which also passes.
        and (ascii_words / max(len(words), 1) > 0.5 or sum(len(w) for w in words) / max(letters, 1) > 0.9)
    )
