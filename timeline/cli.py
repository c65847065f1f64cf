"""The `timeline` command line: thin Click commands that parse options, call the
pure modules and render. No extraction or SQL lives here.

Exit codes: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted
(Ctrl-C), 141 the reader of the output closed it early, 143 stopped by SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from timeline import __version__
from timeline.budget import DEFAULT_MAX_CHARS, DEFAULT_SECONDS
from timeline.vocabulary import OUTPUT_FORMATS

if TYPE_CHECKING:
    from timeline.ingest import IngestSummary

# The status of a process that SIGPIPE ended (128 + 13), as for `cat`, `grep` & co.
EXIT_READER_GONE = 141
# Ctrl-C and SIGTERM, by the shells' convention (128 + the signal).
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def _silence_stdout() -> None:
    """Point standard output at the null device, so what is still buffered is
    dropped at exit instead of failing again ("Exception ignored ...")."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test harness)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


@contextmanager
def _standard_output():
    """Writing to standard output: a reader that has gone (`| head -1`) ends
    the command quietly; any other fault (a full disk) with one line, exit 1."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_READER_GONE)
    except OSError as exc:
        _silence_stdout()
        _fail(f"standard output: {exc.strerror or exc}")


class _Command(click.Command):
    """A command whose `--help` is written under `_standard_output`: Click
    prints it while parsing the options, before the command runs."""

    def make_context(self, info_name, args, parent=None, **extra):
        with _standard_output():
            return super().make_context(info_name, args, parent=parent, **extra)


class _Commands(click.Group):
    """The command group: output still buffered when a command ends is
    written under `_standard_output`, and a closed pipe anywhere ends it
    quietly (Click's own handling would exit 1). Its commands and groups
    print `--help` and `--version` the same way (`_Command`)."""

    command_class = _Command
    group_class = type  # `@cli.group()` makes another `_Commands`

    def make_context(self, info_name, args, parent=None, **extra):
        with _standard_output():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_READER_GONE)
        finally:
            with _standard_output():
                pass


class _DatabaseOption(click.Option):
    """`--db`, whose help names the default database of the user who asks
    (their data folder), not of whoever installed the command."""

    def get_help_record(self, ctx: click.Context):
        record = super().get_help_record(ctx)
        if record is None:
            return None
        from timeline.config import default_db_path

        return record[0], record[1].replace("{default}", str(default_db_path()))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
@click.option(
    "--db",
    "db",
    cls=_DatabaseOption,
    envvar="TIMELINE_DB",
    default=None,
    metavar="URL",
    help="Database: any SQLAlchemy URL or an SQLite file path (env TIMELINE_DB; default: {default}, "
    "in your data folder, whatever the current folder).",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Diplomatic-event timelines from news articles.

    \b
    Examples:
        timeline ingest seeds/
        timeline query --actor Putin
        timeline --db sqlite:///other.db query --since 2023-09
    """
    from timeline import config

    ctx.obj = {"db_url": config.db_url(db)}


# --- storage, querying and database commands ------------------------------------


def _fail(message: str, code: int = 1) -> None:
    """One line on stderr, no traceback, and the documented exit code."""
    click.echo(f"timeline: {message}", err=True)
    sys.exit(code)


def _session(ctx: click.Context):
    from sqlmodel import Session

    from timeline.db import DatabaseError, open_engine

    try:
        return Session(open_engine(ctx.obj["db_url"]))
    except DatabaseError as exc:
        _fail(str(exc))


def _make_room(ctx: click.Context) -> None:
    """Before a command that may create the database: its per-user folder (see config.make_room)."""
    from timeline.config import make_room

    try:
        make_room(ctx.obj["db_url"])
    except OSError as exc:
        _fail(f"cannot create the folder of the database {ctx.obj['db_url']}: {exc.strerror or exc}")


def _reader(ctx: click.Context):
    """A read-only connection for query, export, show and the listings
    (SQLAlchemy is not loaded for an up-to-date SQLite file)."""
    from timeline.errors import DatabaseError, NoTimelineDatabase
    from timeline.reader import open_reader

    try:
        return open_reader(ctx.obj["db_url"])
    except DatabaseError as exc:
        _fail(str(exc), 2 if isinstance(exc, NoTimelineDatabase) else 1)


def _iso_day(value: str | None, option: str):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not an ISO date (YYYY-MM-DD)", 2)


def output_options(fn):
    """The output options `query`, `export` and `actors` share (sqlite-utils style)."""
    fn = click.option("--bom", is_flag=True, help="Start CSV output with a UTF-8 BOM (for spreadsheet programs).")(fn)
    fn = click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        help="Write to FILE instead of standard output.",
    )(fn)
    fn = click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(OUTPUT_FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(fn)
    return fn


def _write_output(text: str, output: str | None) -> None:
    if output:
        _write_pieces([text.encode("utf-8")], output)
    else:
        _echo(text)


def _echo(text: str) -> None:
    """`text` on standard output, its faults reported by `_standard_output`."""
    with _standard_output():
        click.echo(text, nl=False)


def _emit_events(batches, fmt: str, output: str | None, bom: bool, title: str) -> None:
    """Render event batches: json, jsonl and csv are written batch by batch (a
    million-event export never sits in memory); the other formats need them all."""
    import shutil

    from timeline.render import STREAMED_FORMATS, render, render_stream

    if fmt in STREAMED_FORMATS:
        _write_pieces(render_stream(fmt, batches, bom=bom), output)
        return
    events = [event for batch in batches for event in batch]
    terminal = output is None and sys.stdout.isatty()
    # Pipes and files get $COLUMNS or 120: wide enough to keep the place column.
    width = shutil.get_terminal_size((120, 24)).columns
    _write_output(render(fmt, events, title=title, bom=bom, width=width, color=terminal), output)


def _write_pieces(pieces, output: str | None) -> None:
    """Write UTF-8 byte pieces to `output` or standard output, as they come."""
    if output is None:
        with _standard_output():
            sys.stdout.flush()
            stream = getattr(sys.stdout, "buffer", None)  # None: a text-only stream (an IDE, a test harness)
            for piece in pieces:
                stream.write(piece) if stream is not None else sys.stdout.write(piece.decode("utf-8"))
            (stream or sys.stdout).flush()
        return
    from timeline.output import write_file

    try:
        write_file(output, pieces)  # whole or not at all: a full disk keeps the previous file
    except OSError as exc:
        _fail(f"{output}: {exc.strerror or exc}")


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date for every input (YYYY-MM-DD); wins over metadata.")
@click.option("--url", help="URL of the article (single input).")
@click.option("--title", help="Title of the article (single input).")
@click.option("--publisher", help="Publisher of the articles.")
@click.option("--text-field", metavar="NAME", help="JSON field holding the text.")
@click.option("--date-field", metavar="NAME", help="JSON field holding the publication date.")
@click.option("--title-field", metavar="NAME", help="JSON field holding the title.")
@click.option("--url-field", metavar="NAME", help="JSON field holding the URL.")
@click.option("--id-field", metavar="NAME", help="JSON field holding the record id.")
@click.option("--urls", "urls_file", type=click.Path(dir_okay=False), help="File with one URL per line to fetch.")
@click.option(
    "--workers", "-w", type=click.IntRange(min=1), default=None, help="Extraction processes (default: all cores)."
)
@click.option("--force", is_flag=True, help="Re-extract articles already stored.")
@click.option(
    "--max-bytes",
    metavar="SIZE",
    default="20MB",
    show_default=True,
    help="Largest input read: a file, a download, one JSON line (20MB, 500KB, bytes).",
)
@click.option(
    "--max-article-chars",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Longest article text extracted; longer ones fail (0: no limit).",
)
@click.option(
    "--article-timeout",
    metavar="SECONDS",
    type=click.FloatRange(min=0),
    default=DEFAULT_SECONDS,
    show_default=True,
    help="Most extraction time for one article; it then fails and the ingest goes on (0: no limit).",
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Only shard K of N of the inputs (by content hash): run N "
    "processes or machines, K = 1..N, on the same inputs into one database.",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786) or local:N "
    "for N worker processes here (needs timeline[cluster]). This process still writes.",
)
@click.pass_context
def ingest(
    ctx,
    paths,
    published,
    url,
    title,
    publisher,
    text_field,
    date_field,
    title_field,
    url_field,
    id_field,
    urls_file,
    workers,
    force,
    max_bytes,
    max_article_chars,
    article_timeout,
    shard,
    cluster,
):
    """Read articles and store the diplomatic events they report.

    PATH may be a file (.txt, .md, .html, .jsonl, .json), a folder (read
    recursively), a glob, a URL, an RSS/Atom feed, or - for standard input.
    A file's date, URL, title and publisher may come from a sidecar beside it
    (ARTICLE.meta.yaml, or metadata.jsonl/metadata.csv per folder keyed by
    file name); options win over sidecars, sidecars over the file's own
    metadata. Articles already stored (same text) are skipped. Exit code 0 when all
    inputs were read, 1 when some failed (the rest is stored), 2 on a usage error.

    \b
    Examples:
        timeline ingest seeds/
        timeline ingest news.jsonl --text-field body --date-field date
        timeline ingest --urls links.txt --workers 2
        cat article.txt | timeline ingest - --published 2023-09-15
        timeline --db postgresql+psycopg://host/news ingest corpus/ --shard 2/4
        timeline --db postgresql+psycopg://host/news ingest corpus/ --cluster tcp://scheduler:8786
    """
    from timeline.budget import ArticleBudget
    from timeline.db import DatabaseError
    from timeline.errors import ClusterError
    from timeline.ingest import parse_shard, run_ingest
    from timeline.sources import SourceOptions, UsageError
    from timeline.sources.options import parse_size

    if not paths and not urls_file:
        _fail("nothing to ingest: give a PATH, a URL, - or --urls FILE", 2)
    try:
        max_bytes_value = parse_size(max_bytes)
    except ValueError as exc:
        _fail(f"--max-bytes {exc}", 2)
    options = SourceOptions(
        published=_iso_day(published, "--published"),
        url=url,
        title=title,
        publisher=publisher,
        text_field=text_field,
        date_field=date_field,
        title_field=title_field,
        url_field=url_field,
        id_field=id_field,
        urls_file=urls_file,
        max_bytes=max_bytes_value,
    )
    budget = ArticleBudget(max_chars=max_article_chars or None, seconds=article_timeout or None)
    try:
        shard_kn = parse_shard(shard) if shard is not None else None
    except ValueError as exc:
        _fail(str(exc), 2)
    cluster_spec = _cluster_spec(cluster, workers)
    _make_room(ctx)

    from timeline.sources.dependencies import is_missing_dependency

    # A missing package fails every input that needs it: say so once, at the end.
    not_installed: dict[str, list[str]] = {}

    def report(origin: str, reason: str) -> None:
        if is_missing_dependency(reason):
            not_installed.setdefault(reason, []).append(origin)
        else:
            click.echo(f"timeline: {origin}: {reason}", err=True)

    def report_missing() -> None:
        for reason, origins in not_installed.items():
            shown = ", ".join(origins[:3]) + (f", … ({len(origins) - 3} more)" if len(origins) > 3 else "")
            inputs = "input" if len(origins) == 1 else "inputs"
            click.echo(f"timeline: {reason} ({len(origins)} {inputs} not read: {shown})", err=True)

    try:
        with _sigterm_as_interrupt():
            summary = run_ingest(
                list(paths),
                options,
                ctx.obj["db_url"],
                workers=workers,
                force=force,
                progress=_IngestProgress() if sys.stderr.isatty() else None,
                on_failure=report,
                shard=shard_kn,
                budget=budget,
                cluster=cluster_spec,
            )
    except UsageError as exc:
        _fail(exc.message, 2)
    except ClusterError as exc:
        _fail(str(exc))
    except DatabaseError as exc:
        _fail(str(exc))
    except KeyboardInterrupt as exc:
        code = EXIT_TERMINATED if isinstance(exc, _Terminated) else EXIT_INTERRUPTED
        _fail("interrupted; stored articles are kept, run again to continue", code)
    report_missing()
    click.echo(summary.line(), err=True)
    for line in summary.worker_lines():
        click.echo(line, err=True)
    sys.exit(summary.exit_code)


