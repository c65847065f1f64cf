"""The `timeline` command line: thin Click commands that parse options, call the
pure modules and render. No extraction or SQL lives here.

Exit codes: 0 ok, 1 some inputs failed, 2 usage error.
"""
from __future__ import annotations

import sys

import click

from timeline import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
@click.option(
    "--db",
    "db",
    envvar="TIMELINE_DB",
    default=None,
    metavar="URL",
    help="Database: any SQLAlchemy URL or an SQLite file path "
    "(default: sqlite:///timeline.db; env TIMELINE_DB).",
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


def main() -> None:
    cli(prog_name="timeline")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
