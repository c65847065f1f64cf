"""The per-article extraction budget: a size limit checked before an article
is sent for extraction, and a time limit enforced where it is extracted (this
process, a worker process, or a worker thread), so one pathological article is
recorded as failed, with the reason, and the ingest goes on.

The time limit interrupts Python code: SIGALRM in a process's main thread,
otherwise an asynchronous exception raised in the extracting thread
(`PyThreadState_SetAsyncExc`, the C API's way to interrupt another thread; the
standard library has no timeout for a function call in the same process).
Both land between bytecodes, which spaCy's per-paragraph calls reach often.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# A long news article is 50,000 characters; one of 200,000 dense characters
# takes about 15 s of CPU to extract.
DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_SECONDS = 120.0


class BudgetExceeded(BaseException):
    """Extraction ran out of time. A BaseException, so that no `except
    Exception` in the extraction code swallows it and carries on untimed."""

    def __init__(self, reason: str = "over the per-article time budget"):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ArticleBudget:
    """Limits for extracting one article; None (or 0) means no limit."""

    max_chars: int | None = DEFAULT_MAX_CHARS
    seconds: float | None = DEFAULT_SECONDS

    def refuse(self, text: str) -> str | None:
        """Why an article with this text is not extracted at all, or None."""
        if self.max_chars and len(text) > self.max_chars:
            return (
                f"text is {len(text):,} characters, over the {self.max_chars:,}-character "
                "per-article budget (--max-article-chars)"
            )
        return None

    @property
    def time_reason(self) -> str:
        return f"extraction took over {self.seconds:g} s, the per-article time budget (--article-timeout)"

    @contextmanager
    def deadline(self) -> Iterator[None]:
        """Raise BudgetExceeded in this thread if the block outlasts `seconds`."""
        if not self.seconds or self.seconds <= 0:
            yield
            return
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            with _alarm(self.seconds, self.time_reason):
                yield
        else:
            with _thread_timer(self.seconds):
                try:
                    yield
                except BudgetExceeded:
                    raise BudgetExceeded(self.time_reason) from None


NO_LIMIT = ArticleBudget(max_chars=None, seconds=None)


@contextmanager
def _alarm(seconds: float, reason: str) -> Iterator[None]:
    def ring(signum, frame):
        raise BudgetExceeded(reason)

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    import ctypes  # lazy: only extraction off the main thread needs it

    target = ctypes.c_ulong(threading.get_ident())
    done = threading.Event()

    def ring() -> None:
        if not done.is_set():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(BudgetExceeded))

    timer = threading.Timer(seconds, ring)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        done.set()
        timer.cancel()
        # A ring that raced `done` may still be pending: take it back.
        ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def extract_within(
    docs: Sequence,
    budget: ArticleBudget,
    many: Callable[[Any], Iterable] | None,
    one: Callable,
) -> list:
    """One result per article of `docs`: `many(docs)` (a stream yielding one
    result per article, in order) under a deadline renewed for each article,
    then `one(doc)` article by article for the rest if the stream fails, so
    only the article at fault fails. A failure is the exception itself (a
    BudgetExceeded for an article out of time)."""
    results: list = []
    if many is not None:
        try:
            stream = iter(many(docs))
            while len(results) < len(docs):
                with budget.deadline():
                    results.append(next(stream))
            return results
        except BudgetExceeded as exc:
            results.append(exc)  # the article the stream was on when time ran out
        except Exception:
            pass  # find the article at fault one by one
    for doc in docs[len(results) :]:
        try:
            with budget.deadline():
                results.append(one(doc))
        except BudgetExceeded as exc:
            results.append(exc)
        except Exception as exc:
            results.append(exc)
    return results
