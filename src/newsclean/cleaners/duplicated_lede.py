"""DuplicatedLede: removes the first copy of a lede that the scraper printed twice."""

from __future__ import annotations

from newsclean.cleaners._shapes import word_count
from newsclean.document import Document
from newsclean.pipeline import Cleaner

# The second copy follows within a few blocks (after a repeated headline, a credit, a date).
_WINDOW = 4
# The copy may be split over a few paragraphs.
_MAX_PARTS = 4
# Below this a "lede" is too short to call a duplicate with confidence ("Kyiv." twice is fine).
_MIN_WORDS = 5


def _squash(text: str) -> str:
    return " ".join(text.split())


class DuplicatedLede(Cleaner):
    """Removes a lede printed twice at the top: the first copy goes, the body's copy stays.

    Aggregators print the teaser (lede) above the article, and the article then opens with the same
    sentences, often followed by more. When the first block is repeated at the start of one of the
    next few blocks, or equals the next few blocks joined, the first copy is removed and kept as
    ``description``. Before: ``Belarus rejects the participation… Ukraine.`` / ``Belarus rejects the
    participation… Ukraine. Nevertheless, …``; after: only the second paragraph.
    """

    name = "duplicated_lede"

    def apply(self, doc: Document) -> None:
        if len(doc.blocks) < 2:
            return
        lede = _squash(doc.blocks[0].text)
        if word_count(lede) < _MIN_WORDS:
            return
        for start in range(1, min(len(doc.blocks), 1 + _WINDOW)):
            joined = ""
            for part in doc.blocks[start : start + _MAX_PARTS]:
                joined = _squash(f"{joined} {part.text}")
                if joined.startswith(lede) and (
                    len(joined) == len(lede) or not joined[len(lede)].isalnum()
                ):
                    doc.set_meta("description", doc.blocks[0].text)
                    doc.remove([0], self.name, "lede printed twice (kept as metadata.description)")
                    return
                if len(joined) >= len(lede):
                    break
