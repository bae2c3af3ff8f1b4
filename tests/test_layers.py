"""Data flows one way: no stage imports a later one (docs/design.md, "Flow").

Every module of ``src/plangraph`` is read as source (``ast``, nothing is imported), and every
``import`` in it, at the top, inside a function or under ``TYPE_CHECKING``, is checked against
the stage table below.  A new module must be placed in the table, so that its stage is a
decision, not an accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "plangraph"

#: the stages in the order data flows; each module (or package) of src/plangraph in one
STAGES: tuple[tuple[str, frozenset[str]], ...] = (
    # what every stage shares: the model, the errors, the bundled files, the text vocabulary
    ("foundation", frozenset({"model", "errors", "resources", "files", "vocab", "workers"})),
    ("read", frozenset({"read"})),  # files -> text -> Plan
    ("extract", frozenset({"extract"})),  # Plan -> facts
    ("graph", frozenset({"graph", "turtle"})),  # facts -> RDF
    (
        "queries",  # a written graph loaded, queried, validated, served
        frozenset(
            {
                "store",
                "answers",
                "sparql",
                "results",
                "search",
                "shacl",
                "server",
                "serve_guard",
                "display",
                "warmup",
            }
        ),
    ),
    ("projection", frozenset({"projection"})),  # what the analyses and the views read
    # and the Turtle of its results, made on several processes
    ("analysis", frozenset({"analysis", "analysis_turtle", "analysis_runs"})),
    ("views", frozenset({"viz", "report"})),  # HTML for people
    # the orchestration: the API, the streaming build, the command line
    (
        "cli",
        frozenset(
            {"api", "pipeline", "prewrite", "cli", "cli_options", "progress", "", "__main__"}
        ),
    ),
)
RANK = {module: rank for rank, (_, modules) in enumerate(STAGES) for module in modules}
STAGE_NAME = {module: name for name, modules in STAGES for module in modules}
STAGE_RANK = {name: rank for rank, (name, _) in enumerate(STAGES)}

#: imports against the flow that are there on purpose: (importer, imported) -> why
EXCEPTIONS = {
    (
        "plangraph.viz.crosswalk",
        "plangraph.pipeline",
    ): "the view says how many plans the build compares (COMPARE_UP_TO), imported lazily",
}

#: third-party libraries a stage must not know (the stage and every one before it)
UNKNOWN_TO = {
    "read": {"rdflib", "pyoxigraph", "click", "networkx", "pyvis"},
    "extract": {"rdflib", "click", "networkx", "pyvis"},
    "graph": {"click", "networkx", "pyvis"},
    "views": {"click"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The modules ``path`` imports (``from . import x`` gives ``.x`` when it is a module)."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # from . import answers: the module plangraph.answers, not the package
            named = {f"{target}.{alias.name}" for alias in node.names}
            modules = {sub for sub in named if is_module(sub)}
            found |= modules
            if modules != named:
                found.add(target)
    return found


def is_module(name: str) -> bool:
    if not name.startswith("plangraph."):
        return False
    path = PACKAGE.joinpath(*name.split(".")[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def top(name: str) -> str:
    """The stage-table entry of a plangraph module: ``plangraph.graph.iris`` -> ``graph``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_is_there() -> None:
    assert len(SOURCES) > 50
    assert {"read", "graph", "sparql", "viz"} <= {top(module_name(p)) for p in SOURCES}


def test_every_module_has_a_stage() -> None:
    unplaced = sorted({module_name(p) for p in SOURCES if top(module_name(p)) not in RANK})
    assert unplaced == [], f"place these in STAGES of {Path(__file__).name}: {unplaced}"


def test_no_stage_imports_a_later_one() -> None:
    backwards = []
    for path in SOURCES:
        name = module_name(path)
        for target in imports(path):
            if not target.startswith("plangraph") or top(target) not in RANK:
                continue
            if RANK[top(target)] > RANK[top(name)] and (name, target) not in EXCEPTIONS:
                backwards.append(
                    f"{name} ({STAGE_NAME[top(name)]}) imports {target} ({STAGE_NAME[top(target)]})"
                )
    assert backwards == []


def test_the_exceptions_are_still_needed() -> None:
    found = {(module_name(p), t) for p in SOURCES for t in imports(p)}
    assert set(EXCEPTIONS) <= found, "an exception no longer happens: drop it from EXCEPTIONS"


def test_early_stages_know_nothing_of_later_libraries() -> None:
    known = []
    for path in SOURCES:
        name = module_name(path)
        rank = RANK[top(name)]
        banned: set[str] = set()
        for stage, libraries in UNKNOWN_TO.items():
            if rank <= STAGE_RANK[stage]:
                banned |= libraries
        for target in imports(path):
            if target.split(".")[0] in banned:
                known.append(f"{name} imports {target}")
    assert known == []


def test_the_checker_sees_every_kind_of_import() -> None:
    """The reader of imports on its own: relative, lazy, TYPE_CHECKING and ``from . import``."""
    assert imports(PACKAGE / "sparql" / "engine.py") >= {
        "plangraph.answers",  # from .. import answers
        "plangraph.store",  # lazily, inside cached_store
        "plangraph.graph",
        "pyoxigraph",
    }
    extract = {t for p in (PACKAGE / "extract").rglob("*.py") for t in imports(p)}
    assert (
        "plangraph.read" in extract and "plangraph.model" in extract
    )  # from plangraph import model
    assert "plangraph" not in extract
    assert top("plangraph.graph.iris") == "graph" and top("plangraph") == ""
    assert RANK["read"] < RANK["extract"] < RANK["graph"] < RANK["sparql"]
    assert RANK["sparql"] < RANK["projection"] < RANK["analysis"] < RANK["viz"] < RANK["cli"]
