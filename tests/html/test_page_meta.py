"""Page metadata read from the parsed page: meta tags, JSON-LD, <title> and <h1>."""

from __future__ import annotations

from lxml import html as lxml_html

from newsclean.html.page_meta import page_metadata


def meta(head: str, body: str = "<p>Text.</p>", url: str | None = None) -> dict:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return page_metadata(lxml_html.fromstring(page), url)


def test_open_graph_and_article_tags() -> None:
    found = meta(
        '<meta property="og:title" content="Kyiv lifts curfew">'
        '<meta property="og:site_name" content="Kyiv Post">'
        '<meta property="og:description" content="One night only.">'
        '<meta property="article:published_time" content="2023-12-30T18:00:00+02:00">'
        '<meta property="article:section" content="World">'
        '<meta property="article:tag" content="Kyiv"><meta property="article:tag" content="curfew">'
        '<meta name="author" content="By Olena Petrenko">'
        '<link rel="canonical" href="https://example.com/kyiv-curfew">'
    )
    assert found == {
        "title": "Kyiv lifts curfew",
        "sitename": "Kyiv Post",
        "description": "One night only.",
        "published": "2023-12-30T18:00:00+02:00",  # the declared time and offset are kept
        "categories": ["World"],
        "tags": ["Kyiv", "curfew"],
        "author": "Olena Petrenko",
        "url": "https://example.com/kyiv-curfew",
    }


def test_json_ld_news_article_in_a_graph() -> None:
    found = meta(
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Example"},'
        '{"@type": "NewsArticle", "headline": "Minsk talks resume",'
        ' "datePublished": "2023-04-06T11:03:23Z",'
        ' "author": [{"@type": "Person", "name": "Anna Schmidt"}, {"name": "Ivan Petrov"}],'
        ' "publisher": {"@type": "Organization", "name": "Example News"},'
        ' "articleSection": "Politics", "keywords": ["Belarus", "talks"]}]}</script>'
    )
    assert found["title"] == "Minsk talks resume"
    assert found["author"] == "Anna Schmidt, Ivan Petrov"
    assert found["sitename"] == "Example News"
    assert found["published"] == "2023-04-06T11:03:23+00:00"  # with its time and offset
    assert found["categories"] == ["Politics"] and found["tags"] == ["Belarus", "talks"]


def test_title_falls_back_on_the_only_h1_then_on_the_longest_part_of_title() -> None:
    assert meta("<title>Site</title>", "<h1>Minsk talks resume</h1>")["title"] == (
        "Minsk talks resume"
    )
    two_h1 = "<h1>Menu</h1><h1>Other</h1>"
    assert meta("<title>Minsk talks resume | Example News</title>", two_h1)["title"] == (
        "Minsk talks resume"
    )


def test_broken_json_ld_and_author_urls_are_ignored() -> None:
    found = meta(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<meta property="article:author" content="https://facebook.com/someone">'
        '<meta name="author" content="Jane Doe">'
    )
    assert found.get("author") == "Jane Doe"
    assert "title" not in found


def test_dates_are_the_same_on_every_day() -> None:
    # A date far in the future is not believed, whatever today's date is.
    found = meta('<meta property="article:published_time" content="2999-01-01">')
    assert "published" not in found


def test_url_given_by_the_caller_when_the_page_has_none() -> None:
    assert meta("", url="https://example.com/a")["url"] == "https://example.com/a"


def test_json_ld_headline_given_as_a_list_is_its_text() -> None:
    # Issue 18: the title was written as the Python repr "['Minsk talks', 'resume']".
    from newsclean import clean

    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": ["Minsk talks", " resume "], "description": ["Talks resume", 7]}</script>'
    )
    found = meta(head)
    assert found["title"] == "Minsk talks resume"
    assert found["description"] == "Talks resume"
    body = "<article><p>" + "Delegations met again in Minsk on Tuesday, officials said. " * 3
    page = f"<html><head>{head}</head><body>{body}</p></article></body></html>"
    assert clean(html=page).title == "Minsk talks resume"
