"""Cleaners from outside newsclean: installed plugin packages and ``--cleaner`` on the command
line, placed in the chain as :meth:`~newsclean.pipeline.Pipeline.with_cleaner` places them.

A plugin package declares its cleaners in the entry-point group ``newsclean.cleaners``::

    [project.entry-points."newsclean.cleaners"]
    paywall = "mypkg.cleaners:Paywall"

The class is a :class:`~newsclean.pipeline.Cleaner` subclass; it may say where it goes with a
class attribute ``before = "navigation"`` or ``after = "navigation"`` (else it runs last).
``--cleaner mypkg.cleaners:Paywall`` adds one by hand, with ``@before=NAME`` or ``@after=NAME``
to place it (``mypkg.cleaners:Paywall@after=navigation``), overriding its own attribute. Entry
points are loaded in the order of their names, then ``--cleaner`` ones in the order given, so
the chain is the same on every run; it is in the run's journal, as every chain is.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from importlib.metadata import entry_points
from typing import Any

from newsclean.pipeline import Cleaner, Pipeline

__all__ = ["GROUP", "PluginError", "load_spec", "with_plugins"]

GROUP = "newsclean.cleaners"


class PluginError(ValueError):
    """A plugin that cannot be loaded or placed, said in one line."""


def _check(cls: Any, where: str) -> type[Cleaner]:
    if not (isinstance(cls, type) and issubclass(cls, Cleaner)):
        raise PluginError(f"{where} is not a newsclean Cleaner subclass")
    if not isinstance(getattr(cls, "name", None), str):
        raise PluginError(f"{where} has no name (a class attribute: name = 'my_cleaner')")
    return cls


def load_spec(spec: str) -> tuple[type[Cleaner], str | None, str | None]:
    """``module:Class[@before=NAME|@after=NAME]`` → the class, and where to put it."""
    target, _, place = spec.partition("@")
    module_name, _, attr = target.partition(":")
    if not module_name or not attr:
        raise PluginError(f"--cleaner {spec}: write module:Class, @after=NAME or @before=NAME")
    try:
        found: Any = importlib.import_module(module_name)
        for part in attr.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as exc:
        raise PluginError(f"--cleaner {spec}: cannot load {target}: {exc}") from None
    cls = _check(found, f"--cleaner {target}")
    before, after = getattr(cls, "before", None), getattr(cls, "after", None)
    if place:
        side, _, name = place.partition("=")
        if side not in ("before", "after") or not name:
            raise PluginError(f"--cleaner {spec}: after @ write before=NAME or after=NAME")
        before, after = (name, None) if side == "before" else (None, name)
    return cls, before, after


def installed() -> list[tuple[type[Cleaner], str | None, str | None]]:
    """The cleaners of installed plugin packages, by entry-point name."""
    found = []
    for point in sorted(entry_points(group=GROUP), key=lambda p: p.name):
        where = f"plugin {point.name} ({point.value}, entry point group {GROUP})"
        try:
            cls = _check(point.load(), where)
        except PluginError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken plugin is named, not a traceback
            raise PluginError(f"{where} cannot be loaded: {type(exc).__name__}: {exc}") from None
        found.append((cls, getattr(cls, "before", None), getattr(cls, "after", None)))
    return found


def with_plugins(
    pipeline: Pipeline,
    specs: Iterable[str] = (),
    *,
    installed_plugins: bool = True,
) -> Pipeline:
    """``pipeline`` with the installed plugins' cleaners (unless ``installed_plugins`` is off)
    and those of ``specs`` added, each with its default settings."""
    plugins = installed() if installed_plugins else []
    plugins += [load_spec(spec) for spec in specs]
    for cls, before, after in plugins:
        if cls.name in pipeline.names:
            raise PluginError(f"cleaner {cls.name} ({cls.__module__}) is in the chain already")
        for other in (before, after):
            if other is not None and other not in pipeline.names:
                raise PluginError(
                    f"cleaner {cls.name} goes next to {other}, which is not in the chain"
                )
        pipeline = pipeline.with_cleaner(cls(), before=before, after=after)
    return pipeline