class _IngestProgress:
    """`ingest`'s rich progress line on stderr (articles/s, events found),
    shown only on a terminal."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._start = time.monotonic()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._progress.add_task("starting", total=None)
        self._progress.start()

    def update(self, s: IngestSummary) -> None:
        done = s.stored + s.updated + s.skipped + s.failed
        rate = done / max(time.monotonic() - self._start, 1e-6)
        self._progress.update(
            self._task,
            description=f"{done} articles ({rate:.1f}/s), {s.stored} stored, {s.events} events, {s.failed} failed",
        )

    def close(self) -> None:
        self._progress.stop()


class _Terminated(KeyboardInterrupt):
    """SIGTERM arrived (`kill PID`): stop as Ctrl-C stops."""


@contextmanager
def _sigterm_as_interrupt():
    """While the body runs, SIGTERM raises `_Terminated`, so a `kill PID`
    stops an ingest the way Ctrl-C does: its workers shut down, what it
    stored is kept, one line said."""

    def terminated(_signum, _frame):
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread (an embedding program): leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _cluster_spec(cluster: str | None, workers: int | None):
    """The parsed --cluster (None without it); exit 2 on a bad value or with --workers."""
    if cluster is None:
        return None
    from timeline.cluster import parse_cluster

    if workers is not None:
        _fail("--workers and --cluster do not mix: a cluster's size is its workers' (local:N for N here)", 2)
    try:
        return parse_cluster(cluster)
    except ValueError as exc:
        _fail(str(exc), 2)


def _ontology_values(kind: str) -> list[str]:
    """Event types (PLOVER categories) or modes, in the order `timeline types` lists them."""
    from timeline.events.lexicon import load_lexicon

    categories = load_lexicon().categories.values()
    if kind == "type":
        return [c.name for c in categories]
    return sorted({m for c in categories for m in c.modes})


def _check_ontology(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Refuse a misspelt --type/--mode (any case) rather than answer "No events."."""
    kind = param.name.rstrip("s") if param.name else ""
    known = _ontology_values(kind)
    folded = {v.lower() for v in known}
    for value in values:
        if value.lower() not in folded:
            _fail(f"unknown --{kind} {value!r}: use one of {', '.join(known)} (see `timeline types`)", 2)
    return values


