"""NameVariants: gives every name in an English article one spelling, the English-convention one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newsclean.document import Document
from newsclean.language.detect import detect_language
from newsclean.lexicon import Lexicon
from newsclean.names.compare import has_foreign_marks, slavic_shaped
from newsclean.names.gazetteer import NAME, Gazetteer
from newsclean.names.romanize import convertible, to_english
from newsclean.names.variants import (
    FUNCTION_WORD_OWNER,
    FUNCTION_WORDS,
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
# A given name followed by a surname ("Andrej Peskow").
_GIVEN_SURNAME = re.compile(rf"({NAME.pattern}) ({NAME.pattern})")
# A word in capitals ("PESKOW"), which follows the body's spelling of that name.
_CAPS = re.compile(r"\b[A-ZÀ-Þ][A-ZÀ-Þ'’-]{3,}\b")
# Metadata fields that follow the body's spellings.
_META = ("title", "description")
# A US state or Canadian province after a comma: the place is the namesake abroad
# ("Odessa, Texas", "Moscow, Idaho"), not the one in Ukraine or Russia.
_ABROAD = re.compile(
    r",\s+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    r"Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    r"Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|"
    r"Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Alberta|Manitoba|"
    r"Saskatchewan|Nova Scotia)\b"
)


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
            meta = [v for k in _META if isinstance(v := doc.meta.get(k), str)]
            mapping = self._mapping("\n".join([text, *meta]), doc.lexicon)
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
        keep = self.gazetteer.protected
        for cluster in clusters(forms):
            target = choose_canonical(cluster, counts, self.gazetteer)
            for form in cluster:
                if target is not None and form != target and self._changeable(form):
                    mapping[form] = (target, "romanization variant in the same article")
        for form in forms:
            if form not in mapping and form not in keep and convertible(form):
                mapping[form] = (to_english(form), "German romanization (converted)")
        if not mapping:
            return mapping  # nothing to change: most articles
        german = any(map(convertible, mapping))  # some name is spelled the German way
        for form in forms if german else ():  # the article writes names the German way
            if form not in mapping and form not in keep and convertible(form, weak=True):
                mapping[form] = (to_english(form), "German romanization (converted)")
        function_words = lexicon.derived(FUNCTION_WORDS)
        pairs = [(found.group(1), found.group(2)) for found in _GIVEN_SURNAME.finditer(text)]
        given = self.gazetteer.given_names
        for first, surname in pairs:  # a given name of someone whose surname is not converted
            reason = mapping.get(first, ("", ""))[1]
            if surname not in mapping and (
                reason.startswith("German")
                or (first in given and not slavic_shaped(surname) and surname not in given)
            ):
                del mapping[first]  # (Ljudmila Payne, Anatolij Berger, Holmes Wladimir)
        for first, surname in pairs:
            if (
                (surname in mapping or (german and slavic_shaped(surname)))
                and surname not in self.gazetteer.given_names
                and first not in mapping
                and first not in keep
                and first.casefold() not in function_words
                and convertible(first, given=True)
            ):
                mapping[first] = (to_english(first, given=True), "given name of a converted name")
        for caps in set(_CAPS.findall(text)):
            title = "-".join(p[:1] + p[1:].lower() for p in caps.split("-"))
            if title in mapping and caps not in mapping:
                target, reason = mapping[title]
                mapping[caps] = (target.upper(), reason + " (in capitals)")
        return mapping

    def _changeable(self, form: str) -> bool:
        """Whether an in-article variant may be rewritten: an English-convention spelling (no
        mark of another romanization: Zelenskiy beside Zelensky) only on request."""
        if form in self.gazetteer.protected:
            return False
        return self.gazetteer.english_variants or has_foreign_marks(form)

    def _replace(self, doc: Document, mapping: dict[str, tuple[str, str]]) -> None:
        pattern = _whole_words(sorted(mapping, key=len, reverse=True))
        lexicon = doc.lexicon

        def choose(text: str) -> Callable[[re.Match[str]], tuple[str, str] | None] | None:
            if _vote(text.split(), lexicon) not in (*ENGLISH, None):
                return None  # a paragraph in another language, quoted or left untranslated
            quoted = _ForeignQuotes(text)
            kept = self._kept_spans(text)

            def decide(found: re.Match[str]) -> tuple[str, str] | None:
                if quoted.around(found.start()) or _kept(found, kept):
                    return None
                return mapping[found.group(0)]

            return decide

        doc.replace_words(pattern, choose, self.name)

        def choose_in_meta(text: str) -> Callable[[re.Match[str]], tuple[str, str] | None] | None:
            if _foreign_words(text, lexicon):
                return None  # a German title stays German
            kept = self._kept_spans(text)

            def decide(found: re.Match[str]) -> tuple[str, str] | None:
                return None if _kept(found, kept) else mapping[found.group(0)]

            return decide

        doc.replace_in_meta(_META, pattern, choose_in_meta, self.name)

    def _kept_spans(self, text: str) -> list[tuple[int, int]]:
        """Where someone's own spelling stands in ``text`` ("Wladimir Klitschko")."""
        spans = []
        for phrase in self.gazetteer.own_spellings:
            start = text.find(phrase)
            while start >= 0:
                spans.append((start, start + len(phrase)))
                start = text.find(phrase, start + 1)
        return spans


def _kept(found: re.Match[str], kept: list[tuple[int, int]]) -> bool:
    """Whether a match stands inside someone's own spelling, or is a place followed by a US
    state or Canadian province (the namesake abroad: "Odessa, Texas")."""
    if any(start <= found.start() < end for start, end in kept):
        return True
    return _ABROAD.match(found.string, found.end()) is not None


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


def _foreign_words(text: str, lexicon: Lexicon) -> bool:
    """Whether a short text (a title) has a function word of a language other than English
    ("Selenskyj in Brüssel: Ukraine drängt auf …" has "auf")."""
    owner = lexicon.derived(FUNCTION_WORD_OWNER)
    words = (w.strip(_EDGES).casefold() for w in text.split())
    return any(owner.get(w, "en") not in ENGLISH for w in words)


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
