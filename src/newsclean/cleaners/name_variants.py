"""NameVariants: gives every name in an English article one spelling, the English-convention one."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from newsclean.caches import NAMES
from newsclean.document import Document
from newsclean.gazetteer import NAME, Gazetteer
from newsclean.language import detect_language
from newsclean.lexicon import Lexicon
from newsclean.names import (
    FOREIGN,
    english_form,
    english_score,
    has_foreign_marks,
    plausibly_slavic,
    reading,
    slavic_shaped,
)
from newsclean.pipeline import Cleaner
from newsclean.records import Fix

# Two letters are too few to call (Ob/Oh); three are enough (Ufa/Oufa, Yar/Jar).
_MIN_NAME_LENGTH = 3
# A quotation long enough to have a language of its own ("…," said Peskov is not one).
_QUOTE = re.compile(r'"[^"\n]{25,}"')
#: Languages whose articles are put into English convention.
ENGLISH = ("en",)
# From this many words on, statistical language detection is reliable even among names.
_LONG_TEXT_WORDS = 60
# Punctuation around a word that does not keep it from being a function word ("the," "(und").
_EDGES = ".,;:!?\"'()"


class _Forms:
    """Union-find over spellings: which spellings in an article are one name."""

    def __init__(self, forms: list[str]):
        self.parent = {f: f for f in forms}

    def find(self, form: str) -> str:
        while self.parent[form] != form:
            self.parent[form] = self.parent[self.parent[form]]
            form = self.parent[form]
        return form

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self) -> list[list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for form in self.parent:
            groups[self.find(form)].append(form)
        return [sorted(g) for g in groups.values() if len(g) > 1]


class NameVariants(Cleaner):
    """Unifies name spellings left in other romanizations (Peskow → Peskov, Kiew → Kyiv).

    In an English article, a spelling listed in the gazetteer as a variant becomes its canonical
    English form (Chrenin → Khrenin, even when the English form does not occur), and spellings
    of one name in different romanizations (Sinyavsky and Sinjawski) become one: the
    English-convention form, else the gazetteer's, else the most frequent. Two spellings are one
    name only when one, read back under a romanization convention, equals the other read as
    English (see ``newsclean.names``), so different people with near names (Peskov/Peskova) stay
    apart; German and English names that look alike (Busch/Bush) are listed as not
    transliterations; anything unclear is left alone. Articles in other languages, and paragraphs
    and quotations in other languages inside English articles, are not touched. Before:
    ``…said Peskow.``; after: ``…said Peskov.``
    """

    name = "name_variants"

    def __init__(self, gazetteer: Gazetteer | None = None):
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
        if _is_english(doc):
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
        worth = lexicon.derived("name_variants.worth_comparing", _worth_comparing)
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
        done: Counter[tuple[str, str, str]] = Counter()
        for block in doc.blocks:
            if not pattern.search(block.text):
                continue
            if _vote(block.text.split(), doc.lexicon) not in (*ENGLISH, None):
                continue  # a paragraph in another language, quoted or left untranslated
            quoted = _ForeignQuotes(block.text)

            def substitute(found: re.Match[str], quoted: _ForeignQuotes = quoted) -> str:
                if quoted.around(found.start()):
                    return found.group(0)
                target, reason = mapping[found.group(0)]
                done[(found.group(0), target, reason)] += 1
                return target

            block.text = pattern.sub(substitute, block.text)
        for (variant, target, reason), n in sorted(done.items()):
            times = "once" if n == 1 else f"{n} times"
            doc.fixes.append(Fix(self.name, variant, target, f"{reason}, {times}"))


def candidate_forms(counts: Counter[str], stop: frozenset[str], known: set[str]) -> list[str]:
    """The capitalized words worth comparing: plausibly Slavic, not listed as German or English
    look-alikes, not already known variants."""
    return [f for f in sorted(counts) if f not in known and _worth(f, stop)]


def _worth(form: str, stop: frozenset[str]) -> bool:
    return len(form) >= _MIN_NAME_LENGTH and form.casefold() not in stop and plausibly_slavic(form)


def _worth_comparing(lexicon: Lexicon) -> Callable[[str], bool]:
    """:func:`candidate_forms`'s test of one spelling under ``lexicon``, its answers kept."""
    stop = lexicon.derived("name_variants.stop", _never_names)
    return lru_cache(maxsize=NAMES)(lambda form: _worth(form, stop))


def choose_canonical(cluster: list[str], counts: Counter[str], gazetteer: Gazetteer) -> str | None:
    """The spelling a cluster of variants becomes: the English-convention member, else the
    gazetteer's form, else the most frequent; None when that is a tie."""
    english = {m for m in cluster if any(english_form(o, m) == m for o in cluster if o != m)}
    if english:
        best = max(english_score(m) for m in english)
        top = [m for m in english if english_score(m) == best]
        return top[0] if len(top) == 1 else None
    known = {gazetteer.canonical(m) for m in cluster} - {None}
    if len(known) == 1:
        return known.pop()
    ranked = sorted(cluster, key=lambda m: -counts[m])
    if counts[ranked[0]] > counts[ranked[1]]:
        return ranked[0]
    return None


