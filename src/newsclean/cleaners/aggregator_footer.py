"""AggregatorFooter: removes the related-links and legal footer at the end of a page."""

from __future__ import annotations

from collections.abc import Callable

from newsclean.cleaners._shapes import is_label_sequence, looks_like_headline
from newsclean.document import Document
from newsclean.lexicon import Derived, LabelSet, Lexicon, TextTest, fullmatch_any
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
        kind = doc.lexicon.text_test(_KIND)
        start = len(doc.blocks)
        teasers_since_section = 0
        for i in range(len(doc.blocks) - 1, -1, -1):
            footer, section, date, headline_like = kind(doc.blocks[i].text)
            if footer:
                if date:
                    doc.set_meta("published", date)
                if section:
                    start, teasers_since_section = i, 0
                elif teasers_since_section == 0:
                    start = i
                continue
            if headline_like:
                # Possibly a teaser under a section label further up; decided when we get there.
                teasers_since_section += 1
                continue
            break
        doc.remove(range(start, len(doc.blocks)), self.name, "page footer after the article")


def _kind_test(lexicon: Lexicon) -> Callable[[str], tuple[bool, bool, str | None, bool]]:
    """What a block is to the footer: a footer line at all, a section label, the date it
    gives, and whether it could be a teaser headline."""
    patterns = lexicon.patterns("aggregator_footer", "patterns")
    sections = lexicon.label_set("aggregator_footer", "section_labels")
    section_patterns = lexicon.patterns("aggregator_footer", "section_patterns")
    links = lexicon.derived(_LINKS)

    def kind(text: str) -> tuple[bool, bool, str | None, bool]:
        found = fullmatch_any(patterns, text)
        section = bool(fullmatch_any(section_patterns, text) or is_label_sequence(text, sections))
        if found or section or is_label_sequence(text, links):
            date = found.groupdict().get("date") if found else None
            return True, section, date or None, False
        return False, False, None, looks_like_headline(text)

    return kind


_KIND = TextTest("aggregator_footer.kind", _kind_test)


def _links(lexicon: Lexicon) -> LabelSet:
    """Navigation links and section labels: what a footer's lines may consist of."""
    return LabelSet(
        lexicon.labels("aggregator_footer", "labels")
        | lexicon.labels("aggregator_footer", "section_labels")
    )


_LINKS = Derived("aggregator_footer.links", _links)
