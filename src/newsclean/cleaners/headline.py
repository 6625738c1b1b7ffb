"""Headline: moves the headline out of the text into ``title``, with any copies the scraper printed."""

from __future__ import annotations

from newsclean.cleaners._shapes import ends_sentence, looks_like_headline, word_count
from newsclean.document import Document
from newsclean.lexicon import label_key
from newsclean.pipeline import Cleaner

# Scrapers repeat the headline within the first few blocks (headline, lede, headline, lede…).
_COPY_WINDOW = 8
# A paragraph this long is body text even without a full stop at its end.
_PROSE_WORDS = 15


class Headline(Cleaner):
    """Moves the headline to ``title`` and removes it, and every copy of it, from the text.

    The headline is the title given with the input (from HTML or a JSONL field) or else the first
    block when it is shaped like one (short, no closing full stop) and is either printed again
    within the next blocks or followed by prose. The headline is metadata, not body text. Before:
    ``"Feel at home": Shoigu thanks Belarus…`` / lede / the same headline again / body; after: the
    body only, ``title = "\\"Feel at home\\": Shoigu thanks Belarus…"``.
    """

    name = "headline"

    def apply(self, doc: Document) -> None:
        if not doc.blocks:
            return
        title = doc.meta.get("title")
        if not title:
            first = doc.blocks[0].text
            if not looks_like_headline(first):
                return
            copies = self._copies(doc, label_key(first))
            following = doc.blocks[1].text if len(doc.blocks) > 1 else ""
            followed_by_prose = ends_sentence(following) or word_count(following) >= _PROSE_WORDS
            if len(copies) < 2 and not followed_by_prose:
                return
            doc.set_meta("title", first)
            title = first
        copies = self._copies(doc, label_key(title))
        doc.remove(copies[:1], self.name, "headline (kept as metadata.title)")
        if len(copies) > 1:
            doc.remove([i - 1 for i in copies[1:]], self.name, "headline printed again")

    @staticmethod
    def _copies(doc: Document, key: str) -> list[int]:
        return [i for i, b in enumerate(doc.blocks[:_COPY_WINDOW]) if label_key(b.text) == key]
