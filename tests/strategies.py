"""Hypothesis strategies for noisy scraped articles.

``noisy_articles()`` builds an article the way scrapers print one: real body paragraphs (from the
fixtures' expected output, so they are article text a person checked) with the kinds of junk the
cleaners claim to remove injected around and between them, and text noise on top. It returns the
text together with the body paragraphs and junk blocks it used, so properties can check that
every body paragraph survives and every junk block goes.
"""

from __future__ import annotations

from dataclasses import dataclass

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)
from hypothesis import strategies as st

from helpers import fixture_cases

BODY = sorted(
    {
        p
        for case in fixture_cases()
        if case.expected_meta.get("language", "en") == "en"
        for p in case.expected_text.split("\n\n")
        if len(p.split()) >= 12 and p.endswith((".", '."'))
    }
)
HEADLINES = sorted(
    {c.expected_meta["title"] for c in fixture_cases() if c.expected_meta.get("title")}
)

# Junk, by kind, in the wordings of several outlets.
SITE_HEADERS = [
    ["Support The Moscow Times!"],
    ["The Limited Times", "Now you can see non-English news..."],
]
CREDITS = ["Photo: Sergei Ilnitsky/EPA", "(Photo by Martin Hale/Getty Images)", "Image: Reuters"]
TEASERS = [
    "Read more: Kyiv metro stations to stay open overnight",
    "Also read: Ukraine and Russia swap prisoners",
    "READ MORE »",
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "Facebook Twitter WhatsApp Email",
    "Sign up for our daily newsletter and get the best stories in your inbox.",
]
APPEALS = [
    [
        "… we have a small favor to ask.",
        "Our newsroom works in exile, and our journalism depends on readers like you.",
        "Your support, no matter how small, keeps our reporting free. Thank you.",
    ],
    ["If you value our independent journalism, please consider supporting us today."],
    ["Subscribe to continue reading"],
]
NAVIGATION = ["NEXT NEWS", "Read more", "Next article"]
FOOTERS = [
    [
        "(as)",
        "Source: merkur",
        "All news articles on 2023-04-06",
        "You may like",
        "Trends 24h",
        "Latest",
        "© Communities 2019 - Privacy",
    ],
    ["(dpa)"],
    ["© 2024 Example Daily. All rights reserved.", "Privacy policy"],
]
NOISE_CHARS = ["\u00a0", "\u200b", "\u00ad", "\u200e", "\ufeff", "\t", "  "]
EXTRAS = ["🙂", "新闻", "Новости дня"]


@dataclass
class Composed:
    text: str
    body: list[str]
    junk: list[str]
    headline: str | None


def _mojibake(text: str) -> str:
    """Really mis-decode: UTF-8 bytes read as Windows-1252, the bytes that code page leaves
    undefined kept as the C1 characters of the same number (what browsers and most scrapers do)."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


@st.composite
def noisy_articles(draw: st.DrawFn) -> Composed:
    body = draw(st.lists(st.sampled_from(BODY), min_size=1, max_size=6, unique=True))
    blocks: list[str] = []
    junk: list[str] = []
    headline = None
    if draw(st.booleans()):
        header = draw(st.sampled_from(SITE_HEADERS))
        blocks += header
        junk += header
    if draw(st.booleans()):
        headline = draw(st.sampled_from(HEADLINES))
        blocks.append(headline)
        if draw(st.booleans()):  # the scraper prints headline and lede twice
            lede = body[0].split(". ")[0].rstrip(".") + "."
            blocks += [lede, headline]
    if headline and draw(st.booleans()):
        credit = draw(st.sampled_from(CREDITS))
        blocks.append(credit)
        junk.append(credit)
    for paragraph in body:
        shown = paragraph
        if draw(st.integers(0, 5)) == 0 and not shown.isascii():
            shown = _mojibake(shown)
        if draw(st.integers(0, 5)) == 0:
            words = shown.split(" ")
            at = draw(st.integers(1, max(1, len(words) - 1)))
            words.insert(at, draw(st.sampled_from(NOISE_CHARS)))
            shown = " ".join(words)
        if draw(st.integers(0, 5)) == 0:
            shown = shown.replace("&", "&amp;")
        blocks.append(shown)
        if draw(st.integers(0, 3)) == 0:
            teaser = draw(st.sampled_from(TEASERS))
            blocks.append(teaser)
            junk.append(teaser)
    if draw(st.booleans()):
        appeal = draw(st.sampled_from(APPEALS))
        blocks += appeal
        junk += appeal
    if draw(st.booleans()):
        nav = draw(st.sampled_from(NAVIGATION))
        blocks.append(nav)
        junk.append(nav)
    if draw(st.booleans()):
        footer = draw(st.sampled_from(FOOTERS))
        blocks += footer
        junk += footer
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n", "\n \n", "\r\r"]))
    text = separator.join(blocks)
    if draw(st.booleans()):
        text = draw(st.sampled_from(["", "\n", " \n\n", "\ufeff"])) + text + "\n\n"
    return Composed(text, body, junk, headline)


# Arbitrary text and HTML-ish markup, for the never-raises and canonical-form properties.
html_ish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='x'>",
                "</div>",
                "<br>",
                "<script>",
                "&amp;",
                "&#x27;",
                "<!--",
                "-->",
                "<a href='../../etc/passwd'>",
                "</a>",
                "<![CDATA[",
            ]
        ),
        st.text(max_size=30),
        st.sampled_from(EXTRAS),
    ),
    max_size=40,
).map("".join)
any_text = st.one_of(st.text(), html_ish, noisy_articles().map(lambda c: c.text))
