"""What the page holds besides trafilatura's text: its body in script data, its densest container.

Some pages carry the article only in script data: schema.org JSON-LD ``articleBody``, or the
state a JavaScript framework renders from (Next.js's ``<script id="__NEXT_DATA__">``, other
``<script type="application/json">`` blocks). :func:`script_body` reads it. The HTML path uses
it when the DOM gives no text, and as one measure of how much article the page holds: when
trafilatura's text is much shorter than the page's body in script data or than its densest
container of paragraphs (:func:`dense_text`), the extraction has probably lost the article, and
:mod:`newsclean.html.extract` tries again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

# A string in script data is prose when it is at least this long (characters) and holds a space
# or is CJK text: teaser titles, labels and identifiers are shorter or have no spaces.
_PROSE = 80
# JSON keys that hold the article's body, by what frameworks and schema.org call it ("body",
# "articleBody", "bodyHtml", "content_html", "paragraphs", "blocks"…), compared lower-cased.
_BODY_KEY = re.compile(
    r"(?:article|story|post)?_?(?:body|content|text|html|paragraphs?|blocks?)_?(?:html|text)?"
)
# Keys whose strings are never body text: summaries, captions, credits, addresses.
_NOT_BODY = re.compile(
    r"description|summary|excerpt|caption|credit|alt|title|headline|url|href|src|image|seo|"
    r"teaser|dek|subtitle|kicker|byline|author|name|slug|id$",
    re.I,
)
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Scripts larger than this (characters) are not read: a page's state is rarely bigger, and
# parsing JSON is linear but not free.
_MAX_SCRIPT = 5_000_000
# The deepest JSON nesting followed.
_MAX_DEPTH = 40


def script_body(tree: Any) -> str:
    """The article body the page keeps in script data, one paragraph per line ("" when none):
    the longest JSON-LD ``articleBody``, else the group of prose strings under body-like keys of
    a JSON script (same key path, list positions ignored) with the most text, in page order."""
    best = ""
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        source = script.text or ""
        if "json" not in kind or not source.strip() or len(source) > _MAX_SCRIPT:
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        groups: dict[str, list[str]] = {}
        for path, value in _strings(data, "", 0):
            if _is_body_path(path, kind) and _is_prose(value):
                groups.setdefault(path, []).append(value)
        for values in groups.values():
            text = "\n".join(_lines(v) for v in values)
            if len(text) > len(best):
                best = text
    return best.strip()


def _strings(data: Any, path: str, depth: int) -> Iterator[tuple[str, str]]:
    """Every string in a JSON value with its key path (list positions left out)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, path, depth + 1)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}/{key}", depth + 1)


def _is_body_path(path: str, kind: str) -> bool:
    """Whether a key path may hold body text: JSON-LD's ``articleBody`` (only it, in JSON-LD), or
    in other script data a path through a body-like key and no summary-like key."""
    keys = [k for k in path.lower().split("/") if k]
    if not keys:
        return False
    if "ld+json" in kind:
        return keys[-1] == "articlebody"
    return any(_BODY_KEY.fullmatch(k) for k in keys) and not _NOT_BODY.search(keys[-1])


def _is_prose(value: str) -> bool:
    return len(value) >= _PROSE and (" " in value or bool(_CJK.search(value)))


def _lines(value: str) -> str:
    """A string from script data as lines: HTML turned into text with its paragraphs and line
    breaks kept, plain text as it is."""
    if not _TAG.search(value):
        return "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ValueError, TypeError):  # lxml's ParserError is a ValueError
        return value
    for element in root.iter("p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li"):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    text = root.text_content()
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


# A paragraph counts toward its container's text from this many characters on (shorter ones are
# labels, credits, buttons).
_DENSE_PARAGRAPH = 25


def dense_text(tree: Any) -> int:
    """Characters of paragraph text in the page's densest container: the element whose own
    ``<p>`` children (of at least ``_DENSE_PARAGRAPH`` characters) hold the most text."""
    sizes: dict[Any, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None:
            continue
        size = len(" ".join(paragraph.text_content().split()))
        if size >= _DENSE_PARAGRAPH:
            sizes[parent] = sizes.get(parent, 0) + size
    return max(sizes.values(), default=0)
