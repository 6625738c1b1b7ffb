"""Harvest labeled lines from the benchmark pages: every visible line of a page, labeled body or
junk by alignment with the page's gold article body.

    python bench/lines/harvest.py [--shared /work/shared] [--out bench/lines/out/lines.jsonl]

Pages: the 181 AEB pages (``bench/aeb``, gold = ``articleBody`` in ground-truth.json) and the real
pages of the Readability.js set (``bench/readability``, gold = ``expected.html`` turned into one
line per paragraph, list item, heading and cell; the 38 ``READABILITY_UNIT_TESTS`` are left out:
synthetic pages that test one rule of Readability.js, not articles; the lines of the 9
``READABILITY_NOT_ARTICLES`` are unlabeled). Nothing from them is committed: the
output directory is ignored by git, and this script regenerates it.

Each page gives three *documents* (ordered lists of lines), so the classifier sees lines as the
chain does and the junk a page can hold:
- ``newsclean``: newsclean's own extraction before the chain (``html.extract.extract_html``);
- ``recall``: trafilatura with ``favor_recall=True`` (more of the page, so more junk);
- ``dom``: the text of every visible block element of the page (menus, footers, forms included).

A line is labeled by the share of its 4-token shingles (``\\w+`` tokens, lowercased) found in the
gold body's shingles: ``body`` when at least ``BODY_COVER`` (0.7), ``junk`` when at most
``JUNK_COVER`` (0.2), unlabeled (``null``) in between: a line half in the gold is a block that mixes
article and junk, or the gold disagrees with itself; it stays in its document (its neighbours'
positions count it) but no score uses it; so does a line without a token (a rule, a bracket
from a block of code). A line of fewer than four tokens is ``body`` when it is
a whole gold line, ``junk`` when its tokens occur nowhere in the gold in that order, else
unlabeled. A line that is the page's title (its ``<title>``, ``og:title`` or ``<h1>``, compared as
tokens) is labeled ``title``: the gold bodies leave headlines out, but taking them is the
``headline`` cleaner's job (it keeps them as the title), not the line classifier's.

Output: one JSON object per line: ``{"site", "page", "source", "index", "count", "text",
"label"}`` — ``site`` groups pages of one site (the domain's name without its suffix for AEB,
``www.bbc.co.uk`` → ``bbc``; the folder name without its ``-N`` for Readability's pages), so that
evaluation can hold out whole sites.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from newsclean.html.extract import extract_html  # noqa: E402

BODY_COVER = 0.7
JUNK_COVER = 0.2
SHINGLE = 4
_TOKEN = re.compile(r"\w+")

# Readability.js's unit tests (a page built to test one rule, lorem ipsum or a few lines), and
# "data-url-image"/"table-style-attributes"/"dev418", test pages without an article.
READABILITY_UNIT_TESTS = frozenset(
    """003-metadata-preferred 004-metadata-space-separated-properties 005-unescape-html-entities
    base-url base-url-base-element base-url-base-element-relative basic-tags-cleaning
    comment-inside-script-parsing data-url-image dev418 embedded-videos hidden-nodes
    invalid-attributes js-link-replacement lazy-image-3 metadata-content-missing
    missing-paragraphs normalize-spaces ol parsely-metadata remove-aria-hidden remove-extra-brs
    remove-extra-paragraphs remove-script-tags reordering-paragraphs replace-brs
    replace-font-tags rtl-1 rtl-2 rtl-3 rtl-4 social-buttons style-tags-removal svg-parsing
    table-style-attributes title-and-h1-discrepancy title-en-dash visibility-hidden""".split()
)
# Pages whose expected output is not an article body: Readability keeps the whole content area,
# and on these that holds reference lists and navigation boxes (Wikipedia), an index of links
# (LWN's weekly edition), or listings of code and tables (an RFC, documentation). Their lines are
# harvested unlabeled: labeled by that gold, a reference list or a menu of links is "body".
READABILITY_NOT_ARTICLES = frozenset(
    """wikipedia wikipedia-2 wikipedia-3 wikipedia-4 lwn-1 ietf-1 toc-missing mercurial
    google-sre-book-1""".split()
)
# Folders of one site under two names.
_SITE_ALIASES = {"lifehacker-post-comment-load": "lifehacker", "lifehacker-working": "lifehacker"}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}

_BLOCK_TAGS = (
    "p div li h1 h2 h3 h4 h5 h6 td th tr dt dd blockquote figcaption caption pre section "
    "article header footer nav aside ul ol table form button label option address summary "
    "details figure main dl hr title"
).split()
_INVISIBLE = "script style noscript template svg head iframe object select textarea".split()


def site_of_url(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    labels = [part for part in host.split(".") if part and part != "www"]
    if len(labels) > 1:
        labels.pop()  # the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else host


def site_of_folder(name: str) -> str:
    if name in _SITE_ALIASES:
        return _SITE_ALIASES[name]
    return re.sub(r"-\d+$", "", name)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def dom_lines(tree: Any) -> list[str]:
    """The text of every visible block element, one line each (inline elements joined)."""
    for el in list(tree.iter(*_INVISIBLE)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(tree.iter()):
        if not isinstance(el.tag, str):
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        hidden = el.get("hidden") is not None or el.get("aria-hidden") == "true"
        if (hidden or "display:none" in style) and el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS, "br"):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return [line for line in (_squeeze(s) for s in tree.text_content().split("\n")) if line]


def gold_of_expected(html: str) -> str:
    """Readability's expected HTML as plain text: one line per block element."""
    tree = lxml.html.fromstring(html)
    return "\n".join(dom_lines(tree))


