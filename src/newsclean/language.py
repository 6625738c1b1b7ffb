"""Language identification with langdetect, made deterministic."""

from __future__ import annotations

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

# langdetect samples n-grams at random; a fixed seed makes the same text give the same answer on
# every run and machine.
DetectorFactory.seed = 0
# Enough text for a confident answer; the rest only costs time.
_SAMPLE_CHARS = 3000


def detect_language(text: str) -> tuple[str | None, float | None]:
    """``(language code, probability)`` for ``text``, or ``(None, None)`` when it has no letters."""
    sample = text[:_SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None, None
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None, None
    return best.lang, round(best.prob, 4)