def clusters(forms: list[str]) -> list[list[str]]:
    """Groups of spellings where one reads, under some convention, as another's English form.

    A link needs evidence that a Slavic name is at stake: one of the two spellings is
    Slavic-shaped, or the one read as foreign carries a foreign convention's mark. Two English
    words that a French reading would join (March, Marsh) have neither."""
    keys = list(map(_keys, forms))
    english_readings = set(map(_english_reading, keys))
    if len(english_readings) == len(forms) and english_readings.isdisjoint(
        frozenset[str]().union(*map(_other_readings, keys))
    ):
        return []  # no two spellings read alike (the test below, at once for all): most articles
    by_english: dict[str, list[str]] = defaultdict(list)
    for form, readings in zip(forms, keys, strict=True):
        by_english[readings.english].append(form)
    english = by_english.keys()
    shared = len(by_english) < len(forms)  # some spellings read alike as English
    # A spelling can be linked only if it reads as English like another one does, or one of
    # its other readings is some spelling's English reading: in most articles, none.
    touching = [
        (form, readings)
        for form, readings in zip(forms, keys, strict=True)
        if not english.isdisjoint(readings.others)
        or (shared and len(by_english[readings.english]) > 1)
    ]
    if not touching:
        return []
    union = _Forms(forms)
    for same in by_english.values() if shared else ():  # Yushchenko, Iushchenko
        for other in same[1:]:
            if _keys(same[0]).slavic or _keys(other).slavic:
                union.union(same[0], other)
    for form, readings in touching:
        for key in readings.foreign:
            for other in by_english.get(key, ()):
                if other != form and (
                    readings.marked or _keys(other).slavic or _z_for_s(form, other)
                ):
                    union.union(form, other)
    return union.clusters()


class _Readings(NamedTuple):
    """What ``clusters`` compares about one spelling."""

    english: str  # its English reading
    foreign: tuple[str, ...]  # its distinct readings under the other conventions
    marked: bool  # Slavic-shaped, or carrying a mark of a foreign romanization
    slavic: bool  # Slavic-shaped
    others: frozenset[str]  # foreign readings other than the English one: only these link it


_english_reading = attrgetter("english")
_other_readings = attrgetter("others")


@lru_cache(maxsize=NAMES)
def _keys(form: str) -> _Readings:
    """A spelling's readings, worked out once per spelling."""
    slavic = slavic_shaped(form)
    english = reading(form, "en")
    foreign = tuple(dict.fromkeys(reading(form, convention) for convention in FOREIGN))
    others = frozenset(foreign) - {english}
    return _Readings(english, foreign, slavic or has_foreign_marks(form), slavic, others)


def _z_for_s(form: str, english: str) -> bool:
    """German and French write з as s (Kasan, Grosny): the English spelling has a z where the
    other has an s."""
    return "z" in english.casefold() and "s" in form.casefold() and "z" not in form.casefold()


def _is_english(doc: Document) -> bool:
    """Whether the article is in English. Names are the same in every language and fool language
    detection on short texts ("Peskov said Putin did not travel to Minsk." comes out as
    Estonian), so a short text is judged by its function words ("the", "said", "der", "und"): it
    is English when English ones are the most frequent."""
    words: list[str] = []
    for block in doc.blocks:
        words += block.text.split()
        if len(words) >= _LONG_TEXT_WORDS:
            return doc.language()[0] in ENGLISH
    return _vote(words, doc.lexicon) in ENGLISH


def _vote(words: list[str], lexicon: Lexicon) -> str | None:
    """The language whose function words are the most frequent among ``words`` (None on a tie
    or when there are none)."""
    owner = lexicon.derived("language.function_word_owner", _function_word_owner)
    votes = Counter(filter(None, map(owner.get, (w.strip(_EDGES).casefold() for w in words))))
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _never_names(lexicon: Lexicon) -> frozenset[str]:
    """Words never compared as names: the listed look-alikes that are not transliterations, and
    every language's function words, capitalized at the start of a sentence ("The", "However",
    "Und")."""
    function_words = {w for words in lexicon.tables.get("language", {}).values() for w in words}
    return lexicon.labels("name_variants", "not_transliterations") | frozenset(function_words)


def _function_word_owner(lexicon: Lexicon) -> dict[str, str]:
    """Each language's function words, to the language, without those another language shares
    ("met", "die")."""
    lists = {lang: frozenset(words) for lang, words in lexicon.tables.get("language", {}).items()}
    shared = Counter(w for words in lists.values() for w in words)
    return {w: lang for lang, words in lists.items() for w in words if shared[w] == 1}


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


@cache
def bundled_gazetteer() -> Gazetteer:
    """The gazetteer shipped with newsclean, loaded once per process."""
    return Gazetteer.load()
