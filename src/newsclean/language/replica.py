"""langdetect's ``detect_langs``: the same answers to the last bit, sooner.

When newsclean's fast language identification is unsure (see
:mod:`newsclean.language.detect`), it asks
langdetect itself. langdetect spends most of such a call in per-character and per-language Python
loops, and its first call in a process loads every profile into a table of 55 floats per n-gram
(a third of a second, some 50 MB). :class:`Replica` runs langdetect's own ``Detector`` — its
seeded random trials, convergence test and ranking are inherited unchanged — with those loops
replaced by equivalents that do the same arithmetic at C speed:

* ``append`` collapses runs of spaces with a regular expression instead of character by character;
* ``cleaning_text`` counts Latin and other letters by encoding instead of looping;
* ``_extract_ngrams`` lists the same n-grams in the same order (which the random draws depend on)
  from three-character windows of the normalized text, each window's n-grams remembered;
* ``_update_lang_prob`` multiplies the 55 probabilities with ``map``, each n-gram's factors
  ``weight + P(g | l)`` worked out once per trial; ``_normalize_prob`` divides with a list
  comprehension. Every float is computed by the same operation on the same operands as in
  langdetect, in the same order (``sum`` included), so the results are identical.

The profiles are read from langdetect's own directory in the order langdetect reads them (the
order of ``os.listdir``, on which the last bits of its sums depend), and an n-gram's probabilities
are worked out when a text first needs them: loading takes a quarter of langdetect's time and
memory. A call takes about two thirds of langdetect's time; what is left is mostly the random
trials themselves, 55 multiplications per draw that must stay separate floats to stay identical.
"""

from __future__ import annotations

import json
import os
import re
from array import array
from itertools import chain, repeat
from operator import add, mul
from types import SimpleNamespace
from typing import Any

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.language import Language
from langdetect.utils.ngram import NGram

from newsclean.caches import UNSURE_GRAMS, once, register

#: langdetect draws n-grams at random; this seed makes the same text give the same answer on every
#: run and machine. It is newsclean's own: langdetect's global ``DetectorFactory.seed`` is the
#: host's and is neither read nor set.
SEED = 0

_SPACES = re.compile(" {2,}")
# langdetect's test for "Latin" (Detector.cleaning_text): the ASCII range A..z, bytes 65..122;
# the other letters are those from U+0300 on, so everything from U+0100 on less Latin
# Extended-A and -B, the IPA letters and the spacing modifiers. (It means to leave out Latin
# Extended Additional too, but compares the block's number with its name, which never match:
# Vietnamese letters such as "ệ" count as other letters.)
_LATIN_BYTES = bytes(range(ord("A"), ord("z") + 1))
DROP_LATIN = dict.fromkeys(range(ord("A"), ord("z") + 1))


class _Normalized(dict[int, str]):
    """``str.translate`` table applying ``NGram.normalize`` to each character, filled as
    characters are met."""

    def __missing__(self, code: int) -> str:
        normalized: str = NGram.normalize(chr(code))
        self[code] = normalized
        return normalized


#: ``NGram.normalize`` for every character, as a ``str.translate`` table.
NORMALIZED = _Normalized()
register(NORMALIZED.clear)


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


