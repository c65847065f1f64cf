"""HTTP(S) downloads with httpx under the limits the user set: a timeout, a size
cap enforced while streaming, a redirect cap, a clear User-Agent, and no host
other than those the user named."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__
from .options import SourceOptions, format_size, over_limit_reason

USER_AGENT = f"timeline/{__version__} (+diplomatic event timeline)"
_REDIRECTS = {301, 302, 303, 307, 308}
# Downloads of a feed's entry links at once, and at most this many from one host
# (a news site is one host: politeness, and its rate limits, bound it).
CONCURRENT = 8
PER_HOST = 4


@dataclass
class Fetched:
    """A downloaded body, or the one-line reason there is none."""

    url: str
    data: bytes | None = None
    content_type: str = ""
    charset: str | None = None
    reason: str | None = None


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    # example.com and www.example.com are the same site to a reader.
    return host[4:] if host.startswith("www.") else host


class Fetcher:
    """One httpx client for a whole run; `allow()` the hosts the user asked for."""

    def __init__(self, options: SourceOptions):
        self.options = options
        self.hosts: set[str] = set()
        self._client = None
        self._lock = threading.Lock()
        self._per_host: dict[str, threading.BoundedSemaphore] = {}

    def allow(self, url: str) -> None:
        self.hosts.add(host_of(url))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch_many(self, urls: Iterable[str]) -> Iterator[Fetched]:
        """`fetch` of each URL, yielded in the order given, downloaded
        concurrently (CONCURRENT at once, PER_HOST from one host), so a feed
        of links that hang costs a few timeouts, not one per link."""
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=CONCURRENT, thread_name_prefix="timeline-fetch")
        pending: deque = deque()
        try:
            for url in urls:
                pending.append(pool.submit(self._fetch_polite, url))
                # A bounded window ahead of the reader: memory stays a few pages.
                if len(pending) >= 2 * CONCURRENT:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _fetch_polite(self, url: str) -> Fetched:
        with self._lock:
            gate = self._per_host.setdefault(host_of(url), threading.BoundedSemaphore(PER_HOST))
        with gate:
            return self.fetch(url)

    def _http_client(self):
        import httpx  # lazy: only runs that read URLs pay for it

        with self._lock:  # one client, shared by the download threads (httpx's is thread-safe)
            if self._client is None:
                self._client = httpx.Client(
                    headers={"User-Agent": USER_AGENT},
                    timeout=httpx.Timeout(self.options.timeout),
                    # Redirects are followed by hand so each hop's host can be checked.
                    follow_redirects=False,
                )
            return self._client

    def fetch(self, url: str) -> Fetched:
        import httpx

        client = self._http_client()
        seconds = f"{self.options.timeout:g}"
        current = url
        try:
            for _ in range(self.options.max_redirects + 1):
                if urlsplit(current).scheme not in ("http", "https"):
                    return Fetched(url, reason=f"redirected to a non-HTTP address ({urlsplit(current).scheme})")
                if host_of(current) not in self.hosts:
                    hostname = urlsplit(current).hostname
                    if current == url:
                        return Fetched(url, reason=f"host {hostname} was not asked for")
                    return Fetched(url, reason=f"redirected to another host ({hostname})")
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        return Fetched(url, reason=f"HTTP {response.status_code}")
                    return self._read_body(url, response, seconds)
            return Fetched(url, reason=f"more than {self.options.max_redirects} redirects")
        except httpx.TimeoutException:
            return Fetched(url, reason=f"timed out after {seconds} s")
        except httpx.HTTPError as exc:
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            return Fetched(url, reason=f"cannot fetch: {detail}")

    def _read_body(self, url: str, response, seconds: str) -> Fetched:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return Fetched(url, reason=over_limit_reason("response", int(declared), limit))
        # httpx's timeout is per read; a server dripping bytes forever is stopped here.
        deadline = time.monotonic() + self.options.timeout
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return Fetched(url, reason=f"response is over the {format_size(limit)} limit")
            if time.monotonic() > deadline:
                return Fetched(url, reason=f"timed out after {seconds} s")
            chunks.append(chunk)
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Fetched(
            url,
            data=b"".join(chunks),
            content_type=content_type,
            charset=response.charset_encoding,
        )
