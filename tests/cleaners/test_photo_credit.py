from __future__ import annotations

import pytest

from newsclean.cleaners.photo_credit import PhotoCredit
from newsclean.segment import render

BEFORE = "The first Russian soldiers to take part in a new joint force have arrived in Belarus."
AFTER = "Images from the ministry showed soldiers welcomed by women in traditional costumes."
HEADLINE = "First Russian Soldiers Arrive in Belarus For Joint Force"
PROSE = (
    "The first Russian soldiers to take part in a new joint force with Belarusian troops have"
    " arrived in Belarus, Minsk's defense ministry said on Saturday."
)


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Sergei Ilnitsky/EPA",
        "Sergei Ilnitsky/EPA",
        "Photograph: Alexander Zemlianichenko/AP",
        "Photo by Gavriil Grigorov/TASS via Getty Images",
        "(AP Photo/Efrem Lukatsky)",
        "Credit: Reuters",
        "Image: Reuters",
        "Illustration: The Guardian",
        "Video: Reuters",
        # Captions that end in a credit.
        "Vladimir Putin and Alexander Lukashenko in Minsk. Photo: Mikhail Metzel/TASS",
        "Vladimir Putin in Minsk. (Photo: Kremlin.ru)",
        "Alexander Lukashenko (left) and Vladimir Putin (Image: Getty)",
        "Soldiers at the border. EPA-EFE/STRINGER",
        # BBC-style credit and caption lines.
        "Image source, Getty Images",
        "Image caption, Residents queued for bottled water at the village hall",
        # German credits.
        "Foto: dpa",
        "Fotos: Kay Nietfeld/dpa",
        "Bild: IMAGO/Sergei Bobylev",
        "Bildquelle: picture alliance",
        "© picture alliance/dpa",
        "Lukaschenko und Putin in Moskau. © Mikhail Klimentyev/Kremlin Pool/Imago",
    ],
)
def test_credit_line_is_removed_anywhere(run_between, credit):
    doc = run_between(PhotoCredit, credit, BEFORE, AFTER)
    assert [(r.text, r.reason) for r in doc.removed] == [(credit, "photo credit")]
    assert doc.fixes == []


def test_seed_tabloid_caption_with_getty_credit(run_cleaner):
    caption = (
        "Pingu the penguin is safe and well after his great escape"
        " (Photo by Martin Hale/Getty Images)"
    )
    doc = run_cleaner(PhotoCredit, f"{BEFORE}\n\n{caption}\n\n{AFTER}")
    assert [r.text for r in doc.removed] == [caption]


@pytest.mark.parametrize(
    "credit",
    [
        # Seed 002 (The Moscow Times): who supplied the picture, right under the headline.
        "Belarusian Defense Ministry.",
        "Press service of the Ministry of Emergency Situations of Belarus.",
        "Courtesy of the Belarusian Defense Ministry.",
        "Handout",
    ],
)
def test_bare_credit_under_the_headline_is_removed(run_cleaner, credit):
    doc = run_cleaner(PhotoCredit, f"{HEADLINE}\n\n{credit}\n\n{PROSE}")
    assert render(doc.blocks) == f"{HEADLINE}\n\n{PROSE}"
    assert [(r.text, r.reason) for r in doc.removed] == [
        (credit, "photo credit under the headline")
    ]


def test_seed_moscow_times_bare_credit(run_cleaner, seed_text):
    doc = run_cleaner(PhotoCredit, seed_text("002"))
    assert [r.text for r in doc.removed] == ["Belarusian Defense Ministry."]
    assert doc.blocks[1].text == HEADLINE
    assert doc.blocks[2].text.startswith("The first Russian soldiers to take part")


def test_bare_credit_without_full_stop_under_the_headline_is_removed(run_cleaner):
    credit = "Courtesy of the Belarusian Defense Ministry"
    doc = run_cleaner(PhotoCredit, f"{HEADLINE}\n\n{credit}\n\n{PROSE}")
    assert render(doc.blocks) == f"{HEADLINE}\n\n{PROSE}"


@pytest.mark.parametrize(
    "line",
    [
        "The photo was taken by a Reuters photographer in Minsk.",
        "Getty Images said it had withdrawn the picture.",
        "Video posted on Telegram showed a column of trucks.",
        "Images from the ministry showed soldiers welcomed by women.",
        "Fotos zeigen Soldaten an der Grenze.",
        '"Photo: Reuters," the caption read, although the picture came from state media.',
        "Getty Images",  # an agency name alone is not a credit line
    ],
)
def test_prose_about_pictures_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(PhotoCredit, text), text)


@pytest.mark.parametrize(
    "line",
    [
        "Photos by residents showed thick smoke over the refinery.",
        "Bilder von der Grenze zeigten kilometerlange Staus.",
    ],
)
def test_sentence_starting_photos_by_or_bilder_von_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(PhotoCredit, text), text)


@pytest.mark.parametrize(
    "first",
    [
        # A short first paragraph in lower-case words is prose, not a credit.
        "Lukashenko has spoken.",
        # No credit-like line: headline straight into the prose.
        PROSE,
    ],
)
def test_line_under_headline_that_is_not_a_credit_stays(run_cleaner, assert_untouched, first):
    text = f"{HEADLINE}\n\n{first}\n\n{AFTER}"
    assert_untouched(run_cleaner(PhotoCredit, text), text)


def test_short_lede_starting_with_social_media_stays(run_cleaner, assert_untouched):
    text = (
        f"{HEADLINE}\n\n"
        "Social media users in Belarus reported explosions near Minsk overnight.\n\n"
        f"{PROSE}"
    )
    assert_untouched(run_cleaner(PhotoCredit, text), text)


def test_bare_credit_needs_a_headline_above_it(run_cleaner, assert_untouched):
    # Without a headline on top, a short capitalized line is not known to be a credit.
    text = f"Belarusian Defense Ministry.\n\n{PROSE}"
    assert_untouched(run_cleaner(PhotoCredit, text), text)
