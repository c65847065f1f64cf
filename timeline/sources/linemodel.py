"""A second opinion on the lines trafilatura keeps of a web page: a small
logistic regression (timeline/data/furniture_model.json) that scores each line
as page furniture or article text from what it looks like and where it sits in
the page (length, punctuation, the link share and class/id words of the element
it came from), never from a site's name. Trained by benchmarks/train_furniture_model.py."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MODEL_FILE = "data/furniture_model.json"
# Words of class and id names (split at non-letters and camelCase humps): a word
# shorter than four letters counts only whole ("ad", "nav"), a longer one also
# inside a word ("relatedposts", "sidebarwidget").
NAME_WORDS = (
    "nav", "menu", "footer", "header", "related", "teaser", "author", "byline", "meta",
    "share", "social", "tag", "tags", "comment", "sidebar", "widget", "breadcrumb",
    "article", "content", "entry", "post", "main", "story", "text", "body", "caption",
    "date", "time", "list", "link", "links", "title", "info", "box", "ad", "promo", "more",
    "foot", "head", "top", "col", "row", "item", "wrap", "container", "inner", "block",
    "newsletter", "intro", "lead", "copy", "credit", "sub", "rubric", "category",
)  # fmt: skip
# The HTML elements a line can sit in, by what they say about it.
ANCESTOR_TAGS = ("nav", "footer", "header", "aside", "article", "main", "figure", "ul", "ol", "table", "form")
BLOCK_TAGS = ("p", "li", "h", "td", "div", "other")
_SENTENCE_END = (".", "!", "?", ":", '"', "\u201d", "\u201c", "\u00bb", ")", "…")
_YEAR_OR_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_HUMPS = re.compile(r"[a-z]+|[A-Z][a-z]*|\d+")
_BLOCK_NAMES = frozenset(
    "p li h1 h2 h3 h4 h5 h6 blockquote dd dt figcaption td th div ul ol table tr section article aside nav"
    " header footer main figure form".split()
)
_BLOCKS = (
    ".//*[self::p or self::li or self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
    " or self::blockquote or self::dd or self::dt or self::figcaption or self::td or self::th or self::div"
    " or self::span or self::a]"
)


def feature_names() -> tuple[str, ...]:
    """The model's inputs, in order: what the model file's weights are for."""
    line = (
        "log_words", "log_chars", "punctuation_share", "ends_sentence", "capitalised_share",
        "digit_share", "has_date", "repeats_title", "position", "first_line", "last_line",
        "prev_log_words", "next_log_words", "list_marker", "found_in_page",
        "link_share", "log_depth", "line_share_of_block",
    )  # fmt: skip
    return (
        line
        + tuple(f"block_{t}" for t in BLOCK_TAGS)
        + tuple(f"inside_{t}" for t in ANCESTOR_TAGS)
        + tuple(f"name_{w}" for w in NAME_WORDS)
    )


@dataclass(frozen=True)
class LineModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: list[float]) -> float:
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def validate_model(raw: object) -> LineModel:
    """A LineModel from the model file's JSON, or ValueError naming what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    names = tuple(raw.get("features", ()))
    if names != feature_names():
        raise ValueError("its features are not the ones timeline computes (retrain the model)")
    vectors = {}
    for key in ("mean", "scale", "weights"):
        values = raw.get(key)
        if not isinstance(values, list) or len(values) != len(names):
            raise ValueError(f"{key!r} needs one number per feature")
        vectors[key] = tuple(float(v) for v in values)
    if any(s <= 0 for s in vectors["scale"]):
        raise ValueError("'scale' values must be positive")
    bias, threshold = float(raw.get("bias", "nan")), float(raw.get("threshold", "nan"))
    if not all(math.isfinite(v) for v in (bias, threshold, *vectors["mean"], *vectors["weights"])):
        raise ValueError("every number must be finite")
    if not 0.0 < threshold < 1.0:
        raise ValueError("'threshold' must lie between 0 and 1")
    return LineModel(names, vectors["mean"], vectors["scale"], vectors["weights"], bias, threshold)


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The model of timeline/data/furniture_model.json, validated once per process."""
    path = resources.files("timeline").joinpath(MODEL_FILE)
    try:
        return validate_model(json.loads(path.read_text("utf-8")))
    except ValueError as exc:
        raise ValueError(f"timeline/{MODEL_FILE}: {exc}") from None


def furniture_by_model(tree, lines: list[str], title: str | None) -> list[bool]:
    """Which of trafilatura's `lines` of the page `tree` the model calls furniture."""
    model = load_model()
    return [
        bool(line.strip()) and model.probability(f) >= model.threshold
        for line, f in zip(lines, line_features(tree, lines, title))
    ]


def line_features(tree, lines: list[str], title: str | None) -> list[list[float]]:
    """The model's inputs for each of `lines` (see `feature_names`): the line's
    own look, and the element of the page it came from with its place there."""
    page = page_lines(tree)
    sizes: dict = {}
    where = {line: i for i, (line, _) in enumerate(page)}
    title_folded = " ".join((title or "").split()).casefold()
    rows = []
    for n, line in enumerate(lines):
        folded = " ".join(line.split())
        i = where.get(folded.removeprefix("- "))
        rows.append(_features(folded, title_folded, page, i, n / max(len(lines) - 1, 1), sizes))
    return rows


