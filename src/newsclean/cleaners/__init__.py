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

from collections.abc import Iterable
from pathlib import Path

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
from newsclean.cleaners.settings import Tables, configs
from newsclean.cleaners.share_buttons import ShareButtons
from newsclean.cleaners.site_header import SiteHeader
from newsclean.cleaners.source_credit import SourceCredit
from newsclean.cleaners.text_fix import TextFix
from newsclean.cleaners.timestamp import Timestamp
from newsclean.lexicon import Lexicon
from newsclean.names.gazetteer import Gazetteer
from newsclean.pipeline import Cleaner, Pipeline, default_lexicon

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


def default_pipeline(
    *,
    disable: Iterable[str] = (),
    lexicon_files: Iterable[str | Path] = (),
    names_files: Iterable[str | Path] = (),
    bundled_names: bool = True,
    english_variants: bool = False,
    config: Tables | None = None,
) -> Pipeline:
    """The default chain, in order, minus the cleaners named in ``disable``.

    ``lexicon_files`` are user TOML files whose phrase lists extend the bundled ones;
    ``names_files`` (TOML or CSV) extend the bundled name gazetteer, which ``bundled_names=False``
    leaves out; ``english_variants`` also replaces English-language alternatives (Kiev → Kyiv);
    ``config`` sets cleaners' thresholds by name, ``{"donation_appeal": {"max_appeal_words":
    150}}`` (see :mod:`newsclean.cleaners.settings`; unknown names are a ``ConfigError``)."""
    settings = configs(config or {}, DEFAULT_CLEANERS, "config")
    extra = list(lexicon_files)
    lexicon = Lexicon.load(extra) if extra else default_lexicon()
    names = list(names_files)
    cleaners: list[Cleaner] = []
    for cls in DEFAULT_CLEANERS:
        given = settings.get(cls.name)
        if cls is NameVariants and (names or not bundled_names or english_variants):
            gazetteer = Gazetteer.load(
                names, bundled=bundled_names, english_variants=english_variants
            )
            cleaners.append(NameVariants(gazetteer, config=given))
        else:
            cleaners.append(cls(config=given) if given is not None else cls())
    pipeline = Pipeline(cleaners, lexicon=lexicon)
    disabled = list(disable)
    return pipeline.without(*disabled) if disabled else pipeline


__all__ = [cls.__name__ for cls in DEFAULT_CLEANERS] + ["DEFAULT_CLEANERS", "default_pipeline"]

# Not in the default chain: the trained line classifier (cleaners/boilerplate_lines.py) removed
# too few junk lines on held-out sites (docs/cleaners.md gives the figures) for what it costs on
# the text path. Add it with
# ``default_pipeline().with_cleaner(BoilerplateLines(), after="duplicated_lede")`` or
# ``newsclean run --cleaner`` with
# ``newsclean.cleaners.boilerplate_lines:BoilerplateLines@after=duplicated_lede``.
