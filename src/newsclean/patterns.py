"""Regular expressions from phrase lists: compiled once, joined into one alternation asked first.

Most blocks match none of a list's patterns; the joined alternation says so in one search, and
only on a hit are the patterns tried one by one, so the match returned is the first pattern's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
