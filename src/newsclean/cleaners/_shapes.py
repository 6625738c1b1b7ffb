"""Small predicates about the shape of a block of text, shared by several cleaners."""

from __future__ import annotations

import re

from newsclean.caches import TEXTS, lru
from newsclean.conventions import LOWER_WORDS_IN_NAMES, OPENING_QUOTES
from newsclean.lexicon import LabelSet, label_key

_uncached_label_key = label_key.__wrapped__

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
# Chinese and Japanese are written without spaces; a run of their characters is many words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Chinese and Japanese words average about two characters.
_CJK_CHARS_PER_WORD = 2
# Headlines of news sites run to about 20 words; 30 leaves room for long ones and keeps
# one-sentence paragraphs out.
MAX_HEADLINE_WORDS = 30
# A row of labels ("Facebook Twitter WhatsApp Email Copy link") is a line, not a paragraph.
_MAX_LABEL_SEQUENCE_CHARS = 300


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# No real word is longer than this; a block with more characters than this many per word of a
# limit is over the limit, without counting (which keeps every shape test cheap on a 5 MB block).
MAX_CHARS_PER_WORD = 40


def at_most_words(text: str, limit: int) -> bool:
    """Whether ``text`` has at most ``limit`` words; counted only when it is short enough to."""
    return len(text) <= limit * MAX_CHARS_PER_WORD and word_count(text) <= limit


def word_count(text: str) -> int:
    """Words in ``text``; in Chinese and Japanese, every two characters count as one word."""
    words, cjk = word_and_cjk_counts(text)
    return words + cjk // _CJK_CHARS_PER_WORD


def total_word_count(parts: list[str]) -> int:
    """:func:`word_count` of the parts joined with spaces or line breaks (no word spans two parts),
    from each part's own counts, which the cleaners have usually counted already."""
    counts = [word_and_cjk_counts(p) for p in parts]
    return sum(w for w, _ in counts) + sum(c for _, c in counts) // _CJK_CHARS_PER_WORD


def plain_word_and_cjk_counts(text: str) -> tuple[int, int]:
    """The rule: the matches of the word pattern, and the Chinese or Japanese characters.
    :func:`word_and_cjk_counts` gives the same counts faster (tests hold the two equal)."""
    return len(_WORD.findall(text)), len(_CJK.findall(text))


@lru(TEXTS)
def word_and_cjk_counts(text: str) -> tuple[int, int]:
    """Words (``\\w`` runs) and Chinese or Japanese characters in ``text``: the counts of
    :func:`plain_word_and_cjk_counts`, worked out by bytes methods for text that is Latin-1, or
    is once its typographic punctuation is replaced (see :func:`_latin1_words`). With
    ``bench/instructions.py`` on 200 articles the plain rule took 7.08 M instructions per
    article instead of 6.09 M (16% more, all of newsclean's text path counted)."""
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        # Typographic punctuation is the usual reason (one block in ten of English news): as the
        # Latin-1 character that plays its part in a word match, the text is counted as one.
        folded = text
        for char, same in _TYPOGRAPHIC:
            if char in folded:
                folded = folded.replace(char, same)
        try:
            encoded = folded.encode("latin-1")
        except UnicodeEncodeError:
            return plain_word_and_cjk_counts(text)
    return _latin1_words(encoded), 0  # no Chinese or Japanese character is in Latin-1


# Punctuation outside Latin-1 common in news text, and a Latin-1 character that is the same to
# _WORD: the right single quotation mark joins words as the apostrophe does; the others separate
# words as a space does.
_TYPOGRAPHIC = (("’", "'"),) + tuple((char, " ") for char in "“”‘„‚–—…€™•")


def _kinds(joiners_too: bool) -> bytes:
    """A ``bytes.translate`` table: each Latin-1 character's part in a :data:`_WORD` match, "a"
    for a word character (``\\w``: letters, digits, underscore), "j" for a joiner (when
    ``joiners_too``), a space for anything else."""
    table = bytearray(b" " * 256)
    for code in range(256):
        char = chr(code)
        if char.isalnum() or char == "_":  # what \w is to the regex engine
            table[code] = ord("a")
        elif joiners_too and char in "-'.":  # the Latin-1 ones of _WORD's joiners
            table[code] = ord("j")
    return bytes(table)


_WORD_CHARS = _kinds(joiners_too=False)
_WORD_AND_JOINER_CHARS = _kinds(joiners_too=True)


