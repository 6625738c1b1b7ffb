from __future__ import annotations

import pytest

from newsclean.cleaners._layout import find_headline, headline_of
from newsclean.cleaners.headline import Headline
from newsclean.document import Document
from newsclean.pipeline import default_lexicon
from newsclean.segment import render, segment

LEDE = "Belarus is of high strategic value in Putin's war against Ukraine."
BODY = (
    "Belarusian ruler Alexander Lukashenko received Kremlin chief Vladimir Putin at Minsk airport"
    " on a red carpet with pastries and salt."
)


@pytest.mark.parametrize(
    "headline",
    [
        "Everything okay with Lukashenko?: Putin back in Minsk after a long time",
        "Putin back in Minsk",
        "Is Putin now withdrawing troops from Belarus?",
        "“Feel at home”: Shoigu thanks Belarus for supporting Russian soldiers",
        "Lukashenko: 'We are not going to kill anyone'",
        "Neuer Putin-Lukaschenko-Plan: Russland verlegt offenbar Truppen aus Belarus",
    ],
)
def test_first_line_before_prose_becomes_title(run_cleaner, headline):
    doc = run_cleaner(Headline, f"{headline}\n\n{BODY}\n\n{LEDE}")
    assert doc.meta["title"] == headline
    assert render(doc.blocks) == f"{BODY}\n\n{LEDE}"
    assert [(r.text, r.reason) for r in doc.removed] == [
        (headline, "headline (kept as metadata.title)")
    ]


def test_headline_printed_twice_goes_with_its_copy(run_cleaner, seed_text):
    doc = run_cleaner(Headline, seed_text("000"))
    title = '"Feel at home": Shoigu thanks Belarus for supporting Russian soldiers'
    assert doc.meta["title"] == title
    assert [(r.text, r.reason) for r in doc.removed] == [
        (title, "headline (kept as metadata.title)"),
        (title, "headline printed again"),
    ]
    assert title not in render(doc.blocks)
    first = "Belarus rejects the participation of its own troops in the war of aggression"
    assert doc.blocks[0].text.startswith(first)
    assert doc.blocks[1].text.startswith(first)


def test_every_copy_near_the_top_goes(run_cleaner):
    headline = "Putin back in Minsk"
    text = f"{headline}\n\n{LEDE}\n\n{headline}\n\n{LEDE} {BODY}\n\n{headline}"
    doc = run_cleaner(Headline, text)
    assert doc.meta["title"] == headline
    assert render(doc.blocks) == f"{LEDE}\n\n{LEDE} {BODY}"
    assert [r.reason for r in doc.removed] == [
        "headline (kept as metadata.title)",
        "headline printed again",
        "headline printed again",
    ]


@pytest.mark.parametrize(
    "printed", ["Putin back in Minsk", "PUTIN BACK IN MINSK", "Putin back in Minsk:"]
)
def test_given_title_is_removed_from_the_text(run_cleaner, printed):
    doc = run_cleaner(Headline, f"{printed}\n\n{BODY}", title="Putin back in Minsk")
    assert doc.meta["title"] == "Putin back in Minsk"
    assert render(doc.blocks) == BODY
    assert [r.text for r in doc.removed] == [printed]


def test_given_title_not_in_the_text_removes_nothing(run_cleaner, assert_untouched):
    text = f"Kremlin chief in Belarus\n\n{BODY}"
    doc = run_cleaner(Headline, text, title="Putin back in Minsk")
    assert_untouched(doc, text, title="Putin back in Minsk")


@pytest.mark.parametrize(
    "text",
    [
        # The article opens with a body paragraph: no headline.
        f"{BODY}\n\n{LEDE}",
        # ... also when that paragraph ends inside a quotation.
        'Lukashenko told reporters in Minsk that Belarus would "never send troops to Ukraine."'
        f"\n\n{BODY}",
        # ... or opens with a one-word subheading.
        f"Reaction\n\n{BODY}",
        # A long paragraph without a full stop is still prose, not a headline.
        "Belarusian ruler Alexander Lukashenko received Kremlin chief Vladimir Putin at Minsk"
        f" airport on a red carpet with pastries and salt\n\n{LEDE}",
    ],
)
def test_article_without_headline_is_untouched(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(Headline, text), text)


def test_empty_document(run_cleaner):
    doc = run_cleaner(Headline, "")
    assert doc.blocks == []
    assert "title" not in doc.meta


def test_japanese_prose_is_not_a_headline(run_cleaner):
    """Japanese has no spaces between words; a long sentence is still prose, not a headline."""
    text = (
        "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。\n\n"
        "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhone。"
    )
    doc = run_cleaner(Headline, text)
    assert doc.meta.get("title") is None
    assert doc.removed == []


def test_score_line_is_not_a_headline(run_cleaner):
    text = (
        "Palm Bay 18 22 13 17 — 70\n\n"
        "Palm Bay pulled away in the second quarter and never trailed again in the district final."
    )
    doc = run_cleaner(Headline, text)
    assert doc.meta.get("title") is None


def test_headline_is_worked_out_again_when_blocks_or_title_change(seed_text):
    doc = Document(segment(seed_text("002")), default_lexicon())
    answers = []
    for step in range(6):
        expected = find_headline(doc.blocks, doc.meta.get("title"), doc.lexicon)
        assert headline_of(doc) == expected
        assert headline_of(doc) == expected  # asked again, same blocks: the kept answer
        answers.append(expected)
        if step == 3:
            assert doc.set_meta("title", doc.blocks[2].text)
        else:
            doc.remove([0], "test", "the top block goes")
    assert len(set(answers)) > 1  # the changes did move the headline