def page_features(tree, title: str | None) -> tuple[list[str], list[list[float]]]:
    """Every line of the page's blocks with its inputs: what the model is trained on."""
    page = page_lines(tree)
    sizes: dict = {}
    title_folded = " ".join((title or "").split()).casefold()
    return [line for line, _ in page], [
        _features(line, title_folded, page, i, None, sizes) for i, (line, _) in enumerate(page)
    ]


def _features(
    line: str, title: str, page: list[tuple[str, object]], i: int | None, fallback: float | None, sizes: dict
) -> list[float]:
    last = max(len(page) - 1, 1)
    if i is None:
        place = [fallback or 0.0, 0.0, 0.0, 0.0, 0.0]
    else:
        place = [
            i / last,
            float(i == 0),
            float(i == len(page) - 1),
            math.log1p(len(page[i - 1][0].split())) if i else 0.0,
            math.log1p(len(page[i + 1][0].split())) if i + 1 < len(page) else 0.0,
        ]
    element = page[i][1] if i is not None else None
    return (
        _text_features(line, title)
        + place
        + [float(line.startswith("- "))]
        + _element_features(element, len(line), sizes)
    )


def _text_features(line: str, title: str) -> list[float]:
    tokens = line.split()
    chars = len(line) or 1
    letters = [t for t in tokens if t[:1].isalpha()]
    return [
        math.log1p(len(tokens)),
        math.log1p(len(line)),
        sum(1 for c in line if not c.isalnum() and not c.isspace()) / chars,
        float(line.rstrip().endswith(_SENTENCE_END)),
        sum(1 for t in letters if t[0].isupper()) / (len(letters) or 1),
        sum(1 for c in line if c.isdigit()) / chars,
        float(bool(_YEAR_OR_DATE.search(line))),
        float(bool(title) and (line.casefold() == title or (len(line) > 20 and line.casefold() in title))),
    ]


def _element_features(element, line_length: int, sizes: dict) -> list[float]:
    """The element's inputs; `sizes` keeps the text length of each element
    measured (the ancestors are shared by many lines of a page)."""
    n_blocks, n_inside, n_names = len(BLOCK_TAGS), len(ANCESTOR_TAGS), len(NAME_WORDS)
    if element is None:
        return [0.0, 0.0, 0.0, 0.0] + [0.0] * (n_blocks + n_inside + n_names)
    text = " ".join(element.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    if element.tag == "a":
        linked = len(text)
    # A wrapper holding most of the page says nothing of one line ("post has-author-box").
    ancestors = list(element.iterancestors())
    page_size = _size(ancestors[-1], sizes) if ancestors else len(text)
    named = [a for a in ancestors if _size(a, sizes) < 0.5 * page_size]
    tag = element.tag if element.tag in BLOCK_TAGS else ("h" if re.fullmatch(r"h[1-6]", element.tag) else "other")
    above = {a.tag for a in named}
    words = _name_words([element, *named])
    return (
        [1.0, min(linked / (len(text) or 1), 1.0), math.log1p(len(ancestors)), min(line_length / (len(text) or 1), 1.0)]
        + [float(tag == t) for t in BLOCK_TAGS]
        + [float(t in above) for t in ANCESTOR_TAGS]
        + [float(_names(words, w)) for w in NAME_WORDS]
    )


def _size(element, sizes: dict) -> int:
    if element not in sizes:
        sizes[element] = len(element.text_content())
    return sizes[element]


def _name_words(elements) -> set[str]:
    words: set[str] = set()
    for element in elements:
        for attribute in ("class", "id"):
            value = element.get(attribute) or ""
            words.update(w.lower() for w in _HUMPS.findall(value))
    return words


def _names(words: set[str], word: str) -> bool:
    if len(word) < 4:
        return word in words
    return any(word in w for w in words)


def page_lines(tree) -> list[tuple[str, object]]:
    """Each line of text of the page's blocks (cut at <br>s, whitespace folded),
    once, in page order, with the innermost block element that holds it whole."""
    order: dict[str, int] = {}
    element: dict[str, object] = {}
    # Document order from the outside in: an inner block, seen later, wins.
    for block in tree.xpath(_BLOCKS):
        for line in block_lines(block, at_blocks=True):
            if line:
                order.setdefault(line, len(order))
                element[line] = block
    return [(line, element[line]) for line in sorted(order, key=order.__getitem__)]


def block_lines(block, *, at_blocks: bool = False) -> list[str]:
    """The lines of an element's text, cut at its <br>s (and, `at_blocks`, around
    each block element inside it), whitespace folded."""
    parts: list[str] = []

    def walk(element) -> None:
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript"):
            return  # a comment, a processing instruction, code
        cut = element.tag == "br" or (at_blocks and element is not block and element.tag in _BLOCK_NAMES)
        if cut:
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        if cut:
            parts.append("\n")

    walk(block)
    return [" ".join(line.split()) for line in "".join(parts).split("\n")]
