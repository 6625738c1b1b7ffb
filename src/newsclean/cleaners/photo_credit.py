"""PhotoCredit: removes photo credit and caption-credit lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsclean.cleaners._layout import headline_of, is_prose, never_headline
from newsclean.cleaners._shapes import at_most_words, is_title_case_name, word_count
from newsclean.conventions import NEVER, OPENING_QUOTES, alternation
from newsclean.document import Document
from newsclean.lexicon import Lexicon, TextTest, fullmatch_any
from newsclean.pipeline import Cleaner

# The credit patterns start anywhere in a block, so a few very long "words" must not reach them:
# at most so many characters (25 words of 16 characters).
_MAX_CREDIT_CHARS = 400


def _agency_credit(lexicon: Lexicon) -> re.Pattern[str]:
    r"""A block ending in "/<agency>" or "© <agency>" ("Sergei Ilnitsky/EPA", "© imago"), and
    perhaps more credits after slashes ("/EPA/dpa"). Each part after a slash is matched one way
    only: a block's spaces are single, and ``[\w .-]`` takes them (``\s*/\s*[\w .-]+``, which
    could give a space to either, backtracked exponentially on "x / Reuters/ . / . / . …")."""
    names = lexicon.phrases("photo_credit", "agencies")
    if not names:
        return re.compile(NEVER)
    agency = alternation(names)
    return re.compile(
        rf".*(?:/\s*|©\s*|\(c\)\s*|\bphoto:?\s+)(?:{agency})(?:\s*(?:/[\w .-]+)+)?\)?\.?",
        re.IGNORECASE,
    )


# Every agency credit has one of these before the agency's name (compared in lower case).
_AGENCY_MARKS = ("/", "©", "(c)", "photo")


def _credit_test(lexicon: Lexicon, max_words: int) -> Callable[[str], bool]:
    """Whether a block, wherever it stands, is a credit line."""
    patterns = lexicon.patterns("photo_credit", "patterns")
    agency = _agency_credit(lexicon)

    def is_credit(text: str) -> bool:
        if len(text) > _MAX_CREDIT_CHARS or not at_most_words(text, max_words):
            return False
        if text[:1] in OPENING_QUOTES:
            return False
        if fullmatch_any(patterns, text):
            return True
        lower = text.lower()
        return any(mark in lower for mark in _AGENCY_MARKS) and bool(agency.fullmatch(text))

    return is_credit


# A bare credit is never the headline, even where no photo_credit cleaner runs: the layout that
# finds the headline for several cleaners skips these lines.
never_headline("photo_credit", "bare_credit_patterns")
_IS_CREDIT = TextTest("photo_credit.is_credit", _credit_test)


class PhotoCredit(Cleaner):
    """Removes photo credits and credited captions ("Photo: Sergei Ilnitsky/EPA", "Handout").

    Two kinds: a short block matching a credit phrase or ending in a photo agency after a slash or
    ©, anywhere in the text; and a bare credit right under the headline, between it and the prose —
    a few capitalized words naming who took or gave the picture, or a phrase such as "Press service
    of …", "Courtesy of …", "Handout". Before: headline /
    ``Belarusian Defense Ministry.`` / ``The first Russian soldiers…``; after: the credit is gone.
    """

    name = "photo_credit"

    @dataclass(frozen=True)
    class Config:
        #: Credits and captions are short; a longer block is a paragraph even if it names an
        #: agency.
        max_credit_words: int = 25
        #: A bare credit under the headline names an organisation or a person: a few
        #: capitalized words.
        max_bare_credit_words: int = 6
        #: A bare credit phrase under the headline: "Press service of the Ministry of Emergency
        #: Situations of Belarus." has 11 words.
        max_bare_phrase_words: int = 15

    config: Config

    def apply(self, doc: Document) -> None:
        is_credit = doc.lexicon.text_test(_IS_CREDIT, self.config.max_credit_words)
        drop = [i for i, block in enumerate(doc.blocks) if is_credit(block.text)]
        doc.remove(drop, self.name, "photo credit")
        headline = headline_of(doc)
        if headline is None or headline + 2 >= len(doc.blocks):
            return
        below = doc.blocks[headline + 1].text
        bare = doc.lexicon.patterns("photo_credit", "bare_credit_patterns")
        if not is_prose(doc.blocks[headline + 2].text):
            return
        if (
            is_title_case_name(below, self.config.max_bare_credit_words) and below.endswith(".")
        ) or (
            word_count(below) <= self.config.max_bare_phrase_words and fullmatch_any(bare, below)
        ):
            doc.remove([headline + 1], self.name, "photo credit under the headline")