class _Profiles:
    """langdetect's profiles, as its factory would hold them, built lazily: the languages in the
    order the factory lists them, and for each n-gram the probabilities it has in each."""

    def __init__(self, directory: str = PROFILES_DIRECTORY):
        self.languages: list[str] = []
        self._freqs: list[dict[str, int]] = []
        self._totals: list[list[int]] = []
        for filename in os.listdir(directory):  # langdetect's order: the last bits depend on it
            path = os.path.join(directory, filename)
            if filename.startswith(".") or not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as handle:
                profile = json.load(handle)
            self.languages.append(profile["name"])
            self._freqs.append(profile["freq"])
            self._totals.append(profile["n_words"])
        # Every n-gram some profile lists (langdetect's ``word_lang_prob_map`` keys), each to
        # itself: the windows' n-grams are these strings, not copies.
        grams = {gram: gram for gram in chain.from_iterable(self._freqs)}
        self._probabilities: dict[str, array[float]] = {}
        self.windows = _WindowGrams(grams)

    def probabilities(self, gram: str) -> array[float]:
        """``P(gram | language)`` for each language, as ``DetectorFactory.add_profile`` computes
        it (0.0 where the profile lacks the n-gram)."""
        found = self._probabilities.get(gram)
        if found is None:
            n = len(gram) - 1
            found = array(
                "d",
                (
                    1.0 * freq[gram] / totals[n] if gram in freq and 0 <= n <= 2 else 0.0
                    for freq, totals in zip(self._freqs, self._totals, strict=True)
                ),
            )
            if len(self._probabilities) >= UNSURE_GRAMS:
                self._probabilities.clear()
            self._probabilities[gram] = found
        return found


class _WindowGrams(dict[str, tuple[str, ...]]):
    """The n-grams ``Detector._extract_ngrams`` takes at one character, in its order (1-, 2-,
    3-gram), from the window of that character and the two before it: langdetect's ``NGram``
    buffer restarts after a space, takes no n-gram inside a run of capitals, never the lone
    space, and only n-grams some profile lists."""

    def __init__(self, grams: dict[str, str]):
        super().__init__()
        self.grams = grams

    def __missing__(self, window: str) -> tuple[str, ...]:
        before, char = window[1], window[2]
        if before == " " and char == " ":
            found: tuple[str, ...] = ()  # the buffer restarts on a second space
        elif char.isupper() and before.isupper():
            found = ()  # inside a run of capitals (NGram.capitalword)
        else:
            candidates = [char] if char != " " else []
            candidates.append(before + char)
            if before != " ":  # after a space the buffer holds two characters only
                candidates.append(window)
            found = tuple(self.grams[gram] for gram in candidates if gram in self.grams)
        if len(self) >= UNSURE_GRAMS:
            self.clear()
        self[window] = found
        return found


class Replica(Detector):  # type: ignore[misc]
    """langdetect's ``Detector`` with its slow loops replaced (see the module's doc)."""

    text: str

    def __init__(self, profiles: _Profiles):
        factory = SimpleNamespace(word_lang_prob_map=None, langlist=profiles.languages, seed=SEED)
        super().__init__(factory)
        self.profiles = profiles
        self._alpha: float | None = None
        self._factors: dict[str, list[float]] = {}

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        if latin_letters(self.text) * 2 < other_letters(self.text):
            self.text = self.text.translate(DROP_LATIN)

    def _extract_ngrams(self) -> list[str]:
        chars = "  " + self.text.translate(NORMALIZED)
        windows = map(add, map(add, chars, chars[1:]), chars[2:])
        return list(chain.from_iterable(map(self.profiles.windows.__getitem__, windows)))

    def _update_lang_prob(self, prob: list[float], word: str, alpha: float) -> bool:
        if alpha != self._alpha:  # a new trial
            self._alpha, self._factors = alpha, {}
        factors = self._factors.get(word)
        if factors is None:
            weight = alpha / self.BASE_FREQ
            factors = list(map(add, repeat(weight), self.profiles.probabilities(word)))
            self._factors[word] = factors
        prob[:] = map(mul, prob, factors)
        return True

    def _normalize_prob(self, prob: list[float]) -> float:
        total = sum(prob)
        prob[:] = [p / total for p in prob]
        return max(0.0, *prob)


@once
def profiles() -> _Profiles:
    """langdetect's profiles, read once per process."""
    return _Profiles()


def detect_langs(text: str) -> list[Language]:
    """``langdetect.detect_langs(text)``: the languages above langdetect's threshold, most
    probable first. Raises ``LangDetectException`` when the text gives nothing to go on."""
    detector = Replica(profiles())
    detector.append(text)
    result: Any = detector.get_probabilities()
    return list(result)
