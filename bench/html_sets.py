"""The HTML path on two page sets at once: the AEB benchmark and Readability.js's test pages.

    python bench/html_sets.py [--sets aeb,readability] [--worst 10] [--save out.json]

Scores, in one run and on the same pages, newsclean (``clean(html=…)``), trafilatura with its
defaults, trafilatura with ``favor_precision=True`` and readability-lxml (a dev dependency), with
the metric of ``bench/aeb.py`` (four-token shingles, every page weighing the same). The systems
run interleaved page by page, so machine noise hits all alike, and the time of newsclean's HTML
path is printed as a ratio to trafilatura's default on the same pages.

- ``aeb``: ``/work/shared/bench/aeb`` (181 pages, gold ``articleBody``).
- ``readability``: ``/work/shared/bench/readability/pages``, the real-site pages only
  (:data:`UNIT_TESTS` lists the folders left out: hand-written pages that test one behaviour of
  Readability.js, mostly lorem ipsum). The gold is Readability.js's ``expected.html`` turned into
  plain text the way the AEB gold is: paragraphs, list items, headings, table rows and captions
  each on their own line (:func:`html_lines`). It is Readability.js's output, not a hand-made
  gold; see the set's README.

Each set is split by site into a development half and a held-out half (:func:`held_out`: the
first byte of the SHA-1 of the site's name, even or odd), and figures are printed for all pages
and for each half. Tuning is done looking at the development half only.

Also printed: every page where newsclean's recall is more than 0.2 below trafilatura default's.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb import page_counts, scores, systems, wrong_lines  # noqa: E402

SHARED = Path("/work/shared/bench")
# Folders of Readability.js's test suite that are unit tests of Readability.js itself: short
# hand-written pages (lorem ipsum, "… test" titles) checking one behaviour (links, base URLs, brs,
# fonts, metadata, RTL, lazy images…), not articles from a site.
UNIT_TESTS = frozenset(
    """003-metadata-preferred 004-metadata-space-separated-properties 005-unescape-html-entities
    base-url base-url-base-element base-url-base-element-relative basic-tags-cleaning
    comment-inside-script-parsing data-url-image dev418 embedded-videos hidden-nodes
    invalid-attributes js-link-replacement lazy-image-3 metadata-content-missing
    missing-paragraphs normalize-spaces ol parsely-metadata remove-aria-hidden remove-extra-brs
    remove-extra-paragraphs remove-script-tags reordering-paragraphs replace-brs replace-font-tags
    rtl-1 rtl-2 rtl-3 rtl-4 social-buttons style-tags-removal svg-parsing
    title-and-h1-discrepancy title-en-dash visibility-hidden""".split()
)
# Elements that start a line of their own in the gold text.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header li ol p pre section table tbody td th thead tr ul caption main nav".split()
)


def html_lines(html: str) -> str:
    """An HTML fragment as plain text: every block element's text on its own line(s)."""
    import lxml.html

    root = lxml.html.fromstring(html or "<div></div>")
    parts: list[str] = []

    def walk(element: object) -> None:
        tag = getattr(element, "tag", None)
        if not isinstance(tag, str) or tag in ("script", "style", "noscript"):
            parts.append(getattr(element, "tail", None) or "")
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        parts.append(element.text or "")  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            walk(child)
        if block:
            parts.append("\n")
        parts.append(element.tail or "")  # type: ignore[attr-defined]

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def held_out(site: str) -> bool:
    """Whether a site belongs to the held-out half (fixed by its name, not by chance)."""
    return hashlib.sha1(site.encode()).digest()[0] % 2 == 1


