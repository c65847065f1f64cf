"""The per-article budget: the size refusal, a deadline that interrupts slow
extraction in the main thread (SIGALRM) and in other threads, that no
`except Exception` swallows, and a batch in which only the slow article fails."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from timeline.budget import NO_LIMIT, ArticleBudget, BudgetExceeded, extract_within


def _spin(seconds: float) -> str:
    """Python work that takes `seconds` and swallows every ordinary exception."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            sum(range(1000))
        except Exception:  # extraction code does this; the deadline must get through
            pass
    return "done"


@pytest.mark.parametrize(
    "max_chars, length, refused",
    [
        (100, 100, None),
        (100, 101, "text is 101 characters, over the 100-character per-article budget (--max-article-chars)"),
        (
            1_000_000,
            2_500_000,
            "text is 2,500,000 characters, over the 1,000,000-character per-article budget (--max-article-chars)",
        ),
        (None, 10_000_000, None),
    ],
)
def test_size_refusal(max_chars, length, refused):
    assert ArticleBudget(max_chars=max_chars).refuse("x" * length) == refused


def test_deadline_interrupts_slow_work_in_the_main_thread_and_restores_the_alarm():
    before = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as raised:
        with ArticleBudget(seconds=0.3).deadline():
            _spin(5)
    assert time.monotonic() - start < 2
    assert raised.value.reason == "extraction took over 0.3 s, the per-article time budget (--article-timeout)"
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_deadline_interrupts_slow_work_in_another_thread():
    outcome = {}

    def work():
        try:
            with ArticleBudget(seconds=0.3).deadline():
                outcome["result"] = _spin(5)
        except BudgetExceeded as exc:
            outcome["reason"] = exc.reason

    start = time.monotonic()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert time.monotonic() - start < 2
    assert outcome == {"reason": "extraction took over 0.3 s, the per-article time budget (--article-timeout)"}


@pytest.mark.parametrize("in_thread", [False, True])
def test_work_within_the_deadline_is_untouched(in_thread):
    out = []

    def work():
        with ArticleBudget(seconds=2).deadline():
            out.append(_spin(0.05))
        time.sleep(2.2)  # no late ring after the block
        out.append("after")

    if in_thread:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join(10)
    else:
        work()
    assert out == ["done", "after"]


def test_a_batch_in_which_one_article_is_too_slow():
    def stream(docs):
        for doc in docs:
            yield _spin(5) if doc == "slow" else doc.upper()

    def one(doc):
        return _spin(5) if doc == "slow" else doc.lower()

    results = extract_within(["a", "slow", "c"], ArticleBudget(seconds=0.3), stream, one)
    assert results[0] == "A" and isinstance(results[1], BudgetExceeded) and results[2] == "c"


def test_a_failing_stream_falls_back_to_one_by_one():
    def stream(docs):
        yield "A"
        raise ValueError("bad batch")

    def one(doc):
        if doc == "b":
            raise KeyError(doc)
        return doc

    results = extract_within(["a", "b", "c"], NO_LIMIT, stream, one)
    assert results[0] == "A" and isinstance(results[1], KeyError) and results[2] == "c"
