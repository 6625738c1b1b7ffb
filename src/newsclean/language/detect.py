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
asked through langdetect's public API (``DetectorFactory``, ``Detector.append``,
``get_probabilities``), by a detector factory of newsclean's own, loaded at the first unsure
text (about 0.3 s and 50 MB, once per process). A replica of langdetect's detector that gave the
same answers some 40% faster per call was measured and removed: on ``bench/throughput.py``'s
corpus it changed the end-to-end rate by less than 1% (11 unsure texts in 3,000 articles).

``detect_language(text, exact=True)``, or ``EXACT = True`` for the whole process, runs
langdetect itself instead, as newsclean did before: ``detect_langs`` on the first 3,000
characters, by a detector factory of newsclean's own seeded with :data:`SEED` (langdetect's
global factory and its seed, which the host may use, are left alone).
"""

from __future__ import annotations

import math
from typing import Any

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException

from newsclean.caches import once
from newsclean.language.model import (  # noqa: F401 - the model's parts, used by tests
    _LANE_BITS,
    _MAX_TEXT,
    _SCALE,
    _SPACE,
    _WEIGHT,
    _clean,
    _drops_latin,
    _Model,
    _model,
    forget,
)

#: langdetect draws n-grams at random; this seed makes the same text give the same answer on
#: every run and machine. It is newsclean's own (set on newsclean's own detector factory):
#: langdetect's global ``DetectorFactory.seed`` is the host's and is neither read nor set.
SEED = 0

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
    """langdetect's own answer on ``text``, seeded with :data:`SEED`; None when it finds nothing
    to go on. ``exact`` says only who asks (the exact mode or the fast path's unsure case): both
    ask langdetect through its public API, by newsclean's own detector factory."""
    try:
        found = _exact_detect_langs(text)
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


@once
def _factory() -> DetectorFactory:
    """langdetect's detector factory with its bundled profiles, newsclean's own: langdetect's
    module-level factory and its class-wide seed belong to the host process."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = SEED  # on this instance only
    return factory


def _exact_detect_langs(text: str) -> list[Any]:
    """``langdetect.detect_langs(text)`` through newsclean's own seeded factory."""
    detector = _factory().create()
    detector.append(text)
    return list(detector.get_probabilities())
