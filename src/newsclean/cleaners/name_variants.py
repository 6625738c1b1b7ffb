"""NameVariants: gives every name in an English article one spelling, the English-convention one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newsclean.document import Document
from newsclean.language.detect import detect_language
from newsclean.lexicon import Lexicon
from newsclean.names.gazetteer import NAME, Gazetteer
from newsclean.names.variants import (
    FUNCTION_WORD_OWNER,
    WORTH_COMPARING,
    bundled_gazetteer,
    choose_canonical,
    clusters,
)
from newsclean.pipeline import Cleaner

# A quotation long enough to have a language of its own ("…," said Peskov is not one).
_QUOTE = re.compile(r'"[^"\n]{25,}"')
#: Languages whose articles are put into English convention.
ENGLISH = ("en",)
# Punctuation around a word that does not keep it from being a function word ("the," "(und").
_EDGES = ".,;:!?\"'()"


class NameVariants(Cleaner):
    """Unifies name spellings left in other romanizations (Peskow → Peskov, Kiew → Kyiv).

    In an English article, a spelling listed in the gazetteer as a variant becomes its canonical
    English form (Chrenin → Khrenin, even when the English form does not occur), and spellings
    of one name in different romanizations (Sinyavsky and Sinjawski) become one: the
    English-convention form, else the gazetteer's, else the most frequent. Two spellings are one
    name only when one, read back under a romanization convention, equals the other read as
    English (see ``newsclean.names.compare``), so different people with near names
    (Peskov/Peskova) stay apart; German and English names that look alike (Busch/Bush) are
    listed as not transliterations; anything unclear is left alone. Articles in other
    languages, and paragraphs and quotations in other languages inside English articles, are not
    touched. Before:
    ``…said Peskow.``; after: ``…said Peskov.``
    """

    name = "name_variants"

    @dataclass(frozen=True)
    class Config:
        #: From this many words on, statistical language detection is reliable even among names;
        #: a shorter article is judged by its function words.
        long_text_words: int = 60

    config: Config

    def __init__(self, gazetteer: Gazetteer | None = None, config: Config | None = None):
        super().__init__(config)
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = bundled_gazetteer()
        return self._gazetteer

    def apply(self, doc: Document) -> None:
        text = "\n".join(b.text for b in doc.blocks)
        if not text or doc.memo.get(self.name) == text:
            return  # nothing, or this step's own output again (a later pass of the chain)
        if _is_english(doc, self.config.long_text_words):
            mapping = self._mapping(text, doc.lexicon)
            if mapping:
                self._replace(doc, mapping)
                text = "\n".join(b.text for b in doc.blocks)
        doc.memo[self.name] = text

    def _mapping(self, text: str, lexicon: Lexicon) -> dict[str, tuple[str, str]]:
        """Each spelling to change in ``text`` (the blocks, one per line): its target and why."""
        mapping: dict[str, tuple[str, str]] = {}
        counts = Counter(NAME.findall(text))
        for match in self.gazetteer.find(text, names=counts):
            mapping[match.variant] = (match.canonical, "known variant (gazetteer)")
        worth = lexicon.derived(WORTH_COMPARING)
        forms = list(filter(worth, sorted(counts)))
        if mapping:
            forms = [f for f in forms if f not in mapping]
        for cluster in clusters(forms):
            target = choose_canonical(cluster, counts, self.gazetteer)
            for form in cluster:
                if target is not None and form != target:
                    mapping[form] = (target, "romanization variant in the same article")
        return mapping

    def _replace(self, doc: Document, mapping: dict[str, tuple[str, str]]) -> None:
        pattern = _whole_words(sorted(mapping, key=len, reverse=True))
        lexicon = doc.lexicon

        def choose(text: str) -> Callable[[re.Match[str]], tuple[str, str] | None] | None:
            if _vote(text.split(), lexicon) not in (*ENGLISH, None):
                return None  # a paragraph in another language, quoted or left untranslated
            quoted = _ForeignQuotes(text)

            def decide(found: re.Match[str]) -> tuple[str, str] | None:
                return None if quoted.around(found.start()) else mapping[found.group(0)]

            return decide

        doc.replace_words(pattern, choose, self.name)


def _is_english(doc: Document, long_text_words: int) -> bool:
    """Whether the article is in English. Names are the same in every language and fool language
    detection on short texts ("Peskov said Putin did not travel to Minsk." comes out as
    Estonian), so a short text is judged by its function words ("the", "said", "der", "und"): it
    is English when English ones are the most frequent."""
    words: list[str] = []
    for block in doc.blocks:
        words += block.text.split()
        if len(words) >= long_text_words:
            return doc.language()[0] in ENGLISH
    return _vote(words, doc.lexicon) in ENGLISH


def _vote(words: list[str], lexicon: Lexicon) -> str | None:
    """The language whose function words are the most frequent among ``words`` (None on a tie
    or when there are none)."""
    owner = lexicon.derived(FUNCTION_WORD_OWNER)
    votes = Counter(filter(None, map(owner.get, (w.strip(_EDGES).casefold() for w in words))))
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _whole_words(words: list[str]) -> re.Pattern[str]:
    """A pattern finding ``words`` (tried in this order) where no letter, digit, apostrophe or
    hyphen stands before them and no letter, digit or hyphen after. Each alternative starts
    with its first letter and only then looks behind it, so the regex engine can skip to the
    places where one of those letters stands instead of trying every position."""
    alternation = "|".join(rf"{re.escape(w[0])}(?<![\w'’-].){re.escape(w[1:])}" for w in words if w)
    return re.compile(rf"(?:{alternation})(?![\w-])")


class _ForeignQuotes:
    """The quotations in a text in a language other than English (left as the speaker's words).
    A quotation's language is detected only when a spelling to change stands inside it."""

    def __init__(self, text: str):
        self.text = text
        self.spans = [found.span() for found in _QUOTE.finditer(text)]
        self.foreign: dict[tuple[int, int], bool] = {}

    def around(self, position: int) -> bool:
        """Whether ``position`` is inside a quotation in another language."""
        for start, end in self.spans:
            if start <= position < end:
                if (start, end) not in self.foreign:
                    quote = self.text[start:end].strip('"')
                    language, _ = detect_language(quote, confirm=False)
                    self.foreign[start, end] = language is not None and language not in ENGLISH
                return self.foreign[start, end]
        return False
