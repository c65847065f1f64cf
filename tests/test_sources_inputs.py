"""read_sources end to end: folders, globs, stdin, usage errors, the bad-input
corpus (every case of issue 5) and streaming the Reuters corpus."""

import builtins
import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.sources import Document, SourceFailure, SourceOptions, UsageError, read_sources
from timeline.sources import files as files_module

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
REUTERS = ROOT / ".." / "shared" / "data" / "reuters21578" / "reuters21578.jsonl.gz"


def _summary(results, root: Path):
    """(origin relative to root, failure reason or "ok") for each result."""
    rows = []
    for result in results:
        origin = os.path.relpath(result.origin, root) if result.origin.startswith(str(root)) else result.origin
        rows.append((origin, result.reason if isinstance(result, SourceFailure) else "ok"))
    return rows


BAD_CORPUS = [
    ("binary.txt", "binary file"),
    ("blank.md", "empty file"),
    ("broken_front_matter.md", "malformed front matter: while scanning a quoted scalar"),
    ("corrupt.jsonl.gz", "corrupt compressed data: Error -3 while decompressing data: invalid block type"),
    ("cp1252.html", "ok"),
    ("dangling.txt", "broken symlink"),
    ("dateless.txt", "ok"),
    ("empty.txt", "empty file"),
    ("garbage.txt", "not valid UTF-8 and no other encoding fits"),
    ("huge.txt", "file is 2.1 GB, over the 20 MB limit"),
    ("latin1.txt", "ok"),
    ("mixed.jsonl:1", "ok"),
    ("mixed.jsonl:2", "line 2: malformed JSON: Unterminated string starting at (column 39)"),
    ("mixed.jsonl:3", "record 3 has no text field (looked for text, body, content)"),
    ("mixed.jsonl:5", "ok"),
    ("mixed.jsonl:6", "line 6: not a JSON object"),
    ("mixed.jsonl:7", "record 7 has empty text (field text)"),
    ("mixed.jsonl:8", "line 8: not valid UTF-8"),
    ("mixed.jsonl:9", "ok"),
    ("not_a_feed.xml", "not an RSS or Atom feed"),
    ("truncated.html", "ok"),
    *[(f"truncated.jsonl.gz:{n}", "ok") for n in range(1, 12)],
    ("truncated.jsonl.gz", "compressed data ends early (after line 11)"),
    ("truncated_head.html", "no article text found in the HTML"),
    ("unreadable.txt", "permission denied"),
    ("utf16.txt", "ok"),
    ("utf16_nobom.txt", "ok"),
]


@pytest.fixture
def bad_corpus(tmp_path, monkeypatch):
    """tests/data/bad plus the two cases git cannot carry: a 2.1 GB file (sparse,
    so it costs no disk) and a file with mode 000."""
    folder = tmp_path / "bad"
    shutil.copytree(DATA / "bad", folder, symlinks=True)
    with open(folder / "huge.txt", "wb") as huge:
        huge.truncate(int(2.1 * (1 << 30)))
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Ministers met in Oslo on Friday.")
    unreadable.chmod(0)
    if os.geteuid() == 0:
        # root reads mode-000 files anyway; make open() answer as the kernel does for users.
        def guarded_open(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and os.path.exists(path) and os.stat(path).st_mode & 0o777 == 0:
                raise PermissionError(13, "Permission denied", str(path))
            return builtins.open(path, *args, **kwargs)

        monkeypatch.setattr(files_module, "open", guarded_open, raising=False)
    yield folder
    unreadable.chmod(0o644)


def test_bad_input_corpus_whole_answer(bad_corpus):
    results = list(read_sources([str(bad_corpus)], SourceOptions()))
    assert _summary(results, bad_corpus) == BAD_CORPUS
    for failure in (r for r in results if isinstance(r, SourceFailure)):
        assert "\n" not in failure.reason and failure.reason


def test_bad_corpus_encodings_decode_to_the_right_text(bad_corpus):
    docs = {Path(d.origin).name: d for d in read_sources([str(bad_corpus)], SourceOptions()) if isinstance(d, Document)}
    assert docs["latin1.txt"].text.startswith("Le ministre des Affaires étrangères a reçu son homologue à Paris")
    assert "“frank and constructive” talks — the first" in docs["cp1252.html"].text
    assert docs["cp1252.html"].published == date(2024, 2, 2)
    expected = "The prime minister met the visiting president in Canberra on Monday, and the two leaders announced a new maritime security partnership."
    assert docs["utf16.txt"].text == docs["utf16_nobom.txt"].text == expected


def test_undated_text_is_never_dated_from_mtime_or_today(bad_corpus):
    os.utime(bad_corpus / "dateless.txt", (1_000_000_000, 1_000_000_000))
    doc = next(d for d in read_sources([str(bad_corpus / "dateless.txt")], SourceOptions()))
    assert (doc.published, doc.published_source) == (None, None)


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    huge = tmp_path / "dump.html"
    with open(huge, "wb") as handle:
        handle.truncate(3 * (1 << 30))
    monkeypatch.setattr(
        files_module, "open", lambda *a, **k: pytest.fail("opened a file over the limit"), raising=False
    )
    assert list(read_sources([str(huge)])) == [SourceFailure(str(huge), "file is 3 GB, over the 20 MB limit")]


def test_usage_errors_are_raised_before_reading_anything(tmp_path):
    with pytest.raises(UsageError, match=r"no-such-dir/article.txt: no such file or directory"):
        read_sources([str(DATA / "text" / "wire.txt"), "no-such-dir/article.txt"], SourceOptions())
    with pytest.raises(UsageError, match="URL list file does not exist"):
        read_sources([], SourceOptions(urls_file=str(tmp_path / "missing.txt")))


def test_folder_recursion_skips_hidden_and_unknown_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main")
    (tmp_path / "a" / "b" / "deep.md").write_text("Envoys met in Geneva.")
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "a" / "notes.txt").write_text("Leaders met in Oslo.")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")  # must not recurse forever
    (tmp_path / "top.jsonl").write_text('{"text": "Ministers met in Rome."}\n')
    results = list(read_sources([str(tmp_path)]))
    assert _summary(results, tmp_path) == [("a/b/deep.md", "ok"), ("a/notes.txt", "ok"), ("top.jsonl:1", "ok")]


