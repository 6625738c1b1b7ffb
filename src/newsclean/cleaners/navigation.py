"""Navigation: removes "Read more", "NEXT NEWS", teaser lines linking to other articles and the
article's own address printed alone."""

from __future__ import annotations

from newsclean.cleaners._labels import LabelCleaner, screened
from newsclean.document import Document


@screened
class Navigation(LabelCleaner):
    """Removes navigation lines and teasers: "NEXT NEWS", "Read more", "Also read: <headline>".

    A block is navigation when it is only known navigation labels, or a teaser label followed by a
    separator and a headline, in at most 30 words. A sentence that merely starts with the same
    words ("Read more books, the minister urged.") has no separator and stays, and quoted speech is
    never touched. Before: ``… Thank you.`` / ``Read more``; after: ``… Thank you.``
    """

    name = "navigation"
    reason = "navigation link to other pages"
    pattern_key = "teaser_patterns"

    def apply(self, doc: Document) -> None:
        super().apply(doc)
        own = _address(doc.meta.get("url") or "")
        if own:
            drop = [i for i, block in enumerate(doc.blocks) if _address(block.text) == own]
            doc.remove(drop, self.name, "the article's own address")


def _address(text: str) -> str:
    """A web address without scheme, ``www.`` and trailing slash, or ``""`` if ``text`` is not
    one address alone."""
    text = text.strip()
    lower = text.lower()
    for scheme in ("https://", "http://"):
        if lower.startswith(scheme):
            text = text[len(scheme) :]
            break
    else:
        return ""
    if not text or any(c.isspace() for c in text):
        return ""
    if text.lower().startswith("www."):
        text = text[4:]
    return text.rstrip("/")
