"""Which spellings in a text are one name, and which spelling they become.

Used within one article by the ``name_variants`` cleaner and across a corpus by
``newsclean names learn`` (:mod:`newsclean.names.corpus`), so both decide alike: the same
candidate words (:func:`candidate_forms`), the same grouping (:func:`clusters`) and the same
choice of spelling (:func:`choose_canonical`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from newsclean.caches import NAMES, lru, once
from newsclean.lexicon import Derived, Lexicon
from newsclean.names.compare import (
    FOREIGN,
    english_form,
    english_score,
    has_foreign_marks,
    plausibly_slavic,
    reading,
    slavic_shaped,
)
from newsclean.names.gazetteer import Gazetteer

# Two letters are too few to call (Ob/Oh); three are enough (Ufa/Oufa, Yar/Jar).
_MIN_NAME_LENGTH = 3


class _Forms:
    """Union-find over spellings: which spellings in an article are one name."""

    def __init__(self, forms: list[str]):
        self.parent = {f: f for f in forms}

    def find(self, form: str) -> str:
        while self.parent[form] != form:
            self.parent[form] = self.parent[self.parent[form]]
            form = self.parent[form]
        return form

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self) -> list[list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for form in self.parent:
            groups[self.find(form)].append(form)
        return [sorted(g) for g in groups.values() if len(g) > 1]


def candidate_forms(counts: Counter[str], stop: frozenset[str], known: set[str]) -> list[str]:
    """The capitalized words worth comparing: plausibly Slavic, not listed as German or English
    look-alikes, not already known variants."""
    return [f for f in sorted(counts) if f not in known and _worth(f, stop)]


def _worth(form: str, stop: frozenset[str]) -> bool:
    return len(form) >= _MIN_NAME_LENGTH and form.casefold() not in stop and plausibly_slavic(form)


def _worth_comparing(lexicon: Lexicon) -> Callable[[str], bool]:
    """:func:`candidate_forms`'s test of one spelling under ``lexicon``, its answers kept."""
    stop = never_names(lexicon)
    return lru_cache(maxsize=NAMES)(lambda form: _worth(form, stop))


WORTH_COMPARING = Derived("name_variants.worth_comparing", _worth_comparing)


def choose_canonical(cluster: list[str], counts: Counter[str], gazetteer: Gazetteer) -> str | None:
    """The spelling a cluster of variants becomes: the English-convention member, else the
    gazetteer's form, else the most frequent; None when that is a tie."""
    english = {m for m in cluster if any(english_form(o, m) == m for o in cluster if o != m)}
    if english:
        best = max(english_score(m) for m in english)
        top = [m for m in english if english_score(m) == best]
        return top[0] if len(top) == 1 else None
    known = {gazetteer.canonical(m) for m in cluster} - {None}
    if len(known) == 1:
        return known.pop()
    ranked = sorted(cluster, key=lambda m: -counts[m])
    if counts[ranked[0]] > counts[ranked[1]]:
        return ranked[0]
    return None


def clusters(forms: list[str]) -> list[list[str]]:
    """Groups of spellings where one reads, under some convention, as another's English form.

    A link needs evidence that a Slavic name is at stake: one of the two spellings is
    Slavic-shaped, or the one read as foreign carries a foreign convention's mark. Two English
    words that a French reading would join (March, Marsh) have neither."""
    keys = list(map(_keys, forms))
    english_readings = set(map(_english_reading, keys))
    if len(english_readings) == len(forms) and english_readings.isdisjoint(
        frozenset[str]().union(*map(_other_readings, keys))
    ):
        return []  # no two spellings read alike (the test below, at once for all): most articles
    by_english: dict[str, list[str]] = defaultdict(list)
    for form, readings in zip(forms, keys, strict=True):
        by_english[readings.english].append(form)
    english = by_english.keys()
    shared = len(by_english) < len(forms)  # some spellings read alike as English
    # A spelling can be linked only if it reads as English like another one does, or one of
    # its other readings is some spelling's English reading: in most articles, none.
    touching = [
        (form, readings)
        for form, readings in zip(forms, keys, strict=True)
        if not english.isdisjoint(readings.others)
        or (shared and len(by_english[readings.english]) > 1)
    ]
    if not touching:
        return []
    union = _Forms(forms)
    for same in by_english.values() if shared else ():  # Yushchenko, Iushchenko
        for other in same[1:]:
            if _keys(same[0]).slavic or _keys(other).slavic:
                union.union(same[0], other)
    for form, readings in touching:
        for key in readings.foreign:
            for other in by_english.get(key, ()):
                if other != form and (
                    readings.marked or _keys(other).slavic or _z_for_s(form, other)
                ):
                    union.union(form, other)
    return union.clusters()


class _Readings(NamedTuple):
    """What ``clusters`` compares about one spelling."""

    english: str  # its English reading
    foreign: tuple[str, ...]  # its distinct readings under the other conventions
    marked: bool  # Slavic-shaped, or carrying a mark of a foreign romanization
    slavic: bool  # Slavic-shaped
    others: frozenset[str]  # foreign readings other than the English one: only these link it


_english_reading = attrgetter("english")
_other_readings = attrgetter("others")


@lru(NAMES)
def _keys(form: str) -> _Readings:
    """A spelling's readings, worked out once per spelling."""
    slavic = slavic_shaped(form)
    english = reading(form, "en")
    foreign = tuple(dict.fromkeys(reading(form, convention) for convention in FOREIGN))
    others = frozenset(foreign) - {english}
    return _Readings(english, foreign, slavic or has_foreign_marks(form), slavic, others)


def _z_for_s(form: str, english: str) -> bool:
    """German and French write з as s (Kasan, Grosny): the English spelling has a z where the
    other has an s."""
    return "z" in english.casefold() and "s" in form.casefold() and "z" not in form.casefold()


def never_names(lexicon: Lexicon) -> frozenset[str]:
    """The stop list of :func:`candidate_forms`, shared by the ``name_variants`` cleaner and
    ``newsclean names learn``: words never compared as names (casefolded)."""
    return lexicon.derived(_NEVER_NAMES)


def _never_names(lexicon: Lexicon) -> frozenset[str]:
    """Words never compared as names: the listed look-alikes that are not transliterations, and
    every language's function words, capitalized at the start of a sentence ("The", "However",
    "Und", "Noch", "Voor")."""
    listed = lexicon.labels("name_variants", "not_transliterations")
    return frozenset(w.casefold() for w in listed) | _function_words(lexicon)


def _function_words(lexicon: Lexicon) -> frozenset[str]:
    """Every language's function words ("the", "und", "noch", "voor"), casefolded."""
    words = lexicon.tables.get("language", {}).values()
    return frozenset(w.casefold() for ws in words for w in ws)


_NEVER_NAMES = Derived("name_variants.stop", _never_names)
FUNCTION_WORDS = Derived("name_variants.function_words", _function_words)


def _function_word_owner(lexicon: Lexicon) -> dict[str, str]:
    """Each language's function words, to the language, without those another language shares
    ("met", "die")."""
    lists = {lang: frozenset(words) for lang, words in lexicon.tables.get("language", {}).items()}
    shared = Counter(w for words in lists.values() for w in words)
    return {w: lang for lang, words in lists.items() for w in words if shared[w] == 1}


FUNCTION_WORD_OWNER = Derived("language.function_word_owner", _function_word_owner)


@once
def bundled_gazetteer() -> Gazetteer:
    """The gazetteer shipped with newsclean, loaded once per process."""
    return Gazetteer.load()
