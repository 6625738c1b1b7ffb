"""Every cache newsclean keeps is registered in one place, and newsclean.reset_caches() empties
them all without changing any output."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import newsclean
from helpers import FIXTURES, SEEDS
from newsclean import caches
from newsclean.cleaners import _shapes, default_pipeline, text_fix
from newsclean.language import model
from newsclean.lexicon import Lexicon
from newsclean.pipeline import Pipeline, default_lexicon

SRC = Path(newsclean.__file__).parent


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("cases/*/input.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def _module_caches() -> list[functools._lru_cache_wrapper[object]]:
    """Every lru_cache of a function defined once per process in newsclean, found by walking
    its modules' globals (not the registry, which is what is checked)."""
    import importlib
    import pkgutil

    found = []
    for info in pkgutil.walk_packages([str(SRC)], "newsclean."):
        if info.name.startswith("newsclean.integrations"):
            continue  # optional dependencies
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and value.__module__.startswith(
                "newsclean"
            ):
                found.append(value)
    return found


def _sizes() -> dict[str, int]:
    """How much each kind of cache holds now (the default lexicon's derived structures last:
    asking for the lexicon loads it)."""
    sizes = {f"{f.__module__}.{f.__qualname__}": f.cache_info().currsize for f in _module_caches()}
    return {
        **sizes,
        "text_fix._STRETCHES": len(text_fix._STRETCHES),
        "model tokens and windows": sum(map(len, (*model._model().tokens, model._model().windows)))
        if model._model.cache_info().currsize
        else 0,
        "lexicon derived": len(default_lexicon()._derived),
    }


def _outputs() -> list[dict[str, object]]:
    return [newsclean.clean(text).to_dict() for text in _texts()]


def test_reset_caches_empties_every_cache_and_changes_no_output() -> None:
    first = _outputs()
    filled = _sizes()
    # Cleaning filled the caches that matter: word counts, canonical forms, language scores...
    assert filled[f"{_shapes.__name__}.word_and_cjk_counts"] > 0
    assert filled["model tokens and windows"] > 0
    assert filled["lexicon derived"] > 0
    assert sum(v > 0 for v in filled.values()) >= 10, filled
    newsclean.reset_caches()
    # default_lexicon itself was dropped: the lexicon asked for now is a new one, empty.
    emptied = _sizes()
    assert all(size == 0 for size in emptied.values()), emptied
    assert _outputs() == first


def test_every_module_level_cache_is_registered() -> None:
    registered = set(caches.registered())
    for cached in _module_caches():
        assert cached.cache_clear in registered, cached.__qualname__


def test_a_lexicon_forgets_what_it_built() -> None:
    lexicon = Lexicon.load()
    pipeline = Pipeline(list(default_pipeline()), lexicon=lexicon)
    newsclean.clean("Read more\n\nThe council met on Tuesday.", pipeline=pipeline)
    assert lexicon._derived
    newsclean.reset_caches()
    assert not lexicon._derived


def test_no_cache_outside_caches_py_sets_its_own_size() -> None:
    """lru_cache sizes, and the bounds of self-emptying dicts, come from caches.py: no
    ``maxsize=`` with a number, no bare ``functools.cache``."""
    for path in SRC.rglob("*.py"):
        if path.name == "caches.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "maxsize":
                assert not isinstance(node.value, ast.Constant), f"{path}:{node.value.lineno}"
            if isinstance(node, ast.Name | ast.Attribute):
                name = node.id if isinstance(node, ast.Name) else node.attr
                assert name != "cache", f"{path}:{node.lineno}: use caches.once"
