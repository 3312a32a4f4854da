"""The package's layout: folders that read as the pipeline, imports that only run downward, one front door.

Every import is counted, at the top of a module, inside a function or under
TYPE_CHECKING: an import made late for start-up time is still a dependency,
and a circle hidden in a function is still a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factcheck"

# The stages, lowest first. A module may import from its own stage and the ones below, never above.
STAGES = (
    ("errors", "atomic", "workers", "data", "i18n", "memo"),  # used by every stage
    ("reading",),  # source files, scripts, page layout
    ("record",),  # the records that flow between stages, their codec, the rule registry
    ("extract",),  # figures, periods, subjects, metrics: claims from a document
    ("store",),  # where claims are kept
    ("judge",),  # is a draft's figure the store's fact, and does it agree
    ("report",),  # findings rendered
    ("app",),  # the check, ingest and the editor's session as library calls
    ("api",),  # the front door
    ("hook", "lsp"),  # front ends that use it
    ("cli",),
    ("__main__",),
)
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}
# The front ends go through the front door: nothing of the pipeline itself.
FRONT_ENDS = {"cli", "hook", "lsp"}
FRONT_END_MAY_IMPORT = {"api", "errors", "atomic", "i18n", "hook", "lsp", "cli"}


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name under factcheck (store.index.query)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules `name` imports, wherever in the file the import stands."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name.removeprefix("factcheck.") for a in node.names if a.name.startswith("factcheck.")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1] if node.level > 1 else here
                module = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and (node.module == "factcheck" or node.module.startswith("factcheck.")):
                module = node.module.removeprefix("factcheck").lstrip(".")
            else:
                continue
            # `from . import layout` names a module; `from .claim import Claim` a name in one
            targets = [f"{module}.{a.name}".lstrip(".") if f"{module}.{a.name}".lstrip(".") in known else module
                       for a in node.names]
        else:
            continue
        out.update(t for t in targets if t != name)
    return out


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: {t for t in imports_of(name, path, known) if t in known or t == ""} for name, path in found.items()}


def stage_of(module: str) -> str:
    return module.split(".")[0] if module else ""


def test_every_module_belongs_to_a_stage():
    unplaced = sorted({stage_of(m) for m in modules()} - set(RANK) - {""})
    assert not unplaced, f"add these to STAGES in their place: {unplaced}"


def test_no_module_imports_from_a_stage_above_its_own():
    upward = [
        f"{m} ({stage_of(m)}) imports {t} ({stage_of(t)})"
        for m, targets in graph().items() if m
        for t in sorted(targets) if t and RANK[stage_of(t)] > RANK[stage_of(m)]
    ]
    assert not upward, "\n".join(upward)


def test_the_package_has_no_import_circles():
    edges = graph()
    circles = _cycles({m: {t for t in ts if t} for m, ts in edges.items() if m})
    assert not circles, "\n".join(" -> ".join([*c, c[0]]) for c in circles)


def test_the_front_ends_use_the_front_door_and_nothing_deeper():
    deeper = [
        f"{m} imports {t}"
        for m, targets in graph().items() if m in FRONT_ENDS
        for t in sorted(targets) if stage_of(t) not in FRONT_END_MAY_IMPORT
    ]
    assert not deeper, "\n".join(deeper)


def test_the_package_root_exports_the_front_door_only():
    """`import factcheck` gives the api's names, loaded on first use."""
    assert graph()[""] <= {"api"}


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_the_circle_finder_finds_circles_and_only_circles(edges, expected):
    assert _cycles(edges) == expected


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)
