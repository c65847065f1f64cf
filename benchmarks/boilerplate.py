"""Boilerplate on real pages: how much of what should go is still in the text
`timeline` keeps of a web page, and how much of what should stay is kept.

The pages are trafilatura's cached test pages with trafilatura's own
expectations (`../shared/data/web-eval/trafilatura-cache/evaldata.json`): for
each page, strings the main text must contain (`with`) and must not contain
(`without`: menus, bylines, related links, footers). Each cached page is read
with `timeline`'s own reader (its URL given, as `--url` would) and scored as
trafilatura's evaluation does, on whitespace-normalised text:

    boilerplate kept = `without` strings found / all `without` strings
    wanted text kept = `with` strings found / all `with` strings

both for the stored text and for the text extraction reads (the stored text with
boilerplate lines masked), whole and by tune/check half (`benchmarks/splits.py`).

    .venv/bin/python benchmarks/boilerplate.py [--verbose] [--part tune] [--threshold T | --without-model]

`--threshold` measures the reader with the line model
(timeline/data/furniture_model.json) calling lines furniture from another
score, `--without-model` with no line model (for choosing the threshold on the
tune half, and for the "before" rows); `--part tune` reads the tune half only.

`--verbose` lists, for the **tune half only**, the `without` strings kept and
the `with` strings lost; of the check half only totals are printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from splits import HALVES, half

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT.parent / "shared" / "data" / "web-eval" / "trafilatura-cache"
sys.path.insert(0, str(ROOT))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def cached_pages() -> list[dict]:
    data = json.loads((CACHE / "evaldata.json").read_text(encoding="utf-8"))
    return [
        {"url": url, **item}
        for url, item in sorted(data.items())
        if item.get("file") and (CACHE / item["file"]).is_file()
    ]


def texts_of(page: dict) -> tuple[str, str]:
    """(stored text, text extraction reads) of one page; empty when not read."""
    from timeline.sources import Document, SourceOptions, read_sources
    from timeline.sources.boilerplate import mask_boilerplate

    url = page["url"] if page["url"].startswith(("http://", "https://")) else None  # some keys are labels
    results = list(read_sources([str(CACHE / page["file"])], SourceOptions(url=url)))
    docs = [r for r in results if isinstance(r, Document)]
    if not docs:
        return "", ""
    text = "\n".join(d.text for d in docs)
    return _flat(text), _flat(mask_boilerplate(text))


def score(pages: list[dict], texts: dict[str, str]) -> dict:
    kept_bad = total_bad = kept_good = total_good = 0
    for page in pages:
        text = texts[page["file"]]
        bad = [s for s in page.get("without", []) if s]
        good = [s for s in page.get("with", []) if s]
        total_bad += len(bad)
        total_good += len(good)
        kept_bad += sum(1 for s in bad if _flat(s) in text)
        kept_good += sum(1 for s in good if _flat(s) in text)
    return {
        "pages": len(pages),
        "without": total_bad,
        "with": total_good,
        "boilerplate": kept_bad / total_bad if total_bad else 0.0,
        "wanted": kept_good / total_good if total_good else 0.0,
    }


def _set_model(threshold: float | None, without: bool) -> None:
    import dataclasses

    from timeline.sources import linemodel, webpage

    if without:
        webpage.furniture_by_model = lambda tree, lines, title: [False] * len(lines)
    elif threshold is not None:
        model = dataclasses.replace(linemodel.load_model(), threshold=threshold)
        linemodel.load_model = lambda: model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="the tune half's kept boilerplate and lost text")
    ap.add_argument("--part", choices=("all", *HALVES), default="all", help="read only this half")
    ap.add_argument("--threshold", type=float, help="the line model's threshold instead of the model file's")
    ap.add_argument("--without-model", action="store_true", help="the reader without its line model")
    a = ap.parse_args()
    _set_model(a.threshold, a.without_model)
    if not (CACHE / "evaldata.json").exists():
        sys.exit(f"skipped: {CACHE} is missing (the ../shared data is not here)")
    pages = [p for p in cached_pages() if a.part == "all" or half(p["file"]) == a.part]
    start = time.perf_counter()
    stored, read = {}, {}
    for page in pages:
        stored[page["file"]], read[page["file"]] = texts_of(page)
    print(f"{len(pages)} pages read in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    parts = {"all": pages, **{h: [p for p in pages if half(p["file"]) == h] for h in HALVES}}
    parts = {name: chosen for name, chosen in parts.items() if chosen and (a.part == "all" or name == a.part)}
    print("| text | part | pages | `without` strings | boilerplate kept | `with` strings | wanted text kept |")
    print("|---|---|---|---|---|---|---|")
    for name, texts in (("stored", stored), ("read by extraction", read)):
        for part, chosen in parts.items():
            f = score(chosen, texts)
            print(
                f"| {name} | {part} | {f['pages']} | {f['without']} | {f['boilerplate']:.1%} "
                f"| {f['with']} | {f['wanted']:.1%} |"
            )
    if a.verbose and "tune" in parts:
        print("\n== tune half: boilerplate kept (-) and wanted text lost (+), in the stored text ==")
        for page in parts["tune"]:
            text = stored[page["file"]]
            kept = [s for s in page.get("without", []) if s and _flat(s) in text]
            lost = [s for s in page.get("with", []) if s and _flat(s) not in text]
            if kept or lost:
                print(f"{page['file']} ({page['url']})")
                for s in kept:
                    print(f"  - {s!r}")
                for s in lost:
                    print(f"  + {s!r}")


if __name__ == "__main__":
    main()
