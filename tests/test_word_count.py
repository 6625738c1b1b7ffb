"""An article's word_count is the count of its text's words, however it was computed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.cleaners._shapes import (
    _CJK,
    _WORD,
    plain_word_and_cjk_counts,
    word_and_cjk_counts,
    word_count,
)
from strategies import noisy_articles


@settings(max_examples=150)
@given(
    st.one_of(
        noisy_articles().map(lambda c: c.text),
        st.text(),
        st.text(alphabet=st.sampled_from("ab 東京都 。\u200b\n-'.")),
    )
)
def test_word_count_is_that_of_the_text(text: str) -> None:
    article = clean(text)
    assert article.word_count == word_count(article.text)


# Characters where counting could go wrong: word characters of every kind in Latin-1 (letters,
# digits, the superscripts and fractions, the ordinals, underscore), the joiners (the curly
# apostrophe is one too, outside Latin-1), what separates words, the typographic punctuation
# that is counted as Latin-1, and a letter outside Latin-1.
_EDGY = "aZ09_éßÿ²¼ªµ-'’.  ,;\u00a0\u00ad×÷東\n“”‘„‚–—…€™•ł"


@settings(max_examples=400)
@given(st.one_of(st.text(alphabet=_EDGY), st.text()))
def test_word_count_is_the_word_pattern_count(text: str) -> None:
    """The counts are those of their definition, a regular expression: Latin-1 text is counted
    another way (by bytes methods), which must agree."""
    words, cjk = word_and_cjk_counts.__wrapped__(text)
    assert words == len(_WORD.findall(text))
    assert cjk == len(_CJK.findall(text))
    assert (words, cjk) == plain_word_and_cjk_counts(text)
