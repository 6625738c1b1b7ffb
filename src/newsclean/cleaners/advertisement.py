"""Advertisement: removes advertisement labels left where an ad was."""

from __future__ import annotations

from newsclean.cleaners._labels import LabelCleaner, screened


@screened
class Advertisement(LabelCleaner):
    """Removes ad placeholders: "Advertisement", "Anzeige", "Story continues below advertisement".

    Extraction keeps the label of an ad slot after the ad itself is gone. Only whole blocks that
    are such labels are removed; a paragraph about advertising revenue is prose and stays.
    Before: ``…said on Sunday.`` / ``Advertisement`` / ``The ministry…``; after: the label is gone.
    """

    name = "advertisement"
    reason = "advertisement placeholder"
