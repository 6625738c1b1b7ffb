"""Language identification with langdetect's model, deterministic and fast.

langdetect (Nakatani Shuyo's language-detection) scores a text by naive Bayes over its character
1-, 2- and 3-grams: each n-gram ``g`` multiplies the odds of language ``l`` by
``alpha / 10000 + P(g | l)``, ``P`` being the n-gram's relative frequency in ``l``'s profile and
``alpha`` a smoothing of 0.5. It does not use every n-gram: seven times over, it draws n-grams at
random until one language reaches a posterior of 0.99999 (or 1,000 draws pass), and averages
the seven posteriors. Drawing, and updating 55 languages per draw, in Python, is what makes it
cost several milliseconds for a 3 KB article.

The default path here keeps langdetect's model — its bundled profiles, read from the installed
package at first use, its character normalization (``NGram.normalize``, the Vietnamese
recomposition, the removal of URLs, e-mail addresses and, in text mostly in another script, of
Latin letters) and its n-gram rules (a word's n-grams include the spaces around it; none is
taken inside a run of capitals; none from the space after the text's last word) — but scores
*every* n-gram of the text, without chance: the sum over the n-grams of
``log(1 + P(g | l) * 10000 / alpha)``, which orders the languages as langdetect's product does.
The n-grams are exactly those langdetect draws from. A text up to ``SAMPLE_CHARS`` (3,000)
characters is scored whole; a longer one through ``WINDOWS`` windows spread evenly over the
first 10,000 characters (all that langdetect reads), cut at spaces. A sample longer than
``FIRST_LOOK`` (1,200) characters is first scored on every third word only, a sample spread
over all of it; when that already gives one language a posterior (below) of at least ``SURE``
(0.999), the other words are not scored. On the articles of ``bench/throughput.py``, the
benchmark's gold article bodies and the long pieces of ``bench/langid.py``, the first look
never gave another language than scoring every word.

Speed comes from doing little per n-gram in Python. Each n-gram's scores for the 55 languages
are packed, as fixed-point numbers (1/1024 nat), into one integer of 32-bit lanes, with one
more lane counting n-grams, so adding two integers adds 55 scores at C speed. The packed score
of every whitespace-separated token is remembered (up to ``_CACHE_TOKENS``), so a text whose
words were seen before costs a split, a dict lookup and an addition per word; new tokens are
scored together through remembered three-character windows. What is remembered never changes
an answer, only its cost. Ties go to the alphabetically first language code, so the answer
depends neither on hashing nor on the order in which the profiles were listed.

The probability returned is the posterior of the chosen language under the same model when
the text's evidence is counted as ``EVIDENCE`` (60) n-grams of its average weight:
``softmax(score / n * EVIDENCE)`` over the languages, ``n`` being the number of n-grams scored.
The posterior over all n-grams of an article would be 1.0 for nearly everything; langdetect's
own figure is close to 1 for clear text and lower when its seven rounds disagree. Counting a
fixed amount of evidence gives a comparable figure: on the pieces of ``bench/langid.py`` where
both detectors agree it is on average 0.02 from langdetect's, and below 0.99 about as often.

When the posterior is below ``UNSURE`` (two languages close together, as Danish and Norwegian
or the Chinese scripts are in langdetect's profiles, or a text mixing languages), langdetect
itself decides, on the same sample, seeded as in exact mode: such answers are the ones
a user of langdetect gets. On news articles this is about 0.5% of texts; on the multilingual
sample of ``bench/langid.py`` (many 300-character pieces) about 2%. langdetect's answer is
computed by :mod:`newsclean.langdetect_replica`, identical and faster.

``detect_language(text, exact=True)``, or ``EXACT = True`` for the whole process, runs
langdetect itself instead, as newsclean did before: ``detect_langs`` on the first 3,000
characters, seeded with ``DetectorFactory.seed = 0``.
"""

from __future__ import annotations

import json
import math
import re
import struct
from functools import cache
from itertools import compress, repeat
from operator import add, is_
from pathlib import Path

from langdetect import DetectorFactory, detect_langs
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.ngram import NGram

from newsclean import langdetect_replica
from newsclean.caches import WORDS
from newsclean.langdetect_replica import DROP_LATIN as _DROP_LATIN
from newsclean.langdetect_replica import NORMALIZED as _NORMALIZED
from newsclean.langdetect_replica import latin_letters, other_letters

# langdetect samples n-grams at random; a fixed seed makes the same text give the same answer on
# every run and machine (exact mode).
DetectorFactory.seed = 0

