"""The fast scorer's model: langdetect's profiles, packed for scoring every n-gram at once.

See :mod:`newsclean.language.detect` for the method. Each n-gram's scores for the 55 languages
are packed, as fixed-point numbers (1/1024 nat), into one integer of 32-bit lanes, with one more
lane counting n-grams, so that adding two integers adds 55 scores at C speed. The plain rule
is :func:`plain_scores`, which tests hold equal to it; scoring with a tuple of 56 numbers per
n-gram instead (added with ``map(sum, zip(...))``) took 6.91 M instead of 6.09 M instructions per
article of the text path (valgrind's counts, ``bench/instructions.py``'s method: +13%).
"""

from __future__ import annotations

import json
import math
import re
import struct
from itertools import compress, repeat
from operator import add, is_
from pathlib import Path

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.utils.ngram import NGram

from newsclean.caches import WORDS, once, register

# Fixed point: an n-gram's score for a language, log(1 + P * 10000 / alpha), is at most about 9;
# times _SCALE it fits in 10 bits, so a 32-bit lane holds the sum of millions of n-grams, far
# more than the 10,000 characters looked at can have.
_SCALE = 1024
_LANE_BITS = 32
_WEIGHT = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
# langdetect looks at no more than this much of a text (Detector.max_text_length).
_MAX_TEXT = 10_000
# Tokens whose scores are kept (about 250 bytes each), per kind of cleaning; when full, the
# dict starts over, so a long run keeps the vocabulary of its recent texts.
_CACHE_TOKENS = WORDS
# Likewise for three-character windows (see _Windows).
_CACHE_WINDOWS = WORDS
# Whitespace that str.split() splits at but NGram.normalize keeps as a character.
_KEPT_SPACES = ("\x85", "\u1680", "\u3000")
_SPACE = re.compile(r"\s")
_SPLIT = re.compile("[^\\S\x85\u1680\u3000]+")
# langdetect's test for "Latin" (Detector.cleaning_text): the ASCII range A..z, bytes 65..122;
# the other letters are those from U+0300 on, so everything from U+0100 on less Latin
# Extended-A and -B, the IPA letters and the spacing modifiers. (It means to leave out Latin
# Extended Additional too, but compares the block's number with its name, which never match:
# Vietnamese letters such as "ệ" count as other letters.)
_LATIN_BYTES = bytes(range(ord("A"), ord("z") + 1))
_DROP_LATIN = dict.fromkeys(range(ord("A"), ord("z") + 1))


class _Normalized(dict[int, str]):
    """``str.translate`` table applying ``NGram.normalize`` to each character, filled as
    characters are met (at most every character there is; emptied by ``reset_caches``)."""

    def __missing__(self, code: int) -> str:
        normalized: str = NGram.normalize(chr(code))
        self[code] = normalized
        return normalized


#: ``NGram.normalize`` for every character, as a ``str.translate`` table.
_NORMALIZED = _Normalized()
register(_NORMALIZED.clear)


def latin_letters(text: str) -> int:
    """How many characters of ``text`` are in langdetect's Latin range A..z."""
    ascii_part = text.encode("ascii", "ignore")
    return len(ascii_part) - len(ascii_part.translate(None, _LATIN_BYTES))


def other_letters(text: str) -> int:
    """How many characters of ``text`` langdetect counts as letters of other scripts: those from
    U+0300 on, so all but those below U+0100 and the U+0100..U+02FF ones (whose UTF-16 code units
    have high byte 1 or 2; surrogates, paired or lone, never do)."""
    below = len(text.encode("latin-1", "ignore"))
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(text) - below - high.count(1) - high.count(2)


class _Windows(dict[str, int]):
    """Packed scores of the n-grams that end at the last of three characters: the character, the
    last two and all three, or none inside a run of capitals (langdetect's NGram.capitalword).
    A text's score is the sum over its windows, the text padded with two spaces before and one
    after; a window across a space has no trigram (profiles have none with a space inside)."""

    def __init__(self, table: dict[str, int]):
        super().__init__()
        self.table = table

    def __missing__(self, window: str) -> int:
        if window[1].isupper() and window[2].isupper():
            packed = 0
        else:
            get = self.table.get
            packed = get(window[2], 0) + get(window[1:], 0) + get(window, 0)
        if len(self) >= _CACHE_WINDOWS:
            self.clear()
        self[window] = packed
        return packed


