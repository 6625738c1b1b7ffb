from __future__ import annotations

import pytest

from newsclean.cleaners.aggregator_footer import AggregatorFooter
from newsclean.segment import render

BODY = (
    "Lukashenko came to Moscow on Wednesday for a two-day visit.\n\n"
    "It was initially not known whether the two would also comment on the question of soldiers."
)
REASON = "page footer after the article"


@pytest.mark.parametrize(
    "footer",
    [
        # Section label with teaser headlines, then the legal line.
        "You may like\n\nPutin lands in Minsk for talks\n\nLukashenko meets Shoigu in Moscow\n\n"
        "© 2024 Example Media. All rights reserved.",
        "Related articles\n\nCoalition partner quits over rail cuts\n\n"
        "Budget defeated in parliament by four votes",
        # Bare section labels.
        "Latest\n\nYou may like",
        "Trends 24h",
        # Footer links and legal lines.
        "Privacy | Imprint | Contact",
        "Privacy policy\n\nTerms of use\n\nCookie settings",
        "Copyright © 2024 The Kyiv Independent",
        "Copyright ⓒ example.co.kr",
        "This copy is for your personal, non-commercial use only. To order copies, visit the "
        "reprints page.",
        "This article was automatically translated from German.",
        "The information on this site is from external sources that are not under our control.",
        # German footers.
        "Datenschutz\n\nImpressum\n\n© 2024 Merkur.de - Alle Rechte vorbehalten",
        "Das könnte Sie auch interessieren\n\nPutin trifft Lukaschenko in Minsk\n\n"
        "Alle Artikel vom 06.04.2023",
    ],
)
def test_page_footer_is_removed(run_cleaner, footer):
    doc = run_cleaner(AggregatorFooter, f"{BODY}\n\n{footer}")
    assert render(doc.blocks) == BODY
    assert [r.text for r in doc.removed] == footer.split("\n\n")
    assert {r.reason for r in doc.removed} == {REASON}


def test_seed_limited_times_footer_and_its_date(run_cleaner, seed_text):
    doc = run_cleaner(AggregatorFooter, seed_text("004"))
    assert [r.text for r in doc.removed] == [
        "All news articles on 2023-04-06",
        "You may like",
        "Trends 24h",
        "Latest",
        "© Communities 2019 - Privacy",
        "The information on this site is from external sources that are not under our control.",
        "The inclusion of any links does not necessarily imply a recommendation or endorse the"
        " views expressed within them.",
    ]
    assert doc.meta["published"] == "2023-04-06"
    # The sweep stops at the article's own last lines.
    assert [b.text for b in doc.blocks[-2:]] == ["(as)", "Source: merkur"]


def test_footer_date_does_not_override_an_earlier_one(run_cleaner):
    doc = run_cleaner(
        AggregatorFooter, f"{BODY}\n\nAll news articles on 2023-04-06", published="2023-04-05"
    )
    assert doc.meta["published"] == "2023-04-05"
    assert render(doc.blocks) == BODY


@pytest.mark.parametrize(
    "text",
    [
        # Section words used as subheadings inside the article.
        "Reaction\n\nThe leader welcomed the decision.\n\nLatest\n\n"
        "The government will remain in office until the new cabinet is sworn in.",
        f"{BODY}\n\nLatest from the front line\n\nThe fighting continued, officials said.",
        # Prose that merely starts with footer words.
        f"{BODY}\n\nLatest figures show that used car prices fell for the sixth month in a row.",
        f"{BODY}\n\nContact between the two delegations was kept to a minimum.",
        # Headline-like lines at the end without a section label above them are article text.
        f"{BODY}\n\nWhat happens next?",
        f"{BODY}\n\nUkraine suspects new plan\n\nRussia is planning to transfer some soldiers.",
    ],
)
def test_article_text_with_footer_words_stays(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(AggregatorFooter, text), text)


def test_last_paragraph_starting_with_copyright_stays(run_cleaner, assert_untouched):
    text = (
        "The court ruled in favour of the photographers on Tuesday.\n\n"
        "Copyright lawyers said the ruling would be appealed."
    )
    assert_untouched(run_cleaner(AggregatorFooter, text), text)


def test_more_from_outlet_section_with_teasers_is_removed(run_cleaner):
    footer = "More from The Moscow Times\n\nPutin lands in Minsk for talks"
    doc = run_cleaner(AggregatorFooter, f"{BODY}\n\n{footer}")
    assert render(doc.blocks) == BODY


@pytest.mark.parametrize(
    "label", ["Popular on IndieWire", "Trending in Politics", "Most popular from BBC"]
)
def test_popular_on_outlet_section_with_teasers_is_removed(run_cleaner, label):
    footer = f"{label}\n\nThe Early Reviews For Stadia Are Here\n\nSean Spicer Leaves The Show"
    doc = run_cleaner(AggregatorFooter, f"{BODY}\n\n{footer}")
    assert render(doc.blocks) == BODY
