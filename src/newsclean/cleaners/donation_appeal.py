"""DonationAppeal: removes donation, membership, subscription and paywall appeals."""

from __future__ import annotations

import re

from newsclean.cleaners._shapes import at_most_words
from newsclean.document import Document
from newsclean.lexicon import match_any, search_any
from newsclean.pipeline import Cleaner

# Leading ellipses, dashes and bullets before an appeal ("… we have a small favor to ask.").
_LEAD = re.compile(r"^[\s….\-–—•*·>]+")
# An appeal paragraph is a few sentences; a block this long that only mentions support is prose.
_MAX_APPEAL_WORDS = 120
# Blocks after an appeal that ends the article are buttons and links ("Read more", "Donate").
_MAX_TRAILING_WORDS = 6


class DonationAppeal(Cleaner):
    """Removes appeals for donations, memberships and subscriptions, and paywall notices.

    An appeal starts with a block that opens with an appeal phrase ("… we have a small favor to
    ask.", "If you value our journalism…", "Subscribe to continue reading") and runs on through the
    blocks that keep addressing the reader about supporting the outlet, up to "Thank you." When the
    run reaches the end of the article (only short button lines after it) all of it goes; elsewhere
    only the opening block goes. A block starting with a quotation mark is someone's words (a
    charity's "small favor"), never the outlet's appeal. Before: body / ``… we have a small favor to
    ask.`` / three paragraphs about The Moscow Times / ``Read more``; after: body / ``Read more``.
    """

    name = "donation_appeal"

    def apply(self, doc: Document) -> None:
        starts = doc.lexicon.patterns("donation_appeal", "start_patterns")
        cues = doc.lexicon.patterns("donation_appeal", "cue_patterns")
        i = 0
        while i < len(doc.blocks):
            text = doc.blocks[i].text
            if text[:1] in "\"“„«'‘" or not at_most_words(text, _MAX_APPEAL_WORDS):
                i += 1
                continue
            if not match_any(starts, _LEAD.sub("", text)):
                i += 1
                continue
            end = i + 1
            while end < len(doc.blocks):
                following = doc.blocks[end].text
                if not at_most_words(following, _MAX_APPEAL_WORDS) or not (
                    match_any(starts, _LEAD.sub("", following)) or search_any(cues, following)
                ):
                    break
                end += 1
            tail_is_buttons = all(
                at_most_words(b.text, _MAX_TRAILING_WORDS) for b in doc.blocks[end:]
            )
            run = list(range(i, end)) if tail_is_buttons else [i]
            # The removed blocks are gone, so index i now holds the next block to look at.
            doc.remove(run, self.name, "appeal for donations or subscriptions")
