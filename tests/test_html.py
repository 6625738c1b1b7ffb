"""HTML input goes through trafilatura, then the same cleaner chain as text."""

from __future__ import annotations

import importlib

import pytest

from newsclean import clean
from newsclean.extract import ExtractionError

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Kyiv lifts curfew for New Year | Example Daily</title>
<meta property="og:title" content="Kyiv lifts curfew for New Year">
<meta name="author" content="Olena Petrenko">
<meta property="article:published_time" content="2024-12-30T09:15:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kyiv lifts curfew for New Year</h1>
<p>The city administration said on Friday that the curfew would be lifted for one night,
from 10 p.m. on December 31 until the morning of January 1.</p>
<p>Advertisement</p>
<p>Residents were asked to stay close to shelters and to follow air raid alerts in the official
apps, the administration said in a statement on its Telegram channel.</p>
<p>Read more: Kyiv metro stations to stay open overnight</p>
</article>
<footer>© 2024 Example Daily. All rights reserved.</footer>
</body></html>"""


def test_html_page_is_extracted_and_cleaned() -> None:
    article = clean(html=PAGE, url="https://example.org/kyiv-curfew")
    assert article.title == "Kyiv lifts curfew for New Year"
    assert article.author == "Olena Petrenko"
    assert article.url == "https://example.org/kyiv-curfew"
    assert article.published is not None and article.published.startswith("2024-12-30")
    assert "lifted for one night" in article.text
    assert "follow air raid alerts" in article.text
    assert "Advertisement" not in article.text
    assert "Read more" not in article.text
    assert "Kyiv lifts curfew for New Year" not in article.text


def test_page_without_article_text_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        clean(html="<html><head><title>x</title></head><body></body></html>")


@pytest.mark.parametrize(
    "module", ["trafilatura", "justext", "lxml.html.clean", "ftfy", "langdetect"]
)
def test_runtime_dependencies_import(module: str) -> None:
    """A fresh install must import everything trafilatura's extraction paths need."""
    importlib.import_module(module)
