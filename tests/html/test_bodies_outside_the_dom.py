"""Pages whose article is only in script data (JSON-LD ``articleBody``, ``__NEXT_DATA__``)."""

from __future__ import annotations

import json

import pytest

from newsclean import clean
from newsclean.html.extract import ExtractionError
from newsclean.html.recover import script_body

# A short wire story, written for these tests.
PARAGRAPHS = [
    "The regional council approved on Tuesday a plan to reopen the old railway line between "
    "Greywater and Millbrook, closed to passengers since 1968.",
    "Trains are expected to run every hour from the spring of 2027, the council said, once the "
    "two stations and a bridge over the river have been rebuilt.",
    "Residents of Millbrook, where the nearest station is now forty minutes away by bus, had "
    "collected more than 12,000 signatures in favour of the plan.",
    "The project will cost about 85 million euros, two thirds of it paid by the national "
    "government, according to the council's transport committee.",
]
# What a JavaScript-rendered page shows before its script runs: a menu, a loading note, a footer.
SHELL = (
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a> "
    "<a href='/weather'>Weather</a></nav></header>"
    "<main><div id='root'><p>Loading…</p></div></main>"
    "<footer><a href='/about'>About us</a> <a href='/privacy'>Privacy</a></footer>"
)


def _page(head: str, body: str = SHELL) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Railway line to reopen | Greywater Gazette</title>"
        f"{head}</head><body>{body}</body></html>"
    )


def test_a_json_ld_only_page_gives_its_article_body() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Railway line to reopen after 59 years",
        "description": "The council approved the plan on Tuesday.",
        "datePublished": "2024-12-30T10:00:00Z",
        "articleBody": "\n".join(PARAGRAPHS),
    }
    page = _page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    article = clean(html=page, url="https://gazette.example/railway")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.title == "Railway line to reopen after 59 years"
    assert article.published == "2024-12-30T10:00:00+00:00"
    assert "Privacy" not in article.text and "Loading" not in article.text


def test_a_next_data_page_gives_its_article_text() -> None:
    data = {
        "props": {
            "pageProps": {
                "article": {
                    "id": "a-81723",
                    "headline": "Railway line to reopen after 59 years",
                    "summary": "The council approved the plan on Tuesday, after a petition.",
                    "body": [{"type": "paragraph", "text": f"<p>{p}</p>"} for p in PARAGRAPHS],
                },
                "related": [
                    {"title": "Bus fares rise in January", "url": "/news/bus-fares"},
                    {"title": "New bridge opens downtown", "url": "/news/bridge"},
                ],
            }
        },
        "page": "/news/[slug]",
        "buildId": "x7Yh2",
    }
    page = _page(
        "",
        SHELL + f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>",
    )
    article = clean(html=page)
    assert article.text.split("\n\n") == PARAGRAPHS
    assert "Bus fares" not in article.text and "petition" not in article.text


def test_script_data_does_not_replace_an_article_the_dom_holds() -> None:
    ld = {"@type": "NewsArticle", "articleBody": PARAGRAPHS[0]}  # a truncated copy
    body = (
        "<article><h1>Railway line to reopen</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article>"
    )
    page = _page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", body)
    assert clean(html=page).text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize(
    ("script", "found"),
    [
        # a description alone is a summary, not the body
        (json.dumps({"@type": "NewsArticle", "description": PARAGRAPHS[0]}), ""),
        # an articleBody with HTML in it keeps its paragraphs
        (
            json.dumps(
                {"@type": "Article", "articleBody": "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])}
            ),
            "\n".join(PARAGRAPHS[:2]),
        ),
        # broken JSON is skipped
        (json.dumps({"@type": "NewsArticle", "articleBody": PARAGRAPHS[0]})[:-1], ""),
    ],
)
def test_what_script_body_reads(script: str, found: str) -> None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(
        f"<html><head><script type='application/ld+json'>{script}</script></head>"
        "<body><p>x</p></body></html>"
    )
    assert script_body(tree) == found


def test_a_shell_without_any_article_still_raises() -> None:
    with pytest.raises(ExtractionError):
        clean(html=_page("", "<main><div id='root'></div></main>"))


def _article_page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return _page("", f"<article><h1>Railway line to reopen</h1>{body}</article>")


def test_a_text_much_shorter_than_the_densest_container_is_extracted_again(monkeypatch) -> None:
    import newsclean.html.extract as extract

    calls = []

    def first_sentence_then_whole(tree, url, *, compare=False):
        calls.append(compare)
        return {"text": "\n".join(PARAGRAPHS) if compare else PARAGRAPHS[0]}

    monkeypatch.setattr(extract, "_extract", first_sentence_then_whole)
    text, _ = extract.extract_html(_article_page())
    assert text.split("\n") == PARAGRAPHS and calls == [False, True]


def test_a_text_that_holds_the_densest_container_is_not_extracted_again(monkeypatch) -> None:
    import newsclean.html.extract as extract

    calls = []

    def whole(tree, url, *, compare=False):
        calls.append(compare)
        return {"text": "\n".join(PARAGRAPHS[1:])}  # three of four paragraphs: not lost

    monkeypatch.setattr(extract, "_extract", whole)
    assert extract.extract_html(_article_page())[0].split("\n") == PARAGRAPHS[1:]
    assert calls == [False]


def test_a_page_state_with_the_body_as_one_html_string() -> None:
    state = {
        "story": {
            "headline": "Railway line to reopen after 59 years",
            "dek": "The council approved the plan on Tuesday, after a petition of 12,000 names.",
            "bodyHtml": "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        }
    }
    script = f"<script type='application/json' id='state'>{json.dumps(state)}</script>"
    assert clean(html=_page("", SHELL + script)).text.split("\n\n") == PARAGRAPHS