def _min_sources_option(fn):
    """`--min-sources N`, which `query` and `export` share."""
    return click.option(
        "--min-sources",
        metavar="N",
        type=click.IntRange(min=1),
        default=None,
        help="Only events reported by at least N distinct articles.",
    )(fn)


def _query_options(fn):
    options = [
        click.option(
            "--actor", "-a", "actors", multiple=True, help="An actor that took part (any alias); repeat: all must."
        ),
        click.option("--with", "with_", multiple=True, help="A co-actor that also took part."),
        click.option(
            "--type",
            "-t",
            "types",
            multiple=True,
            callback=_check_ontology,
            help="PLOVER event type (CONSULT, AGREE, ACCUSE...; see `timeline types`).",
        ),
        click.option(
            "--mode",
            "modes",
            multiple=True,
            callback=_check_ontology,
            help="Event mode (meet, visit, phone, sign...; see `timeline types`).",
        ),
        click.option("--cameo", multiple=True, help="CAMEO code or prefix (04 = consult)."),
        click.option("--since", metavar="DATE", help="From DATE: 2023-09-15, 2023-W37, 2023-09, 2023, 'last month'."),
        click.option("--until", metavar="DATE", help="Up to the end of DATE (same forms as --since)."),
        click.option(
            "--overlapping",
            is_flag=True,
            help="With --since/--until: also events whose date span only overlaps the window (default: inside it).",
        ),
        click.option("--place", help="Place name (substring)."),
        click.option("--country", help="Country of the place or of an actor."),
        click.option("--text", "text_", metavar="WORDS", help="Full-text search in the mention sentences."),
        click.option("--source", metavar="TEXT", help="Publisher or URL containing TEXT."),
        click.option("--planned/--no-planned", default=None, help="Only planned (or only not planned) events."),
        _min_sources_option,
        click.option("--limit", "-n", type=click.IntRange(min=0), default=None, help="At most N events."),
        click.option(
            "--order",
            type=click.Choice(["date", "-date", "sources"]),
            default="date",
            show_default=True,
            help="date (oldest first), -date (newest first) or sources (most reported first); undated last.",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@cli.command()
@_query_options
@output_options
@click.pass_context
def query(
    ctx,
    actors,
    with_,
    types,
    modes,
    cameo,
    since,
    until,
    overlapping,
    place,
    country,
    text_,
    source,
    planned,
    min_sources,
    limit,
    order,
    fmt,
    output,
    bom,
):
    """List the events matching the filters, oldest first (undated last).

    \b
    Examples:
        timeline query --actor Putin
        timeline query --actor "the Russian president" --with Kim --since 2023-09
        timeline query --type CONSULT --since "last month" --format csv -o events.csv
        timeline query --since 2023-09-11 --until 2023-09-15 --overlapping
        timeline query --text "arms deal" --format json
        timeline query --actor Kim --min-sources 3
    """
    import itertools

    from timeline.query import EventQuery, QueryError, iter_events

    q = EventQuery(
        actors=list(actors),
        with_=list(with_),
        types=list(types),
        modes=list(modes),
        cameo=list(cameo),
        since=since,
        until=until,
        overlapping=overlapping,
        place=place,
        country=country,
        text=text_,
        source=source,
        planned=planned,
        min_sources=min_sources,
        limit=limit,
        order=order,
    )
    with _reader(ctx) as reader:
        batches = iter_events(reader, q)
        try:
            first = next(batches, [])  # filters are checked before any output
        except QueryError as exc:
            _fail(str(exc), 2)
        if not first:
            # Nothing found: say which actor name is unknown (a typo?), rather than leave a bare "No events".
            from timeline.query import resolve_actor_ids

            for name in [*actors, *with_]:
                if not resolve_actor_ids(reader, name):
                    click.echo(f"timeline: no actor matches {name!r}", err=True)
        _emit_events(itertools.chain([first], batches), fmt, output, bom, "timeline")


@cli.command()
@_min_sources_option
@output_options
@click.pass_context
def export(ctx, min_sources, fmt, output, bom):
    """Export every event (same records as `query`).

    \b
    Examples:
        timeline export --format json -o events.json
        timeline export --format ics -o events.ics
        timeline export --format html -o timeline.html
        timeline export --min-sources 2 --format csv -o corroborated.csv
    """
    from timeline.query import EventQuery, iter_events

    with _reader(ctx) as reader:
        _emit_events(iter_events(reader, EventQuery(min_sources=min_sources)), fmt, output, bom, "timeline")


@cli.command()
@click.argument("event_id", type=int)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people; json: the event record with mention details and its sources.",
)
@click.pass_context
def show(ctx, event_id, fmt):
    """Show one event, each source that reports it and every mention, with how its date was found.

    Each source (article) is listed with its outlet, publication date, title
    and the date it gives; when sources give different dates, one line says
    how many give each.

    \b
    Examples:
        timeline show 1
        timeline show 1 --format json
        timeline --db sqlite:///news.db show 42
    """
    from timeline.query import get_event

    with _reader(ctx) as reader:
        event = get_event(reader, event_id)
    if event is None:
        _fail(f"no event with id {event_id}")
    if fmt == "json":
        import json

        _echo(json.dumps(event, ensure_ascii=False, indent=2) + "\n")
        return
    import shutil

    from timeline.render.show import render_event

    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    _echo(render_event(event, width=width, color=terminal))


@cli.command()
@click.argument("name", required=False)
@output_options
@click.pass_context
def actors(ctx, name, fmt, output, bom):
    """List actors: kind, country, number of events, aliases and roles.

    \b
    Examples:
        timeline actors
        timeline actors Putin --format json
        timeline actors --format csv -o actors.csv
    """
    from timeline.query import list_actors

    with _reader(ctx) as reader:
        rows = list_actors(reader, name)
    from timeline.actors import gazetteer_roles

    roles = gazetteer_roles({r["name"] for r in rows})
    for r in rows:
        r["roles"] = roles.get(r["name"], [])
    _write_output(_listing(rows, fmt, ["name", "kind", "country", "events", "aliases", "roles"], bom=bom), output)


def _listing(rows: list[dict], fmt: str, columns: list[str], *, bom: bool = False) -> str:
    import shutil

    from timeline.render.rows import render_rows

    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size((120, 24)).columns if terminal else 160
    try:
        return render_rows(rows, fmt, columns, bom=bom, width=width, color=terminal)
    except ValueError as exc:
        _fail(str(exc), 2)


@cli.command("types")
@click.option("--triggers", is_flag=True, help="Also list the trigger words of each mode.")
@click.option(
    "--rules", "rules", is_flag=True, help="List the named extraction rules instead: stage, decision, rule, pattern."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def types_(triggers, rules, fmt):
    """List the event ontology: PLOVER categories, modes and CAMEO codes.

    With --rules, list instead every named rule the extraction stages try, in
    the order they try them, with the linguistic pattern each one covers.

    \b
    Examples:
        timeline types
        timeline types --triggers
        timeline types --rules
        timeline types --format json
    """
    if rules:
        from timeline.events.rules import all_rules

        listing = [{"stage": r.stage, "decides": r.ruleset, "rule": r.name, "pattern": r.pattern} for r in all_rules()]
        _echo(_listing(listing, fmt, ["stage", "decides", "rule", "pattern"]))
        return
    from timeline.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    rows = []
    for category in lexicon.categories.values():
        for mode in category.modes.values():
            row = {"type": category.name, "mode": mode.name, "cameo": mode.cameo, "description": mode.description}
            if triggers:
                row["triggers"] = sorted(
                    {t.lemma for t in lexicon.triggers if t.type == category.name and t.mode == mode.name}
                )
            rows.append(row)
    columns = ["type", "mode", "cameo", "description"] + (["triggers"] if triggers else [])
    _echo(_listing(rows, fmt, columns))


@cli.command()
@click.option("--failed", is_flag=True, help="List inputs that could not be ingested, and why.")
@click.option("--undated", is_flag=True, help="Only articles without a publication date.")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.pass_context
def articles(ctx, failed, undated, fmt):
    """List ingested articles with their status (or the inputs that failed).

    \b
    Examples:
        timeline articles
        timeline articles --undated
        timeline articles --failed --format json
    """
    from timeline.query import list_articles, list_failures

    with _reader(ctx) as reader:
        if failed:
            rows = list_failures(reader)
            columns = ["id", "origin", "reason", "occurred_at"]
        else:
            rows = list_articles(reader, undated=undated)
            # origin: the file or record an article came from (what to look at before `redate`).
            columns = ["id", "status", "published", "publisher", "title", "url", "origin", "n_events"]
    _write_output(_listing(rows, fmt, columns), None)


@cli.command()
@click.argument("article_id", type=int)
@click.option("--published", metavar="DATE", required=True, help="The publication date (YYYY-MM-DD).")
@click.pass_context
def redate(ctx, article_id, published):
    """Give an article its publication date and re-resolve its relative dates.

    \b
    Examples:
        timeline articles --undated
        timeline redate 12 --published 2023-09-15
    """
    from timeline.store import StoreError, redate_article

    day = _iso_day(published, "--published")

    def extract(doc):
        from timeline.events import extract_document

        return extract_document(doc)

    with _session(ctx) as session:
        try:
            result = redate_article(session, article_id, day, extract)
        except StoreError as exc:
            _fail(str(exc))
    plural = "" if result.events == 1 else "s"
    click.echo(f"article {article_id}: published {day.isoformat()}, {result.events} event{plural}")


@cli.command()
@click.argument("event_ids", type=int, nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Say what would be merged; change nothing.")
@click.pass_context
def merge(ctx, event_ids, dry_run):
    """Merge events that are one real event; the correction survives re-ingest.

    \b
    Examples:
        timeline merge 12 15 --dry-run
        timeline merge 12 15
    """
    from timeline.store import StoreError, merge_events

    with _session(ctx) as session:
        try:
            plan = merge_events(session, list(event_ids), dry_run=dry_run)
        except StoreError as exc:
            _fail(str(exc))
    verb = "would merge" if dry_run else "merged"
    absorbed = ", ".join(map(str, plan.absorbed))
    click.echo(f"{verb} {absorbed} into {plan.target}: {plan.n_sources} sources, {plan.mentions} mentions")


@cli.command()
@click.argument("event_id", type=int)
@click.argument("mention_id", type=int)
@click.pass_context
def split(ctx, event_id, mention_id):
    """Move a mention out of an event into a new event (kept apart on re-ingest).

    The mention's article leaves the event with all it says of it; when that
    article has other mentions in the event, the mention leaves alone.

    \b
    Examples:
        timeline show 12
        timeline split 12 40
    """
    from timeline.store import StoreError, split_mention

    with _session(ctx) as session:
        try:
            done = split_mention(session, event_id, mention_id)
        except StoreError as exc:
            _fail(str(exc))
    what = f"mention {mention_id}'s article" if done.whole_article else f"mention {mention_id}"
    click.echo(f"split {what} out of event {event_id} into event {done.new_event}")


@cli.command()
@click.argument("source", metavar="FILE|-")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); wins over a TimeML <DCT>.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "timeml"]),
    default="table",
    show_default=True,
    help="table for people, json for tools, timeml for TempEval-3 scorers.",
)
def tag(source, published, fmt):
    """Print the time expressions of a text and how each date was resolved.

    Reads plain text or a TempEval-3 .tml/.TE3input file (its <DCT> is the
    publication date). Relative dates stay unresolved without a publication date.

    \b
    Examples:
        timeline tag article.txt --published 2023-09-15
        echo "They met on Friday." | timeline tag - --published 2023-09-15 --format json
        timeline tag wsj_0006.tml --format timeml > wsj_0006.tml.out
    """
    import json
    from pathlib import Path

    from timeline.temporal import find_time_expressions
    from timeline.temporal.timeml import (
        looks_like_timeml,
        read_timeml,
        timeml_expressions,
        wrap_plain_text,
        write_timeml,
    )

    day = _iso_day(published, "--published")
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"{source}: no such file", 2)
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{source}: cannot read ({exc.__class__.__name__})", 2)
    doc = read_timeml(raw) if looks_like_timeml(raw) else None
    text = doc.text if doc else raw
    day = day or (doc.dct if doc else None)
    exprs = find_time_expressions(text, day)
    if fmt == "timeml":
        tagged = timeml_expressions(exprs, day)
        _echo(write_timeml(doc, tagged) if doc else wrap_plain_text(text, day, tagged))
    elif fmt == "json":
        record = {"published": day.isoformat() if day else None, "expressions": [e.to_record() for e in exprs]}
        _echo(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"published {day.isoformat() if day else '(unknown)'}")
        for column in ("text", "type", "value", "days", "rule", "anchor", "tense"):
            table.add_column(column, overflow="fold")  # fold, never cut: values must stay readable
        for e in exprs:
            days = (
                ""
                if not e.date_start
                else (e.date_start.isoformat() if e.date_start == e.date_end else f"{e.date_start}..{e.date_end}")
            )
            extra = f" {e.relation} {e.offset or ''}".rstrip() if e.relation else ""
            table.add_row(
                e.text,
                e.type,
                (e.value or "?") + (f" ({e.mod})" if e.mod else ""),
                days,
                e.rule,
                (e.anchor or "") + extra,
                e.tense or "",
            )
        with _standard_output():
            Console().print(table)


