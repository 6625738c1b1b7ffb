"""PhotoCredit: removes photo credit and caption-credit lines."""

from __future__ import annotations

import re

from newsclean.cleaners._shapes import ends_sentence, is_title_case_name, word_count
from newsclean.document import Document
from newsclean.lexicon import Lexicon, fullmatch_any
from newsclean.pipeline import Cleaner

# Credits and captions are short; a longer block is a paragraph even if it names an agency.
_MAX_CREDIT_WORDS = 25
# A bare credit under the headline names an organisation or a person: a few capitalized words.
_MAX_BARE_CREDIT_WORDS = 6


def _agency_credit(lexicon: Lexicon) -> re.Pattern[str]:
    """A block ending in "/<agency>" or "© <agency>" ("Sergei Ilnitsky/EPA", "© picture alliance")."""
    names = sorted((re.escape(a) for a in lexicon.phrases("photo_credit", "agencies")), key=len, reverse=True)
    if not names:
        return re.compile(r"(?!x)x")
    agency = "|".join(names)
    return re.compile(
        rf".*(?:/\s*|©\s*|\(c\)\s*|\bphoto:?\s+)(?:{agency})(?:\s*/\s*[\w .-]+)*\)?\.?", re.IGNORECASE
    )


class PhotoCredit(Cleaner):
    """Removes photo credits and captions with a credit ("Photo: Sergei Ilnitsky/EPA", "Belarusian Defense Ministry.").

    Two kinds: a short block matching a credit phrase or ending in a photo agency after a slash or
    ©, anywhere in the text; and a bare credit right under the headline — a few capitalized words
    naming who took or gave the picture, followed by the article's prose. Before: headline /
    ``Belarusian Defense Ministry.`` / ``The first Russian soldiers…``; after: the credit is gone.
    """

    name = "photo_credit"

    def apply(self, doc: Document) -> None:
        patterns = doc.lexicon.patterns("photo_credit", "patterns")
        agency = doc.lexicon.derived("photo_credit.agency", _agency_credit)
        drop: list[int] = []
        for i, block in enumerate(doc.blocks):
            text = block.text
            if word_count(text) > _MAX_CREDIT_WORDS or text[:1] in "\"“„«'‘":
                continue
            if fullmatch_any(patterns, text) or agency.fullmatch(text):
                drop.append(i)
        doc.remove(drop, self.name, "photo credit")
        if doc.meta.get("title") and len(doc.blocks) > 1:
            first, following = doc.blocks[0].text, doc.blocks[1].text
            if (
                is_title_case_name(first, _MAX_BARE_CREDIT_WORDS)
                and first.endswith(".")
                and ends_sentence(following)
                and word_count(following) > word_count(first)
            ):
                doc.remove([0], self.name, "photo credit under the headline")