def _site_of_url(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def load_aeb(root: Path) -> list[tuple[str, str, bytes, str, str]]:
    """(key, site, page, url, gold) for every AEB page."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (
            f"aeb/{k[:12]}",
            _site_of_url(truth[k].get("url", "") or k),
            gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()),
            truth[k].get("url", ""),
            truth[k].get("articleBody", ""),
        )
        for k in sorted(truth)
    ]


def load_readability(root: Path) -> list[tuple[str, str, bytes, str, str]]:
    """(key, site, page, url, gold) for Readability.js's real-site pages; the site is the folder
    name without its number (``nytimes-3`` -> ``nytimes``)."""
    found = []
    for folder in sorted((root / "pages").iterdir()):
        if folder.name in UNIT_TESTS or not (folder / "expected.html.gz").exists():
            continue
        gold = html_lines(gzip.decompress((folder / "expected.html.gz").read_bytes()).decode())
        page = gzip.decompress((folder / "source.html.gz").read_bytes())
        site = re.sub(r"-\d+$", "", folder.name)
        found.append((f"rdb/{folder.name}", site, page, "", gold))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="aeb,readability")
    parser.add_argument("--worst", type=int, default=0, help="show lines of the N worst pages")
    parser.add_argument("--save", type=Path, help="write every system's text per page (JSON)")
    parser.add_argument("--only", help="run only these systems (comma-separated)")
    args = parser.parse_args()
    loaders = {
        "aeb": lambda: load_aeb(SHARED / "aeb"),
        "readability": lambda: load_readability(SHARED / "readability"),
    }
    sets = {name: loaders[name]() for name in args.sets.split(",")}
    runners: dict[str, Callable[[bytes, str], str]] = systems()
    if args.only:
        runners = {k: v for k, v in runners.items() if k in args.only.split(",")}
    first = next(iter(sets.values()))[0]
    for run in runners.values():  # load models and caches before timing
        run(first[2], first[3])
    from newsclean.language.detect import detect_language

    detect_language("load the profiles", exact=True)
    outputs: dict[str, dict[str, str]] = {name: {} for name in runners}
    seconds: dict[str, dict[str, float]] = {s: dict.fromkeys(runners, 0.0) for s in sets}
    for set_name, pages in sets.items():
        for key, _site, page, url, _gold in pages:
            for name, run in runners.items():
                started = time.perf_counter()
                try:
                    outputs[name][key] = run(page, url)
                except Exception as exc:  # noqa: BLE001 - a failing system scores 0 on the page
                    print(f"{name} failed on {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    outputs[name][key] = ""
                seconds[set_name][name] += time.perf_counter() - started
    for set_name, pages in sets.items():
        halves = {
            "all": pages,
            "dev": [p for p in pages if not held_out(p[1])],
            "held-out": [p for p in pages if held_out(p[1])],
        }
        for half, chosen in halves.items():
            sites = len({p[1] for p in chosen})
            print(f"\n{set_name} — {half}: {len(chosen)} pages, {sites} sites")
            print(f"{'system':<24}{'F1':>7}{'precision':>11}{'recall':>9}")
            for name in runners:
                counts = [page_counts(gold, outputs[name][key]) for key, _, _, _, gold in chosen]
                f1, precision, recall = scores(counts)
                print(f"{name:<24}{f1:7.4f}{precision:11.4f}{recall:9.4f}")
        times = seconds[set_name]
        if "newsclean" in times and times.get("trafilatura"):
            ratio = times["newsclean"] / times["trafilatura"]
            each = ", ".join(f"{n} {1000 * t / len(pages):.1f}" for n, t in times.items())
            print(f"ms/page: {each}; newsclean / trafilatura = {ratio:.2f}")
        if "newsclean" in runners and "trafilatura" in runners:
            print(f"\n{set_name}: pages where newsclean's recall is > 0.2 below trafilatura's:")
            for key, _site, _page, url, gold in pages:
                ours = page_counts(gold, outputs["newsclean"][key])
                theirs = page_counts(gold, outputs["trafilatura"][key])
                r_ours = ours[0] / (ours[0] + ours[2]) if ours[0] + ours[2] else 1.0
                r_theirs = theirs[0] / (theirs[0] + theirs[2]) if theirs[0] + theirs[2] else 1.0
                if r_ours < r_theirs - 0.2:
                    print(f"  {key} {url} recall {r_ours:.3f} vs {r_theirs:.3f}")
                    if args.worst:
                        for line in wrong_lines(gold, outputs["newsclean"][key]):
                            print(f"    dropped: {line}")
    if args.save:
        args.save.write_text(json.dumps(outputs, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
