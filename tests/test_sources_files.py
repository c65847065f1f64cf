"""Local file access: reader by file name, folder walks, reading under the limit."""

import os

import pytest

from timeline.sources import SourceFailure
from timeline.sources.files import broken_symlink, open_stream, read_capped, reader_for, walk_folder


@pytest.mark.parametrize(
    "name,reader",
    [
        ("article.txt", "text"),
        ("NOTES.MD", "text"),
        ("page.html", "html"),
        ("page.htm", "html"),
        ("dump.jsonl", "jsonl"),
        ("dump.ndjson", "jsonl"),
        ("reuters21578.jsonl.gz", "jsonl.gz"),
        ("api.json", "json"),
        ("world.rss", "feed"),
        ("diplomacy.atom", "feed"),
        ("feed.xml", "feed"),
        ("photo.jpg", None),
        ("archive.tar.gz", None),
        ("README", None),
    ],
)
def test_reader_for(name, reader):
    assert reader_for(f"some/folder/{name}") == reader


def test_walk_folder_order_hidden_unknown_and_loops(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<p>x</p>")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "b" / "again").symlink_to(tmp_path)  # a loop back to the top
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    found = [(os.path.relpath(p, tmp_path), kind) for p, kind in walk_folder(str(tmp_path))]
    assert found == [("a.txt", "text"), ("b/z.html", "html"), ("gone.md", "text")]
    assert broken_symlink(str(tmp_path / "gone.md")) and not broken_symlink(str(tmp_path / "a.txt"))


def test_read_capped(tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_bytes(b"Envoys met.")
    big.write_bytes(b"x" * 3000)
    assert read_capped(str(small), 1024) == b"Envoys met."
    assert read_capped(str(big), 1024) == SourceFailure(str(big), "file is 2.9 KB, over the 1 KB limit")
    assert read_capped(str(tmp_path), 1024) == SourceFailure(str(tmp_path), "not a regular file")
    assert read_capped(str(tmp_path / "nope.txt"), 1024) == SourceFailure(str(tmp_path / "nope.txt"), "no such file")


def test_open_stream_refusals(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)  # reading a FIFO would block forever
    assert open_stream(str(fifo), False) == SourceFailure(str(fifo), "not a regular file")
    gz = tmp_path / "d.jsonl.gz"
    gz.write_bytes(b"")
    with open_stream(str(gz), True) as stream:
        assert stream.read() == b""
