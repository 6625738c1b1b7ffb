from __future__ import annotations

import pytest

from newsclean.cleaners.site_header import SiteHeader
from newsclean.segment import render

HEADLINE = "New Putin-Lukashenko plan: Russia apparently moves Belarus troops"
LEDE = (
    "Vladimir Putin and Alexander Lukashenko strengthen their alliance, while Russia apparently"
    " wants to withdraw troops from Belarus."
)
ARTICLE = f"{HEADLINE}\n\n{LEDE}"


@pytest.mark.parametrize(
    ("header", "sitename"),
    [
        # Seed 004: aggregator brand line and its tagline.
        ("The Limited Times\n\nNow you can see non-English news...", "The Limited Times"),
        # Seed 002: The Moscow Times' support banner.
        ("Support The Moscow Times!", "The Moscow Times"),
        ("Subscribe to The Guardian", "The Guardian"),
        ("Welcome to Meduza", "Meduza"),
        ("Unterstützen Sie Merkur!", "Merkur"),
        # Known outlet names, in any case.
        ("Kyiv Post", "Kyiv Post"),
        ("KYIV POST", "Kyiv Post"),
        ("Reuters", "Reuters"),
        ("The Kyiv Independent", "The Kyiv Independent"),
        # Skip links and menu labels before the outlet name.
        ("Skip to main content\n\nMenu\n\nThe Guardian", "The Guardian"),
        ("Zum Inhalt springen\n\nStartseite\n\nZEIT ONLINE", "ZEIT ONLINE"),
        # A bare domain.
        ("www.merkur.de", "www.merkur.de"),
        # A name the data does not know, followed by a known tagline.
        ("Minsk Daily Courier\n\nIndependent journalism from Russia", "Minsk Daily Courier"),
    ],
)
def test_removes_header_above_headline_and_keeps_sitename(run_cleaner, header, sitename):
    doc = run_cleaner(SiteHeader, f"{header}\n\n{ARTICLE}")
    assert render(doc.blocks) == ARTICLE
    assert doc.meta["sitename"] == sitename
    assert [r.text for r in doc.removed] == [b for b in header.split("\n\n")]
    assert all(r.reason == "site header above the headline" for r in doc.removed)
    assert doc.fixes == []


def test_seed_limited_times_header(run_cleaner, seed_text):
    # In the pipeline the timestamp cleaner has already taken the date line under the headline
    # (cleaners/__init__.py: date lines go before the header is found by position).
    text = seed_text("004").replace("2023-04-06T11:03:23.682Z\n", "")
    doc = run_cleaner(SiteHeader, text)
    assert doc.blocks[0].text == HEADLINE
    assert [r.text for r in doc.removed] == [
        "The Limited Times",
        "Now you can see non-English news...",
    ]
    assert doc.meta["sitename"] == "The Limited Times"


def test_seed_moscow_times_banner(run_cleaner, seed_text):
    doc = run_cleaner(SiteHeader, seed_text("002"))
    assert doc.blocks[0].text == "First Russian Soldiers Arrive in Belarus For Joint Force"
    assert [r.text for r in doc.removed] == ["Support The Moscow Times!"]
    assert doc.meta["sitename"] == "The Moscow Times"


def test_given_sitename_wins_but_header_still_goes(run_cleaner):
    doc = run_cleaner(SiteHeader, f"Kyiv Post\n\n{ARTICLE}", sitename="kyivpost.com")
    assert render(doc.blocks) == ARTICLE
    assert doc.meta["sitename"] == "kyivpost.com"
    assert [r.text for r in doc.removed] == ["Kyiv Post"]


@pytest.mark.parametrize(
    "text",
    [
        # The article opens with its headline: nothing above it to remove.
        ARTICLE,
        # No headline at all: the article opens with a body paragraph.
        LEDE + "\n\nThe meeting will also deal with future military cooperation.",
        # A title-case headline that is not a site name.
        "First Russian Soldiers Arrive in Belarus For Joint Force\n\n" + LEDE,
        # A site name ending a sentence is prose, not branding.
        LEDE + "\n\nThe report was first published by Reuters.",
        # A one-word real subheading mid-article.
        ARTICLE + "\n\nReaction\n\nThe opposition welcomed the visit, its leader said.",
    ],
)
def test_article_without_header_is_untouched(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(SiteHeader, text), text)


def test_newspaper_name_as_subheading_below_headline_stays(run_cleaner, assert_untouched):
    text = (
        "Press review: what the papers say about the budget\n\n"
        "Britain's newspapers are divided over the chancellor's first budget.\n\n"
        "The Guardian\n\n"
        "The Guardian calls the budget a missed opportunity for public services."
    )
    assert_untouched(run_cleaner(SiteHeader, text), text)


def test_title_case_headline_starting_with_support_stays(run_cleaner, assert_untouched):
    text = "Support For Lukashenko Wanes Among Belarusians\n\n" + LEDE
    assert_untouched(run_cleaner(SiteHeader, text), text)


def test_opening_lines_of_a_body_are_not_a_header(run_cleaner, assert_untouched):
    """Short opening lines that do not start with a site's name are the article's own (found in
    the gold bodies of the article-extraction benchmark: a game's changelog)."""
    text = (
        "What's new in 2.26 (September pack)?\n\nNew tasks for the game!\n\n"
        "Try something new with your couple this weekend\n\n"
        "The September update brings forty new questions and a weekly challenge mode for couples."
    )
    assert_untouched(run_cleaner(SiteHeader, text), text)
