"""The features of one line that the ``boilerplate_lines`` classifier weighs, and their hashing.

Shared by the cleaner (inference) and ``bench/lines/train.py`` (training), so both see exactly the
same features. No feature names a site: they are the line's words and word pairs, character
4-grams of its opening and ending (lowercased, digits as ``0``), and its shape: length, how it
starts and ends, sentence punctuation, the share of function words (any language of the
lexicon's ``[language]`` table), capitals, digits and counters ("(12)", "13 comments"), arrows,
pipes, brackets, bullets, URLs, e-mail addresses, handles and hashtags. The line's context
(where it stands in the article, and the shape of the lines before and after it) is a second,
small set of features. Each feature is a string, hashed by CRC-32 into ``BUCKETS`` weights.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

#: Weights the features are hashed into (2^18: collisions are rare at the ~100k features seen).
BUCKETS = 1 << 18
_MASK = BUCKETS - 1
# Words weighed at the start and end of a long line: what a line is, junk or prose, shows in
# how it opens and ends; weighing every word of a long paragraph would cost time and add nothing.
_HEAD_WORDS, _TAIL_WORDS = 24, 8
# Characters whose 4-grams are weighed, at the start and the end of the line (same reason).
_HEAD_CHARS, _TAIL_CHARS = 48, 24
_GRAM = 4

_TOKEN = re.compile(r"\w+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\S@\w+\.\w")
_HANDLE = re.compile(r"(?:^|\s)[@#]\w")
_COUNTER = re.compile(r"[(\[]\d+[)\]]")
_NUMBER_FIRST = re.compile(r"^\d+\s+\w+$")
_SENTENCE = re.compile(r"\w[.!?…]+[\"'”’»)]?\s+[\"'“‘«(]?[A-ZА-ЯЁ]")
_ARROWS = frozenset("→←↑↓›‹»«▶►◀◄▸▾⟶➔➜➤")
_BULLETS = frozenset("•·▪■●◦–—-*")
_SENTENCE_ENDS = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»)]")

# Two sentences of news prose; a block this long that is prose by its shape (two sentences, the
# last ended, a fifth function words) is kept without being scored.
LONG_PROSE_WORDS = 20

# Buckets of word counts and of shares: bounds chosen to split the lines of the harvest
# (bench/lines) into groups of similar size, not tuned.
_WORD_BOUNDS = (1, 2, 3, 4, 6, 9, 13, 20, 35, 60)
_SHARE_BOUNDS = (0.001, 0.1, 0.2, 0.3, 0.5, 0.8)


def bucket(value: float, bounds: tuple[float, ...]) -> int:
    for i, bound in enumerate(bounds):
        if value < bound:
            return i
    return len(bounds)


def hashed(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & _MASK


def _char_class(char: str) -> str:
    if not char:
        return "none"
    if char in _SENTENCE_ENDS:
        return "stop"
    if char in _CLOSERS:
        return "closer"
    if char == ":":
        return "colon"
    if char.isdigit():
        return "digit"
    if char.isalpha():
        return "upper" if char.isupper() else "lower" if char.islower() else "letter"
    if char in _ARROWS:
        return "arrow"
    if char in _BULLETS:
        return "bullet"
    return "sym"


class Shape:
    """What a line's neighbours see of it, and what the prose guard asks."""

    __slots__ = ("words", "end", "function_share", "sentences", "_context")

    def __init__(self, words: int, end: str, function_share: float, sentences: int):
        self.words = words
        self.end = end
        self.function_share = function_share
        self.sentences = sentences
        self._context: dict[str, list[str]] = {}

    def is_prose(self) -> bool:
        """Running text by every sign but the words themselves: long, ends a sentence, and a
        fair share of its words are function words (a menu or a list of names has none)."""
        return self.words >= 15 and self.end in ("stop", "closer") and self.function_share >= 0.2

    def is_long_prose(self) -> bool:
        """Prose of at least ``LONG_PROSE_WORDS`` words and two sentences: never removed, so
        the cleaner does not weigh its features (most of an article's text, and of the time)."""
        return self.words >= LONG_PROSE_WORDS and self.sentences >= 1 and self.is_prose()

    def context(self, side: str) -> list[str]:
        """What the line before (``p:``) or after (``n:``) a line shows of it (worked out once:
        shapes are kept with their texts, and asked on every pass)."""
        found = self._context.get(side)
        if found is None:
            found = self._context[side] = self._context_of(side)
        return found

    def _context_of(self, side: str) -> list[str]:
        fw = bucket(self.function_share, _SHARE_BOUNDS)
        return [
            f"{side}len{bucket(self.words, _WORD_BOUNDS)}",
            f"{side}end{self.end}",
            f"{side}fw{fw}",
        ]