def _latin1_words(encoded: bytes) -> int:
    """``len(_WORD.findall(text))`` for a text that Latin-1 ``encoded``, counted by bytes
    methods (several times faster than the regular expression). A match of _WORD is a run of
    word characters, or several such runs each linked to the next by one joiner between them
    (the regex takes each run whole, and every single joiner between two runs); so the matches
    are the runs less the links. A link is a joiner with a word character on either side, "aja"
    in the text's kinds: counted as the "aj" less those followed by a joiner, a space or the
    end (none of these patterns can overlap itself, so ``bytes.count`` finds every one)."""
    words = encoded.translate(_WORD_CHARS)
    runs = words.count(b" a") + words.startswith(b"a")
    kinds = encoded.translate(_WORD_AND_JOINER_CHARS)
    if b"j" not in kinds:
        return runs
    links = kinds.count(b"aj") - kinds.count(b"ajj") - kinds.count(b"aj ") - kinds.endswith(b"aj")
    return runs - links


_FULL_STOP = re.compile(r"[.…。][\"'”’»)\]」』]*$")


def ends_with_full_stop(text: str) -> bool:
    """Ends in a full stop or ellipsis, perhaps inside closing quotes or brackets."""
    return bool(_FULL_STOP.search(text.rstrip()))


def is_title_case_name(text: str, max_words: int) -> bool:
    """A short run of capitalized words ("Belarusian Defense Ministry."), not a sentence."""
    parts = words(text)
    if not parts or len(parts) > max_words:
        return False
    if text.rstrip().endswith(("?", "!", ":", ",", ";")):
        return False
    capitalized = [w for w in parts if w[0].isupper() or w[0].isdigit()]
    lower = [w for w in parts if w[0].islower()]
    return bool(capitalized) and all(w.casefold() in LOWER_WORDS_IN_NAMES for w in lower)


def looks_like_headline(text: str) -> bool:
    """A headline: a few words, no full stop or clause punctuation at the end."""
    if not at_most_words(text, MAX_HEADLINE_WORDS) or word_count(text) < 2:
        return False
    stripped = text.rstrip()
    if stripped.endswith((".", ",", ";", ":")) and not stripped.endswith("..."):
        return False
    first = stripped.lstrip(OPENING_QUOTES + "([")[:1]
    if not first or first.islower():
        return False
    # A line of scores or figures ("Palm Bay 18 22 13 17 — 70") is a table row, not a headline.
    tokens = words(text)
    return sum(t.isdigit() for t in tokens) * 2 <= len(tokens)


_SEPARATORS = re.compile(r"[|•·/,;]+")


@lru(TEXTS)
def label_tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` in :func:`label_key` form, separators dropped."""
    return tuple(label_key(_SEPARATORS.sub(" ", text)).split())


# The first token: what comes before the first letter or digit, then that one and the rest of
# its word up to a space or a separator.
_FIRST_TOKEN = re.compile(r"[\s\W_]*[^\W_][^\s|•·/,;]*")
_ALNUM = re.compile(r"[^\W_]")


@lru(TEXTS)
def first_label_token(text: str) -> str | None:
    """The first of :func:`label_tokens` (None if there is none), or None when ``text`` is too
    long to be labels. Worked out from the text's first word alone when a letter or digit
    follows it (the edges that label_key strips are then outside that word): most blocks are
    ruled out as labels by their first word."""
    if len(text) > _MAX_LABEL_SEQUENCE_CHARS:
        return None
    first = _FIRST_TOKEN.match(text)
    if first is None or not _ALNUM.search(text, first.end()):
        tokens = label_tokens(text)
        return tokens[0] if tokens else None
    # A stand-in word after it keeps label_key's end-stripping off the first word.
    return _uncached_label_key(_SEPARATORS.sub(" ", first.group(0) + " x")).split()[0]


def is_label_sequence(text: str, labels: LabelSet, max_label_words: int = 5) -> bool:
    """Whether ``text`` is one or more known labels in a row ("Facebook Twitter Email",
    "You may like | Trends 24h"), with nothing else but separators."""
    if first_label_token(text) not in labels.first_words:
        return False  # too long, no words, or a first word that starts no label
    tokens = label_tokens(text)
    longest = min(max_label_words, labels.longest)
    # Dynamic programming over token positions: reachable[i] is whether tokens[:i] is covered.
    reachable = [True] + [False] * len(tokens)
    for i in range(len(tokens)):
        if not reachable[i]:
            continue
        for j in range(i + 1, min(len(tokens), i + longest) + 1):
            if " ".join(tokens[i:j]) in labels.labels:
                reachable[j] = True
    return reachable[-1]
