"""SiteHeader: removes the outlet's branding and menu lines printed above the headline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsclean.cleaners._layout import MAX_LINES_ABOVE_HEADLINE, headline_of
from newsclean.cleaners._shapes import is_title_case_name, word_count
from newsclean.document import Document
from newsclean.lexicon import Derived, Lexicon, TextTest, fullmatch_any, label_key
from newsclean.pipeline import Cleaner


class SiteHeader(Cleaner):
    """Removes site branding above the headline ("Support The Moscow Times!"), keeping sitename.

    Two signs mark the page header: a line at the top that is a known header phrase ("Support X!",
    "Now you can see non-English news...", "Skip to content"), a known outlet name or a bare
    domain; and any short line standing above the headline (see ``_layout``), such as a site name
    and its tagline. The site's name is kept as ``sitename``: from the phrase, the known name, the
    domain, or a short capitalized first line. Before: ``The Limited Times`` / ``Now you can see
    non-English news...`` / ``New Putin-Lukashenko plan: …``; after: the headline first.
    """

    name = "site_header"

    @dataclass(frozen=True)
    class Config:
        #: A bare brand line is a short name: "The Limited Times", "Kyiv Post".
        max_brand_words: int = 5
        #: A tagline under the brand is short ("Nachrichten aus Köln und der Region").
        max_tagline_words: int = 10

    config: Config

    def apply(self, doc: Document) -> None:
        lex = doc.lexicon
        header_line = lex.text_test(_HEADER_LINE)
        headline = headline_of(doc)
        # Header lines stand above the headline; with no headline, at the very top.
        top = headline if headline is not None else MAX_LINES_ABOVE_HEADLINE + 1
        known: list[int] = []
        for i, block in enumerate(doc.blocks[:top]):
            is_header, sitename = header_line(block.text)
            if is_header:
                doc.set_meta("sitename", sitename)
                known.append(i)
            elif headline is None:
                break  # without a headline, the header is only the known lines at the very top
        above = list(range(headline)) if headline is not None else []
        # The lines above the headline are page header when they start with the site's name: a
        # known header line or a short capitalized name. Otherwise they may be the article's own
        # opening lines (a list, a table, a kicker), and only the known lines go.
        brand = (
            bool(above)
            and 0 not in known
            and is_title_case_name(doc.blocks[0].text, self.config.max_brand_words)
        )
        if brand:
            doc.set_meta("sitename", doc.blocks[0].text.rstrip("!").strip())
        if brand or 0 in known:
            above = [
                i for i in above if word_count(doc.blocks[i].text) <= self.config.max_tagline_words
            ]
        else:
            above = []
        doc.remove(sorted(set(known) | set(above)), self.name, "site header above the headline")


def _header_line_test(lexicon: Lexicon) -> Callable[[str], tuple[bool, str | None]]:
    """Whether a line is a known header line, a known outlet name or a domain, and the site
    name it gives (None for a header phrase, which names no site)."""
    labels = lexicon.labels("site_header", "labels")
    sitenames = lexicon.derived(_SITENAMES)
    name_patterns = lexicon.patterns("site_header", "name_patterns", ignore_case=False)
    domain_patterns = lexicon.patterns("site_header", "domain_patterns")

    def header_line(text: str) -> tuple[bool, str | None]:
        key = label_key(text)
        if key in labels:
            return True, None
        if key in sitenames and not text.endswith((".", ",", ";")):
            return True, sitenames[key]
        found = fullmatch_any(name_patterns, text) or fullmatch_any(domain_patterns, text)
        if found:
            return True, found.group("site").strip()
        return False, None

    return header_line


_HEADER_LINE = TextTest("site_header.header_line", _header_line_test)


def _sitenames(lexicon: Lexicon) -> dict[str, str]:
    """Known outlet names by their :func:`label_key`."""
    return {label_key(s): s for s in lexicon.phrases("site_header", "sitenames")}


_SITENAMES = Derived("site_header.sitenames", _sitenames)