def text_features(text: str, function_words: frozenset[str]) -> tuple[list[str], Shape]:
    """The features of a line's text alone, in a fixed order without repeats, and its shape."""
    lower = _DIGIT.sub("0", text.lower())
    tokens = _TOKEN.findall(lower)
    n = len(tokens)
    kept = (
        tokens if n <= _HEAD_WORDS + _TAIL_WORDS else tokens[:_HEAD_WORDS] + tokens[-_TAIL_WORDS:]
    )
    features = [f"w:{t}" for t in kept]
    features += [f"b:{a} {b}" for a, b in zip(kept, kept[1:], strict=False)]
    if tokens:
        features += [f"f:{tokens[0]}", f"l:{tokens[-1]}"]
        if n > 1:
            features.append(f"f2:{tokens[0]} {tokens[1]}")
    padded = f" {lower} "
    if len(padded) > _HEAD_CHARS + _TAIL_CHARS:
        spans: Iterable[str] = (padded[:_HEAD_CHARS], padded[-_TAIL_CHARS:])
    else:
        spans = (padded,)
    for span in spans:
        features += [f"c:{span[i : i + _GRAM]}" for i in range(len(span) - _GRAM + 1)]

    stripped = text.strip()
    shape = _shape(stripped, text, tokens, function_words)
    end, function_share, sentences = shape.end, shape.function_share, shape.sentences
    head = stripped[:200]
    letters = sum(map(str.isalpha, head))
    upper = sum(map(str.isupper, head)) / letters if letters else 0.0
    digits = sum(map(str.isdigit, head)) / max(1, len(head))
    words_capitalized = sum(t[:1].isupper() for t in _TOKEN.findall(text[:400]))
    features += [
        f"len{bucket(n, _WORD_BOUNDS)}",
        f"start{_char_class(stripped[:1])}",
        f"end{end}",
        f"endlen{end}{bucket(n, _WORD_BOUNDS)}",
        f"fw{bucket(function_share, _SHARE_BOUNDS)}",
        f"fwlen{bucket(function_share, _SHARE_BOUNDS)}:{bucket(n, _WORD_BOUNDS)}",
        f"sent{min(sentences, 3)}",
        f"caps{bucket(upper, _SHARE_BOUNDS)}",
        f"titlecase{bucket(words_capitalized / n if n else 0.0, _SHARE_BOUNDS)}",
        f"digits{bucket(digits, _SHARE_BOUNDS)}",
    ]
    marks = (
        ("url", _URL.search(text)),
        ("email", _EMAIL.search(text)),
        ("handle", _HANDLE.search(text)),
        ("counter", _COUNTER.search(text)),
        ("numberfirst", _NUMBER_FIRST.match(stripped)),
        ("pipe", "|" in text),
        ("bracket", "[" in text or "]" in text),
        ("arrow", any(c in _ARROWS for c in stripped[:3] + stripped[-3:])),
        ("bullet", stripped[:1] in _BULLETS),
        ("copyright", "©" in text or "(c)" in lower),
        ("colon", ":" in stripped[:40]),
        ("ellipsis", stripped.endswith(("...", "…"))),
    )
    features += [name for name, present in marks if present]
    return list(dict.fromkeys(features)), shape


def shape_of(text: str, function_words: frozenset[str]) -> Shape:
    """The shape :func:`text_features` gives, alone (cheaper)."""
    return _shape(text.strip(), text, _TOKEN.findall(text.lower()), function_words)


def _shape(stripped: str, text: str, tokens: list[str], function_words: frozenset[str]) -> Shape:
    n = len(tokens)
    function_share = sum(map(function_words.__contains__, tokens)) / n if n else 0.0
    return Shape(n, _char_class(stripped[-1:]), function_share, len(_SENTENCE.findall(text)))


def context_features(index: int, shapes: list[Shape]) -> list[str]:
    """Where a line stands in the article and the shape of its neighbours."""
    count = len(shapes)
    features = [f"rel{min(9, 10 * index // count)}", f"count{bucket(count, _WORD_BOUNDS)}"]
    if index < 3:
        features.append(f"top{index}")
    if count - 1 - index < 3:
        features.append(f"bottom{count - 1 - index}")
    for side, j in (("p:", index - 1), ("n:", index + 1)):
        if 0 <= j < count:
            features += shapes[j].context(side)
        else:
            features.append(f"{side}none")
    return features
