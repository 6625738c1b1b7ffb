"""An article's word_count is the count of its text's words, however it was computed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.cleaners._shapes import word_count
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
