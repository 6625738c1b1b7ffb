"""Byline: removes the author line near the top and keeps the name as ``author``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsclean.cleaners._layout import first_prose
from newsclean.conventions import NAME_PARTICLES, alternation
from newsclean.document import Document
from newsclean.lexicon import Derived, Lexicon
from newsclean.pipeline import Cleaner

# One name: up to four capitalized words, with initials and particles ("Anna-Lena von Berg").
_NAME = (
    r"(?:[A-ZÀ-Þ][\w'’.-]*\.?)"
    rf"(?:\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)?[A-ZÀ-Þ][\w'’.-]*){{0,3}}"
)


def _byline(lexicon: Lexicon) -> re.Pattern[str]:
    intros = alternation(lexicon.phrases("byline", "intros"))
    # "A", "A and B", "A, B and C"; a comma without a closing "and" starts the role instead.
    names = rf"{_NAME}(?:(?:\s*,\s*{_NAME})*\s*(?:\band\b|\bund\b|&)\s*{_NAME})?"
    # A short role or place after the names ("…, Moscow correspondent"); no sentence punctuation.
    role = r"(?:\s*(?:,|\||–|—|-|\bin\b)\s*[^.!?]{1,60})?"
    return re.compile(rf"(?:{intros})\s+(?P<author>{names}){role}", re.UNICODE)


_BYLINE = Derived("byline.pattern", _byline)


class Byline(Cleaner):
    """Removes the byline ("By Jane Smith, Moscow correspondent", "Von Anna Berg"), keeping author.

    Only a line that is nothing but an introducing word and capitalized names (and perhaps a short
    role after a comma) counts, and only above or right after the first prose paragraph; a sentence
    such as "By Tuesday, the army had withdrawn." has no name after "By" and stays.
    """

    name = "byline"

    @dataclass(frozen=True)
    class Config:
        #: How far below the first prose paragraph the byline may stand, in blocks: it is above
        #: it, or just below it.
        byline_zone: int = 1

    config: Config

    def apply(self, doc: Document) -> None:
        pattern = doc.lexicon.derived(_BYLINE)
        prose = first_prose(doc.blocks)
        limit = len(doc.blocks) if prose is None else prose + self.config.byline_zone + 1
        for i, block in enumerate(doc.blocks[:limit]):
            if i == prose:
                continue
            found = pattern.fullmatch(block.text)
            if found:
                doc.set_meta("author", found.group("author").strip())
                doc.remove([i], self.name, "byline (kept as metadata.author)")
                return
