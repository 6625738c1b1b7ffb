from __future__ import annotations

import pytest

from newsclean.cleaners.advertisement import Advertisement
from newsclean.segment import render

BEFORE = "The company said on Wednesday that it had lost 64 million euros in 2023."
AFTER = "Chief executive Luca Ferrante said the group would merge two regional channels."


@pytest.mark.parametrize(
    "label",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "- Advertisement -",
        "Advertisement »",
        "Story continues below advertisement",
        "Article continues below advertisement",
        "Scroll to continue with content",
        "Advertisement | Scroll to continue with content",
        "Sponsored",
        "Sponsored content",
        "Ad",
        # German ad slots.
        "Anzeige",
        "ANZEIGE",
        "Werbung",
        "Weiter nach der Anzeige",
        # Affiliate disclosures.
        "If you buy something through this post, Example Tech may get a share of the sale.",
        "If you click on a link on this page and buy something, we may earn a commission.",
        "We may earn a commission from links on this page.",
        "This article contains affiliate links.",
    ],
)
def test_ad_label_is_removed(run_between, label):
    doc = run_between(Advertisement, label, BEFORE, AFTER)
    assert [(r.text, r.reason) for r in doc.removed] == [(label, "advertisement placeholder")]
    assert doc.fixes == []


def test_every_ad_slot_goes(run_cleaner):
    text = f"ADVERTISEMENT\n\n{BEFORE}\n\nADVERTISEMENT\n\n{AFTER}\n\nADVERTISEMENT"
    doc = run_cleaner(Advertisement, text)
    assert render(doc.blocks) == f"{BEFORE}\n\n{AFTER}"
    assert [r.text for r in doc.removed] == ["ADVERTISEMENT"] * 3


def test_ad_line_inside_a_paragraph_leaves_its_neighbours(run_cleaner):
    # Without blank lines every line is its own paragraph; the label line alone goes.
    doc = run_cleaner(Advertisement, f"{BEFORE}\nAnzeige\n{AFTER}")
    assert render(doc.blocks) == f"{BEFORE}\n\n{AFTER}"


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue fell 14 percent to 412 million euros, the company said.",
        "Advertising revenue fell by 12 percent last year.",
        "Ad hoc talks were held in Minsk on Monday.",
        "Ad blockers cost publishers millions every year.",
        "The newspaper's advertisement ran on Sunday.",
        "Anzeige erstattet",  # German: "complaint filed", not an ad label
        '"Advertisement," she said, "is what keeps the lights on."',
        "When you shop at local stores, the town may get a share of the sales tax.",
        "We may earn a commission on each sale, the agent told the court.",
    ],
)
def test_prose_about_advertising_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(Advertisement, text), text)