def test_globs(tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(f"Text of {name}.")
    results = list(read_sources([str(tmp_path / "*.txt"), str(tmp_path / "*.rss")]))
    assert _summary(results, tmp_path) == [("one.txt", "ok"), ("two.txt", "ok"), ("*.rss", "no files match")]


def test_json_file_holding_json_lines_and_one_holding_an_array(tmp_path):
    (tmp_path / "lines.json").write_text('{"text": "First."}\n{"text": "Second."}\n')
    (tmp_path / "array.json").write_text('[\n  {"text": "Third."},\n  {"body": "Fourth."}\n]\n')
    texts = [
        (Path(d.origin).name, d.text)
        for d in read_sources([str(tmp_path / "lines.json"), str(tmp_path / "array.json")])
    ]
    assert texts == [
        ("lines.json:1", "First."),
        ("lines.json:2", "Second."),
        ("array.json:1", "Third."),
        ("array.json:2", "Fourth."),
    ]


def test_saved_page_with_a_text_suffix_is_read_as_html(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_bytes((DATA / "html" / "json_ld.html").read_bytes())
    doc = next(read_sources([str(page)]))
    assert (doc.title, doc.publisher) == ("Ministers sign fisheries accord after overnight talks", "Harbour Times")


@pytest.mark.parametrize(
    "stdin,expected",
    [
        ("MOSCOW, Sept 15 (Reuters) - Talks began.\n", [("-", "MOSCOW, Sept 15 (Reuters) - Talks began.")]),
        ("---\ntitle: T\npublished: 2024-01-05\n---\nEnvoys met.\n", [("-", "Envoys met.")]),
        (
            '{"text": "One."}\nnot json\n{"text": "Two."}\n',
            [("-:1", "One."), ("-:2", "line 2: malformed JSON: Expecting value (column 1)"), ("-:3", "Two.")],
        ),
        (
            (DATA / "html" / "meta_tags.html").read_text(encoding="utf-8"),
            [
                (
                    "-",
                    "The foreign ministers of Armenia and Azerbaijan agreed on Tuesday to resume talks on the delimitation of their shared border, after a meeting in Almaty hosted by Kazakhstan's foreign minister.",
                )
            ],
        ),
        ("", [("-", "empty file")]),
    ],
)
def test_stdin(stdin, expected):
    results = list(read_sources(["-"], SourceOptions(stdin=io.StringIO(stdin))))
    assert [
        (r.origin, r.reason if isinstance(r, SourceFailure) else r.text.split("\n")[0]) for r in results
    ] == expected


def test_stdin_over_the_limit():
    results = list(read_sources(["-"], SourceOptions(stdin=io.StringIO("word " * 1000), max_bytes=1000)))
    assert results == [SourceFailure("-", "standard input is over the 1000 bytes limit")]


def test_options_apply_to_every_reader():
    options = SourceOptions(published=date(2023, 9, 15), publisher="Desk")
    docs = list(
        read_sources(
            [
                str(DATA / "text" / "wire.txt"),
                str(DATA / "html" / "json_ld.html"),
                str(DATA / "records" / "articles.jsonl"),
            ],
            options,
        )
    )
    assert {(d.published, d.published_source, d.publisher) for d in docs} == {(date(2023, 9, 15), "option", "Desk")}


def test_paths_may_be_path_objects():
    assert [d.title for d in read_sources([DATA / "text" / "summit.md"])] == [
        "Leaders pledge closer ties at Ankara summit"
    ]


def test_results_come_lazily_in_input_order():
    stream = read_sources([str(DATA / "text" / "summit.md"), str(DATA / "text" / "wire.txt")])
    assert iter(stream) is stream
    assert Path(next(stream).origin).name == "summit.md"
    assert Path(next(stream).origin).name == "wire.txt"


@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/data/reuters21578 is not available")
def test_reuters_corpus_streams_in_constant_memory():
    import tracemalloc

    tracemalloc.start()
    count = failures = dated = 0
    for result in read_sources([str(REUTERS)]):
        count += 1
        failures += isinstance(result, SourceFailure)
        dated += isinstance(result, Document) and result.published_source in ("metadata", "dateline")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (count, failures, dated) == (19043, 0, 19043)
    assert peak < 4 * 1024 * 1024  # the corpus is ~27 MB uncompressed; measured peak ~0.2 MB


def test_stdin_records_with_an_over_long_line():
    stdin = io.StringIO('{"text": "' + "a" * 3000 + '"}\n{"text": "Short."}\n')
    results = list(read_sources(["-"], SourceOptions(stdin=stdin, max_bytes=1024)))
    assert results == [SourceFailure("-:1", "line 1: longer than the 1 KB limit"), results[1]]
    assert (results[1].origin, results[1].text) == ("-:2", "Short.")


SUFFIXES = ["article.txt", "page.html", "dump.jsonl", "dump.jsonl.gz", "data.json", "feed.rss", "notes.md"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(SUFFIXES),
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.sampled_from(
            [
                b"---\n",
                b"<html><body>",
                b'{"text": ',
                b"<?xml version='1.0'?><rss>",
                b"\x1f\x8b\x08\x00",
                b"\xef\xbb\xbf",
            ]
        ).flatmap(lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
    ),
)
def test_any_file_content_gives_documents_or_one_line_failures(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_sources([str(path)], SourceOptions(timeout=0.5)))
    assert results
    for result in results:
        assert isinstance(result, (Document, SourceFailure))
        if isinstance(result, SourceFailure):
            assert result.reason and "\n" not in result.reason
        else:
            assert result.text.strip()


def test_stdin_pretty_printed_json():
    stdin = io.StringIO('[\n  {"title": "A", "text": "Envoys met."},\n  {"title": "B", "body": "Talks ended."}\n]\n')
    assert [(d.origin, d.title) for d in read_sources(["-"], SourceOptions(stdin=stdin))] == [
        ("-:1", "A"),
        ("-:2", "B"),
    ]


def test_json_lines_are_streamed_past_the_file_limit_but_json_documents_are_not(tmp_path):
    lines = tmp_path / "big.jsonl"
    lines.write_text("".join(f'{{"id": {n}, "text": "Envoys met for round {n} of the talks."}}\n' for n in range(200)))
    array = tmp_path / "big.json"
    array.write_text("[\n" + ",\n".join(f'{{"text": "Round {n}."}}' for n in range(200)) + "\n]")
    options = SourceOptions(max_bytes=1024)
    streamed = list(read_sources([str(lines)], options))
    assert len(streamed) == 200 and all(isinstance(d, Document) for d in streamed)
    assert list(read_sources([str(array)], options)) == [
        SourceFailure(str(array), f"file is {array.stat().st_size / 1024:.1f} KB, over the 1 KB limit")
    ]


def test_a_reader_bug_costs_one_input_not_the_run(tmp_path, monkeypatch):
    from timeline.sources import inputs

    (tmp_path / "a.txt").write_text("BOOM")
    (tmp_path / "b.txt").write_text("Envoys met.")
    real = inputs.read_text

    def fragile(text, origin, options):
        if text == "BOOM":
            raise KeyError("surprise")
        return real(text, origin, options)

    monkeypatch.setattr(inputs, "read_text", fragile)
    results = list(read_sources([str(tmp_path)]))
    assert _summary(results, tmp_path) == [("a.txt", "unexpected error: KeyError: 'surprise'"), ("b.txt", "ok")]
