"""Cleaner settings by name: from Python, a TOML file, or ``[tool.newsclean]`` in pyproject.toml.

Each cleaner's thresholds are the fields of its ``Config`` dataclass (``newsclean cleaners
--verbose`` lists them with their values). They are given as tables named after the cleaners::

    # newsclean.toml, passed as `newsclean run --config newsclean.toml`
    [donation_appeal]
    max_appeal_words = 150

    # or in the project's pyproject.toml, read by `newsclean run` from the current directory
    [tool.newsclean.donation_appeal]
    max_appeal_words = 150

Precedence, setting by setting: ``--config FILE`` over pyproject.toml over the defaults. From
Python, ``default_pipeline(config={"donation_appeal": {"max_appeal_words": 150}})`` (a table's
value may also be the cleaner's ``Config`` itself). A cleaner or setting name that does not
exist, or a value of the wrong type, is an error naming the source, the name and the closest
known one. The library itself reads no file unless told to: only the command line reads
pyproject.toml.
"""

from __future__ import annotations

import dataclasses
import difflib
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newsclean.pipeline import Cleaner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Cleaner tables given by name: ``{"donation_appeal": {"max_appeal_words": 150}}``.
Tables = Mapping[str, Any]


class ConfigError(ValueError):
    """A config that names an unknown cleaner or setting, or gives a value of the wrong type."""


def settings_of(cleaner: Cleaner | type[Cleaner]) -> dict[str, Any]:
    """A cleaner's settings and their values (a class: its defaults), in definition order."""
    config = getattr(cleaner, "config", None) if isinstance(cleaner, Cleaner) else cleaner.Config()
    if not dataclasses.is_dataclass(config):
        return {}
    return {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}


def read_config_file(path: str | Path) -> dict[str, Any]:
    """The cleaner tables of a TOML config file."""
    try:
        tables: dict[str, Any] = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path}: {exc}") from exc
    return tables


def read_pyproject(directory: str | Path = ".") -> dict[str, Any]:
    """The ``[tool.newsclean]`` tables of ``pyproject.toml`` in ``directory``; none without one."""
    path = Path(directory) / "pyproject.toml"
    if not path.is_file():
        return {}
    section = read_config_file(path).get("tool", {}).get("newsclean", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.newsclean] must be a table of cleaner tables")
    return section


def command_settings(
    path: str | Path | None, cleaners: Iterable[type[Cleaner]], directory: str | Path = "."
) -> dict[str, Any]:
    """The settings a command runs with: ``[tool.newsclean]`` of ``directory``'s pyproject.toml,
    overridden setting by setting by the file at ``path``; each checked on its own, so that an
    error names the file it is in."""
    cleaners = list(cleaners)
    project = read_pyproject(directory)
    configs(project, cleaners, "pyproject.toml [tool.newsclean]")
    given = read_config_file(path) if path is not None else {}
    configs(given, cleaners, f"config file {path}")
    return merged(project, given)


def merged(*layers: Tables) -> dict[str, Any]:
    """The tables of ``layers`` combined setting by setting, a later layer winning."""
    out: dict[str, Any] = {}
    for layer in layers:
        for name, table in layer.items():
            if isinstance(table, Mapping) and isinstance(out.get(name), dict):
                out[name].update(table)
            else:
                out[name] = dict(table) if isinstance(table, Mapping) else table
    return out


def configs(tables: Tables, cleaners: Iterable[type[Cleaner]], source: str) -> dict[str, Any]:
    """Each named cleaner's ``Config`` with the given settings (the others at their defaults),
    after checking every name and value; ``source`` names where the tables came from."""
    known = {cls.name: cls for cls in cleaners}
    out: dict[str, Any] = {}
    for name, table in tables.items():
        cls = known.get(name)
        if cls is None:
            raise ConfigError(f"{source}: unknown cleaner {name!r}{_closest(name, known)}")
        if isinstance(table, cls.Config):
            out[name] = table
            continue
        if not isinstance(table, Mapping):
            raise ConfigError(f"{source}: [{name}] must be a table of settings")
        if table:  # an empty table changes nothing
            out[name] = _config(cls, table, source)
    return out


def _config(cls: type[Cleaner], table: Mapping[str, Any], source: str) -> Any:
    defaults = settings_of(cls)
    for key, value in table.items():
        if key not in defaults:
            hint = _closest(key, defaults)
            have = ", ".join(defaults) or "none"
            raise ConfigError(
                f"{source}: {cls.name} has no setting {key!r}{hint} (its settings: {have})"
            )
        _check_value(f"{source}: {cls.name}.{key}", value, defaults[key])
    return dataclasses.replace(cls.Config(), **table)


def _check_value(where: str, value: Any, default: Any) -> None:
    """Values have the type of the default; counts and limits (int) are whole numbers >= 0."""
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(value, bool) and isinstance(default, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and value >= 0
    elif isinstance(default, float):
        ok = isinstance(value, (int, float))
    else:
        ok = isinstance(value, type(default))
    if not ok:
        wanted = "a whole number >= 0" if isinstance(default, int) else type(default).__name__
        raise ConfigError(f"{where} must be {wanted}, not {value!r}")


def _closest(name: str, known: Iterable[str]) -> str:
    found = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {found[0]!r}?)" if found else ""
