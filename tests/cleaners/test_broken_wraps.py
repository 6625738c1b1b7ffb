from __future__ import annotations

import pytest

from newsclean.cleaners.broken_wraps import BrokenWraps
from newsclean.segment import render


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        # Seed 004 (The Limited Times): linked agency name, then the lone full stop.
        (
            'It is a symbolic demonstration of cohesion: "Russia and Belarus will not collapse,"'
            " headlined the Russian news agency\n\nTass\n\n.",
            'It is a symbolic demonstration of cohesion: "Russia and Belarus will not collapse,"'
            " headlined the Russian news agency Tass.",
        ),
        (
            '"We will overcome everything," read the Belarusian counterpart\n\nBelta\n\n.',
            '"We will overcome everything," read the Belarusian counterpart Belta.',
        ),
        # Seed 004: linked name ending in a comma, then the rest of the sentence.
        (
            "According to the Ukrainian newspaper\n\nPravda,\n\n"
            "Russia is planning to transfer some soldiers.",
            "According to the Ukrainian newspaper Pravda, Russia is planning to transfer some"
            " soldiers.",
        ),
        # A multi-word linked name.
        (
            "The report was first published by the\n\nNew York Times\n\n.",
            "The report was first published by the New York Times.",
        ),
        # A linked name followed by the rest of the sentence in lower case.
        (
            "The report was first published by the\n\nKyiv Independent\n\non Monday.",
            "The report was first published by the Kyiv Independent on Monday.",
        ),
        # A paragraph never ends in a comma or semicolon, nor starts in mid-sentence.
        (
            "The minister said the talks would continue,\n\nbut gave no date.",
            "The minister said the talks would continue, but gave no date.",
        ),
        (
            "The minister said the talks would continue\n\nand that a date would follow.",
            "The minister said the talks would continue and that a date would follow.",
        ),
    ],
)
def test_rejoins_sentence_broken_at_a_link(run_cleaner, broken, joined):
    doc = run_cleaner(BrokenWraps, broken)
    assert render(doc.blocks) == joined
    assert len(doc.blocks) == 1
    assert doc.fixes, "the merge is recorded as a fix"
    assert doc.fixes[-1].after == joined
    assert all(f.reason == "sentence broken across paragraphs" for f in doc.fixes)
    # Joined pieces are not junk: nothing is recorded as removed.
    assert doc.removed == []


def test_neighbouring_paragraphs_are_kept_apart(run_cleaner):
    text = (
        "Putin could possibly withdraw this over Easter.\n\n"
        "According to the Ukrainian newspaper\n\nPravda,\n\n"
        "Russia is planning to transfer some soldiers.\n\n"
        "2,000 men are said to have been transferred."
    )
    doc = run_cleaner(BrokenWraps, text)
    assert render(doc.blocks) == (
        "Putin could possibly withdraw this over Easter.\n\n"
        "According to the Ukrainian newspaper Pravda, Russia is planning to transfer some"
        " soldiers.\n\n"
        "2,000 men are said to have been transferred."
    )


def test_seed_article_has_no_orphan_fragments_left(run_cleaner, seed_text):
    doc = run_cleaner(BrokenWraps, seed_text("004"))
    texts = [b.text for b in doc.blocks]
    assert "Tass" not in texts
    assert "Belta" not in texts
    assert "Pravda," not in texts
    assert "." not in texts
    assert any(t.endswith("the Russian news agency Tass.") for t in texts)
    assert "According to the Ukrainian newspaper Pravda, Russia is planning" in render(doc.blocks)


@pytest.mark.parametrize(
    "text",
    [
        # Subheadings (no closing punctuation) followed by a paragraph stay separate.
        "Is Putin now withdrawing troops from Belarus?\n\nUkraine suspects new plan\n\n"
        "According to the Ukrainian newspaper, Russia is planning to transfer some soldiers.",
        "Union state Russia-Belarus: Putin and Lukashenko strengthen cooperation\n\n"
        "Lukashenko came to Moscow on Wednesday for a two-day visit.",
        # A one-word real subheading mid-article.
        "The smaller coalition partner withdrew its support on Tuesday.\n\nReaction\n\n"
        "The leader of the opposition welcomed the decision.",
        # A lone full stop after a finished sentence is not a broken wrap.
        "The talks ended without agreement.\n\n.\n\nThe delegations left Minsk.",
    ],
)
def test_separate_paragraphs_are_untouched(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(BrokenWraps, text), text)


@pytest.mark.parametrize(
    "text",
    [
        "Brussels responds\n\nvon der Leyen said the EU would respond within days.",
        "Apple results\n\niPhone sales fell by five percent in the quarter, the company said.",
    ],
)
def test_subheading_before_paragraph_opening_with_lowercase_name(
    run_cleaner, assert_untouched, text
):
    assert_untouched(run_cleaner(BrokenWraps, text), text)
