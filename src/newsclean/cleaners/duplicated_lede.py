"""DuplicatedLede: removes the first copy of a lede that the scraper printed twice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.cleaners._shapes import word_count
from newsclean.document import Document
from newsclean.pipeline import Cleaner


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

    @dataclass(frozen=True)
    class Config:
        #: Paragraphs after the lede where its second copy may start. The second copy follows
        #: right after the first once the headline copies, credits and date lines between them
        #: are gone. Only the next one is compared: with anything kept in between, removing the
        #: first copy would move that block to the top, where a second cleaning would take it
        #: for the headline.
        window: int = 1
        #: The copy may be split over this many paragraphs.
        max_parts: int = 4
        #: Below this many words a "lede" is too short to call a duplicate with confidence
        #: ("Kyiv." twice is fine).
        min_words: int = 5

    config: Config

    def apply(self, doc: Document) -> None:
        # A lede printed three times loses two copies, so cleaning clean text changes nothing.
        paragraphs = _Paragraphs(doc)
        first = 0
        while _first_repeated(paragraphs, first, self.config):
            first += 1
        if first:
            doc.set_meta("description", paragraphs.text(first - 1) or "")
            drop = [i for indices in paragraphs.groups[:first] for i in indices]
            doc.remove(drop, self.name, "lede printed twice (kept as metadata.description)")


class _Paragraphs:
    """The document's blocks grouped into the paragraphs they will be printed as, read only as
    far as asked: most articles are told apart from a repeated lede by their first two."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.groups: list[list[int]] = []  # block indices of the paragraphs read so far
        self._rest = self._read()

    def _read(self) -> Iterator[list[int]]:
        group: list[int] = []
        for i, block in enumerate(self.doc.blocks):
            if group and self.doc.blocks[group[-1]].para != block.para:
                yield group
                group = []
            group.append(i)
        if group:
            yield group

    def text(self, k: int) -> str | None:
        """The ``k``-th paragraph's text, its blocks joined; None past the last."""
        while len(self.groups) <= k:
            group = next(self._rest, None)
            if group is None:
                return None
            self.groups.append(group)
        return _squash(" ".join(self.doc.blocks[i].text for i in self.groups[k]))


def _first_repeated(paragraphs: _Paragraphs, first: int, config: DuplicatedLede.Config) -> bool:
    """Whether paragraph ``first`` is repeated at the start of the next one, or by the next few
    joined."""
    lede = paragraphs.text(first)
    if lede is None or word_count(lede) < config.min_words:
        return False
    for start in range(first + 1, first + 1 + config.window):
        joined = ""
        for k in range(start, start + config.max_parts):
            part = paragraphs.text(k)
            if part is None:
                break
            joined = _squash(f"{joined} {part}")
            if joined.startswith(lede) and (
                len(joined) == len(lede) or not joined[len(lede)].isalnum()
            ):
                return True
            if len(joined) >= len(lede) or not lede.startswith(joined):
                break  # joining more paragraphs only adds to the end of this
    return False
