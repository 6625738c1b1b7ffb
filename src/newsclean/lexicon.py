"""Phrase lists for boilerplate, loaded from TOML data files.

Rules are data: every phrase a cleaner looks for lives in ``newsclean/data/lexicon/*.toml`` (one
file per language, plus ``common.toml`` for what is not language-bound), in a table named after
the cleaner.
Users add an outlet's footer or a language by passing their own TOML file with the same tables;
its lists extend the bundled ones.

Two kinds of entries:

* *labels* — whole-block phrases, compared after :func:`label_key` (case, surrounding punctuation
  and arrows ignored), e.g. ``"Read more"`` matches ``"READ MORE »"``;
* *patterns* (keys ending in ``patterns``) — regular expressions, matched against the whole block
  (``fullmatch``) or its start, as the cleaner documents; they are compiled once per lexicon.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

from newsclean.caches import TEXTS
from newsclean.io.files import read_data_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

T = TypeVar("T")
# A run of what is not a letter or digit: spaces, punctuation, arrows, underscores.
_NOT_ALNUM = re.compile(r"[\s\W_]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


@lru_cache(maxsize=TEXTS)
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


class Lexicon:
    """Merged phrase lists from the bundled data files and any user files."""

    def __init__(self, tables: dict[str, dict[str, list[str]]]):
        self._tables = tables
        self._labels: dict[tuple[str, str], frozenset[str]] = {}
        self._label_sets: dict[tuple[str, str], LabelSet] = {}
        self._derived: dict[str, Any] = {}
        self._compiled: dict[tuple[str, str, bool], Patterns] = {}

    def __getstate__(self) -> dict[str, Any]:
        # What is built from the tables (caches, closures) is rebuilt where the copy is used.
        return {"_tables": self._tables}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["_tables"])  # type: ignore[misc]

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), bundled: bool = True) -> Lexicon:
        """Load the bundled data files (unless ``bundled=False``), then each file in ``extra``."""
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

    def derived(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """A structure built from this lexicon by ``build``, built once and kept with it."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return cast(T, self._derived[key])

    def text_test(
        self, key: str, build: Callable[[Lexicon], Callable[[str], T]]
    ) -> Callable[[str], T]:
        """A test of one block's text built from this lexicon by ``build``, with its answers kept
        for the most recent texts. For tests whose answer depends on the text alone: the same
        blocks are tested on every pass of the chain, and boilerplate recurs across articles."""
        return self.derived(key, lambda lexicon: lru_cache(maxsize=TEXTS)(build(lexicon)))

    @cached_property
    def tables(self) -> dict[str, dict[str, list[str]]]:
        return {t: {k: list(v) for k, v in keys.items()} for t, keys in self._tables.items()}


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
            for pattern in values if key.endswith("patterns") else ():
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(
                        f"lexicon file {name}: {table}.{key}: {pattern!r}: {exc}"
                    ) from exc
            target.setdefault(key, []).extend(values)


# Whatever would change meaning if patterns were joined into one alternation: a numbered or
# named back-reference or a conditional group refers to a group by its place or its name.
_REFERS_TO_GROUP = re.compile(r"\\[1-9]|\(\?P=|(?<!\\)\(\?\(")
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


class Patterns(tuple[re.Pattern[str], ...]):
    """A list's compiled patterns, in order, and ``either``: one regular expression matching
    where any of them does, or None when they cannot be joined.

    Most blocks match none of a list's patterns; asking ``either`` first answers that in one
    call instead of one per pattern. Only on a hit are the patterns tried one by one, so the
    match returned (and its groups) is that of the first pattern that matches, as before."""

    either: re.Pattern[str] | None

    def __new__(cls, sources: Iterable[str], flags: int = 0) -> Patterns:
        sources = list(sources)
        self = super().__new__(cls, (re.compile(p, flags) for p in sources))
        self.either = join_patterns(sources, flags) if len(sources) > 1 else None
        return self


def join_patterns(sources: list[str], flags: int = 0) -> re.Pattern[str] | None:
    """One regular expression matching where any of ``sources`` does, or None when they cannot
    be joined without changing what one of them means."""
    if any(_REFERS_TO_GROUP.search(p) for p in sources):
        return None
    # Group names may repeat across patterns; the joined expression only says whether one
    # matches, so its groups need no names.
    joined = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', p)})" for p in sources)
    try:
        return re.compile(joined, flags)
    except re.error:  # e.g. a pattern that starts with global flags, allowed only first
        return None


def _first(patterns: tuple[re.Pattern[str], ...], text: str, how: str) -> re.Match[str] | None:
    either = getattr(patterns, "either", None)
    if either is not None and getattr(either, how)(text) is None:
        return None
    for pattern in patterns:
        found: re.Match[str] | None = getattr(pattern, how)(text)
        if found:
            return found
    return None


def fullmatch_any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first pattern that matches all of ``text``, as a match object."""
    return _first(patterns, text, "fullmatch")


def match_any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first pattern that matches at the start of ``text``."""
    return _first(patterns, text, "match")


def search_any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first pattern found anywhere in ``text``."""
    return _first(patterns, text, "search")
