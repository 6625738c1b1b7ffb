"""AggregatorFooter: removes the related-links and legal footer at the end of a page."""

from __future__ import annotations

from newsclean.cleaners._shapes import is_label_sequence, looks_like_headline
from newsclean.document import Document
from newsclean.lexicon import LabelSet, Lexicon, fullmatch_any
from newsclean.pipeline import Cleaner


class AggregatorFooter(Cleaner):
    """Removes the page footer: "You may like", "Trends 24h", "© Communities 2019", disclaimers.

    The footer is found from the end backwards: legal lines (©, "All rights reserved"), footer
    links (Privacy, Imprint), aggregator lines ("All news articles on 2023-04-06") and disclaimers
    about external sources and links. A section label such as "You may like" or "Latest" is footer
    when only headline-like teaser lines and footer lines follow it. The sweep stops at the first
    block that is none of these, so the same words inside the article are never touched. A date in
    "All news articles on <date>" becomes ``published`` if none was found earlier.
    """

    name = "aggregator_footer"

    def apply(self, doc: Document) -> None:
        lex = doc.lexicon
        patterns = lex.patterns("aggregator_footer", "patterns")
        sections = lex.label_set("aggregator_footer", "section_labels")
        section_patterns = lex.patterns("aggregator_footer", "section_patterns")
        links = lex.derived("aggregator_footer.links", _links)
        start = len(doc.blocks)
        teasers_since_section = 0
        for i in range(len(doc.blocks) - 1, -1, -1):
            text = doc.blocks[i].text
            found = fullmatch_any(patterns, text)
            section = fullmatch_any(section_patterns, text) or is_label_sequence(text, sections)
            if found or section or is_label_sequence(text, links):
                if found and "date" in (found.groupdict() or {}) and found.group("date"):
                    doc.set_meta("published", found.group("date"))
                if section:
                    start, teasers_since_section = i, 0
                elif teasers_since_section == 0:
                    start = i
                continue
            if looks_like_headline(text):
                # Possibly a teaser under a section label further up; decided when we get there.
                teasers_since_section += 1
                continue
            break
        doc.remove(range(start, len(doc.blocks)), self.name, "page footer after the article")


def _links(lexicon: Lexicon) -> LabelSet:
    """Navigation links and section labels: what a footer's lines may consist of."""
    return LabelSet(
        lexicon.labels("aggregator_footer", "labels")
        | lexicon.labels("aggregator_footer", "section_labels")
    )
