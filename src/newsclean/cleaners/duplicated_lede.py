"""DuplicatedLede: removes the first copy of a lede that the scraper printed twice."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from newsclean.cleaners._shapes import word_count
from newsclean.document import Document
from newsclean.pipeline import Cleaner

# The second copy follows right after the first once the headline copies, credits and date lines
# between them are gone. Only the next block is compared: with anything kept in between, removing
# the first copy would move that block to the top, where a second cleaning would take it for the
# headline.
_WINDOW = 1
# The copy may be split over a few paragraphs.
_MAX_PARTS = 4
# Below this a "lede" is too short to call a duplicate with confidence ("Kyiv." twice is fine).
_MIN_WORDS = 5


def _squash(text: str) -> str:
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # single spaces already, as blocks nearly always are
    return " ".join(text.split())


class DuplicatedLede(Cleaner):
    """Removes a lede printed twice at the top: the first copy goes, the body's copy stays.

    Aggregators print the teaser (lede) above the article, and the article then opens with the same
    sentences, often followed by more. When the first block is repeated at the start of the next
    block, or equals the next few blocks joined, the first copy is removed and kept as
    ``description``. Before: ``Belarus rejects the participation… Ukraine.`` / ``Belarus rejects the
    participation… Ukraine. Nevertheless, …``; after: only the second paragraph.
    """

    name = "duplicated_lede"

    def apply(self, doc: Document) -> None:
        # A lede printed three times loses two copies, so cleaning clean text changes nothing.
        look = 1 + _WINDOW + _MAX_PARTS  # paragraphs the comparison reads
        paragraphs = _paragraphs(doc)
        groups = list(islice(paragraphs, look))  # the rest only as far as copies are found
        first = 0
        while _first_repeated([_text(doc, g) for g in groups[first : first + look]]):
            first += 1
            groups.extend(islice(paragraphs, 1))
        if first:
            doc.set_meta("description", _text(doc, groups[first - 1]))
            drop = [i for indices in groups[:first] for i in indices]
            doc.remove(drop, self.name, "lede printed twice (kept as metadata.description)")


def _paragraphs(doc: Document) -> Iterator[list[int]]:
    """Block indices grouped into the paragraphs they will be printed as, in order."""
    group: list[int] = []
    for i, block in enumerate(doc.blocks):
        if group and doc.blocks[group[-1]].para != block.para:
            yield group
            group = []
        group.append(i)
    if group:
        yield group


def _text(doc: Document, group: list[int]) -> str:
    """The text of one paragraph, its blocks joined."""
    return _squash(" ".join(doc.blocks[i].text for i in group))


def _first_repeated(paragraphs: list[str]) -> bool:
    """Whether the first paragraph is repeated at the start of the next one, or by the next few
    joined."""
    if len(paragraphs) < 2 or word_count(paragraphs[0]) < _MIN_WORDS:
        return False
    lede = paragraphs[0]
    for start in range(1, min(len(paragraphs), 1 + _WINDOW)):
        joined = ""
        for part in paragraphs[start : start + _MAX_PARTS]:
            joined = _squash(f"{joined} {part}")
            if joined.startswith(lede) and (
                len(joined) == len(lede) or not joined[len(lede)].isalnum()
            ):
                return True
            if len(joined) >= len(lede):
                break
    return False
