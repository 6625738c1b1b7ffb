"""The shared shape of cleaners that drop whole blocks matching a phrase list."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, TypeVar

from newsclean.caches import TEXTS
from newsclean.cleaners._shapes import at_most_words, first_label_token, is_label_sequence
from newsclean.conventions import OPENING_QUOTES
from newsclean.document import Document
from newsclean.lexicon import Derived, Lexicon, TextTest, join_patterns, match_any
from newsclean.pipeline import Cleaner


class LabelCleaner(Cleaner):
    """Drops blocks that are one or more labels from ``[<name>] labels``, or that start with one of
    ``[<name>] patterns`` (when the block has at most ``max_words`` words)."""

    reason: ClassVar[str]
    pattern_key: ClassVar[str] = "patterns"

    @dataclass(frozen=True)
    class Config:
        #: A block longer than this many words is prose, whatever it starts with (a teaser
        #: line or a contact note runs to about 20).
        max_words: int = 30

    config: Config

    def apply(self, doc: Document) -> None:
        is_junk = doc.lexicon.text_test(_junk_test(self), self.config)
        screen = doc.lexicon.derived(SCREEN)
        # The shared screen's cached answer first (is_junk asks it too): one answer per text for
        # every label cleaner, where this cleaner's own test would be asked about each new text.
        passes = screen.passes if screen.covers(self) else _any_text
        drop = [
            i for i, block in enumerate(doc.blocks) if passes(block.text) and is_junk(block.text)
        ]
        doc.remove(drop, self.name, self.reason)

    def _decider(self, lexicon: Lexicon, config: Config) -> Callable[[str], bool]:
        """Whether a block is junk to this cleaner under ``config``: its text alone decides.
        (Only the class's lists and ``config`` are read, so one key serves every instance.)"""
        labels = lexicon.label_set(self.name, "labels")
        patterns = lexicon.patterns(self.name, self.pattern_key)
        max_words = config.max_words
        screen = lexicon.derived(SCREEN)
        screened = screen.covers_settings(self.name, self.pattern_key, max_words)

        def is_junk(text: str) -> bool:
            if text[:1] in OPENING_QUOTES:
                return False  # quoted speech is article text
            if screened and not screen.passes(text):
                return False
            return is_label_sequence(text, labels) or (
                at_most_words(text, max_words) and match_any(patterns, text) is not None
            )

        return is_junk


def _any_text(text: str) -> bool:
    """The screen of a cleaner the shared screen does not cover: every text passes."""
    return True


#: The label cleaners the shared screen is built from, by name, as :func:`screened` registers
#: them. Registered explicitly where each is defined, not found among the subclasses, so that
#: what the screen covers does not depend on which classes exist when it is built; a label
#: cleaner that is not registered (a user's) runs its own test on every block.
_SCREENED: dict[str, type[LabelCleaner]] = {}

C = TypeVar("C", bound=type[LabelCleaner])


def screened(cls: C) -> C:
    """Class decorator: the shared screen covers this label cleaner (with its default settings)."""
    _SCREENED[cls.name] = cls
    return cls


class _Screen:
    """One test for every label cleaner registered with :func:`screened`: whether a block could
    be junk to any of them (its first word starts one of their labels, or one of their patterns
    matches it). Most blocks are prose that none of them takes; the screen says so once per
    block instead of once per cleaner, and each cleaner's own test runs only on what passes."""

    def __init__(self, lexicon: Lexicon):
        cleaners = [_SCREENED[name] for name in sorted(_SCREENED)]
        limits = {c: c.Config().max_words for c in cleaners}
        self._covered = {(c.name, c.pattern_key, limits[c]) for c in cleaners}
        self._first_words = frozenset[str]().union(
            *(lexicon.label_set(c.name, "labels").first_words for c in cleaners)
        )
        self._max_words = max(limits.values(), default=0)
        sources = [p for c in cleaners for p in lexicon.phrases(c.name, c.pattern_key)]
        self._no_patterns = not sources
        # None when the patterns cannot be joined into one (then every block passes this part).
        self._any_pattern = join_patterns(sources, re.IGNORECASE)
        self.passes = lru_cache(maxsize=TEXTS)(self._passes)

    def covers(self, cleaner: LabelCleaner) -> bool:
        """Whether the screen was built with this cleaner's lists and limits."""
        return self.covers_settings(cleaner.name, cleaner.pattern_key, cleaner.config.max_words)

    def covers_settings(self, name: str, pattern_key: str, max_words: int) -> bool:
        """Whether the screen covers the label cleaner ``name`` with these lists and limit."""
        return (name, pattern_key, max_words) in self._covered

    def _passes(self, text: str) -> bool:
        if first_label_token(text) in self._first_words:
            return True
        # Words are counted before the patterns are tried: some of them cost a search of the
        # whole block, and the count is needed for every block anyway.
        if self._no_patterns or not at_most_words(text, self._max_words):
            return False
        return self._any_pattern is None or self._any_pattern.match(text) is not None


#: The shared screen of every label cleaner, built once per lexicon.
SCREEN = Derived("labels.screen", _Screen)
# Each label cleaner's junk test, by the cleaner's name: one key per cleaner, made when the
# cleaner first runs; its settings are passed with it, so instances with other settings keep
# their answers apart.
_JUNK_TESTS: dict[str, TextTest[bool]] = {}


def _junk_test(cleaner: LabelCleaner) -> TextTest[bool]:
    key = _JUNK_TESTS.get(cleaner.name)
    if key is None:
        key = _JUNK_TESTS[cleaner.name] = TextTest(f"{cleaner.name}.is_junk", cleaner._decider)
    return key
