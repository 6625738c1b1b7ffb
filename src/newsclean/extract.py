"""HTML to text and metadata, with trafilatura."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Any


class ExtractionError(ValueError):
    """trafilatura found no article text in the page."""


# A charset declared in the page: <meta charset="…"> or the http-equiv Content-Type meta tag.
_DECLARED = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
# How far into the page a declaration is looked for (browsers look at the first 1,024 bytes).
_DECLARATION_WINDOW = 4096
# Labels browsers read as windows-1252 (the WHATWG Encoding Standard): pages labelled Latin-1 are
# in practice Windows-1252, whose curly quotes and dashes Latin-1 reads as control characters.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}


def decode_html(data: bytes) -> str:
    """The page as text: a byte-order mark wins, then valid UTF-8, then the charset the page
    declares if the bytes decode with it, else the encoding trafilatura detects."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    found = _DECLARED.search(data[:_DECLARATION_WINDOW])
    if found:
        label = found.group(1).decode("ascii").lower()
        encoding = "cp1252" if label in _WINDOWS_1252 else label
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # unknown label, or the declaration is wrong: detect instead
    from trafilatura.utils import decode_file

    return decode_file(data)


def extract_html(html: str | bytes, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (one paragraph per line) and its metadata, in newsclean's names.

    ``html`` may be bytes, decoded by :func:`decode_html`. The page is parsed once: its declared
    metadata is read from the tree (:mod:`newsclean.page_meta`), then trafilatura extracts the
    main text from the same tree.

    Lists of teaser links (related stories) are removed from the page first
    (:func:`_drop_link_lists`). A page whose article body is printed in several sibling
    containers (the same element and class, with ads or asides between them) is extracted again
    with the containers joined when trafilatura's text covers only part of them
    (see :func:`_split_body`)."""
    from trafilatura.utils import load_html

    from newsclean.page_meta import page_metadata

    if isinstance(html, bytes):
        html = decode_html(html)
    tree = load_html(html)
    if tree is None:
        raise ExtractionError("not an HTML page (the parser found no document in it)")
    meta = page_metadata(tree, url)
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
    if not text.strip():
        raise ExtractionError("no article text found in the HTML")
    return text, meta


def _prepare(tree: Any) -> None:
    """Remove from the page what trafilatura would keep but is not the article."""
    _drop_link_lists(tree)
    _drop_standfirst(tree)
    _drop_hidden_metadata(tree)


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
    from trafilatura import bare_extraction

    # with_metadata stays at its default (off in 2.x): the metadata is read by page_meta. Before
    # 1.11 the option meant something else (1.8 and 1.9: keep only pages with a date, a title and
    # a URL; 1.10: an error), so it is never passed.
    options = {} if compare else _skip_comparison()
    result = bare_extraction(tree, url=url, include_comments=False, include_tables=True, **options)
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()


@lru_cache(maxsize=1)
def _skip_comparison() -> dict[str, Any]:
    """trafilatura's option to skip comparing its text with readability's and jusText's (``fast``
    from 2.0, ``no_fallback`` before). Its own rescues still run: the baseline extraction when
    the text is short, and from 2.0 a retry favouring recall when it covers little of the page.
    On the article-extraction benchmark the comparison cost about a quarter of the extraction
    time and made no page better on balance (``bench/aeb.py``: F1 0.9756 with it, 0.9760
    without; recall 0.9841 and 0.9849)."""
    import inspect

    from trafilatura import bare_extraction

    parameters = inspect.signature(bare_extraction).parameters
    for name in ("fast", "no_fallback"):
        if name in parameters:
            return {name: True}
    return {}  # pragma: no cover


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# A list of teasers has at least this many items.
_TEASER_ITEMS = 3
# A teaser card: a linked heading and a summary of at most this many words in all.
_CARD_WORDS = 40


def _words(text: str) -> int:
    return len(text.split())


def _teaser_item(item: Any) -> bool:
    """Whether a list item is a teaser: its text all link text (a linked headline), or a linked
    heading with at most a one-line summary under it."""
    text = " ".join(item.text_content().split())
    if not text:
        return True
    linked = " ".join(" ".join(a.text_content().split()) for a in item.iter("a"))
    if len(linked) >= 0.9 * len(text):
        return True
    heads = [h for h in item.iter(*_HEADINGS) if next(h.iter("a"), None) is not None]
    return bool(heads) and _words(text) <= _CARD_WORDS


def _drop_link_lists(tree: Any) -> int:
    """Remove the lists (``ul``/``ol``) whose items are all teasers, at least three of them of
    three words or more: related-story lists and cards. Returns how many went."""
    dropped = 0
    for found in list(tree.iter("ul", "ol")):
        items = list(found.iterchildren("li"))
        if len(items) < _TEASER_ITEMS or next(found.iter("a"), None) is None:
            continue  # too short, or without a link: no list of teasers
        if not all(_teaser_item(item) for item in items):
            continue
        if sum(_words(item.text_content()) >= 3 for item in items) < _TEASER_ITEMS:
            continue  # a row of one-word links (a menu, tags) is left to trafilatura
        if found.getparent() is not None:
            found.drop_tree()
            dropped += 1
    return dropped


_WORD = re.compile(r"\w+")
# The meta tags that hold the page's summary.
_DESCRIPTIONS = ("description", "og:description", "twitter:description")
# A standfirst has at least this many words.
_STANDFIRST_WORDS = 5


def _drop_standfirst(tree: Any) -> int:
    """Remove the standfirst printed as a subheading: an ``h2``…``h6`` whose words are those of
    the page's description meta tag. The description itself stays metadata. Returns how many
    went."""
    summaries = set()
    for meta in tree.iter("meta"):
        if (meta.get("name") or meta.get("property") or "").lower() in _DESCRIPTIONS:
            words = tuple(_WORD.findall(meta.get("content") or ""))
            if len(words) >= _STANDFIRST_WORDS:
                summaries.add(words)
    if not summaries:
        return 0
    dropped = 0
    for heading in list(tree.iter(*_HEADINGS)):
        if tuple(_WORD.findall(heading.text_content())) in summaries:
            if heading.getparent() is not None:
                heading.drop_tree()
                dropped += 1
    return dropped


_HIDDEN = re.compile(r"display\s*:\s*none", re.I)


def _drop_hidden_metadata(tree: Any) -> int:
    """Remove hidden schema.org blocks: an element with ``itemscope`` or ``itemprop`` that the
    page hides with ``display: none``. It repeats the headline, the summary, dates and image
    addresses for machines. Returns how many went."""
    dropped = 0
    for element in list(tree.xpath("//*[@itemscope or @itemprop][@style]")):
        if _HIDDEN.search(element.get("style") or "") and element.getparent() is not None:
            element.drop_tree()
            dropped += 1
    return dropped


# A paragraph shorter than this (characters) does not vote for its container.
_BODY_PARAGRAPH = 40
# Each container of a split body holds at least this much paragraph text (characters): teaser
# cards that share a class hold a line or two.
_BODY_PART = 400
# Extract again when trafilatura's text is shorter than this share of the containers' text.
_SPLIT_BODY_SHARE = 0.7


def _body_containers(tree: Any) -> list[Any]:
    """The elements holding the page's prose: among the parents of paragraphs, those of the
    element-and-class kind with the most paragraph text, each with at least ``_BODY_PART``
    characters of it, in page order."""
    text: dict[Any, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None:
            continue
        size = len(paragraph.text_content())
        if size >= _BODY_PARAGRAPH:
            text[parent] = text.get(parent, 0) + size
    kinds: dict[tuple[str, str], int] = {}
    for parent, size in text.items():
        kind = (str(parent.tag), parent.get("class") or "")
        kinds[kind] = kinds.get(kind, 0) + size
    if not kinds:
        return []
    tag, cls = max(kinds, key=lambda kind: kinds[kind])
    return [
        parent
        for parent, size in text.items()
        if parent.tag == tag and (parent.get("class") or "") == cls and size >= _BODY_PART
    ]


def _split_body(tree: Any) -> int | None:
    """The paragraph text (characters) of the page's body containers when the body is split over
    several of them, none inside another; ``None`` when it is not split."""
    parts = _body_containers(tree)
    if len(parts) < 2 or any(a is not b and b in a.iterancestors() for a in parts for b in parts):
        return None
    return sum(len(p.text_content()) for part in parts for p in part.iterchildren("p"))


def _join_split_body(tree: Any) -> bool:
    """Move the content of every later body container into the first one, in page order, so
    that the asides between them no longer cut the article."""
    parts = _body_containers(tree)
    if len(parts) < 2:
        return False
    first = parts[0]
    for part in parts[1:]:
        if first in part.iterancestors() or part in first.iterancestors():
            return False
    for part in parts[1:]:
        first.extend(list(part))
    return True


def _extends(text: str, longer: str) -> bool:
    """Whether ``longer`` is clearly longer than ``text`` and keeps nearly all of its lines."""
    if len(longer) < 1.3 * len(text):
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    kept = sum(1 for line in lines if line in longer)
    return kept >= 0.9 * len(lines)
