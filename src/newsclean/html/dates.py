"""The publication date a page declares, with its time and offset when the page gives them.

htmldate finds the page's original publication date but returns only the day. Pages that
declare a full timestamp (``<meta property="article:published_time"
content="2024-12-30T10:00:00Z">``, JSON-LD ``datePublished``, ``<time datetime>``) give the
hour and the offset too; :func:`with_time` puts them back when the timestamp is for the day
htmldate chose.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

# Meta tags (name, property or itemprop) that hold the publication timestamp, in order of trust.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "date",
)


def declared_timestamps(tree: Any) -> Iterator[str]:
    """The page's declared publication timestamps as written, most trusted first: meta tags,
    JSON-LD ``datePublished``, then ``<time datetime>`` marked as the publication date."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key in _PUBLISHED_META and content:
            found.setdefault(key, content)
    for key in _PUBLISHED_META:
        if key in found:
            yield found[key]
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        yield from _json_ld_dates(data)
    for time in tree.xpath('//time[@datetime][@itemprop="datePublished" or @pubdate]'):
        yield str(time.get("datetime")).strip()


def json_ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document that may describe something (a ``@graph``, a list
    of objects, or one object), not descending far."""
    if depth > 3:
        return
    if isinstance(data, list):
        for entry in data:
            yield from json_ld_items(entry, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from json_ld_items(data["@graph"], depth + 1)


def _json_ld_dates(data: Any) -> Iterator[str]:
    """The ``datePublished`` of every object of a JSON-LD document (found by
    :func:`json_ld_items`, as the page's other JSON-LD metadata is)."""
    for item in json_ld_items(data):
        value = item.get("datePublished")
        if isinstance(value, str) and value.strip():
            yield value.strip()


def with_time(day: str | None, tree: Any) -> str | None:
    """``day`` (htmldate's ``YYYY-MM-DD``) as the first declared timestamp of that day that
    carries a time, normalized to ISO 8601 with its offset (``2024-12-30T10:00:00Z`` →
    ``2024-12-30T10:00:00+00:00``); ``day`` itself when none does."""
    from newsclean.cleaners.timestamp import iso_date

    if not day:
        return day
    for value in declared_timestamps(tree):
        stamp = iso_date(value)
        if stamp and len(stamp) > len(day) and stamp.startswith(day):
            return stamp
    return day
