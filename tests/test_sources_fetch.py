"""HTTP reading against a local http.server on 127.0.0.1: pages, limits, redirects,
hosts, User-Agent. The `fixture_server` fixture is shared with the feed tests."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from timeline import __version__
from timeline.sources import Document, SourceFailure, SourceOptions, read_sources
from timeline.sources.fetch import USER_AGENT, Fetcher

DATA = Path(__file__).resolve().parent / "data"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/feed+json",
}


class FixtureHandler(BaseHTTPRequestHandler):
    """Serves tests/data with __BASE__ in feeds replaced by the server's address,
    plus routes that misbehave on purpose."""

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        server = self.server
        server.requests.append((self.path, self.headers.get("User-Agent")))
        base = f"http://127.0.0.1:{server.server_port}"
        path = self.path.split("?")[0]
        if path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            return self._redirect(f"/redirect/{left - 1}" if left > 1 else "/html/meta_tags.html")
        if path == "/elsewhere":  # same machine, but a host name the user never gave
            return self._redirect(f"http://localhost:{server.server_port}/html/meta_tags.html")
        if path == "/slow":
            time.sleep(2)
            return self._send(b"<html><body><p>late</p></body></html>", "text/html")
        if path.startswith("/hang/"):  # a link that answers long after any timeout
            server.hang_starts.append(time.monotonic())
            time.sleep(3)
            return None
        if path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            return None
        if path == "/huge-streamed":  # no Content-Length: the cap must stop the stream
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 16380 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path == "/windows-1252":
            page = (DATA / "bad" / "cp1252.html").read_bytes().replace(b"charset=windows-1252", b"")
            return self._send(page, "text/html; charset=windows-1252")
        file = (DATA / path.lstrip("/")).resolve()
        if DATA.resolve() not in file.parents or not file.is_file():
            self.send_error(404)
            return None
        body = file.read_bytes()
        if file.suffix in (".rss", ".atom", ".json"):
            body = body.replace(b"__BASE__", base.encode())
        return self._send(body, TYPES.get(file.suffix, "application/octet-stream"))

    def _send(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def fixture_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    server.daemon_threads = True
    server.requests = []
    server.hang_starts = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


def _one(inputs, **options):
    results = list(read_sources(inputs, SourceOptions(**options)))
    assert len(results) == 1
    return results[0]


def test_page_over_http(fixture_server):
    url = f"{fixture_server.base}/html/meta_tags.html"
    doc = _one([url])
    assert isinstance(doc, Document)
    assert (doc.origin, doc.url, doc.title, doc.published, doc.published_source, doc.publisher) == (
        url,
        url,
        "Foreign ministers agree to resume border talks",
        date(2024, 3, 12),
        "html",
        "The Continental Ledger",
    )
    assert fixture_server.requests == [("/html/meta_tags.html", f"timeline/{__version__} (+diplomatic event timeline)")]
    assert USER_AGENT == f"timeline/{__version__} (+diplomatic event timeline)"


def test_plain_text_over_http(fixture_server):
    doc = _one([f"{fixture_server.base}/text/wire.txt"])
    assert doc.text.startswith("LONDON, April 11 (Reuters) -") and doc.url == f"{fixture_server.base}/text/wire.txt"


def test_charset_from_http_header(fixture_server):
    doc = _one([f"{fixture_server.base}/windows-1252"])
    assert "“frank and constructive”" in doc.text and "Austria’s" in doc.text


@pytest.mark.parametrize(
    "route,options,reason",
    [
        ("/missing.html", {}, "HTTP 404"),
        ("/redirect/3", {"max_redirects": 2}, "more than 2 redirects"),
        ("/elsewhere", {}, "redirected to another host (localhost)"),
        ("/slow", {"timeout": 0.5}, "timed out after 0.5 s"),
        ("/huge-declared", {}, "response is 50 MB, over the 20 MB limit"),
        ("/huge-streamed", {"max_bytes": 100_000}, "response is over the 97.7 KB limit"),
    ],
)
def test_refusals(fixture_server, route, options, reason):
    url = fixture_server.base + route
    assert _one([url], **options) == SourceFailure(url, reason)


def test_redirects_within_the_cap_are_followed(fixture_server):
    doc = _one([f"{fixture_server.base}/redirect/2"])
    assert doc.title == "Foreign ministers agree to resume border talks"
    assert [path for path, _ in fixture_server.requests] == ["/redirect/2", "/redirect/1", "/html/meta_tags.html"]


def test_connection_refused_is_a_failure_not_an_exception():
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article.html"
    failure = _one([url], timeout=2)
    assert isinstance(failure, SourceFailure) and failure.reason.startswith("cannot fetch: ")


def test_urls_file(fixture_server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# saved links\n{fixture_server.base}/html/json_ld.html\n\nftp://example.invalid/x\n{fixture_server.base}/nope\n"
    )
    results = list(read_sources([], SourceOptions(urls_file=str(listing))))
    assert [(r.origin, r.reason if isinstance(r, SourceFailure) else r.title) for r in results] == [
        (f"{fixture_server.base}/html/json_ld.html", "Ministers sign fisheries accord after overnight talks"),
        (f"{listing}:4", "not an http(s) URL"),
        (f"{fixture_server.base}/nope", "HTTP 404"),
    ]


def test_fetcher_refuses_hosts_not_allowed(fixture_server):
    fetcher = Fetcher(SourceOptions())
    try:
        fetched = fetcher.fetch(f"{fixture_server.base}/html/meta_tags.html")
    finally:
        fetcher.close()
    assert fetched.data is None and fetched.reason == "host 127.0.0.1 was not asked for"
    assert fixture_server.requests == []  # nothing was contacted
