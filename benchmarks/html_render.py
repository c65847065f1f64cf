"""How fast the exports render, and how soon the HTML timeline is interactive
in headless Chromium, for a realistic synthetic list of events.

    .venv/bin/python benchmarks/html_render.py                # 10,000 events
    .venv/bin/python benchmarks/html_render.py --events 2000 --repeat 5
    .venv/bin/python benchmarks/html_render.py --screenshot docs/timeline-html.png

Prints figures; asserts nothing. Needs `chromium` for the browser figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from render_samples import synthetic_events  # noqa: E402
from test_render_html_browser import chromium_path, render_in_chromium  # noqa: E402

from timeline.render import render  # noqa: E402
from timeline.vocabulary import OUTPUT_FORMATS  # noqa: E402

# Zoom to about four months and focus the first event there, so the picture
# shows lanes, spans, the legend and a tooltip.
_PICTURE_VIEW = """(() => {
  const t = window.timeline;
  t.view.start = 19480; t.view.end = 19600; t.zoom(1);
  const canvas = document.querySelector('canvas');
  canvas.focus({preventScroll: true});
  for (let i = 0; i < 4; i++) canvas.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
  window.scrollTo(0, 0);
})()"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="browser runs (median reported)")
    parser.add_argument("--screenshot", type=Path, help="also save a picture of a 400-event timeline here")
    args = parser.parse_args()

    events = synthetic_events(args.events)
    print(f"{args.events} synthetic events ({sum(e['date'] is None for e in events)} undated)")
    for fmt in OUTPUT_FORMATS:
        started = time.perf_counter()
        text = render(fmt, events, width=120)
        elapsed = time.perf_counter() - started
        print(f"  render {fmt:<10} {elapsed * 1000:8.0f} ms  {len(text.encode()) / 1e6:6.2f} MB")

    if chromium_path() is None:
        print("chromium not installed (apt-get install chromium): no browser figures")
        return
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            started = time.perf_counter()
            run = render_in_chromium(events, Path(tmp) / str(i))
            wall = time.perf_counter() - started
            runs.append(run.interactive_ms)
            print(
                f"  chromium run {i + 1}: interactive {run.interactive_ms:.0f} ms after navigation start, "
                f"{run.drawn_count} drawn, {len(run.console_errors)} console errors, "
                f"{wall:.1f} s wall clock incl. browser start"
            )
    print(f"html: time to interactive, median of {len(runs)}: {statistics.median(runs):.0f} ms (target: under 2000 ms)")

    if args.screenshot:
        with tempfile.TemporaryDirectory() as tmp:
            run = render_in_chromium(
                synthetic_events(400, seed=3),
                Path(tmp),
                title="Diplomatic events (synthetic sample)",
                size=(1200, 780),
                before_screenshot=_PICTURE_VIEW,
            )
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            args.screenshot.write_bytes(run.screenshot.read_bytes())
        print(
            f"screenshot: {args.screenshot} ({args.screenshot.stat().st_size // 1024} KB, "
            f"{run.drawn_count} events drawn, {len(run.console_errors)} console errors)"
        )


if __name__ == "__main__":
    main()