class Gold:
    """The gold body, ready for labeling lines against it."""

    def __init__(self, text: str):
        toks = tokens(text)
        self.shingles = {tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}
        self.lines = {tuple(tokens(line)) for line in text.splitlines()}
        self.joined = " " + " ".join(toks) + " "

    def label(self, line: str) -> str | None:
        toks = tokens(line)
        if not toks:
            return None  # punctuation or symbols only (a rule, a line of code): no alignment
        if len(toks) < SHINGLE:
            if tuple(toks) in self.lines:
                return "body"
            return None if " " + " ".join(toks) + " " in self.joined else "junk"
        runs = [tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)]
        cover = sum(run in self.shingles for run in runs) / len(runs)
        if cover >= BODY_COVER:
            return "body"
        return "junk" if cover <= JUNK_COVER else None


def titles_of(tree: Any) -> set[tuple[str, ...]]:
    found = set()
    for text in tree.xpath("//title//text() | //h1//text()"):
        found.add(tuple(tokens(text)))
    for text in tree.xpath("//meta[@property='og:title']/@content"):
        found.add(tuple(tokens(text)))
    return {t for t in found if t}


def documents(html: str) -> Iterator[tuple[str, list[str]]]:
    text, _ = extract_html(html)
    yield "newsclean", [line for line in text.splitlines() if line.strip()]
    recall = trafilatura.extract(html, favor_recall=True, include_comments=False) or ""
    yield "recall", [_squeeze(line) for line in recall.splitlines() if line.strip()]
    yield "dom", dom_lines(lxml.html.fromstring(html))


def pages(shared: Path) -> Iterator[tuple[str, str, str, str]]:
    """(site, page, html, gold) for every page of both sets, in a fixed order."""
    aeb = shared / "bench" / "aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        path = aeb / "html" / f"{key}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        url = truth[key].get("url") or ""
        yield (site_of_url(url) if url else key), f"aeb/{key[:12]}", html, truth[key]["articleBody"]
    for folder in sorted((shared / "bench" / "readability" / "pages").iterdir()):
        if folder.name in READABILITY_UNIT_TESTS:
            continue
        html = gzip.decompress((folder / "source.html.gz").read_bytes()).decode("utf-8", "replace")
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8")
        gold = "" if folder.name in READABILITY_NOT_ARTICLES else gold_of_expected(expected)
        yield site_of_folder(folder.name), f"readability/{folder.name}", html, gold


def harvest(shared: Path) -> Iterator[dict[str, Any]]:
    for site, page, html, gold_text in pages(shared):
        gold = Gold(gold_text) if gold_text else None
        titles = titles_of(lxml.html.fromstring(html))
        for source, lines in documents(html):
            for index, line in enumerate(lines):
                if gold is None:
                    label = None  # READABILITY_NOT_ARTICLES
                elif tuple(tokens(line)) in titles:
                    label = "title"
                else:
                    label = gold.label(line)
                yield {
                    "site": site,
                    "page": page,
                    "source": source,
                    "index": index,
                    "count": len(lines),
                    "text": line,
                    "label": label,
                }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "lines" / "out" / "lines.jsonl"
    )
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with args.out.open("w", encoding="utf-8") as out:
        for row in harvest(args.shared):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            key = f"{row['source']}/{row['label']}"
            counts[key] = counts.get(key, 0) + 1
    for key in sorted(counts):
        print(f"{key:<20} {counts[key]:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
