"""Where the migrations live: a top-level `alembic/` with `alembic.ini` at the
root, so the `alembic` command works from a checkout as it does in any Alembic
project, while the installed package carries the same scripts for
`timeline db upgrade`, run from any folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from timeline import db as tdb

BIN = Path(sys.executable).parent
# What the wheel is built from.
BUILT_FROM = ("pyproject.toml", "README.md", "timeline", "alembic")


def _schema(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Every table, view, index and trigger of an SQLite file, and its alembic_version."""
    with sqlite3.connect(path) as conn:
        objects = conn.execute("SELECT type, name FROM sqlite_master ORDER BY type, name").fetchall()
        versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    return objects, versions


def _run(cmd: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "TIMELINE_DB"} | env
    return subprocess.run(cmd, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


def _timeline_upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "by-timeline.db"
    done = _run([str(BIN / "timeline"), "--db", f"sqlite:///{path}", "db", "upgrade"], cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"{tdb.HEAD_REVISION}\n"), done.stderr
    return path


def test_alembic_upgrade_head_from_the_checkout_builds_the_timeline_schema(tmp_path):
    """`alembic -x db=URL upgrade head` from the root = `timeline db upgrade`, object for object."""
    path = tmp_path / "by-alembic.db"
    done = _run([str(BIN / "alembic"), "-x", f"db=sqlite:///{path}", "upgrade", "head"], cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert _schema(path) == _schema(_timeline_upgraded(tmp_path))
    assert _schema(path)[1] == [tdb.HEAD_REVISION]
    current = _run([str(BIN / "alembic"), "-x", f"db=sqlite:///{path}", "current"], cwd=ROOT)
    assert (current.returncode, current.stdout) == (0, f"{tdb.HEAD_REVISION} (head)\n"), current.stderr


def test_alembic_takes_the_database_from_timeline_db_as_the_cli_does(tmp_path):
    path = tmp_path / "from-env.db"
    done = _run([str(BIN / "alembic"), "upgrade", "head"], cwd=ROOT, TIMELINE_DB=str(path))
    assert done.returncode == 0, done.stderr
    assert _schema(path)[1] == [tdb.HEAD_REVISION]


def test_alembic_defaults_to_the_per_user_database_as_the_cli_does(tmp_path):
    """No -x db and no $TIMELINE_DB: timeline.db in the per-user data folder (XDG's here), made if need be."""
    if sys.platform != "linux":
        pytest.skip("the per-user folder checked here is XDG's (Linux)")
    data = tmp_path / "data"
    done = _run(
        [str(BIN / "alembic"), "-c", str(ROOT / "alembic.ini"), "upgrade", "head"],
        cwd=tmp_path,
        XDG_DATA_HOME=str(data),
    )
    assert done.returncode == 0, done.stderr
    assert _schema(data / "timeline" / "timeline.db")[1] == [tdb.HEAD_REVISION]
    assert not (tmp_path / "timeline.db").exists()


def test_alembic_x_db_wins_over_timeline_db(tmp_path):
    chosen, other = tmp_path / "chosen.db", tmp_path / "other.db"
    done = _run(
        [str(BIN / "alembic"), "-x", f"db=sqlite:///{chosen}", "upgrade", "head"], cwd=ROOT, TIMELINE_DB=str(other)
    )
    assert done.returncode == 0, done.stderr
    assert _schema(chosen)[1] == [tdb.HEAD_REVISION]
    assert not other.exists()


def test_timeline_db_upgrade_works_from_an_unrelated_folder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = _timeline_upgraded(elsewhere)
    assert _schema(path)[1] == [tdb.HEAD_REVISION]
    assert ("view", "timeline") in _schema(path)[0]


def test_the_wheel_carries_the_migrations(tmp_path):
    """A non-editable install has no checkout: env.py, the template and every
    version must be in the wheel, under timeline/migrations/."""
    # From a copy: an in-tree build reuses build/, whose stale files would end up in the wheel.
    source = tmp_path / "source"
    source.mkdir()
    for name in BUILT_FROM:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    done = _run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(tmp_path)], cwd=source)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("timeline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    versions = sorted(p.name for p in (ROOT / "alembic" / "versions").glob("*.py"))
    assert versions == [f"{rev}.py" for rev in _revisions_oldest_first()]
    expected = {"timeline/migrations/env.py", "timeline/migrations/script.py.mako"}
    expected |= {f"timeline/migrations/versions/{name}" for name in versions}
    assert expected <= names
    # Every module and data file of the package is there too (the package list is explicit).
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "timeline").rglob("*") if p.is_file()}
    assert {f for f in files if "__pycache__" not in f} <= names
    assert not any(name.startswith("alembic/") for name in names)


def _revisions_oldest_first() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(tdb.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
