"""BrokenWraps: rejoins a sentence that a scraper split at a link into separate paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsclean.cleaners._shapes import word_count
from newsclean.conventions import LINE_END, LOWERCASE_NAME_STARTS, PARAGRAPH_END
from newsclean.document import Document
from newsclean.pipeline import Cleaner

# A block of nothing but the marks that end a line or a clause, and commas: the rest of a
# sentence whose last word was split off (".", ").", ",").
_PUNCT_ONLY = re.compile(f"[{re.escape(''.join(LINE_END))},]+")
_OPENS_CLAUSE = re.compile(r"[,;]$")
# Words that start a name or a brand in lower case ("von der Leyen", "iPhone", "al-Assad"); a
# paragraph may begin with them, so a lower-case start alone proves nothing.
_LOWERCASE_NAME_START = re.compile(rf"(?:{'|'.join(LOWERCASE_NAME_STARTS)})\b|[a-z]+[A-Z]")


def _continues_sentence(text: str) -> bool:
    """Starts in lower case, and not with a name that is written so."""
    return text[:1].islower() and not _LOWERCASE_NAME_START.match(text)


class BrokenWraps(Cleaner):
    """Rejoins sentences split where a linked name or the full stop stood on its own line.

    Pages that wrap a name in a link often come out of extraction as three paragraphs: the
    sentence up to the link, the link text, and the rest (often a lone "."). No real paragraph
    ends without punctuation and is followed by a lone full stop, by a paragraph starting in lower
    case, or by a short name that itself ends in a comma or is followed by either, so the pieces
    are joined back. Before: ``…headlined the Russian news agency`` / ``Tass`` /
    ``.``; after: ``…headlined the Russian news agency Tass.``
    """

    name = "broken_wraps"

    @dataclass(frozen=True)
    class Config:
        #: A linked name is a few words: "Tass", "Pravda,", "New York Times". Longer blocks are
        #: sentences.
        max_fragment_words: int = 4

    config: Config

    def apply(self, doc: Document) -> None:
        i = 1
        while i < len(doc.blocks):
            prev = doc.blocks[i - 1].text
            cur = doc.blocks[i].text
            nxt = doc.blocks[i + 1].text if i + 1 < len(doc.blocks) else None
            joiner = self._joiner(prev, cur, nxt)
            if joiner is None:
                i += 1
                continue
            doc.merge(i - 1, joiner, self.name, "sentence broken across paragraphs")

    def _joiner(self, prev: str, cur: str, nxt: str | None) -> str | None:
        """The string to join ``prev`` and ``cur`` with, or None if they are separate paragraphs."""
        if prev.endswith(PARAGRAPH_END):
            return None
        if _PUNCT_ONLY.fullmatch(cur):
            return ""
        if _OPENS_CLAUSE.search(prev):
            return " "  # a paragraph never ends in a comma
        if _continues_sentence(cur):
            return " "  # a paragraph never starts in the middle of a sentence
        if word_count(cur) <= self.config.max_fragment_words and (
            _OPENS_CLAUSE.search(cur)
            or (nxt is not None and (_PUNCT_ONLY.fullmatch(nxt) or _continues_sentence(nxt)))
        ):
            return " "  # a linked name, followed by the rest of its sentence
        return None
