"""DonationAppeal: removes donation, membership, subscription and paywall appeals."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsclean.cleaners._shapes import at_most_words
from newsclean.conventions import OPENING_QUOTES
from newsclean.document import Document
from newsclean.lexicon import Lexicon, TextTest, match_any, search_any
from newsclean.pipeline import Cleaner

# Leading ellipses, dashes and bullets before an appeal ("… we have a small favor to ask.").
_LEAD = re.compile(r"^[\s….\-–—•*·>]+")


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

    @dataclass(frozen=True)
    class Config:
        #: An appeal paragraph is a few sentences; a block this long that only mentions support
        #: is prose.
        max_appeal_words: int = 120
        #: Blocks after an appeal that ends the article are buttons and links ("Read more",
        #: "Donate"): at most this many words each.
        max_trailing_words: int = 6

    config: Config

    def apply(self, doc: Document) -> None:
        limit = self.config.max_appeal_words
        opens = doc.lexicon.text_test(_OPENS, limit)
        goes_on = doc.lexicon.text_test(_GOES_ON, limit)
        blocks = doc.blocks
        openings = [i for i, block in enumerate(blocks) if opens(block.text)]
        if not openings:
            return  # no appeal: most articles
        # buttons_from[i]: whether blocks i… are all short button lines (or there are none).
        buttons_from = [True] * (len(blocks) + 1)
        for i in range(len(blocks) - 1, -1, -1):
            buttons_from[i] = buttons_from[i + 1] and at_most_words(
                blocks[i].text, self.config.max_trailing_words
            )
        drop: list[int] = []
        end = 0
        for i in openings:
            if drop and drop[-1] >= i:
                continue  # inside a run already dropped
            end = max(end, i + 1)  # a run found from an earlier opening still holds
            while end < len(blocks) and goes_on(blocks[end].text):
                end += 1
            if buttons_from[end]:
                drop.extend(range(i, end))
            else:
                drop.append(i)
        doc.remove(drop, self.name, "appeal for donations or subscriptions")


def _opens(lexicon: Lexicon, limit: int) -> Callable[[str], bool]:
    """A block that opens an appeal: an appeal phrase at its start, not in quotation marks."""
    starts = lexicon.patterns("donation_appeal", "start_patterns")

    def opens(text: str) -> bool:
        return (
            text[:1] not in OPENING_QUOTES
            and at_most_words(text, limit)
            and bool(match_any(starts, _LEAD.sub("", text)))
        )

    return opens


_OPENS = TextTest("donation_appeal.opens", _opens)


def _goes_on(lexicon: Lexicon, limit: int) -> Callable[[str], bool]:
    """A block that keeps addressing the reader about supporting the outlet."""
    starts = lexicon.patterns("donation_appeal", "start_patterns")
    cues = lexicon.patterns("donation_appeal", "cue_patterns")

    def goes_on(text: str) -> bool:
        return at_most_words(text, limit) and bool(
            match_any(starts, _LEAD.sub("", text)) or search_any(cues, text)
        )

    return goes_on


_GOES_ON = TextTest("donation_appeal.goes_on", _goes_on)
