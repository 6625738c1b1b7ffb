from __future__ import annotations

import pytest

from newsclean.cleaners.donation_appeal import DonationAppeal
from newsclean.segment import render

BODY = (
    "Belarus relies financially and politically on its key ally Russia.\n\n"
    "The talks will continue in Moscow next week, officials in Minsk said on Monday."
)
LONG = (
    "Lukashenko has been in power since 1994. Opposition leader Sviatlana Tsikhanouskaya lives in"
    " exile in Vilnius, where she has built up a network of supporters and advisers over the past"
    " three years."
)
REASON = "appeal for donations or subscriptions"


@pytest.mark.parametrize(
    ("appeal", "buttons"),
    [
        # The Moscow Times style: "… we have a small favor to ask." and three paragraphs.
        (
            "… we have a small favor to ask.\n\n"
            "As you may know, our newsroom was declared an undesirable organization. This is an"
            " attack on independent journalism.\n\n"
            "We refuse to be silenced, but we need your help to keep our mission going.\n\n"
            "Your support, however small, makes a difference. Please support us monthly."
            " Thank you.",
            "Read more",
        ),
        # The Guardian style.
        (
            "If you value our journalism, please consider making a contribution today.\n\n"
            "Every reader contribution, big or small, keeps our reporting free for everyone.",
            "Continue",
        ),
        # Meduza style.
        (
            "Please support independent journalism in Russia. Meduza is banned in Russia and"
            " depends on its readers.\n\nDonate now",
            "",
        ),
        (
            "Dear readers, we have a small favor to ask.\n\n"
            "Our journalists work in exile and our website is blocked in Russia.",
            "Donate",
        ),
        # The Kyiv Independent style.
        (
            "Become a member of the Kyiv Independent and help us tell the story of Ukraine to the"
            " world.\n\nJoin our community of more than 20,000 members today.",
            "",
        ),
        # Paywall notices.
        ("Subscribe to continue reading\n\nAlready a subscriber? Log in", ""),
        ("This article is for subscribers only.\n\nAlready a subscriber? Log in", ""),
        ("You have read all your free articles this month.", "Subscribe"),
        # German appeals and paywalls.
        (
            "Wir haben eine kleine Bitte: Unterstützen Sie unseren unabhängigen Journalismus.\n\n"
            "Mit Ihrer Spende helfen Sie uns, weiter kritisch zu berichten.\n\nVielen Dank!",
            "",
        ),
        ("Dieser Artikel ist nur für Abonnenten verfügbar.\n\nJetzt abonnieren", ""),
    ],
)
def test_closing_appeal_is_removed_whole(run_cleaner, appeal, buttons):
    text = "\n\n".join(part for part in (BODY, appeal, buttons) if part)
    doc = run_cleaner(DonationAppeal, text)
    assert render(doc.blocks) == "\n\n".join(part for part in (BODY, buttons) if part)
    assert [r.text for r in doc.removed] == appeal.split("\n\n")
    assert {r.reason for r in doc.removed} == {REASON}


def test_seed_moscow_times_appeal(run_cleaner, seed_text):
    doc = run_cleaner(DonationAppeal, seed_text("002"))
    removed = [r.text for r in doc.removed]
    assert removed[0] == "… we have a small favor to ask."
    assert len(removed) == 4
    assert removed[-1].endswith("Thank you.")
    assert render(doc.blocks).endswith(
        "Belarus relies financially and politically on its key ally Russia.\n\nRead more"
    )


def test_appeal_in_the_middle_loses_only_its_opening_block(run_cleaner):
    # Mid-article, the paragraphs after the opening may be article text: only the opening goes.
    follow = "We rely on readers like you to keep our newsroom going."
    text = f"{BODY}\n\nIf you value our journalism, please support us.\n\n{follow}\n\n{LONG}"
    doc = run_cleaner(DonationAppeal, text)
    assert render(doc.blocks) == f"{BODY}\n\n{follow}\n\n{LONG}"
    assert [r.text for r in doc.removed] == ["If you value our journalism, please support us."]


@pytest.mark.parametrize(
    "text",
    [
        # A story about a newspaper's paywall and its subscription numbers.
        "The Northern Post will put most of its online journalism behind a paywall from next"
        " month.\n\n"
        "The paper said it had 12,000 digital subscribers and would need twice as many to break"
        " even.\n\n"
        'A message reading "This article is for subscribers only" will appear after three free'
        " articles.\n\n"
        'Editor Joanne Crale said: "If readers value what we do, we are asking them to pay for'
        ' it."',
        # A charity's donation drive, its appeal in quotation marks.
        "The Eastside Food Pantry is asking residents to donate canned goods this winter.\n\n"
        '"We have a small favor to ask," said director Maria Okonjo. "Please donate one extra'
        ' can."\n\n'
        '"Please support us this winter," she added.\n\n'
        "Collection bins have been placed at the library. The drive runs until Dec. 20.",
        "„Wir haben eine kleine Bitte“, sagte die Leiterin der Tafel. „Spenden Sie eine Dose.“",
        # "Thank you." at the end of an interview.
        "Alpine Review: What will the Alps look like when your students are your age?\n\n"
        "Bruggmann: Most of the small glaciers below 3,000 metres will be gone.\n\n"
        "Alpine Review: Ms Bruggmann, thank you for the conversation.\n\n"
        "Bruggmann: Thank you.",
        f"{BODY}\n\nThank you.",
        # A paragraph that only mentions support, in prose.
        f"{BODY}\n\nThe EU said it would support independent media in Belarus with 30 million"
        " euros.",
        # An appeal phrase deep inside a long paragraph.
        f"{BODY}\n\n{LONG} Please support us, the opposition wrote on Telegram.",
    ],
)
def test_text_about_donations_and_subscriptions_stays(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(DonationAppeal, text), text)


def test_appeal_in_the_middle_and_another_closing_the_article(run_cleaner):
    # The mid-article opening goes alone; the closing run goes whole, a second opening inside it
    # ("Please support…") included, and the button line under it stays.
    follow = "We rely on readers like you to keep our newsroom going."
    closing = [
        "Dear readers, we have a small favor to ask.",
        "Please support independent journalism in Russia. Meduza is banned in Russia and depends"
        " on its readers.",
        "Our journalists work in exile and our website is blocked in Russia.",
    ]
    text = "\n\n".join(
        [BODY, "If you value our journalism, please support us.", follow, LONG, *closing, "Share"]
    )
    doc = run_cleaner(DonationAppeal, text)
    assert render(doc.blocks) == f"{BODY}\n\n{follow}\n\n{LONG}\n\nShare"
    assert [r.text for r in doc.removed] == [
        "If you value our journalism, please support us.",
        *closing,
    ]
