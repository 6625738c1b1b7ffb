from __future__ import annotations

import pytest

from newsclean.cleaners.navigation import Navigation
from newsclean.segment import render, segment

BEFORE = "Russia had previously sent the first of 9,000 soldiers for a joint force to Belarus."
AFTER = "Lukashenko continues to deny his own plans to attack Ukraine."
REASON = "navigation link to other pages"


@pytest.mark.parametrize(
    "line",
    [
        # Bare navigation labels in the styles different sites print them.
        "NEXT NEWS",
        "Read more",
        "READ MORE »",
        "Read more:",
        "READ ALSO",
        "Next article",
        "Up next",
        "Back to top",
        "More on this story",
        "Click here",
        # Teasers: a label, a separator and another article's headline.
        "Also read: Putin lands in Minsk",
        "Also read — Lukashenko says troops will stay",
        "Read also | Lukashenko meets Putin",
        "Read more » Putin's visit to Minsk",
        "Related: Belarus moves troops to the border",
        "See also → Belarus election",
        "Click here to read the full report",
        "SEE MORE: Protesters return to the square for a third night",
        "Related post: Ten ways to keep bread fresh",
        "[Related: Ministers meet in Minsk to discuss the border]",
        "Also on example.com Ministers meet in Minsk to discuss the border",
        # The article's tags or section, printed as links.
        "Filed under: Politics, Europe",
        "Tags: Kyiv, curfew, New Year",
        "Tagged with: Belarus",
        # A label and a bare address; a call to click.
        "Listen: http://po.st/TP_615",
        "iTunes: https://example.com/podcast/615",
        "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
        "To read the full report, click here.",
        # German labels and teasers.
        "Mehr zum Thema",
        "Lesen Sie auch",
        "Lesen Sie auch: Lukaschenko trifft Putin in Moskau",
        "Mehr zum Thema: Belarus",
        "Weiterlesen",
        "Nach oben",
    ],
)
def test_navigation_line_is_removed(run_between, line):
    doc = run_between(Navigation, line, BEFORE, AFTER)
    assert [(r.text, r.reason) for r in doc.removed] == [(line, REASON)]


@pytest.mark.parametrize(("seed", "label"), [("001", "NEXT NEWS"), ("002", "Read more")])
def test_seed_trailing_navigation(run_cleaner, seed_text, seed, label):
    text = seed_text(seed)
    doc = run_cleaner(Navigation, text)
    assert [r.text for r in doc.removed] == [label]
    assert not render(doc.blocks).endswith(label)
    assert len(doc.blocks) == len(segment(text)) - 1


def test_label_lines_within_one_paragraph_go_and_the_prose_stays(run_cleaner):
    text = f"{BEFORE}\n\n{AFTER}\nNext news\nRead more"
    doc = run_cleaner(Navigation, text)
    assert render(doc.blocks) == f"{BEFORE}\n\n{AFTER}"
    assert [r.text for r in doc.removed] == ["Next news", "Read more"]


@pytest.mark.parametrize(
    "line",
    [
        '"Read more about it," he said.',
        "Read more books, the minister urged.",
        "Read more about the decision on the ministry website.",
        "Related talks will continue next week.",
        "More than 5,000 people were evacuated.",
        "See more of the city's parks by bike, the mayor urged.",
        "Also on Monday, the ministry published its figures.",
        "Live-fire exercises began near the Polish border on Monday.",
        "Reaction",  # a one-word real subheading
        "Thank you.",
        "Weiterlesen mit Plus",  # a paywall line, not navigation
        "Tags are attached to every parcel before it leaves the depot.",
        "Filed under the wrong name, the claim was rejected twice.",
        "The report is at https://example.com/report, officials said.",
        "Details: the report runs to 300 pages and is online at www.example.com.",
    ],
)
def test_prose_starting_with_navigation_words_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(Navigation, text), text)


@pytest.mark.parametrize(
    "line",
    [
        "More-or-less daily shelling continued in Kherson.",
        "Related-party deals were also examined by the auditors.",
    ],
)
def test_prose_opening_with_hyphenated_compound_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(Navigation, text), text)


URL = "https://www.example-daily.com/news/article/cat-found-after-two-years-14848175.php"


@pytest.mark.parametrize(
    "line",
    [URL, URL.replace("https://www.", "http://"), URL + "/"],
)
def test_the_articles_own_address_alone_on_a_line_goes(line):
    from newsclean import clean

    article = clean(f"{BEFORE}\n\n{line}\n\n{AFTER}", metadata={"url": URL})
    assert article.text == f"{BEFORE}\n\n{AFTER}"
    assert [(r.cleaner, r.reason) for r in article.removed] == [
        ("navigation", "the article's own address")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "https://www.example-daily.com/news/article/another-story-14848176.php",  # another page
        f"Read the ruling at {URL}",  # a sentence that gives the address
        "http://amzn.to/2hXQPDr",  # a link the article prints
    ],
)
def test_other_addresses_stay(line):
    from newsclean import clean

    article = clean(f"{BEFORE}\n\n{line}\n\n{AFTER}", metadata={"url": URL})
    assert line in article.text
