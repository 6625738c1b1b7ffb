"""The langdetect replica gives exactly langdetect's answers: the same n-grams in the same order,
the same probabilities to the last bit, the same failures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect import DetectorFactory, detect_langs
from langdetect import detector_factory as factory
from langdetect.lang_detect_exception import LangDetectException

from helpers import FIXTURES, SEEDS
from newsclean.language import replica as langdetect_replica

DetectorFactory.seed = 0

# Pieces of text that exercise every rule of langdetect's reading: capitals (runs of them take no
# n-grams), spaces (runs of them collapse), punctuation and digits (read as spaces), Cyrillic and
# CJK (the Latin letters of a text mostly in another script are dropped), Vietnamese letters
# written with combining marks (composed first), Romanian s/t with comma below (normalized),
# URLs and e-mail addresses (removed).
PIECES = (
    "the |The |NATO |and |der |Straße |über |ça |l'été |  |\n|\t|, |. |2024 |— |“quoted” |Москва "
    "|Кремль |ПРАВДА |東京 |北京市 |한국 |Việt |Vie\u0323\u0302t |ș |ț |https://example.org/a?b=c "
    "|mail@example.org |Ελλάδα |العربية |x|A|Ab|AB|z|ÿ|ı|ǆ "
).split("|")


def _answers(find, text: str) -> list[tuple[str, float]] | str:
    try:
        return [(found.lang, found.prob) for found in find(text)]
    except LangDetectException as exc:
        return f"LangDetectException: {exc}"


def _reference_ngrams(text: str) -> list[str]:
    factory.init_factory()
    detector = factory._factory.create()
    detector.append(text)
    detector.cleaning_text()
    return list(detector._extract_ngrams())


def _replica_ngrams(text: str) -> list[str]:
    detector = langdetect_replica.Replica(langdetect_replica.profiles())
    detector.append(text)
    detector.cleaning_text()
    return detector._extract_ngrams()


texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_same_ngrams_in_the_same_order(text: str) -> None:
    assert _replica_ngrams(text) == _reference_ngrams(text)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_the_same_answers(text: str) -> None:
    assert _answers(langdetect_replica.detect_langs, text) == _answers(detect_langs, text)


def _real_texts() -> list[str]:
    paths = sorted(FIXTURES.glob("cases/*/input.txt")) + sorted(SEEDS.glob("*.txt"))
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found.append(text[:3000])
        found += [p for p in text.split("\n\n") if len(p) > 40][:6]
    return found


@pytest.mark.parametrize("text", _real_texts())
def test_the_same_answers_on_articles_and_their_paragraphs(text: str) -> None:
    assert _answers(langdetect_replica.detect_langs, text) == _answers(detect_langs, text)


def test_the_languages_are_those_langdetect_lists_in_its_order() -> None:
    factory.init_factory()
    assert langdetect_replica.profiles().languages == factory._factory.langlist
