"""Shape predicates shared by the cleaners: their shortcuts answer as their definitions do."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import all_cases
from newsclean.cleaners._shapes import first_label_token, is_label_sequence, label_tokens
from newsclean.lexicon import LabelSet
from newsclean.segment import segment

_LABELISH = st.text(
    st.sampled_from("Read more:»|•·/,; \u00a0_-'’“”İßẞ\u0307ﬁ1→") | st.characters(), max_size=24
)


@settings(max_examples=500, deadline=None)
@given(_LABELISH)
@example("Read: ...")  # the end-stripping reaches into the only word
@example("READ MORE »")
@example("| • Share")
@example("BAKİ news")  # İ casefolds to i and a combining dot
@example("_x_")
def test_first_label_token_is_the_first_of_the_label_tokens(text):
    tokens = label_tokens(text)
    assert first_label_token(text) == (tokens[0] if tokens else None)


def test_first_label_token_on_every_fixture_line():
    lines = {b.text for case in all_cases() for b in segment(case.read_input())}
    checked = 0
    for line in lines:
        if len(line) <= 300:
            tokens = label_tokens(line)
            assert first_label_token(line) == (tokens[0] if tokens else None), line
            checked += 1
    assert checked > 200
    assert first_label_token("x" * 301) is None  # too long to be labels


def test_label_sequences_still_found():
    labels = LabelSet(frozenset({"facebook", "twitter", "e-mail", "read more"}))
    assert is_label_sequence("Facebook | Twitter • E-mail", labels)
    assert is_label_sequence("READ MORE »", labels)
    assert not is_label_sequence("Facebook said on Monday", labels)
    assert not is_label_sequence("Twitter" + " Facebook" * 60, labels)  # over 300 characters