@cli.command()
@click.option(
    "--port",
    "-p",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port on 127.0.0.1 to listen on (0: any free port, announced).",
)
@click.pass_context
def serve(ctx, port):
    """Browse the database in Datasette on 127.0.0.1, read-only.

    Opens on the `timeline` view, with facets, canned queries ("events by
    actor", "events in a date range", "events at a place") and full-text
    search over mention sentences. SQLite databases only.

    \b
    Examples:
        timeline serve
        timeline --db news.db serve --port 8080
    """
    from timeline.errors import DatabaseError, NoTimelineDatabase
    from timeline.serve import ServeError
    from timeline.serve import serve as run_datasette

    try:
        run_datasette(
            ctx.obj["db_url"],
            port=port,
            on_ready=lambda url: click.echo(f"timeline: serving {url} (read-only; Ctrl-C stops)", err=True),
        )
    except (ServeError, DatabaseError) as exc:
        _fail(str(exc), 2 if isinstance(exc, NoTimelineDatabase) else 1)


@cli.group()
def db():
    """Show or change the database schema revision (Alembic migrations).

    \b
    Examples:
        timeline db current
        timeline db upgrade
        timeline db downgrade 0002_ingest_error
    """


def _confirmed(question: str) -> bool:
    """Ask on a terminal; without one (a script, a pipe) the answer is no."""
    if not sys.stdin.isatty():
        return False
    return click.confirm(question, default=False, err=True)


