"""The examples in newsclean's docstrings run as written (against the installed package)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import newsclean

#: Modules that need an optional extra, and the top-level packages that extra installs.
OPTIONAL = {
    "newsclean.integrations.ray": {"ray", "pyarrow"},
    "newsclean.integrations.datatrove": {"datatrove"},
}

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(newsclean.__path__, prefix="newsclean.")
) + ["newsclean"]


def _import(name: str) -> ModuleType | None:
    """The module, or ``None`` when it needs an optional extra that is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in OPTIONAL.get(name, set()):
            return None
        raise


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = _import(name)
    if module is None:
        pytest.skip(f"{name} needs an optional extra that is not installed")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_examples_exist() -> None:
    modules = [m for m in map(_import, MODULES) if m is not None]
    attempted = sum(doctest.testmod(m, report=False).attempted for m in modules)
    assert attempted >= 8
