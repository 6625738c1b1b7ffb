from __future__ import annotations

import pytest

from newsclean.cleaners.byline import Byline
from newsclean.segment import render

HEADLINE = "Putin back in Minsk after a long time"
PROSE = (
    "Belarusian ruler Alexander Lukashenko received Kremlin chief Vladimir Putin at Minsk airport"
    " on a red carpet with pastries and salt."
)
MORE = "At their meeting, the two heads of state want to discuss the strategic partnership."
REASON = "byline (kept as metadata.author)"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("By Jane Smith, Moscow correspondent", "Jane Smith"),
        ("By Jane Smith in Kyiv", "Jane Smith"),
        ("By Jane Smith | The Kyiv Independent", "Jane Smith"),
        ("By Jane Smith and John Doe", "Jane Smith and John Doe"),
        ("By Anna Berg, Max Muster and Jan Kowalski", "Anna Berg, Max Muster and Jan Kowalski"),
        ("Written by Pjotr Sauer", "Pjotr Sauer"),
        ("Author: Jane Smith", "Jane Smith"),
        # German bylines.
        ("Von Anna Berg", "Anna Berg"),
        ("Von Anna-Lena von Berg", "Anna-Lena von Berg"),
        ("Von Anna Berg und Max Muster", "Anna Berg und Max Muster"),
        ("Text: Anna Berg", "Anna Berg"),
    ],
)
def test_byline_under_the_headline_is_removed(run_cleaner, line, author):
    doc = run_cleaner(Byline, f"{HEADLINE}\n\n{line}\n\n{PROSE}\n\n{MORE}")
    assert render(doc.blocks) == f"{HEADLINE}\n\n{PROSE}\n\n{MORE}"
    assert doc.meta["author"] == author
    assert [(r.text, r.reason) for r in doc.removed] == [(line, REASON)]


def test_byline_just_below_the_first_paragraph_is_removed(run_cleaner):
    doc = run_cleaner(Byline, f"{HEADLINE}\n\n{PROSE}\n\nBy Jane Smith\n\n{MORE}")
    assert render(doc.blocks) == f"{HEADLINE}\n\n{PROSE}\n\n{MORE}"
    assert doc.meta["author"] == "Jane Smith"


def test_only_the_first_byline_is_taken(run_cleaner):
    doc = run_cleaner(Byline, f"{HEADLINE}\n\nBy Jane Smith\n\nBy John Doe\n\n{PROSE}")
    assert doc.meta["author"] == "Jane Smith"
    assert [r.text for r in doc.removed] == ["By Jane Smith"]


def test_given_author_wins(run_cleaner):
    doc = run_cleaner(Byline, f"{HEADLINE}\n\nBy Jane Smith\n\n{PROSE}", author="J. Smith")
    assert doc.meta["author"] == "J. Smith"
    assert [r.text for r in doc.removed] == ["By Jane Smith"]


@pytest.mark.parametrize(
    "text",
    [
        # "By" opening a sentence, not a name.
        f"{HEADLINE}\n\nBy Tuesday, the army had withdrawn.\n\n{PROSE}",
        f"{HEADLINE}\n\n{PROSE}\n\nBy the end of the week, three villages were cut off.",
        # A byline-like line far down in the article is not the byline.
        f"{HEADLINE}\n\n{PROSE}\n\n{MORE}\n\nBy Jane Smith",
        # A lower-case "by" line is not a byline.
        f"{HEADLINE}\n\nby Jane Smith\n\n{PROSE}",
        # No byline at all.
        f"{HEADLINE}\n\n{PROSE}\n\n{MORE}",
    ],
)
def test_text_without_byline_is_untouched(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(Byline, text), text)


@pytest.mark.parametrize(
    "headline", ["Text Messages Reveal Kremlin Plot", "Author Salman Rushdie Stabbed"]
)
def test_title_case_headline_starting_with_an_intro_word_stays(
    run_cleaner, assert_untouched, headline
):
    text = f"{headline}\n\n{PROSE}"
    assert_untouched(run_cleaner(Byline, text), text)
