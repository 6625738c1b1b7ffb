"""HTML to text and metadata, with trafilatura.

trafilatura, htmldate and what they import are imported with this module, not on first use: an
import cut short by the time budget leaves modules half initialized, and every later page then
failed (``AttributeError: module 'urllib3' has no attribute 'util'``). Whoever cleans HTML under
a clock imports this module first: the runner's workers do (for :class:`ExtractionError`), and
``clean()`` before it starts its own clock. ``import newsclean`` alone does not load them.
"""

from __future__ import annotations

from typing import Any

import htmldate  # noqa: F401 - loaded now, not under a clock (see above)
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from newsclean.caches import once
from newsclean.html.decode import decode_html
from newsclean.html.page_meta import page_metadata
from newsclean.html.prepare import (
    _SPLIT_BODY_SHARE,
    _join_split_body,
    _prepare,
    _split_body,
)
from newsclean.html.recover import dense_text, script_body


class ExtractionError(ValueError):
    """trafilatura found no article text in the page."""


def extract_html(html: str | bytes, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (one paragraph per line) and its metadata, in newsclean's names.

    ``html`` may be bytes, decoded by :func:`decode_html`. The page is parsed once: its declared
    metadata is read from the tree (:mod:`newsclean.html.page_meta`), then trafilatura extracts the
    main text from the same tree.

    Lists of teaser links (related stories) are removed from the page first
    (:func:`_drop_link_lists`). A page whose article body is printed in several sibling
    containers (the same element and class, with ads or asides between them) is extracted again
    with the containers joined when trafilatura's text covers only part of them
    (see :func:`_split_body`)."""
    if isinstance(html, bytes):
        html = decode_html(html)
    tree = load_html(html)
    if tree is None:
        raise ExtractionError("not an HTML page (the parser found no document in it)")
    meta = page_metadata(tree, url)
    held = script_body(tree)
    dense = dense_text(tree)
    _prepare(tree)
    parts = _split_body(tree)
    text = _extract(tree, url).get("text") or ""
    if parts is not None and len(text) < _SPLIT_BODY_SHARE * parts:
        joined = load_html(html)  # trafilatura may have changed the first tree
        if joined is not None:
            _prepare(joined)
            if _join_split_body(joined):
                more = _extract(joined, url).get("text") or ""
                if _extends(text, more):
                    text = more
    share = _prose_share(text)
    if share < _MIN_PROSE_SHARE:
        # Mostly short lines: perhaps a menu or a list of links taken for the article. trafilatura
        # with its comparison against readability and jusText gets another chance; the text with
        # more prose wins.
        again = load_html(html)
        if again is not None:
            _prepare(again)
            other = _extract(again, url, compare=True).get("text") or ""
            if _prose_share(other) > share:
                text = other
    text = _recover(html, url, text, held, dense)
    if not text.strip():
        raise ExtractionError("no article text found in the HTML")
    return text, meta


# An extraction shorter than this share of what the page holds (its densest container of
# paragraphs, its body in script data) has probably lost the article; see _recover.
_LOST_SHARE = 0.5


def _recover(html: str, url: str | None, text: str, held: str, dense: int) -> str:
    """The text, or what recovers the article when the text is much shorter than what the page
    holds: trafilatura's extraction with its fallbacks (readability, jusText) when it is clearly
    longer, then the body in script data (JSON-LD ``articleBody``, ``__NEXT_DATA__``) when the
    text is still much shorter than it."""
    if held and held.count("\n") > text.count("\n") and text.split() == held.split():
        return held  # trafilatura's own fallback read the same body without its paragraphs
    holds = max(len(held), dense)
    if len(text) >= _LOST_SHARE * holds:
        return text
    from trafilatura.utils import load_html

    again = load_html(html)
    if again is not None:
        _prepare(again)
        other = _extract(again, url, compare=True).get("text") or ""
        if len(other) >= 1.3 * len(text):
            text = other
    if held and len(text) < _LOST_SHARE * len(held):
        text = held
    return text


# Below this share of its characters in prose lines, an extraction is checked again (see
# extract_html); on the benchmark, 8 pages of 181.
_MIN_PROSE_SHARE = 0.5


def _prose_share(text: str) -> float:
    """The share of ``text``'s characters in lines of prose: 100 characters or more, or 40 or more
    ending a sentence."""
    lines = [line.strip() for line in text.splitlines()]
    total = sum(len(line) for line in lines)
    prose = sum(
        len(line)
        for line in lines
        if len(line) >= 100 or (len(line) >= 40 and line.endswith((".", "!", "?", '"', "”")))
    )
    return prose / total if total else 0.0


def _extract(tree: Any, url: str | None, *, compare: bool = False) -> dict[str, Any]:
    """trafilatura's result for a parsed page as a dict (trafilatura 1.x returns a dict, 2.x a
    Document); empty when it finds nothing. ``compare`` lets trafilatura compare its text with
    readability's and jusText's (see :func:`_skip_comparison`)."""
    # with_metadata stays at its default (off in 2.x): the metadata is read by page_meta. Before
    # 1.11 the option meant something else (1.8 and 1.9: keep only pages with a date, a title and
    # a URL; 1.10: an error), so it is never passed.
    options = {} if compare else _skip_comparison()
    result = bare_extraction(tree, url=url, include_comments=False, include_tables=True, **options)
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()


@once
def _skip_comparison() -> dict[str, Any]:
    """trafilatura's option to skip comparing its text with readability's and jusText's (``fast``
    from 2.0, ``no_fallback`` before). Its own rescues still run: the baseline extraction when
    the text is short, and from 2.0 a retry favouring recall when it covers little of the page.
    On the article-extraction benchmark the comparison cost about a quarter of the extraction
    time and made no page better on balance (``bench/aeb.py``: F1 0.9756 with it, 0.9760
    without; recall 0.9841 and 0.9849)."""
    import inspect

    parameters = inspect.signature(bare_extraction).parameters
    for name in ("fast", "no_fallback"):
        if name in parameters:
            return {name: True}
    return {}  # pragma: no cover


def _extends(text: str, longer: str) -> bool:
    """Whether ``longer`` is clearly longer than ``text`` and keeps nearly all of its lines."""
    if len(longer) < 1.3 * len(text):
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    kept = sum(1 for line in lines if line in longer)
    return kept >= 0.9 * len(lines)
