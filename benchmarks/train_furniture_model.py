"""Train the line model of the HTML reader (timeline/data/furniture_model.json):
a logistic regression that calls a line trafilatura keeps furniture or text.

Labels come from the **tune half** of trafilatura's cached test pages only
(`../shared/data/web-eval/trafilatura-cache/`, split by `benchmarks/splits.py`):
a line holding one of the page's `without` strings is furniture, a line holding
one of its `with` strings is text; other lines are not used. The features
(timeline.sources.linemodel) never name a site. The threshold is chosen on the
tune half: leave-one-page-out scores of the labelled lines trafilatura keeps are
printed for a few thresholds, and `benchmarks/boilerplate.py --part tune` measures
the reader with the model at each (0.99 lost least wanted text on the tune half
of 0.90, 0.95, 0.98, 0.99). No page text is written: only the weights.

    .venv/bin/python benchmarks/train_furniture_model.py [--favour precision|balanced|recall] [--dry-run]

Then measure with `benchmarks/boilerplate.py` (the check half once, totals only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from splits import half

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT.parent / "shared" / "data" / "web-eval" / "trafilatura-cache"
OUT = ROOT / "timeline" / "data" / "furniture_model.json"
sys.path.insert(0, str(ROOT))

FAVOUR = {"precision": {"favor_precision": True}, "balanced": {}, "recall": {"favor_recall": True}}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _labelled(lines: list[str], rows: list[list[float]], page: dict) -> tuple[list, list, list, list]:
    """The lines holding a `with` (label 0, text) or `without` string (label 1,
    furniture), their features, and the strings of each kind each one holds."""
    bad = [_flat(s) for s in page.get("without", []) if s]
    good = [_flat(s) for s in page.get("with", []) if s]
    out: tuple[list, list, list, list] = ([], [], [], [])
    for line, row in zip(lines, rows):
        flat = _flat(line)
        b = [s for s in bad if s in flat]
        g = [s for s in good if s in flat]
        if g or b:
            for part, value in zip(out, (row, 0 if g else 1, b, g)):  # a line with wanted text is text
                part.append(value)
    return out


def page_rows(page: dict, favour: dict) -> tuple[tuple, tuple]:
    """For one page: the labelled lines of all its blocks (what the model is
    trained on) and the labelled lines trafilatura keeps (what it will judge).
    Read with trafilatura's settings as the reader's first try."""
    import trafilatura
    from trafilatura.utils import load_html

    from timeline.sources.document import normalise_text
    from timeline.sources.linemodel import line_features, page_features
    from timeline.sources.webpage import _DATE_PARAMS

    empty: tuple = ([], [], [], [])
    html = (CACHE / page["file"]).read_bytes().decode("utf-8", errors="replace")
    tree = load_html(html)
    if tree is None:
        return empty, empty
    url = page["url"] if page["url"].startswith(("http://", "https://")) else None
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=True, date_extraction_params=dict(_DATE_PARAMS), **favour
    )
    title = getattr(result, "title", None) if result is not None else None
    whole = _labelled(*page_features(tree, title), page)
    text = normalise_text(getattr(result, "text", None) or "") if result is not None else ""
    if not text:
        return whole, empty
    lines = text.split("\n")
    return whole, _labelled(lines, line_features(tree, lines, title), page)


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000) -> tuple[np.ndarray, float]:
    """Logistic regression by gradient descent on standardised inputs, classes weighted equally."""
    n, d = x.shape
    weight = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    w, b = np.zeros(d), 0.0
    rate = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = (p - y) * weight
        w -= rate * (x.T @ g + l2 * w / n)
        b -= rate * g.sum()
    return w, b


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean, scale


def main() -> None:
    from timeline.sources.linemodel import feature_names, validate_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--favour", choices=FAVOUR, default="balanced", help="trafilatura setting whose lines are labelled")
    ap.add_argument("--l2", type=float, default=1.0, help="weight of the L2 penalty")
    ap.add_argument(
        "--threshold", type=float, default=0.99, help="score from which a line is furniture (chosen on the tune half)"
    )
    ap.add_argument("--kept-too", action="store_true", help="also train on the labelled lines trafilatura keeps")
    ap.add_argument("--dry-run", action="store_true", help="print the tune figures, write nothing")
    a = ap.parse_args()
    if not (CACHE / "evaldata.json").exists():
        sys.exit(f"skipped: {CACHE} is missing (the ../shared data is not here)")
    data = json.loads((CACHE / "evaldata.json").read_text(encoding="utf-8"))
    pages = [
        {"url": url, **item}
        for url, item in sorted(data.items())
        if item.get("file") and (CACHE / item["file"]).is_file() and half(item["file"]) == "tune"
    ]
    per_page = [page_rows(p, FAVOUR[a.favour]) for p in pages]
    if a.kept_too:  # trafilatura's own labelled lines count again: they are the hard cases
        per_page = [((w[0] + k[0], w[1] + k[1], w[2] + k[2], w[3] + k[3]), k) for w, k in per_page]
    x = np.array([row for whole, _ in per_page for row in whole[0]], dtype=float)
    y = np.array([label for whole, _ in per_page for label in whole[1]], dtype=float)
    kept = sum(len(k[1]) for _, k in per_page)
    print(
        f"tune: {len(pages)} pages, {len(y)} labelled lines ({int(y.sum())} furniture); "
        f"trafilatura keeps {kept} labelled lines ({sum(sum(k[1]) for _, k in per_page)} furniture)",
        file=sys.stderr,
    )
    mean, scale = standardise(x)
    # Leave one page out: each page's kept lines scored by a model that never saw the page.
    scores: list[tuple[float, int, list[str]]] = []  # (score, label, furniture strings held)
    start = 0
    for whole, kept_rows in per_page:
        stop = start + len(whole[1])
        others = np.r_[0:start, stop : len(y)]
        w, b = fit((x[others] - mean) / scale, y[others], a.l2)
        start = stop
        if kept_rows[0]:
            p = 1.0 / (1.0 + np.exp(-(((np.array(kept_rows[0]) - mean) / scale) @ w + b)))
            scores += list(zip(p.tolist(), kept_rows[1], kept_rows[2]))
    threshold = a.threshold
    for q in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
        lost = sum(1 for score, label, _ in scores if label == 0 and score >= q)
        gone = sum(1 for score, label, _ in scores if label == 1 and score >= q)
        print(f"  at {q}: furniture dropped {gone}, text lines lost {lost}", file=sys.stderr)
    z = (x - mean) / scale
    w, b = fit(z, y, a.l2)
    model = {
        "about": "timeline's HTML line model: logistic regression; see benchmarks/train_furniture_model.py",
        "trained_on": f"trafilatura-cache tune half, {a.favour} lines, {len(y)} labelled lines",
        "features": list(feature_names()),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w],
        "bias": round(float(b), 6),
        "threshold": round(float(threshold), 4),
    }
    validate_model(model)
    top = sorted(zip(feature_names(), w), key=lambda t: -abs(t[1]))[:12]
    print("largest weights: " + ", ".join(f"{n} {v:+.2f}" for n, v in top), file=sys.stderr)
    if not a.dry_run:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
