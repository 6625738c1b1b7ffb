"""Navigation: removes "Read more", "NEXT NEWS" and teaser lines linking to other articles."""

from __future__ import annotations

from newsclean.cleaners._labels import LabelCleaner


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