#: Run langdetect itself (``detect_langs`` on the first ``_EXACT_CHARS`` characters) instead of
#: the fast path, for every call that does not say otherwise.
EXACT = False
#: A text up to this long is scored whole; a longer one through ``WINDOWS`` windows of it.
SAMPLE_CHARS = 3000
WINDOWS = 4
#: A text longer than this is first scored on every ``FIRST_LOOK_EVERY``-th word; when those
#: give one language a posterior of at least ``SURE``, that is the answer.
FIRST_LOOK = 1200
FIRST_LOOK_EVERY = 3
SURE = 0.999
#: How many n-grams' worth of evidence the returned probability counts (see the module's doc).
EVIDENCE = 60
#: Below this posterior the fast answer is not trusted and langdetect itself decides.
UNSURE = 0.95
# Enough text for a confident answer from langdetect; the rest only costs time (exact mode).
_EXACT_CHARS = 3000

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


@cache
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


def sample(text: str, size: int | None = None, windows: int | None = None) -> str:
    """The part of ``text`` that is scored: ``text`` itself up to ``size`` (default
    ``SAMPLE_CHARS``) characters; past that, ``windows`` (default ``WINDOWS``) pieces of
    ``size // windows`` characters, cut at spaces, spread evenly over the first 10,000
    characters (all langdetect looks at)."""
    size = min(SAMPLE_CHARS if size is None else size, _MAX_TEXT)
    windows = max(1, WINDOWS if windows is None else windows)
    if len(text) <= size:
        return text
    text = text[:_MAX_TEXT]
    width = size // windows
    step = (len(text) - width) / (windows - 1) if windows > 1 else 0
    pieces = []
    for i in range(windows):
        start = round(i * step)
        end = start + width
        if start:
            after = _SPACE.search(text, start, end)
            start = after.end() if after else start
        if end < len(text):
            before = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = before if before > start else end
        pieces.append(text[start:end])
    return " ".join(pieces)


def _posterior(scores: tuple[int, ...], best: int, n: int) -> float:
    """The posterior of language ``best`` with the evidence counted as ``EVIDENCE`` n-grams."""
    factor = EVIDENCE / (n * _SCALE)
    top = scores[best]
    # A language this far behind adds less than 1e-30 to the sum: not worth an exp().
    far = top - 70 / factor
    return 1.0 / sum(math.exp((score - top) * factor) for score in scores if score > far)


def detect_language(
    text: str, exact: bool | None = None, *, confirm: bool = True
) -> tuple[str | None, float | None]:
    """``(language code, probability)`` for ``text``, or ``(None, None)`` when it has no letters
    (or nothing langdetect's profiles know). ``exact`` (default: the module's ``EXACT``) runs
    langdetect itself instead of the fast path. ``confirm=False`` returns the fast answer even
    when it is unsure, for callers that only need a rough answer quickly (is this quotation
    English?) and would rather not pay for langdetect on a short text."""
    if EXACT if exact is None else exact:
        return _detect_exact(text)
    chosen = sample(text)
    if not any(map(str.isalpha, chosen)):
        return None, None
    model = _model()
    judged = _first_look(model, chosen) or _judge(*model.scores(chosen))
    if judged is None:
        return None, None
    best, posterior = judged
    if posterior < UNSURE and confirm:
        # Two languages close together (Danish and Norwegian, Chinese scripts, a text that mixes
        # languages): langdetect itself decides, on the same sample.
        return _langdetect(chosen) or (model.languages[best], round(posterior, 4))
    return model.languages[best], round(posterior, 4)


def _judge(scores: tuple[int, ...], n: int) -> tuple[int, float] | None:
    """The best language's index (the first, alphabetically, of equal scores) and its
    posterior; None when no n-gram was scored."""
    if n == 0:
        return None
    best = scores.index(max(scores))
    return best, _posterior(scores, best, n)


def _first_look(model: _Model, text: str) -> tuple[int, float] | None:
    """:func:`_judge` on every ``FIRST_LOOK_EVERY``-th word of ``text`` (a sample spread over all
    of it, so a text mixing languages is mixed in the sample too), when it gives one language a
    posterior of at least ``SURE``: the other words would not change the answer. None when
    ``text`` is short or the sample is not that sure."""
    if len(text) <= FIRST_LOOK:
        return None
    judged = _judge(*model.scores(text, every=FIRST_LOOK_EVERY))
    return judged if judged is not None and judged[1] >= SURE else None


def _langdetect(text: str, exact: bool = False) -> tuple[str, float] | None:
    """langdetect's own answer on ``text``, seeded (see ``DetectorFactory.seed`` above); None
    when it finds nothing to go on. Computed by :mod:`newsclean.langdetect_replica`, which gives
    the same answers faster, unless ``exact``: then by langdetect itself."""
    try:
        found = detect_langs(text) if exact else langdetect_replica.detect_langs(text)
    except LangDetectException:
        return None
    if not found:
        return None  # no language reached langdetect's threshold of 0.1
    return found[0].lang, round(found[0].prob, 4)


def _detect_exact(text: str) -> tuple[str | None, float | None]:
    sample = text[:_EXACT_CHARS]
    if not any(c.isalpha() for c in sample):
        return None, None
    return _langdetect(sample, exact=True) or (None, None)
