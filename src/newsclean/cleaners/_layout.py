"""Where the headline is: the one layout fact several cleaners need.

Scraped text opens with a few short lines (site name, tagline, section, headline) and then the
prose. The headline is the headline-shaped line that the scraper printed twice near the top, or
else the last headline-shaped line before the first prose paragraph. Lines above it are page
header; the line below it may be a photo credit.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.cleaners._shapes import (
    at_most_words,
    ends_with_full_stop,
    looks_like_headline,
    word_count,
)
from newsclean.document import Document
from newsclean.lexicon import Lexicon, fullmatch_any, label_key
from newsclean.segment import Block

#: Lexicon lists, as (table, key), of lines that are never the headline, each registered with
#: :func:`never_headline` by the cleaner whose list it is (photo_credit: its bare credits,
#: "Courtesy of the Defense Ministry").
_NEVER_HEADLINES: list[tuple[str, str]] = []


def never_headline(table: str, key: str) -> None:
    """Register the patterns at ``table.key`` of the lexicon as lines that are never the
    headline (each matched against the whole line)."""
    if (table, key) not in _NEVER_HEADLINES:
        _NEVER_HEADLINES.append((table, key))


# Lines above the headline: site name, tagline, section, kicker. More than this is not a header.
MAX_LINES_ABOVE_HEADLINE = 3
# Scrapers repeat the headline within the first few blocks (headline, lede, headline, lede…).
COPY_WINDOW = 8
# A block that ends a sentence and has this many words is prose (shorter ones may be credits).
_PROSE_MIN_WORDS = 8
# A block this long is prose even without a full stop at its end.
_PROSE_WORDS = 15


def is_prose(text: str) -> bool:
    """A paragraph of running text: long, or ending in a full stop. A question or a line ending in
    a quotation ("…calls closure "hostile step"") is still a headline at this length."""
    if not at_most_words(text, _PROSE_WORDS - 1):
        return True
    return word_count(text) >= _PROSE_MIN_WORDS and ends_with_full_stop(text)


def first_prose(blocks: Sequence[Block]) -> int | None:
    for i, block in enumerate(blocks):
        if is_prose(block.text):
            return i
    return None


def copies_of(blocks: Sequence[Block], text: str) -> list[int]:
    """Indices of the blocks near the top that are the same line as ``text``."""
    key = label_key(text)
    return [
        i
        for i, b in enumerate(blocks[:COPY_WINDOW])
        if len(b.text) <= 2 * len(text) + 20 and label_key(b.text) == key
    ]


def find_headline(
    blocks: Sequence[Block], title: str | None = None, lexicon: Lexicon | None = None
) -> int | None:
    """The index of the headline, or None when the text does not open with one. When the title is
    already known, the headline is its first copy near the top, if any. With a ``lexicon``, a line
    in one of the lists registered with :func:`never_headline` (a bare photo credit, "Courtesy of
    the Defense Ministry") is never the headline."""
    if title:
        found = copies_of(blocks, title)
        return found[0] if found else None
    prose = first_prose(blocks)
    if prose is None:
        return None
    top = range(min(prose, MAX_LINES_ABOVE_HEADLINE + 1))
    never = [lexicon.patterns(*where) for where in _NEVER_HEADLINES] if lexicon else []
    candidates = [
        i
        for i in top
        if looks_like_headline(blocks[i].text)
        and not any(fullmatch_any(patterns, blocks[i].text) for patterns in never)
    ]
    for i in candidates:
        if len(copies_of(blocks, blocks[i].text)) > 1:
            return i
    return candidates[-1] if candidates else None


def headline_of(doc: Document) -> int | None:
    """:func:`find_headline` of the document's blocks, under its title if known and with its
    lexicon; worked out once for the same blocks and title (several cleaners ask, and on the
    chain's second pass the blocks have usually not changed in between)."""
    title = doc.meta.get("title")
    key = (title, [block.text for block in doc.blocks])
    kept = doc.memo.get("layout.headline")
    if kept is not None and kept[0] == key:
        return kept[1]  # type: ignore[no-any-return]
    found = find_headline(doc.blocks, title, doc.lexicon)
    doc.memo["layout.headline"] = (key, found)
    return found
