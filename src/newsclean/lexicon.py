"""Phrase lists for boilerplate, loaded from TOML data files.

Rules are data: every phrase a cleaner looks for lives in ``newsclean/data/lexicon/*.toml`` (one
file per language, plus ``common.toml`` for what is not language-bound), in a table named after
the cleaner.
Users add an outlet's footer or a language by passing their own TOML file with the same tables;
its lists extend the bundled ones. The tables and keys a file may hold are listed, with what each
list is, in ``newsclean/data/lexicon_schema.toml``; a misspelt one is an error at load.

Two kinds of entries:

* *labels* — whole-block phrases, compared after :func:`label_key` (case, surrounding punctuation
  and arrows ignored), e.g. ``"Read more"`` matches ``"READ MORE »"``;
* *patterns* (keys ending in ``patterns``) — regular expressions, matched against the whole block
  (``fullmatch``) or its start, as the cleaner documents; they are compiled once per lexicon.
"""

from __future__ import annotations

import difflib
import re
import sys
import weakref
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from newsclean.caches import TEXTS, lru, register
from newsclean.conventions import STRAIGHT_QUOTES
from newsclean.io.files import read_data_file
from newsclean.patterns import Patterns as Patterns
from newsclean.patterns import fullmatch_any as fullmatch_any
from newsclean.patterns import join_patterns as join_patterns
from newsclean.patterns import match_any as match_any
from newsclean.patterns import search_any as search_any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

T = TypeVar("T")
# A run of what is not a letter or digit: spaces, punctuation, arrows, underscores.
_NOT_ALNUM = re.compile(r"[\s\W_]+")
_QUOTES = str.maketrans(STRAIGHT_QUOTES)


@lru(TEXTS)
def label_key(text: str) -> str:
    """Comparison key for labels: casefolded, quotes straightened, edge punctuation and arrows
    stripped, spaces collapsed. ``"  READ MORE » "`` and ``"Read more:"`` give ``"read more"``."""
    text = text.translate(_QUOTES).casefold()
    # The edges' runs, each matched from its own end (the end's run read in the reversed text):
    # a search for a run that ends the text would try every run inside it.
    lead = _NOT_ALNUM.match(text)
    trail = _NOT_ALNUM.match(text[::-1])
    start = lead.end() if lead else 0
    end = len(text) - trail.end() if trail else len(text)
    return " ".join(text[start:end].split())


class LabelSet:
    """Labels in :func:`label_key` form, with the words any of them starts with (most text is
    ruled out as a label at its first word) and the length of the longest, in words."""

    def __init__(self, labels: frozenset[str]):
        self.labels = labels
        self.first_words = frozenset(label.split(" ", 1)[0] for label in labels)
        self.longest = max((label.count(" ") + 1 for label in labels), default=0)

    def __contains__(self, key: object) -> bool:
        return key in self.labels


class Derived(Generic[T]):
    """What a cleaner builds from a lexicon and keeps with it (:meth:`Lexicon.derived`): a
    module constant made next to its ``build`` function, so that a mistyped key is a NameError,
    not a second structure built under another name. ``name`` only shows in messages.
    ``build`` takes the lexicon, then the settings the caller passes to ``derived`` (a cleaner's
    thresholds), if any."""

    __slots__ = ("build", "name")

    def __init__(self, name: str, build: Callable[..., T]):
        self.name = name
        self.build = build

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class TextTest(Derived[Callable[[str], T]]):
    """A test of one block's text built from a lexicon (:meth:`Lexicon.text_test`): ``build``
    makes the test, whose answers the lexicon keeps for the most recent ``caches.TEXTS`` texts."""

    __slots__ = ()

    def __init__(self, name: str, build: Callable[..., Callable[[str], T]]):
        super().__init__(
            name, lambda lexicon, *settings: lru_cache(maxsize=TEXTS)(build(lexicon, *settings))
        )