class _Model:
    """langdetect's profiles as one packed integer per n-gram: lane ``i`` (32 bits, from the
    lowest) holds the n-gram's score for the ``i``-th language in alphabetical order, in
    1/_SCALE nats, and the lane after the last language holds 1, to count the n-grams."""

    def __init__(self, directory: str = PROFILES_DIRECTORY):
        profiles = []
        for path in sorted(Path(directory).iterdir()):
            if path.is_file() and not path.name.startswith("."):
                profiles.append(json.loads(path.read_text(encoding="utf-8")))
        profiles.sort(key=lambda profile: str(profile["name"]))
        self.languages: tuple[str, ...] = tuple(profile["name"] for profile in profiles)
        lanes = len(self.languages) + 1
        self.unpack = struct.Struct(f"<{lanes}I").unpack
        self.size = lanes * _LANE_BITS // 8
        one = 1 << (len(self.languages) * _LANE_BITS)
        table: dict[str, int] = {}
        for lane, profile in enumerate(profiles):
            n_words = profile["n_words"]
            shift = lane * _LANE_BITS
            for gram, count in profile["freq"].items():
                if 1 <= len(gram) <= 3 and count > 0:
                    probability = count / n_words[len(gram) - 1]
                    score = round(math.log1p(probability / _WEIGHT) * _SCALE)
                    table[gram] = table.get(gram, one) + (score << shift)
        self.table = table
        self.windows = _Windows(table)
        # Packed scores of whitespace-separated tokens as met in texts, one dict for each way
        # of cleaning (Latin letters kept or dropped), up to _CACHE_TOKENS each.
        self.tokens: tuple[dict[str, int], dict[str, int]] = ({}, {})

    def scores(self, text: str, every: int = 1) -> tuple[tuple[int, ...], int]:
        """Each language's score (in 1/_SCALE nats) for ``text``, and the number of n-grams
        scored; with ``every`` over 1, for every ``every``-th word only, each taken as followed
        by a space."""
        if "\x00" in text:
            text = text.replace("\x00", " ")  # NGram.normalize makes it a space anyway
        drop_latin = _drops_latin(text)
        if any(space in text for space in _KEPT_SPACES):
            words = [word for word in _SPLIT.split(text) if word]
        else:
            words = text.split()
        if every > 1:
            words = words[::every]
        tokens = self.tokens[drop_latin]
        values = list(map(tokens.get, words))
        if None in values:
            missing = list(dict.fromkeys(compress(words, map(is_, values, repeat(None)))))
            found = dict(zip(missing, self.token_scores(missing, drop_latin), strict=True))
            if len(tokens) + len(found) > _CACHE_TOKENS:
                tokens.clear()  # start over with the vocabulary of the texts now coming
            tokens.update(found)
            total = sum(filter(None, values))
            total += sum(map(found.__getitem__, compress(words, map(is_, values, repeat(None)))))
        else:
            total = sum(values)  # type: ignore[arg-type]
        if every == 1 and words and (not text[-1].isspace() or text[-1] in _KEPT_SPACES):
            total -= self._unterminated(words[-1], drop_latin)
        *scores, n = self.unpack(total.to_bytes(self.size, "little"))
        return tuple(scores), n

    def _unterminated(self, token: str, drop_latin: bool) -> int:
        """The packed scores of the n-grams ending in the space after ``token`` (the 2-gram and
        3-gram of its last word's end), which langdetect never takes from a text's last token
        when nothing follows it."""
        tail = token
        if len(token) > 24 and "://" not in token and "@" not in token:
            tail = token[-24:]  # the end of a long token is enough, if a word ends in it
        last = _clean(tail, drop_latin)
        if last.endswith(" "):
            return 0
        word = last.rsplit(" ", 1)[-1]
        if len(word) < 3 and tail is not token:
            word = _clean(token, drop_latin).rsplit(" ", 1)[-1]
        end = " " + word + " "
        return self.table.get(end[-2:], 0) + self.table.get(end[-3:], 0)

    def token_scores(self, tokens: list[str], drop_latin: bool) -> list[int]:
        """The packed sums over the n-grams langdetect takes from each of ``tokens`` (texts
        without whitespace or NUL), cleaned as langdetect cleans them. All at once: the tokens
        are cleaned joined by NUL, which no cleaning step touches, then scored window by
        window, each token's score the sum of the windows ending inside it or on the space
        after it."""
        joined = "\x00".join(tokens)
        if "://" in joined:
            joined = Detector.URL_RE.sub(" ", joined)
        if "@" in joined:
            joined = Detector.MAIL_RE.sub(" ", joined)
        if not joined.isascii():
            joined = NGram.normalize_vi(joined)
        if drop_latin:
            joined = joined.translate(_DROP_LATIN)
        lengths = map(len, joined.split("\x00"))
        chars = "  " + joined.translate(_NORMALIZED) + " "
        windows = list(
            map(self.windows.__getitem__, map(add, map(add, chars, chars[1:]), chars[2:]))
        )
        scores = []
        start = 0
        for length in lengths:
            end = start + length + 1
            scores.append(sum(windows[start:end]))
            start = end
        return scores


