"""What is removed from a page's tree before trafilatura reads it, and how a split body is found.

Lists of teaser links (related stories), a standfirst printed as a subheading and hidden
schema.org blocks are not the article, but trafilatura would keep them. A page whose body is
printed in several sibling containers (the same element and class, with ads or asides between
them) has them joined, since trafilatura reads only the first.
"""

from __future__ import annotations

import re
from typing import Any


def _prepare(tree: Any) -> None:
    """Remove from the page what trafilatura would keep but is not the article."""
    _drop_link_lists(tree)
    _drop_standfirst(tree)
    _drop_hidden_metadata(tree)
    _drop_named_boxes(tree)
    _drop_inline_teasers(tree)
    _math_as_text(tree)


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
    if len(parts) < 2 or _nested(parts):
        return None
    return sum(len(p.text_content()) for part in parts for p in part.iterchildren("p"))


def _nested(parts: list[Any]) -> bool:
    """Whether one of ``parts`` is inside another: each one's ancestors are looked up among them
    once (comparing every pair took time quadratic in their number)."""
    members = set(parts)
    return any(ancestor in members for part in parts for ancestor in part.iterancestors())


def _join_split_body(tree: Any) -> bool:
    """Move the content of every later body container into the first one, in page order, so
    that the asides between them no longer cut the article."""
    parts = _body_containers(tree)
    if len(parts) < 2:
        return False
    if _nested(parts):
        return False
    first = parts[0]
    for part in parts[1:]:
        first.extend(list(part))
    return True


# Words in an element's class or id that name a box beside the article: teasers, sign-up
# prompts, share rows, comments, tag lists, the author's biography. Matched as whole words of
# the class or id ("related-stories", "newsletter_signup", "share"), never inside a word.
_BOX_WORDS = frozenset(
    "related recommended recirculation newsletter promo promotion sharing share social "
    "comments comment tags taglist authorbio author-bio bio outbrain taboola".split()
)
_NAME_WORD = re.compile(r"[a-z]+(?:-bio)?")
# A named box holds at most this share of the page's paragraph text: a class like "comments"
# on a wrapper around the whole article must not take the article with it.
_BOX_SHARE = 0.2


def _box_name(element: Any) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(names.strip()) and any(w in _BOX_WORDS for w in _NAME_WORD.findall(names))


def _drop_named_boxes(tree: Any) -> int:
    """Remove the elements whose class or id names a box beside the article (see
    ``_BOX_WORDS``) and that hold less than ``_BOX_SHARE`` of the page's paragraph text.
    Returns how many went."""
    total = sum(len(p.text_content()) for p in tree.iter("p"))
    dropped = 0
    for element in list(tree.iter("div", "section", "aside", "ul", "ol", "nav", "footer")):
        if not _box_name(element) or element.getparent() is None:
            continue
        inside = sum(len(p.text_content()) for p in element.iter("p"))
        if inside <= _BOX_SHARE * total:
            element.drop_tree()
            dropped += 1
    return dropped


# An inline cluster of teasers holds at least this many linked headlines of at least
# _TEASER_WORDS words each (a span inside a sentence; a paragraph of its own needs
# _TEASER_PARAGRAPH of them, and a label such as "DON'T MISS" or "[VIDEO]" may stand beside them).
_INLINE_TEASERS = 2
_TEASER_PARAGRAPH = 3
_TEASER_WORDS = 4
# Share of a cluster's characters that are link text.
_TEASER_LINK_SHARE = {"span": 0.8, "p": 0.75}


def _drop_inline_teasers(tree: Any) -> int:
    """Remove the clusters of linked headlines printed inside the article's paragraphs: a span
    inside a paragraph holding only headlines, two or more of four words or more (a hover card
    that prints a person's latest stories inside the sentence that names them), and a paragraph
    made of three or more such headlines, one per line ("DON'T MISS" boxes in the body).
    Returns how many went."""
    dropped = 0
    # innermost first: a span that wraps the name linked in the sentence and its card loses
    # only the card
    for cluster in reversed(tree.xpath("//p//span[.//a] | //p[.//a]")):
        if cluster.getparent() is None:
            continue
        text = " ".join(cluster.text_content().split())
        links = [" ".join(a.text_content().split()) for a in cluster.iter("a")]
        headlines = [link for link in links if len(link.split()) >= _TEASER_WORDS]
        tag = "p" if cluster.tag == "p" else "span"
        least = _TEASER_PARAGRAPH if tag == "p" else _INLINE_TEASERS
        if len(headlines) < least or sum(map(len, links)) < _TEASER_LINK_SHARE[tag] * len(text):
            continue
        cluster.drop_tree()
        dropped += 1
    return dropped


def _math_as_text(tree: Any) -> int:
    """Replace every MathML ``<math>`` element by its symbols as plain text, one space between
    tokens (``<mi>a</mi><mo>≠</mo><mn>0</mn>`` → ``a ≠ 0``): trafilatura drops MathML, and a
    formula is part of the sentence that holds it. Annotations (TeX source) are left out.
    Returns how many were replaced."""
    replaced = 0
    for math in list(tree.iter("math", "{*}math")):
        parent = math.getparent()
        if parent is None:
            continue
        tokens = [
            " ".join(node.text.split())
            for node in math.iter()
            if isinstance(node.tag, str)
            and not str(node.tag).endswith(("annotation", "annotation-xml"))
            and node.text
            and node.text.strip()
        ]
        span = math.makeelement("span", {})
        span.text = " ".join(tokens)
        span.tail = math.tail
        parent.replace(math, span)
        replaced += 1
    return replaced
