"""Golden tests: every fixture and seed cleans to the output a person wrote by reading it."""

from __future__ import annotations

import pytest

from helpers import all_cases
from newsclean import clean

CASES = all_cases()


def test_there_are_enough_fixtures() -> None:
    assert len([c for c in CASES if c.name.startswith("case/")]) >= 25
    assert len([c for c in CASES if c.name.startswith("seed/")]) == 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture(case) -> None:
    article = clean(case.read_input())
    assert article.text == case.expected_text
    for key, value in case.expected_meta.items():
        assert getattr(article, key) == value, key


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_output_is_a_fixed_point(case) -> None:
    """Cleaning the clean text again changes nothing."""
    article = clean(case.read_input())
    again = clean(article.text, metadata={"title": article.title})
    assert again.text == article.text
