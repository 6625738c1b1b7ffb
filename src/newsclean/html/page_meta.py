"""What a page says about itself: title, author, date, site, url, description, categories, tags.

News pages declare their metadata for search engines and social networks: Open Graph and
``article:*`` meta tags, ``name=`` meta tags (``author``, ``description``, ``keywords``), a
``<link rel="canonical">`` and schema.org JSON-LD (``NewsArticle``: ``headline``, ``author``,
``datePublished``, ``publisher``, ``articleSection``, ``keywords``). This module reads those from
the parsed page in one pass over its ``<meta>``, ``<link>`` and JSON-LD elements, falling back on
``<title>`` and ``<h1>`` for the title; the publication date comes from htmldate, limited to
the page's markup (its extensive search through the page text is slow, and guesses), with the
time and offset of a declared timestamp of that day put back (:mod:`newsclean.html.dates`). Reading
declared metadata directly costs a fraction of general-purpose metadata extraction, which
matters when the cleaning itself takes a millisecond.

The first source that has a field wins, in the order: Open Graph and ``article:*`` tags,
JSON-LD, other meta tags, then the document's ``<title>``/``<h1>``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.html import HtmlElement

from newsclean.conventions import label_list
from newsclean.html.dates import json_ld_items, with_time

# Meta tag names and properties, in order of preference, for each field.
_META = {
    "title": ("og:title", "twitter:title", "title", "dc.title", "sailthru.title"),
    "author": (
        "article:author",
        "author",
        "byl",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
    ),
    "sitename": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "url": ("og:url", "twitter:url"),
    "categories": ("article:section", "section", "parsely-section", "category"),
    "tags": ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"),
}
# JSON-LD types that describe the article itself.
_ARTICLE_TYPES = re.compile(r"(?:News|Blog|Report|Analysis|Opinion)?Article|BlogPosting|WebPage")
# "By Jane Doe" in a byline meta tag.
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
# Separators between a headline and the site's name in <title> ("Headline | Site").
_TITLE_PARTS = re.compile(r"\s+[|–—·»:-]\s+")
#: Dates after this are not believed; a fixed bound keeps the output the same on every day.
MAX_DATE = "2100-12-31"


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, Any]:
    """The page's declared metadata in newsclean's names (``published`` for the date); fields the
    page does not declare are left out. ``categories`` and ``tags`` are lists."""
    found: dict[str, Any] = {}
    tags = _meta_tags(tree)
    for field, keys in _META.items():
        if field == "tags":  # every source's tags, together
            found["tags"] = [tags[k] for k in keys if tags.get(k)]
            continue
        for key in keys:
            value = tags.get(key)
            if value and not (field == "author" and value.startswith(("http://", "https://"))):
                found.setdefault(field, value)
                break
    for field, value in _json_ld(tree).items():
        if field == "tags":
            found["tags"] += value if isinstance(value, list) else [value]
        # JSON-LD is more specific than generic meta tags, but not than Open Graph.
        elif field not in found or not _from_open_graph(tags, field):
            found[field] = value
    if "author" in found:
        found["author"] = _BY.sub("", found["author"]).strip()
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    if canonical and str(canonical[0]).startswith(("http://", "https://")):
        found.setdefault("url", str(canonical[0]).strip())
    if url:
        found.setdefault("url", url)
    if "title" not in found:
        title = _document_title(tree)
        if title:
            found["title"] = title
    for field in ("categories", "tags"):
        if field in found:
            found[field] = label_list(found[field], split_items=True, distinct=True)
            if not found[field]:
                del found[field]
    date = _date(tree, url)
    if date:
        found["published"] = date
    return {k: v for k, v in found.items() if v}


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """Every ``<meta>``'s content by its lower-cased name or property; the first one wins, and
    repeated ``article:tag`` tags are joined with commas."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if not key or not content:
            continue
        if key in tags and key in ("article:tag", "article:section"):
            tags[key] = f"{tags[key]}, {content}"
        else:
            tags.setdefault(key, content)
    return tags


def _from_open_graph(tags: dict[str, str], field: str) -> bool:
    return any(k.startswith(("og:", "article:")) and k in tags for k in _META.get(field, ()))


def _json_ld(tree: HtmlElement) -> dict[str, Any]:
    """Fields of the first schema.org article described in the page's JSON-LD."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for item in json_ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and _ARTICLE_TYPES.fullmatch(k) for k in kinds):
                continue
            found: dict[str, Any] = {}
            for field, key in (
                ("title", "headline"),
                ("description", "description"),
                ("categories", "articleSection"),
                ("tags", "keywords"),
            ):
                value = item.get(key)
                if field in ("title", "description") and isinstance(value, list):
                    # A headline given as a list of strings is its text, not a list.
                    value = " ".join(" ".join(v.split()) for v in value if isinstance(v, str))
                if isinstance(value, str):
                    found[field] = value.strip()
                elif isinstance(value, list):
                    found[field] = value
            author = _names(item.get("author"))
            if author:
                found["author"] = author
            publisher = _names(item.get("publisher"))
            if publisher:
                found["sitename"] = publisher
            if found:
                return found
    return {}


def _names(value: Any) -> str | None:
    """A person's or organization's name from JSON-LD: a string, an object with ``name``, or a
    list of them (joined with commas)."""
    values = value if isinstance(value, list) else [value]
    names = []
    for entry in values:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            names.append(" ".join(name.split()))
    return ", ".join(dict.fromkeys(names)) or None


def _document_title(tree: HtmlElement) -> str | None:
    """The only ``<h1>``, else the longest part of ``<title>`` ("Headline | Site")."""
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    headings = [h for h in headings if h]
    if len(headings) == 1:
        return headings[0]
    titles = tree.xpath("//head/title/text()") or tree.xpath("//title/text()")
    if not titles:
        return None
    title = " ".join(str(titles[0]).split())
    parts = _TITLE_PARTS.split(title)
    return max(parts, key=len) if parts else title or None


def _date(tree: HtmlElement, url: str | None) -> str | None:
    """The publication date declared in the page's markup, by htmldate (original date, not the
    last update; no search through the text)."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    try:
        day = find_date(
            tree, extensive_search=False, original_date=True, url=url, max_date=MAX_DATE
        )
    except Exception:  # noqa: BLE001 - a date is a nicety; never lose the article over it
        return None
    return with_time(day, tree)
