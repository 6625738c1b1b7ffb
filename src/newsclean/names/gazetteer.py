"""The name gazetteer: canonical English spellings of people and places and their known variants.

The bundled gazetteer (``newsclean/data/names.toml``) lists people and places that recur in news
about Russia, Ukraine and Belarus. Users add their own in the same TOML format, or as CSV with a
``canonical,variant`` header (more columns are ignored), and pass them with
``newsclean run --names FILE``; ``newsclean names learn`` writes such a file from a corpus.

>>> g = Gazetteer.from_entries([("Kyiv", ["Kiew", "Kiev"]), ("Kryvyi Rih", ["Kriwoi Rog"])])
>>> g.canonical("Kiew"), g.canonical("Kyiv"), g.canonical("Berlin")
('Kyiv', 'Kyiv', None)
>>> [(m.start, m.end, m.canonical) for m in g.find("From Kiew to Kriwoi Rog.")]
[(5, 9, 'Kyiv'), (13, 23, 'Kryvyi Rih')]
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import filterfalse
from pathlib import Path
from typing import Any

from newsclean.io.files import read_data_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# The first letter of a capitalized word: a word character, but not a digit, an underscore, a-z
# or ß-ÿ. (Writing it as ranges holding every such character, tested exactly looking back, saved
# 0.1% of the text path's instructions: not worth hiding the rule.) What must stand before the
# first letter is asked after it, so that the regular expression engine can skip to the next
# capital letter without trying the whole pattern at every character.
_CAPITAL = r"[^\W\d_a-zß-ÿ]"
#
# A capitalized word, where a name can start: letters with inner apostrophes and hyphens
# ("Kara-Murza", "Zelens'kyj"), but not a possessive "'s" ("Kiew's").
_CAPITALIZED_REST = r"[^\W_]*(?:['’-](?!s\b)[^\W\d_][^\W_]*)*"
_CAPITALIZED = re.compile(_CAPITAL + r"(?<![\w'’-].)" + _CAPITALIZED_REST)
# Capitalized words as the name step compares them: lower case after the first letter, with
# inner apostrophes and hyphens ("Kara-Murza", "Zelens'kyj").
_NAME_REST = r"[^\W\d_A-ZÀ-Þ]+(?:['’-][^\W\d_][^\W\d_A-ZÀ-Þ]*)*\b"
NAME = re.compile(_CAPITAL + r"(?<!\w.)" + _NAME_REST)
# The two patterns written plainly, what must stand before the first letter asked before it
# (slower: the engine then tries the look-behind at every character). Tests hold them equal.
PLAIN_CAPITALIZED = r"(?<![\w'’-])" + _CAPITAL + _CAPITALIZED_REST
PLAIN_NAME = r"(?<!\w)" + _CAPITAL + _NAME_REST


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    variant: str
    canonical: str


class Gazetteer:
    """Variant spellings mapped to canonical ones, found in text word by word."""

    def __init__(
        self,
        mapping: dict[str, str],
        protected: Iterable[str] = (),
        own_spellings: Iterable[str] = (),
        english_variants: bool = False,
        given_names: Iterable[str] = (),
    ):
        self._canonical = dict(mapping)
        #: English-language alternatives (Zelenskyy, Lukashenka, Odessa) left as they are.
        self.protected = frozenset(protected) - mapping.keys()
        #: Phrases that are someone's own spelling ("Wladimir Klitschko"): never changed.
        self.own_spellings = tuple(own_spellings)
        #: Whether English-language alternatives are replaced (``--english-variants``).
        self.english_variants = english_variants
        #: Variants of given names (Wladimir, Ljudmila): changed beside a Slavic surname only.
        self.given_names = frozenset(given_names)
        # Variants by their first word; longest first, so "Kriwoi Rog" wins over "Kriwoi".
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for variant, canonical in sorted(mapping.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            first = _CAPITALIZED.match(variant)
            if first:
                self._by_first.setdefault(first.group(0), []).append((variant, canonical))
        self.canonicals = frozenset(mapping.values())
        # First words that NAME matches whole, and the few others (see _firsts_among).
        self._name_firsts = frozenset(f for f in self._by_first if NAME.fullmatch(f))
        self._other_firsts = tuple(sorted(set(self._by_first) - self._name_firsts))

    def __len__(self) -> int:
        return len(self.canonicals)

    def __bool__(self) -> bool:
        return bool(self._canonical)

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, Iterable[str]]], **kwargs: Any) -> Gazetteer:
        mapping: dict[str, str] = {}
        for canonical, variants in entries:
            for variant in variants:
                if variant != canonical:
                    mapping[variant] = canonical
        return cls(mapping, **kwargs)

    @classmethod
    def load(
        cls,
        paths: Iterable[str | Path] = (),
        *,
        bundled: bool = True,
        english_variants: bool = False,
    ) -> Gazetteer:
        """The bundled gazetteer (unless ``bundled=False``) extended by each file in ``paths``
        (``.toml`` or ``.csv``); a later file's entry for a variant wins. ``english_variants``
        also maps the English-language alternatives (Kiev → Kyiv, Donbass → Donbas), a house-style
        choice left off by default."""
        entries: list[tuple[str, list[str]]] = []
        protected: list[str] = []
        own: list[str] = []
        given: list[str] = []
        texts = []
        if bundled:
            raw = (resources.files("newsclean") / "data" / "names.toml").read_text("utf-8")
            texts.append((raw, "names.toml (bundled)"))
        for path in paths:
            data = read_data_file(path, "names file")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                message = f"names file {path}: not valid UTF-8 at byte {exc.start}"
                raise ValueError(message) from None
            if str(path).lower().endswith(".csv"):
                entries += _csv_entries(text, str(path))
            else:
                texts.append((text, str(path)))
        for raw, name in texts:
            entries += _toml_entries(raw, name, english_variants)
            if not english_variants:
                entries_en = _toml_entries(raw, name, True)
                protected += [v for (_, vs) in entries_en for v in vs]
            own += _own_spellings(raw)
            given += _given_variants(raw)
        plain = {v for _, vs in entries for v in vs}
        return cls.from_entries(
            entries,
            protected=[v for v in protected if v not in plain],
            own_spellings=own,
            english_variants=english_variants,
            given_names=given,
        )

    def canonical(self, spelling: str) -> str | None:
        """The canonical spelling of a known variant or canonical form, else None."""
        if spelling in self.canonicals:
            return spelling
        return self._canonical.get(spelling)

    def find(self, text: str, names: Iterable[str] | None = None) -> Iterator[Match]:
        """Every known variant in ``text``, as whole words, left to right, not overlapping.

        ``names``, the words :data:`NAME` finds in ``text`` if the caller has them, spare a
        scan of the text for capitalized words."""
        firsts = self._firsts_in(text) if names is None else self._firsts_among(text, names)
        if not firsts:
            return  # no word that a variant starts with: most articles
        # Only where one of those words stands as a whole capitalized word, left to right.
        starts = sorted(
            (start, first)
            for first in firsts
            for start in _occurrences(text, first)
            if (word := _CAPITALIZED.match(text, start)) and word.group(0) == first
        )
        resume = 0
        for start, first in starts:
            if start < resume:
                continue  # inside a multi-word match
            for variant, canonical in self._by_first[first]:
                end = start + len(variant)
                if text.startswith(variant, start) and not _word_goes_on(text, end):
                    yield Match(start, end, variant, canonical)
                    resume = end
                    break

    def _firsts_in(self, text: str) -> set[str]:
        """The variants' first words that stand in ``text`` as capitalized words."""
        return self._by_first.keys() & set(_CAPITALIZED.findall(text))

    def _firsts_among(self, text: str, names: Iterable[str]) -> set[str]:
        """The variants' first words that may stand in ``text``, whose NAME words are
        ``names``: all of :meth:`_firsts_in`, and perhaps a few more, which ``find`` rules out
        where it looks for them. A capitalized word that NAME matches whole is also a NAME word,
        or the start of one up to an apostrophe or a hyphen ("Kiew's"); unless an underscore
        follows it, which NAME does not take as a word's end: then the text is scanned. First
        words NAME does not match whole are looked for in the text as they are."""
        if "_" in text:
            return self._firsts_in(text)
        words = set(names)
        for name in list(filterfalse(str.isalpha, words)):  # those with an apostrophe or hyphen
            words.update(name[:i] for i, c in enumerate(name) if c in "'’-")
        return {
            *self._name_firsts.intersection(words),
            *(first for first in self._other_firsts if first in text),
        }


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text``."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


