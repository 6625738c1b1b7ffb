"""The shape of the package: no import cycles, short modules, a top level that shows the design.

Imports are read from the source (every ``import`` statement, those inside functions too, since a
function-level import is how a cycle hides), so the checks do not depend on what was imported
before them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsclean"
#: A module longer than this is split (issue 19: one concern per module).
MAX_LINES = 300
#: Modules allowed at the top level besides the subpackages.
MAX_TOP_LEVEL = 10


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (a ``from a import b`` counts ``a.b`` when that
    is a module, else ``a``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in known:
                    found.add(full)
                elif base in known:
                    found.add(base)
    found.discard(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    # The check above can fail: a graph with a cycle through three modules is reported.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_function_level_imports_count() -> None:
    # segment <-> document was hidden by an import inside a function; such imports are read too.
    source = "def f():\n    from newsclean.segment import render\n"
    path = PACKAGE / "document.py"
    tree_imports = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            tree_imports.add(node.module)
    assert tree_imports == {"newsclean.segment"}
    assert "newsclean.segment" in _imports(path, "newsclean.document", set(_modules()))


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_module_is_long(name: str) -> None:
    lines = len(_modules()[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by concern"


def test_top_level_is_small() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL, top
    subpackages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    for expected in ("cleaners", "html", "integrations", "io", "language", "names", "run"):
        assert expected in subpackages


def test_importing_and_cleaning_leave_langdetect_as_it_was() -> None:
    # A library changes no global state of its host: langdetect's seed stays what the host set.
    code = (
        "import langdetect\n"
        "from langdetect import DetectorFactory\n"
        "DetectorFactory.seed = 7\n"
        "import newsclean\n"
        "newsclean.clean('Der Kreml hat am Montag erklärt, dass die Gespräche weitergehen.')\n"
        "newsclean.clean('Il Cremlino ha detto lunedì che i colloqui continueranno presto.')\n"
        "from newsclean.language.detect import detect_language\n"
        "detect_language('Ceci est un texte français assez court.', exact=True)\n"
        "print(DetectorFactory.seed)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "7"