def _raw_engine(ctx):
    """An engine that does not migrate on open (the db commands decide)."""
    from timeline.db import make_engine

    try:
        return make_engine(ctx.obj["db_url"])
    except Exception as exc:
        _fail(f"cannot open database: {exc}")


@db.command("upgrade")
@click.argument("revision", default="head")
@click.pass_context
def db_upgrade(ctx, revision):
    """Upgrade the schema to REVISION (default: the newest).

    \b
    Examples:
        timeline db upgrade
        timeline db upgrade 0002_ingest_error
    """
    from timeline.db import current_revision, upgrade

    _make_room(ctx)
    engine = _raw_engine(ctx)
    try:
        upgrade(engine, revision)
    except Exception as exc:
        _fail(f"upgrade failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    click.echo(current_revision(engine) or "base")


# A relative target such as `-1` is a revision, not an option.
@db.command("downgrade", context_settings={"ignore_unknown_options": True})
@click.argument("revision")
@click.option("--yes", "-y", is_flag=True, help="Do not ask before a downgrade to base drops every table.")
@click.pass_context
def db_downgrade(ctx, revision, yes):
    """Downgrade the schema to REVISION (one that reaches base removes every table and asks first).

    \b
    Examples:
        timeline db downgrade 0002_ingest_error
        timeline db downgrade -1
        timeline db downgrade base --yes
    """
    from timeline.db import current_revision, downgrade, downgrade_reaches_base

    if revision.startswith("--"):
        raise click.UsageError(f"No such option: {revision}")
    if revision == "base" and not yes and not _confirmed("Drop every table of the database?"):
        _fail("downgrade to base drops every table; pass --yes to confirm", 2)
    engine = _raw_engine(ctx)
    question = f"Downgrade {revision} reaches base: drop every table of the database?"
    if revision != "base" and not yes and downgrade_reaches_base(engine, revision) and not _confirmed(question):
        _fail(f"downgrade {revision} reaches base and drops every table; pass --yes to confirm", 2)
    try:
        downgrade(engine, revision)
    except Exception as exc:
        _fail(f"downgrade failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    click.echo(current_revision(engine) or "base")


@db.command("current")
@click.pass_context
def db_current(ctx):
    """Print the database's schema revision ("(head)" when it is the newest) and the database.

    \b
    Examples:
        timeline db current
        TIMELINE_DB=sqlite:///news.db timeline db current
    """
    from timeline.errors import DatabaseError, NoTimelineDatabase
    from timeline.reader import schema_revision
    from timeline.schema import HEAD_REVISION

    try:
        rev = schema_revision(ctx.obj["db_url"])  # a read: never creates nor changes the file
    except DatabaseError as exc:
        _fail(str(exc), 2 if isinstance(exc, NoTimelineDatabase) else 1)
    from timeline.db import safe_url

    click.echo(f"{rev} (head)" if rev == HEAD_REVISION else (rev or "base"))
    click.echo(f"database: {safe_url(ctx.obj['db_url'])}")


def main() -> None:
    cli(prog_name="timeline")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
