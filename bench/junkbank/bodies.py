"""Real article bodies from ``../shared`` for the junk bank: AEB gold bodies, Readability.js
expected outputs of real pages. Read at run time; nothing of them is committed."""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from bank import LANGUAGES, SPLITS, split_of

REPO = Path(__file__).resolve().parents[2]
# Real article and blog pages among the Readability.js test folders, in the ten languages. Left
# out: its unit tests (001-005 synthetic ones, base-url*, *-tags-*, lazy-image-3, rtl-*, ...),
# reference and documentation pages (wikipedia*, ietf-1, mercurial, mathjax, google-sre-book-1,
# toc-missing, v8-blog, dropbox-blog, links-in-tables, table-style-attributes, keep-tabular-data,
# lwn-1, clean-links, data-url-image), front pages (yahoo-2, nytimes-5), product pages
# (mozilla-1, mozilla-2), a duplicate (lifehacker-post-comment-load), and pages in other
# languages (aktualne, gmw, hukumusume, pixnet, qq, yahoo-4, youth).
READABILITY_PAGES = (
    "aclu", "ars-1", "article-author-tag", "bbc-1", "blogger", "breitbart", "bug-1255978",
    "buzzfeed-1", "citylab-1", "cnet", "cnet-svg-classes", "cnn", "daringfireball-1", "ebb-org",
    "ehow-1", "ehow-2", "engadget", "firefox-nightly-blog", "folha", "gitlab-blog", "guardian-1",
    "heise", "herald-sun-1", "iab-1", "keep-images", "la-nacion", "lazy-image-1", "lazy-image-2",
    "lemonde-1", "liberation-1", "lifehacker-working", "medicalnewstoday", "medium-1",
    "medium-2", "medium-3", "msn", "nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4",
    "quanta-1", "salon-1", "schema-org-context-object", "seattletimes-1", "simplyfound-1",
    "spiceworks", "telegraph", "theverge", "tmz-1", "topicseed-1", "tumblr", "videos-1",
    "videos-2", "wapo-1", "wapo-2", "webmd-1", "webmd-2", "wikia", "wordpress", "yahoo-1",
    "yahoo-3",
)  # fmt: skip
# Readability folders of one site (the group is what the dev/heldout split keeps together).
_SITE_OF = {
    "lifehacker-working": "lifehacker",
    "keep-images": "medium",
    "videos-1": "vox",
    "videos-2": "liberation",
    "liberation-1": "liberation",
    "lazy-image-2": "kotaku",
    "schema-org-context-object": "nbcnews",
    "cnet-svg-classes": "cnet-es",
}
MIN_PARAGRAPHS = 3  # a body needs gaps between paragraphs for inline junk
MIN_WORDS = 80  # shorter gold bodies are teasers or truncated pages
MAX_PARAGRAPHS = 40  # a prefix of longer bodies: keeps the run short, the shape unchanged
_BLOCK_TAGS = frozenset(
    "p li h1 h2 h3 h4 h5 h6 blockquote pre div tr dd dt br ul ol table section article".split()
)


@dataclass(frozen=True)
class Body:
    source: str  # "aeb:<key>" or "readability:<folder>"
    group: str  # the site: the unit of the dev/heldout split
    language: str
    title: str
    paragraphs: tuple[str, ...]
    split: str = ""  # "dev" or "heldout", set by load_bodies for the whole site


def _split_sites(bodies: list[Body]) -> dict[str, str]:
    """Each site's half. The sites of one language (the language of most of their bodies) are
    ordered by a hash of their name and dealt alternately to dev and heldout, the first one by
    the hash of the language: a language with two sites or more has bodies in both halves, and
    no site is in both."""
    languages: dict[str, Counter[str]] = defaultdict(Counter)
    for body in bodies:
        languages[body.group][body.language] += 1
    by_language: dict[str, list[str]] = defaultdict(list)
    for group, counts in languages.items():
        by_language[max(sorted(counts), key=counts.__getitem__)].append(group)
    halves = {}
    for language, groups in by_language.items():
        first = SPLITS.index(split_of("language:" + language))
        ordered = sorted(groups, key=lambda g: hashlib.sha256(g.encode("utf-8")).hexdigest())
        for i, group in enumerate(ordered):
            halves[group] = SPLITS[(first + i) % 2]
    return halves


def shared_dir(given: str | None) -> Path:
    path = Path(given) if given else REPO.parent / "shared"
    if not (path / "bench").is_dir():
        sys.exit(f"no benchmark data at {path}: pass --shared /work/shared")
    return path


def _short_title(title: str) -> str:
    """A page title without its " | Site" tail."""
    title = " ".join(html.unescape(title).split())
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head = title.split(sep)[0]
        if len(head) >= 20:
            title = head
    return title


def _first_sentence(paragraph: str) -> str:
    words = re.split(r"(?<=[.!?])\s", paragraph)[0].split()
    return " ".join(words[:12]).rstrip(",;:")


def _html_paragraphs(markup: str) -> list[str]:
    import lxml.html

    root = lxml.html.fromstring(markup)
    for bad in root.xpath("//figure|//figcaption|//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return [" ".join(line.split()) for line in root.text_content().split("\n") if line.strip()]


def _detect(text: str) -> str:
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        return str(detect(text))
    except Exception:
        return "?"


def _aeb_bodies(shared: Path) -> Iterator[Body]:
    aeb = shared / "bench" / "aeb"
    gold = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        paragraphs = [" ".join(p.split()) for p in gold[key]["articleBody"].split("\n")]
        paragraphs = [p for p in paragraphs if p]
        raw = gzip.decompress((aeb / "html" / f"{key}.html.gz").read_bytes())
        page = raw.decode("utf-8", "replace")
        found = re.search(r'property="og:title"\s+content="([^"]+)"', page) or re.search(
            r"<title[^>]*>(.*?)</title>", page, re.S | re.I
        )
        title = _short_title(found.group(1)) if found else ""
        host = urlsplit(gold[key].get("url", "")).hostname or key
        yield Body(
            f"aeb:{key}",
            host.removeprefix("www."),
            _detect(" ".join(paragraphs)),
            title,
            tuple(paragraphs),
        )


def _readability_bodies(shared: Path) -> Iterator[Body]:
    pages = shared / "bench" / "readability" / "pages"
    for name in READABILITY_PAGES:
        folder = pages / name
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        markup = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8")
        paragraphs = _html_paragraphs(markup)
        language = (meta.get("lang") or "")[:2].lower() or _detect(" ".join(paragraphs))
        group = _SITE_OF.get(name, re.sub(r"-\d+$", "", name))
        yield Body(
            f"readability:{name}",
            group,
            language,
            _short_title(meta.get("title") or ""),
            tuple(paragraphs),
        )


def load_bodies(shared: Path) -> list[Body]:
    """Usable bodies in the ten languages, capped at MAX_PARAGRAPHS."""
    bodies = []
    for body in [*_aeb_bodies(shared), *_readability_bodies(shared)]:
        words = sum(len(p.split()) for p in body.paragraphs)
        if (
            body.language in LANGUAGES
            and len(body.paragraphs) >= MIN_PARAGRAPHS
            and words >= MIN_WORDS
        ):
            paragraphs = body.paragraphs[:MAX_PARAGRAPHS]
            title = body.title or _first_sentence(paragraphs[0])
            bodies.append(Body(body.source, body.group, body.language, title, paragraphs))
    halves = _split_sites(bodies)
    return [replace(body, split=halves[body.group]) for body in bodies]