class Lexicon:
    """Merged phrase lists from the bundled data files and any user files."""

    def __init__(self, tables: dict[str, dict[str, list[str]]]):
        self._tables = tables
        self._labels: dict[tuple[str, str], frozenset[str]] = {}
        self._label_sets: dict[tuple[str, str], LabelSet] = {}
        self._derived: dict[tuple[Derived[Any], tuple[Hashable, ...]], Any] = {}
        self._compiled: dict[tuple[str, str, bool], Patterns] = {}
        _LIVE.add(self)

    def forget(self) -> None:
        """Drop what was built from the tables (rebuilt when next asked for)."""
        for built in (self._labels, self._label_sets, self._derived, self._compiled):
            built.clear()

    def __getstate__(self) -> dict[str, Any]:
        # What is built from the tables (caches, closures) is rebuilt where the copy is used.
        return {"_tables": self._tables}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["_tables"])  # type: ignore[misc]

    @classmethod
    def load(
        cls,
        extra: Iterable[str | Path] = (),
        bundled: bool = True,
        known: Mapping[str, Iterable[str]] | None = None,
    ) -> Lexicon:
        """Load the bundled data files (unless ``bundled=False``), then each file in ``extra``.
        Every table and key must be in ``data/lexicon_schema.toml`` or in ``known`` (the tables
        and keys of a cleaner of your own): a misspelt one is an error naming the file, the key
        and the closest known one."""
        schema = {t: set(keys) for t, keys in _schema().items()}
        for table, keys in (known or {}).items():
            schema.setdefault(table, set()).update(keys)
        tables: dict[str, dict[str, list[str]]] = {}
        sources: list[tuple[str, bytes]] = []
        if bundled:
            data = resources.files("newsclean") / "data" / "lexicon"
            for entry in sorted(data.iterdir(), key=lambda p: p.name):
                if entry.name.endswith(".toml"):
                    sources.append((entry.name, entry.read_bytes()))
        for path in extra:
            sources.append((str(path), read_data_file(path, "lexicon file")))
        for name, raw in sources:
            try:
                parsed = tomllib.loads(raw.decode("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ValueError(f"lexicon file {name}: {exc}") from exc
            _check_names(parsed, schema, name)
            _merge(tables, parsed, name)
        return cls(tables)

    def phrases(self, table: str, key: str) -> list[str]:
        return list(self._tables.get(table, {}).get(key, []))

    def labels(self, table: str, key: str) -> frozenset[str]:
        """The set of :func:`label_key` forms of ``table.key``."""
        cache_key = (table, key)
        if cache_key not in self._labels:
            self._labels[cache_key] = frozenset(label_key(p) for p in self.phrases(table, key))
        return self._labels[cache_key]

    def label_set(self, table: str, key: str) -> LabelSet:
        """:meth:`labels` ready for matching runs of labels."""
        cache_key = (table, key)
        if cache_key not in self._label_sets:
            self._label_sets[cache_key] = LabelSet(self.labels(table, key))
        return self._label_sets[cache_key]

    def patterns(self, table: str, key: str, *, ignore_case: bool = True) -> Patterns:
        """The compiled patterns of ``table.key`` (each on its own, so several may name the same
        group), compiled once per lexicon."""
        cache_key = (table, key, ignore_case)
        if cache_key not in self._compiled:
            flags = re.IGNORECASE if ignore_case else 0
            self._compiled[cache_key] = Patterns(self.phrases(table, key), flags)
        return self._compiled[cache_key]

    def derived(self, key: Derived[T], *settings: Hashable) -> T:
        """The structure ``key.build`` makes from this lexicon (and ``settings``, passed on after
        it), built once and kept with it; built under other settings, it is kept apart."""
        slot = (key, settings)
        if slot not in self._derived:
            self._derived[slot] = key.build(self, *settings)
        return cast(T, self._derived[slot])

    def text_test(self, key: TextTest[T], *settings: Hashable) -> Callable[[str], T]:
        """The test of one block's text that ``key`` builds from this lexicon (and ``settings``),
        with its answers kept for the most recent texts. For tests whose answer depends on the
        text alone: the same blocks are tested on every pass of the chain, and boilerplate
        recurs across articles."""
        return self.derived(key, *settings)

    @cached_property
    def tables(self) -> dict[str, dict[str, list[str]]]:
        return {t: {k: list(v) for k, v in keys.items()} for t, keys in self._tables.items()}


def _schema() -> dict[str, dict[str, str]]:
    """The known tables and keys, each key with what its list is (``"*"``: any key)."""
    raw = (resources.files("newsclean") / "data" / "lexicon_schema.toml").read_text("utf-8")
    return cast(dict[str, dict[str, str]], tomllib.loads(raw))


def _check_names(parsed: dict[str, Any], schema: dict[str, set[str]], name: str) -> None:
    """A table or key not in ``schema`` is an error naming the closest known one."""
    for table, keys in parsed.items():
        if table not in schema:
            hint = _closest(table, schema, "[{}]")
            raise ValueError(f"lexicon file {name}: unknown table [{table}]{hint}")
        if "*" in schema[table] or not isinstance(keys, dict):
            continue
        for key in keys:
            if key not in schema[table]:
                hint = _closest(key, schema[table], f"{table}.{{}}")
                raise ValueError(f"lexicon file {name}: unknown key {table}.{key}{hint}")


def _closest(name: str, known: Iterable[str], form: str) -> str:
    found = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {form.format(found[0])}?)" if found else ""


# Every lexicon in use, so that caches.reset_caches() can empty what each keeps.
_LIVE: weakref.WeakSet[Lexicon] = weakref.WeakSet()


def _forget_all() -> None:
    for lexicon in list(_LIVE):
        lexicon.forget()


register(_forget_all)


def _merge(tables: dict[str, dict[str, list[str]]], parsed: dict[str, Any], name: str) -> None:
    for table, keys in parsed.items():
        if table == "meta":
            continue
        if not isinstance(keys, dict):
            raise ValueError(f"lexicon file {name}: [{table}] must be a table of lists")
        target = tables.setdefault(table, {})
        for key, values in keys.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ValueError(f"lexicon file {name}: {table}.{key} must be a list of strings")
            if not all(v.strip() for v in values):
                raise ValueError(f"lexicon file {name}: {table}.{key} holds an empty phrase")
            for pattern in values if key.endswith("patterns") else ():
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(
                        f"lexicon file {name}: {table}.{key}: {pattern!r}: {exc}"
                    ) from exc
            target.setdefault(key, []).extend(values)
