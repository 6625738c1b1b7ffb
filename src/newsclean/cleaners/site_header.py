"""SiteHeader: removes the outlet's branding and menu lines printed above the headline."""

from __future__ import annotations

from newsclean.cleaners._shapes import is_title_case_name, word_count
from newsclean.document import Document
from newsclean.lexicon import fullmatch_any, label_key
from newsclean.pipeline import Cleaner

# The header is what comes before the headline; scrapers print at most a handful of lines there.
HEADER_ZONE = 4
# A bare brand line is a short name: "The Limited Times", "Kyiv Post".
_MAX_BRAND_WORDS = 5


class SiteHeader(Cleaner):
    """Removes site branding at the top ("Support The Moscow Times!", "The Limited Times") and keeps the name as ``sitename``.

    Only the first few blocks are looked at, and only blocks that are a known header phrase, a
    known outlet name, a bare domain, or a short capitalized name directly followed by a known
    header tagline. The headline itself never matches these. Before: ``The Limited Times`` /
    ``Now you can see non-English news...`` / ``New Putin-Lukashenko plan: …``; after: the headline
    first, ``sitename = "The Limited Times"``.
    """

    name = "site_header"

    def apply(self, doc: Document) -> None:
        lex = doc.lexicon
        labels = lex.labels("site_header", "labels")
        sitenames = {label_key(s): s for s in lex.phrases("site_header", "sitenames")}
        name_patterns = lex.patterns("site_header", "name_patterns", ignore_case=False)
        domain_patterns = lex.patterns("site_header", "domain_patterns")
        drop: list[int] = []
        for i, block in enumerate(doc.blocks[:HEADER_ZONE]):
            text = block.text
            key = label_key(text)
            if key in labels:
                drop.append(i)
                continue
            if key in sitenames and text.rstrip()[-1:] not in ".,;":
                doc.set_meta("sitename", sitenames[key])
                drop.append(i)
                continue
            found = fullmatch_any(name_patterns, text) or fullmatch_any(domain_patterns, text)
            if found:
                doc.set_meta("sitename", found.group("site").strip())
                drop.append(i)
                continue
            following = doc.blocks[i + 1].text if i + 1 < len(doc.blocks) else ""
            if (
                i == len(drop)  # only header lines above it
                and word_count(text) <= _MAX_BRAND_WORDS
                and is_title_case_name(text, _MAX_BRAND_WORDS)
                and not text.endswith(".")
                and label_key(following) in labels
            ):
                doc.set_meta("sitename", text.strip())
                drop.append(i)
                continue
            break  # the first block that is not header ends the header
        doc.remove(drop, self.name, "site header above the headline")
