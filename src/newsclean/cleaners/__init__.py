"""The cleaners, one per module, and the default order they run in.

Order matters: text is repaired first, broken sentences rejoined, then the page's furniture is
taken off from the top (site header, date, headline, lede, credit) and from everywhere (ads, share
buttons, newsletter prompts, navigation, appeals), then from the bottom (credits, footer), and
names are unified last, on what is left.
"""

from __future__ import annotations

from newsclean.cleaners.advertisement import Advertisement
from newsclean.cleaners.aggregator_footer import AggregatorFooter
from newsclean.cleaners.broken_wraps import BrokenWraps
from newsclean.cleaners.donation_appeal import DonationAppeal
from newsclean.cleaners.duplicated_lede import DuplicatedLede
from newsclean.cleaners.headline import Headline
from newsclean.cleaners.name_variants import NameVariants
from newsclean.cleaners.navigation import Navigation
from newsclean.cleaners.newsletter_prompt import NewsletterPrompt
from newsclean.cleaners.photo_credit import PhotoCredit
from newsclean.cleaners.share_buttons import ShareButtons
from newsclean.cleaners.site_header import SiteHeader
from newsclean.cleaners.source_credit import SourceCredit
from newsclean.cleaners.text_fix import TextFix
from newsclean.cleaners.timestamp import Timestamp
from newsclean.pipeline import Cleaner

DEFAULT_CLEANERS: tuple[type[Cleaner], ...] = (
    TextFix,
    BrokenWraps,
    SiteHeader,
    Timestamp,
    Headline,
    DuplicatedLede,
    PhotoCredit,
    Advertisement,
    ShareButtons,
    NewsletterPrompt,
    Navigation,
    DonationAppeal,
    SourceCredit,
    AggregatorFooter,
    NameVariants,
)

__all__ = [cls.__name__ for cls in DEFAULT_CLEANERS] + ["DEFAULT_CLEANERS"]
