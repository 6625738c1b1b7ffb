"""The examples in newsclean's docstrings run as written (against the installed package)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsclean

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(newsclean.__path__, prefix="newsclean.")
) + ["newsclean"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_examples_exist() -> None:
    attempted = sum(
        doctest.testmod(importlib.import_module(n), report=False).attempted for n in MODULES
    )
    assert attempted >= 8
