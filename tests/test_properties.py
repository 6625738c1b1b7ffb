"""Properties of any input: cleaning never raises, is idempotent, and gives canonical text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean import clean

# Pieces of real article text and of real junk, so generated inputs look like scraped articles.
PARAGRAPHS = [
    "Belarusian ruler Alexander Lukashenko received Kremlin chief Vladimir Putin at Minsk airport.",
    "Kremlin spokesman Dmitry Peskov said Putin did not travel to Belarus to persuade Minsk.",
    "“They really feel at home here,” Shoigu was quoted as saying.",
    "Is Putin now withdrawing troops from Belarus?",
    "Read more",
    "NEXT NEWS",
    "Advertisement",
    "Source: merkur",
    "(dpa)",
    "2023-04-06T11:03:23.682Z",
    "… we have a small favor to ask.",
    "© Communities 2019 - Privacy",
    "Tass",
    ".",
    "donâ€™t &amp; café",
]
NOISE = st.sampled_from(["\u00a0", "\u200b", "\u00ad", "\r\n", "\r", "\t", "  ", "\ufeff", "\x07"])
articles = st.lists(
    st.one_of(st.sampled_from(PARAGRAPHS), st.text(max_size=80), NOISE), max_size=25
).map(lambda parts: "\n\n".join(parts))

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def assert_canonical(text: str) -> None:
    assert text == unicodedata.normalize("NFC", text)
    assert not _INVISIBLE.search(text)
    assert "\r" not in text and "\t" not in text
    assert "\n\n\n" not in text
    assert text == text.strip()
    for paragraph in text.split("\n\n") if text else []:
        assert paragraph and "\n" not in paragraph
        assert "  " not in paragraph and paragraph == paragraph.strip()
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in text)


@SETTINGS
@given(st.one_of(articles, st.text()))
@example("\x00")
@example("\u2028\u2029")
@example("Ä\u0308")  # a letter followed by a combining mark that NFC composes differently
def test_clean_never_raises_and_is_canonical(text: str) -> None:
    article = clean(text)
    assert_canonical(article.text)
    if article.title is not None:
        assert "\n" not in article.title


@SETTINGS
@given(articles)
@example("\n\n".join([PARAGRAPHS[0]] * 3))  # a lede printed three times lost one copy per run
def test_cleaning_is_idempotent(text: str) -> None:
    first = clean(text)
    second = clean(first.text, metadata={"title": first.title})
    assert second.text == first.text


@SETTINGS
@given(articles)
def test_same_input_same_output(text: str) -> None:
    assert clean(text).to_dict() == clean(text).to_dict()
