"""How much newsclean remembers between calls, in one place, and how to forget it.

Answers that depend on a text alone are kept in bounded caches (``functools.lru_cache``, made
by :func:`lru`, or a dict that empties itself when full): the same blocks are seen again on
every pass of the chain, boilerplate recurs across a site's articles, and names and words recur
across a corpus. The bounds keep a long run's memory flat: the caches fill within the first few
hundred articles, and from then on a run of a million articles takes what a run of a thousand
takes (``bench/throughput.py`` measures it). Data loaded once per process (the bundled lexicon
and gazetteer, the language model) is kept by :func:`once`. Caches only save time; no answer
depends on what is remembered.

Every cache registers how to empty it here; :func:`reset_caches` (``newsclean.reset_caches``)
empties them all, for a host that wants the memory back or a benchmark that measures a cold
start.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

T = TypeVar("T")

#: Block and line texts (a paragraph each): a few articles' worth, and the boilerplate between.
TEXTS = 1 << 11
#: Single spellings (names, capitalized words) and their readings.
NAMES = 1 << 13
#: Single characters of names, and what they read as.
CHARACTERS = 1 << 12
#: Words and three-letter windows scored by language identification.
WORDS = 1 << 15
#: Short stretches of text around characters that mojibake is made of, searched for it.
STRETCHES = 1 << 13

# How to empty each cache, in the order they were made.
_CLEARS: list[Callable[[], None]] = []


def register(clear: Callable[[], None]) -> None:
    """Have :func:`reset_caches` call ``clear`` (a cache's own emptying method, or a function
    emptying several); for module-level caches, which live as long as the process."""
    _CLEARS.append(clear)


def lru(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """``functools.lru_cache(maxsize=maxsize)``, registered with :func:`reset_caches`. For
    functions defined once per process; a cache made per object (per lexicon) is emptied
    by its owner."""

    def decorate(function: Callable[..., T]) -> _lru_cache_wrapper[T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        register(cached.cache_clear)
        return cached

    return decorate


def once(function: Callable[[], T]) -> _lru_cache_wrapper[T]:
    """``functools.cache`` for what is loaded or built once per process (takes no argument),
    registered with :func:`reset_caches`: after a reset it is loaded again when next needed."""
    cached: _lru_cache_wrapper[T] = functools.cache(function)
    register(cached.cache_clear)
    return cached


def reset_caches() -> None:
    """Empty every cache newsclean keeps: answers remembered for texts, words and names, and
    the data loaded once (read again when next needed). Output does not change; the next
    articles are only slower, as the first ones of a process are."""
    for clear in _CLEARS:
        clear()


def registered() -> tuple[Callable[[], None], ...]:
    """What :func:`reset_caches` calls (for tests)."""
    return tuple(_CLEARS)
