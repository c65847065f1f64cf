"""Documentation stays with the code (sqlite-utils' test_docs idea): every
command has a one-line summary and an Examples block, and README's command
reference mentions every command."""

from __future__ import annotations

import re

import click
import pytest
from conftest import ROOT

from timeline.cli import cli


def all_commands(group: click.Group = cli, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        found.append((full, command))
        if isinstance(command, click.Group):
            found += all_commands(command, full + " ")
    return found


COMMANDS = all_commands()


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_summary_and_examples(name, command):
    help_text = command.help or ""
    summary = help_text.strip().splitlines()[0] if help_text.strip() else ""
    assert summary and summary.endswith("."), f"timeline {name}: no one-line summary"
    assert "\b\nExamples:" in help_text or "\b\n    Examples:" in help_text, f"timeline {name}: no \\b Examples block"
    example_lines = help_text.split("Examples:", 1)[1].strip().splitlines()
    assert any(line.strip().startswith(("timeline ", "cat ", "TIMELINE_DB=")) for line in example_lines)


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_readme_command_reference_mentions_command(name):
    readme = ROOT / "README.md"
    if not readme.exists():
        pytest.fail("README.md is missing: it must hold the command reference")
    text = readme.read_text(encoding="utf-8")
    assert re.search(rf"timeline {re.escape(name)}\b", text), f"README.md does not mention `timeline {name}`"
