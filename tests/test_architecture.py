"""The dependency rule of docs/architecture.md, checked on the import graph.

Every module under `timeline/` is parsed with `ast` (nothing is imported) and
every `timeline.*` import it makes is collected, at module level or inside a
function, relative or absolute, and `importlib.import_module("literal")`.
Each module belongs to one layer; a layer may import only the layers
`MAY_IMPORT` gives it. What today's code does against the rule is listed in
the baselines below, with the reason; an entry leaves a baseline when the
code is fixed, and none may be added.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "timeline"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# Module (or package) name → layer; a module belongs to its longest listed prefix.
LAYERS = {
    "timeline": "shared",  # the package itself: __version__
    "timeline.vocabulary": "shared",
    "timeline.errors": "shared",
    "timeline.config": "shared",
    "timeline.datafiles": "shared",
    # The plain records passed from stage to stage.
    "timeline.sources.document": "records",
    # What a Document reads from its own text when it is made (furniture,
    # dateline): sources' rules that the records use and extraction may not.
    "timeline.sources.boilerplate": "cleaning",
    "timeline.sources.dateline": "cleaning",
    "timeline.events.types": "records",
    "timeline.sources": "sources",
    "timeline.temporal": "temporal",
    "timeline.actors": "actors",
    "timeline.nlp": "nlp",
    "timeline.events": "events",
    "timeline.merging": "merging",
    "timeline.db": "database",
    "timeline.models": "database",
    "timeline.schema": "database",
    "timeline.store": "store",
    "timeline.reader": "readers",
    "timeline.query": "readers",
    "timeline.render": "render",
    "timeline.serve": "serve",
    "timeline.budget": "ingest",
    "timeline.cluster": "ingest",
    "timeline.ingest": "ingest",
    "timeline.output": "cli",
    "timeline.cli": "cli",
}

# Layer → the other layers it may import (its own is always allowed).
# Nothing may import `cli`.
MAY_IMPORT = {
    "shared": set(),
    "cleaning": {"shared"},
    "records": {"shared", "cleaning"},
    "sources": {"shared", "records", "cleaning"},
    "temporal": {"shared"},
    "actors": {"shared"},
    "nlp": {"shared"},
    "events": {"shared", "records", "temporal", "actors", "nlp"},
    "merging": {"shared", "records", "temporal"},
    "database": {"shared"},
    "store": {"shared", "records", "merging", "database"},
    "readers": {"shared", "database", "temporal", "actors"},
    "render": {"shared"},
    "serve": {"shared", "database", "readers"},
    "ingest": {"shared", "records", "sources", "nlp", "events", "store", "database"},
    "cli": {
        "shared",
        "cleaning",
        "records",
        "sources",
        "temporal",
        "actors",
        "events",
        "merging",
        "database",
        "store",
        "readers",
        "render",
        "serve",
        "ingest",
    },
}

# Wrong-way imports today: (importer, imported) → why it is still there.
IMPORT_BASELINE: dict[tuple[str, str], str] = {}

# Third-party packages that only some layers may import at run time
# (imports under `if TYPE_CHECKING:` are for annotations and do not count).
LIBRARY_LAYERS = {
    "spacy": {"nlp"},  # loaded once per process, in timeline/nlp.py
    "sqlalchemy": {"database", "store", "readers", "serve", "ingest", "cli"},
    "sqlmodel": {"database", "store", "readers", "serve", "ingest", "cli"},
    "alembic": {"database"},
    "sqlite3": {"database", "store", "readers", "serve", "ingest", "cli"},
    "psycopg": {"database", "readers"},
    "dask": {"ingest"},
    "distributed": {"ingest"},
    "click": {"cli"},
}

# Modules other than cli.py that write to the terminal today → why.
OUTPUT_BASELINE: dict[str, str] = {}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _known(name: str) -> str:
    """The longest prefix of a dotted name that is a module of the package
    (`timeline.__version__` → `timeline`)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _is_type_checking(node: ast.AST) -> bool:
    """`if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`): imports for annotations."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(tree: ast.AST, *, runtime: bool):
    """Every node, or (runtime) every node outside `if TYPE_CHECKING:` blocks."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        yield node
        if runtime and isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(module: str, source: str, *, runtime: bool = False) -> set[str]:
    """Absolute names `module` imports (modules of the package resolved to
    their module; others as written, e.g. `spacy.tokens`)."""
    package = module if MODULES.get(module, Path()).name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _walk(ast.parse(source), runtime=runtime):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name == "timeline" or name.startswith("timeline."):
                # `from timeline import nlp` imports the module timeline.nlp.
                found.update(_known(f"{name}.{alias.name}") for alias in node.names)
            else:
                found.add(name)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return {_known(n) if n.startswith("timeline") else n for n in found}


def layer_of(module: str) -> str:
    name = module
    while name not in LAYERS:
        if "." not in name:
            raise KeyError(f"{module} is in no layer: add it to LAYERS and to docs/architecture.md")
        name = name.rsplit(".", 1)[0]
    return LAYERS[name]


@cache
def _graph() -> dict[str, set[str]]:
    return {
        module: {n for n in imports_of(module, path.read_text(encoding="utf-8")) if n.startswith("timeline")}
        for module, path in MODULES.items()
    }