def _word_goes_on(text: str, end: int) -> bool:
    """Whether the word at ``text[:end]`` continues past ``end`` ("Kiewer" is not "Kiew")."""
    if end >= len(text):
        return False
    if text[end].isalnum():
        return True
    return text[end] in "-" and end + 1 < len(text) and text[end + 1].isalpha()


def _toml_entries(raw: str, name: str, english_variants: bool) -> list[tuple[str, list[str]]]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"names file {name}: {exc}") from exc
    entries = []
    for n, item in enumerate(data.get("name", []), start=1):
        canonical, variants = item.get("canonical"), item.get("variants", [])
        english = item.get("english_variants", [])
        if not isinstance(canonical, str) or not isinstance(variants, list):
            raise ValueError(
                f'names file {name}: entry {n} needs canonical = "…" and variants = [...]'
            )
        if english_variants and isinstance(english, list):
            variants = [*variants, *english]
        entries.append((canonical, [str(v) for v in variants]))
    return entries


def _given_variants(raw: str) -> list[str]:
    """The variants of a names file's given names (``kind = "given_name"``)."""
    items = tomllib.loads(raw).get("name", [])
    return [
        str(v)
        for item in items
        if isinstance(item, dict) and item.get("kind") == "given_name"
        for key in ("variants", "english_variants")
        for v in item.get(key, [])
    ]


def _own_spellings(raw: str) -> list[str]:
    """A names file's ``own_spellings``: phrases written as their bearer writes them."""
    value = tomllib.loads(raw).get("own_spellings", [])
    return [str(v) for v in value] if isinstance(value, list) else []


def _csv_entries(raw: str, name: str) -> list[tuple[str, list[str]]]:
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or not {"canonical", "variant"} <= set(reader.fieldnames):
        raise ValueError(f"names file {name}: needs a header row with canonical,variant")
    return [(row["canonical"], [row["variant"]]) for row in reader if row.get("variant")]
