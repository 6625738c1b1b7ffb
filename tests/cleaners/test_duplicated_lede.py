from __future__ import annotations

import pytest

from newsclean.cleaners.duplicated_lede import DuplicatedLede
from newsclean.segment import render

REASON = "lede printed twice (kept as metadata.description)"


@pytest.mark.parametrize(
    ("text", "lede", "after"),
    [
        # Seed 000 style: the teaser, then the article opening with the same sentence and more.
        (
            "Belarus rejects the participation of its own troops in the war against Ukraine.\n\n"
            "Belarus rejects the participation of its own troops in the war against Ukraine."
            " Nevertheless, there is support for the Russian soldiers stationed in the country.",
            "Belarus rejects the participation of its own troops in the war against Ukraine.",
            "Belarus rejects the participation of its own troops in the war against Ukraine."
            " Nevertheless, there is support for the Russian soldiers stationed in the country.",
        ),
        # Seed 004 style: a two-sentence teaser, printed again split over two paragraphs.
        (
            "Vladimir Putin and Alexander Lukashenko strengthen their alliance. At the same time,"
            " Russia apparently wants to withdraw troops from Belarus.\n\n"
            "Vladimir Putin and Alexander Lukashenko strengthen their alliance.\n\n"
            "At the same time, Russia apparently wants to withdraw troops from Belarus.\n\n"
            "Moscow/Minsk – Pretty best friends.",
            "Vladimir Putin and Alexander Lukashenko strengthen their alliance. At the same time,"
            " Russia apparently wants to withdraw troops from Belarus.",
            "Vladimir Putin and Alexander Lukashenko strengthen their alliance.\n\n"
            "At the same time, Russia apparently wants to withdraw troops from Belarus.\n\n"
            "Moscow/Minsk – Pretty best friends.",
        ),
        # Spacing differences do not hide the copy.
        (
            "Belarus rejects   the participation of its own troops.\n\n"
            "Belarus rejects the participation of its own troops. More follows here.",
            "Belarus rejects   the participation of its own troops.",
            "Belarus rejects the participation of its own troops. More follows here.",
        ),
    ],
)
def test_first_copy_of_the_lede_goes_and_becomes_description(run_cleaner, text, lede, after):
    doc = run_cleaner(DuplicatedLede, text)
    assert render(doc.blocks) == after
    assert [(r.text, r.reason) for r in doc.removed] == [(doc.meta["description"], REASON)]
    assert " ".join(doc.meta["description"].split()) == " ".join(lede.split())


def test_lede_printed_three_times_keeps_only_the_body_copy(run_cleaner):
    lede = "The Kremlin chief landed in Minsk on Monday evening."
    body = f"{lede} Talks begin on Tuesday."
    doc = run_cleaner(DuplicatedLede, f"{lede}\n\n{lede}\n\n{body}")
    assert render(doc.blocks) == body
    assert [r.text for r in doc.removed] == [lede, lede]
    assert doc.meta["description"] == lede


def test_given_description_wins_but_copy_still_goes(run_cleaner):
    lede = "Belarus rejects the participation of its own troops in the war."
    doc = run_cleaner(
        DuplicatedLede, f"{lede}\n\n{lede} Nevertheless, there is support.", description="Given."
    )
    assert doc.meta["description"] == "Given."
    assert [r.text for r in doc.removed] == [lede]


@pytest.mark.parametrize(
    "text",
    [
        # Too short to call a duplicate.
        "Kyiv.\n\nKyiv. The city was quiet on Monday morning.",
        # Only a prefix of a word: "troops" is not "troopships".
        "Belarus rejects the participation of its own troops\n\n"
        "Belarus rejects the participation of its own troopships, officials said.",
        # The second version is reworded, not a copy.
        "Putin landed in Minsk on Monday evening.\n\n"
        "Putin landed in Minsk on Monday evening, officials said.",
        # Something stands between the two copies: the first copy is not known to be a teaser.
        "The Kremlin chief landed in Minsk on Monday evening.\n\n"
        "Photo: Kremlin press service\n\n"
        "The Kremlin chief landed in Minsk on Monday evening. Talks begin on Tuesday.",
        # The repeat comes too far down to be the scraper's teaser.
        "Lukashenko says he will not send troops to Ukraine.\n\n"
        "He spoke in Minsk.\n\nIt was Monday.\n\nReporters asked twice.\n\nHe repeated it.\n\n"
        "Lukashenko says he will not send troops to Ukraine.",
        # An ordinary article with no repetition.
        "The first Russian soldiers have arrived in Belarus, the ministry said on Saturday.\n\n"
        "Images from the ministry showed soldiers welcomed by women in traditional costumes.",
        # A single block.
        "The first Russian soldiers have arrived in Belarus, the ministry said on Saturday.",
    ],
)
def test_text_without_duplicated_lede_is_untouched(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(DuplicatedLede, text), text)
