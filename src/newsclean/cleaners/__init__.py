"""The cleaners, one per module, and the default order they run in.

Order matters. Text is repaired first. Lines that are junk wherever they stand go next (date
lines, horizontal rules, the page footer with its related-links lists, ads, share buttons,
newsletter prompts, navigation, photo and source credits, reporter notes, appeals), so that what
is left at the top is the page header, the headline and the prose: then the byline, site header,
headline and duplicated lede are found by position. Sentences broken across paragraphs are
rejoined once all junk is gone (a fragment may have been split off next to a removed line), and
names are unified last, on the article's own text. Each cleaner thus sees the text as a second
cleaning would, which keeps cleaning idempotent.
"""

from __future__ import annotations

from newsclean.cleaners.advertisement import Advertisement
from newsclean.cleaners.aggregator_footer import AggregatorFooter
from newsclean.cleaners.broken_wraps import BrokenWraps
from newsclean.cleaners.byline import Byline
from newsclean.cleaners.donation_appeal import DonationAppeal
from newsclean.cleaners.duplicated_lede import DuplicatedLede
from newsclean.cleaners.headline import Headline
from newsclean.cleaners.name_variants import NameVariants
from newsclean.cleaners.navigation import Navigation
from newsclean.cleaners.newsletter_prompt import NewsletterPrompt
from newsclean.cleaners.photo_credit import PhotoCredit
from newsclean.cleaners.reporter_note import ReporterNote
from newsclean.cleaners.rule_line import RuleLine
from newsclean.cleaners.share_buttons import ShareButtons
from newsclean.cleaners.site_header import SiteHeader
from newsclean.cleaners.source_credit import SourceCredit
from newsclean.cleaners.text_fix import TextFix
from newsclean.cleaners.timestamp import Timestamp
from newsclean.pipeline import Cleaner

DEFAULT_CLEANERS: tuple[type[Cleaner], ...] = (
    TextFix,
    Timestamp,
    RuleLine,
    AggregatorFooter,
    Advertisement,
    ShareButtons,
    NewsletterPrompt,
    Navigation,
    PhotoCredit,
    SourceCredit,
    ReporterNote,
    DonationAppeal,
    Byline,
    SiteHeader,
    Headline,
    DuplicatedLede,
    BrokenWraps,
    NameVariants,
)

__all__ = [cls.__name__ for cls in DEFAULT_CLEANERS] + ["DEFAULT_CLEANERS"]