def _clean(token: str, drop_latin: bool) -> str:
    """``token`` as langdetect reads it: without URLs and e-mail addresses, Vietnamese
    diacritics composed, Latin letters dropped if ``drop_latin``, then normalized."""
    if "://" in token:
        token = Detector.URL_RE.sub(" ", token)
    if "@" in token:
        token = Detector.MAIL_RE.sub(" ", token)
    token = NGram.normalize_vi(token)
    if drop_latin:
        token = token.translate(_DROP_LATIN)
    return token.translate(_NORMALIZED)


def _drops_latin(text: str) -> bool:
    """Whether langdetect would drop the Latin letters of ``text``: when they are fewer than
    half its letters of other scripts (Detector.cleaning_text)."""
    if text.isascii():
        return False
    if "://" in text:
        text = Detector.URL_RE.sub(" ", text)
    upper = len(text) - len(text.encode("latin-1", "ignore"))  # from U+0100 on
    if "@" not in text and latin_letters(text[: 2 * upper + 100]) * 2 >= upper:
        return False  # enough Latin letters at the start already (no e-mail address can go)
    latin = latin_letters(text)
    if latin * 2 >= upper and "@" in text:
        # E-mail addresses go too, but searching for them is slow: only when they could hold
        # enough Latin letters to matter (MAIL_RE matches at most 575 characters).
        if (latin - 575 * text.count("@")) * 2 < upper:
            text = Detector.MAIL_RE.sub(" ", text)
            upper = len(text) - len(text.encode("latin-1", "ignore"))
            latin = latin_letters(text)
    if latin * 2 >= upper:
        return False
    return latin * 2 < other_letters(text)  # U+0100..U+02FF are not other letters


def plain_scores(text: str) -> tuple[tuple[int, ...], int]:
    """What ``_model().scores(text)`` computes with packed integers, by the plain rule, slowly:
    the n-grams langdetect takes from ``text`` (``Detector.append``, ``cleaning_text`` and
    ``_extract_ngrams`` written out), and each language's score the sum of theirs, one
    language at a time; with the number of n-grams. Tests hold the two equal."""
    model = _model()
    text = Detector.URL_RE.sub(" ", text)
    text = NGram.normalize_vi(Detector.MAIL_RE.sub(" ", text))
    text = re.sub(" {2,}", " ", text[:_MAX_TEXT])
    if latin_letters(text) * 2 < other_letters(text):
        text = text.translate(_DROP_LATIN)
    grams, buffer = [], " "
    for char in text.translate(_NORMALIZED):
        last = buffer[-1]
        if last == " ":
            buffer = " "
            if char == " ":
                continue  # the buffer restarts after a space
        buffer = buffer[-2:] + char
        if char.isupper() and last.isupper():
            continue  # inside a run of capitals (NGram.capitalword)
        windows = (buffer[-n:] for n in range(1, len(buffer) + 1))
        grams += [w for w in windows if w != " " and w in model.table]
    # Each n-gram's score in each language, as the table holds them (the lane of n-grams left out).
    per_gram = [model.unpack(model.table[g].to_bytes(model.size, "little"))[:-1] for g in grams]
    scores = [sum(gram[lane] for gram in per_gram) for lane in range(len(model.languages))]
    return tuple(scores), len(grams)


@once
def _model() -> _Model:
    """The model, built once per process."""
    return _Model()


def forget() -> None:
    """Drop the remembered token and window scores (they only save time; benchmarks use this to
    measure a cold start)."""
    if _model.cache_info().currsize:
        model = _model()
        for remembered in (*model.tokens, model.windows):
            remembered.clear()


register(forget)