def _wrong_way_imports() -> set[tuple[str, str]]:
    wrong = set()
    for module, imported in _graph().items():
        mine = layer_of(module)
        for name in imported:
            theirs = layer_of(name)
            if theirs != mine and theirs not in MAY_IMPORT[mine]:
                wrong.add((module, name))
    return wrong


def test_every_module_is_in_a_layer():
    assert sorted(m for m in MODULES if _layer_or_none(m) is None) == []
    assert set(MAY_IMPORT) == set(LAYERS.values())


def _layer_or_none(module: str) -> str | None:
    try:
        return layer_of(module)
    except KeyError:
        return None


def test_no_module_imports_against_the_dependency_rule():
    new = sorted(_wrong_way_imports() - set(IMPORT_BASELINE))
    assert new == [], (
        "these imports go against the dependency rule of docs/architecture.md "
        f"(importer, imported): {[f'{a} ({layer_of(a)}) -> {b} ({layer_of(b)})' for a, b in new]}"
    )


def test_the_import_baseline_lists_only_imports_still_there():
    stale = sorted(set(IMPORT_BASELINE) - _wrong_way_imports())
    assert stale == [], f"remove these from IMPORT_BASELINE in {Path(__file__).name}: they are gone: {stale}"


def test_nothing_imports_the_command_line():
    importers = sorted(m for m, imported in _graph().items() if "timeline.cli" in imported)
    assert importers == []


def test_libraries_are_imported_only_by_their_layers():
    wrong = []
    for module, path in MODULES.items():
        for name in imports_of(module, path.read_text(encoding="utf-8"), runtime=True):
            allowed = LIBRARY_LAYERS.get(name.split(".")[0])
            if allowed is not None and layer_of(module) not in allowed:
                wrong.append(f"{module} imports {name}")
    assert wrong == [], f"see the libraries rule in docs/architecture.md: {wrong}"


def _writes_to_terminal(source: str) -> bool:
    """print(), sys.stdout/sys.stderr, or a rich Console without file=."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            return True
        if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr"):
            if isinstance(node.value, ast.Name) and node.value.id == "sys":
                return True
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Console":
            if not any(k.arg == "file" and not _is_std_stream(k.value) for k in node.keywords):
                return True
    return False


def _is_std_stream(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr")


def _writers() -> set[str]:
    return {
        m for m, p in MODULES.items() if layer_of(m) != "cli" and _writes_to_terminal(p.read_text(encoding="utf-8"))
    }


def test_only_the_command_line_writes_to_the_terminal():
    new = sorted(_writers() - set(OUTPUT_BASELINE))
    assert new == [], f"only cli.py writes to the terminal; return text instead in {new}"


def test_the_output_baseline_lists_only_modules_that_still_write():
    stale = sorted(set(OUTPUT_BASELINE) - _writers())
    assert stale == [], f"remove these from OUTPUT_BASELINE in {Path(__file__).name}: {stale}"


def test_the_architecture_doc_names_every_top_level_module():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    top = sorted({".".join(m.split(".")[:2]) for m in MODULES if m != "timeline"})
    missing = [m for m in top if m.replace(".", "/") not in text]
    assert missing == [], f"docs/architecture.md does not name {missing}"


# The collector itself: what it must see for the rules above to mean anything.
@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("timeline.render.table", "from timeline.events.types import EventRecord", {"timeline.events.types"}),
        ("timeline.render.table", "def f():\n    from timeline import ingest\n", {"timeline.ingest"}),
        ("timeline.render.table", "from .labels import x", {"timeline.render.labels"}),
        ("timeline.render", "from . import html", {"timeline.render.html"}),
        ("timeline.sources.fetch", "from .. import __version__", {"timeline"}),
        ("timeline.events.rules", "import importlib\nimportlib.import_module('timeline.store')", {"timeline.store"}),
        ("timeline.nlp", "import spacy.tokens", {"spacy.tokens"}),
    ],
)
def test_imports_are_collected_wherever_they_are(module, source, expected):
    assert imports_of(module, source) - {"importlib"} == expected


def test_annotation_only_imports_are_not_run_time_imports():
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from spacy.tokens import Doc\n"
    assert imports_of("timeline.events.modality", source, runtime=True) == {"typing"}
    assert "spacy.tokens" in imports_of("timeline.events.modality", source)


def test_a_wrong_way_import_is_reported():
    imported = imports_of("timeline.temporal.finder", "def f():\n    from timeline.store import store_article\n")
    assert [n for n in imported if layer_of(n) not in MAY_IMPORT["temporal"] | {"temporal"}] == ["timeline.store"]


def test_extraction_may_not_clean_a_document_itself():
    # The Document arrives clean: boilerplate and datelines are read by sources/.
    imported = imports_of("timeline.events.extract", "from timeline.sources.boilerplate import mask_boilerplate\n")
    assert [n for n in imported if layer_of(n) not in MAY_IMPORT["events"] | {"events"}] == [
        "timeline.sources.boilerplate"
    ]
    assert "cleaning" in MAY_IMPORT["records"]
