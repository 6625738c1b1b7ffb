"""Headline: moves the headline and the copies a scraper printed out of the text into title."""

from __future__ import annotations

from newsclean.cleaners._layout import copies_of, headline_of
from newsclean.document import Document
from newsclean.pipeline import Cleaner


class Headline(Cleaner):
    """Moves the headline to ``title`` and removes it, and every copy of it, from the text.

    The headline is the title given with the input (from HTML or a JSONL field), or else the
    headline-shaped line (short, no closing full stop) that the scraper printed twice near the top,
    or the last such line before the first prose paragraph. An article that opens with prose has
    no headline and keeps its first paragraph. Before: ``"Feel at home": Shoigu thanks Belarus…`` /
    lede / the same headline again / body; after: the body only, with the headline as ``title``.
    """

    name = "headline"

    def apply(self, doc: Document) -> None:
        title = doc.meta.get("title")
        if not title:
            found = headline_of(doc)
            if found is None:
                return
            title = doc.blocks[found].text
            doc.set_meta("title", title)
        copies = copies_of(doc.blocks, title)
        doc.remove(copies[:1], self.name, "headline (kept as metadata.title)")
        doc.remove([i - 1 for i in copies[1:]], self.name, "headline printed again")
