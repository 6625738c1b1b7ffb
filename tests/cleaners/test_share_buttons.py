from __future__ import annotations

import pytest

from newsclean.cleaners.share_buttons import ShareButtons
from newsclean.segment import render

BEFORE = "A cheeky penguin made a break for freedom from a seaside aquarium on Wednesday."
AFTER = "The Humboldt penguin slipped through a gap in a fence during feeding time."


@pytest.mark.parametrize(
    "buttons",
    [
        "Share",
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Copy link",
        "Facebook Twitter WhatsApp Email",
        "Facebook | Twitter | Email",
        "Facebook, X, Telegram",
        "Share via Email",
        "Print Email",
        "Listen to this article",
        "Gift this article",
        # German button rows.
        "Teilen",
        "Artikel teilen",
        "Link kopieren",
        "Drucken",
    ],
)
def test_button_text_is_removed(run_between, buttons):
    doc = run_between(ShareButtons, buttons, BEFORE, AFTER)
    assert [(r.text, r.reason) for r in doc.removed] == [
        (buttons, "share or social-media button text")
    ]


def test_tabloid_button_column_goes_line_by_line(run_cleaner):
    text = f"{BEFORE}\n\nShare on Facebook\n\nTweet\n\nEmail\n\nCopy link\n\n{AFTER}"
    doc = run_cleaner(ShareButtons, text)
    assert render(doc.blocks) == f"{BEFORE}\n\n{AFTER}"
    assert [r.text for r in doc.removed] == ["Share on Facebook", "Tweet", "Email", "Copy link"]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices of the country's two largest car dealers fell sharply.",
        "Email exchanges between dealers and manufacturers were published last week.",
        "Facebook said it had removed the accounts.",
        "Share this article with your friends, the minister urged.",
        "Print media",  # "media" is not a button
        '"Share this article," the campaign urged its followers.',
    ],
)
def test_prose_starting_with_button_words_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(ShareButtons, text), text)


@pytest.mark.parametrize(
    "prompt",
    [
        "Follow us on Twitter and Facebook.",
        "Follow Example News on Instagram, Facebook, Twitter and YouTube.",
        "Follow The Daily Record's opinion desk on Facebook, Twitter (@DRopinion) and Instagram.",
        "Follow our full coverage of the election at https://example.com/election",
        "Subscribe to Example Tech on YouTube for more reviews:",
        "Like this story? Share it with a friend!",
    ],
)
def test_social_media_prompt_is_removed(run_between, prompt):
    doc = run_between(ShareButtons, prompt, BEFORE, AFTER)
    assert [r.text for r in doc.removed] == [prompt]


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money, investigators were told.",
        "Followers of the band gathered on Twitter to mourn him.",
        "Follow-up tests on the penguin showed it was in good health.",
        "Subscribe to the idea that zoos can help, and you must accept the fences.",
    ],
)
def test_prose_about_following_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(ShareButtons, text), text)
