"""No import circle in the Python package. Every import counts: at the top
of a module, inside a function (a lazy import is still a dependency), and
under ``if TYPE_CHECKING:`` (a type is one too)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Mapping, Set

from conftest import REPO

PACKAGE = REPO / "bindings-python" / "python" / "sundhedsaftale"


def imports(source: str, modules: Set[str]) -> Set[str]:
    """The package's modules that ``source`` (a module of the package)
    imports; ``__init__`` stands for the package itself."""
    out: Set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                out.add(node.module.split(".")[0])
            elif node.level == 1:
                out.update(a.name if a.name in modules else "__init__" for a in node.names)
            elif node.module and node.module.split(".")[0] == "sundhedsaftale":
                parts = node.module.split(".")
                out.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                if parts[0] == "sundhedsaftale":
                    out.add(parts[1] if len(parts) > 1 else "__init__")
    return out & modules


def circles(graph: Mapping[str, Set[str]]) -> List[List[str]]:
    """Every circle a depth-first search closes, as the modules in order with
    the first repeated at the end."""
    found: List[List[str]] = []
    state: Dict[str, int] = {}

    def visit(node: str, path: List[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def graph_of(files: Mapping[str, str]) -> Dict[str, Set[str]]:
    """Module name (file stem) → the package modules it imports; a module
    that only has a stub (the native extension, ``_native.pyi``) is a leaf."""
    modules = {Path(f).stem for f in files}
    return {Path(f).stem: imports(text, modules) - {Path(f).stem} for f, text in files.items() if f.endswith(".py")}


def package_files() -> Dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(PACKAGE.glob("*.py*")) if p.suffix in (".py", ".pyi")}


def test_the_package_has_no_import_circle() -> None:
    graph = graph_of(package_files())
    assert {"model", "_mixins", "_agreement", "_display", "_errors"} <= set(graph)
    # The edges the old circles ran along are still read, one way.
    assert "_mixins" in graph["model"] and "model" in graph["_agreement"]
    assert "_display" in graph["_errors"]
    assert circles(graph) == []


def test_a_circle_fails_wherever_its_imports_are() -> None:
    files = {
        "model.py": "from ._mixins import MinutesMixin\n",
        "_mixins.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ._agreement import Agreement\n",
        "_agreement.py": "def f():\n    from . import model\n",
        "_display.py": "from ._errors import Lang\n",
        "_errors.py": "import sundhedsaftale._display\n",
        "_native.pyi": "def labels() -> list: ...\n",
        "_base.py": "from . import _native\n",
    }
    assert circles(graph_of(files)) == [
        ["_agreement", "model", "_mixins", "_agreement"],
        ["_display", "_errors", "_display"],
    ]
