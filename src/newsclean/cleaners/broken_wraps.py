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
# Characters of the joined text so far that deciding the next join reads: it looks only at how
# the text ends (sentence-ending punctuation, a comma or semicolon).
_TAIL = 8
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

    Each rejoined paragraph is one Fix: ``before`` holds its pieces as they stood, separated by
    their line breaks, ``after`` the paragraph joined; nothing else.
    """

    name = "broken_wraps"

    @dataclass(frozen=True)
    class Config:
        #: A linked name is a few words: "Tass", "Pravda,", "New York Times". Longer blocks are
        #: sentences.
        max_fragment_words: int = 4

    config: Config

    def apply(self, doc: Document) -> None:
        # One pass over the blocks: each run of pieces that belong together is joined once, and
        # recorded as one Fix holding the pieces as they were and the joined paragraph, so that
        # time and the record both stay linear in the article (joining piece by piece, and
        # recording each join with the paragraph grown so far, was quadratic in both).
        blocks = doc.blocks
        if len(blocks) < 2:
            return
        runs: list[tuple[int, int, str]] = []
        first = 0
        joined = [blocks[0].text]  # the run being joined, with its joiners
        # The end of the joined run: all that deciding the next join reads of it (its last
        # characters), kept short so that no decision rereads the whole run.
        tail = blocks[0].text[-_TAIL:]
        for i in range(1, len(blocks)):
            cur = blocks[i].text
            nxt = blocks[i + 1].text if i + 1 < len(blocks) else None
            joiner = self._joiner(tail, cur, nxt)
            if joiner is None:
                if i - 1 > first:
                    runs.append((first, i - 1, "".join(joined)))
                first, joined, tail = i, [cur], cur[-_TAIL:]
                continue
            joined += (joiner, cur)
            tail = (tail + joiner + cur)[-_TAIL:]
        if len(blocks) - 1 > first:
            runs.append((first, len(blocks) - 1, "".join(joined)))
        doc.join(runs, self.name, "sentence broken across paragraphs")

    def _joiner(self, prev: str, cur: str, nxt: str | None) -> str | None:
        """The string to join ``prev`` (or the end of it) and ``cur`` with, or None if they are
        separate paragraphs."""
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
