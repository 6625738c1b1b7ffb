"""TextFix: repairs mojibake, HTML entities, curly quotes and other encoding damage with ftfy."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import ftfy

from newsclean.caches import STRETCHES, TEXTS, lru, register
from newsclean.document import Document
from newsclean.pipeline import Cleaner
from newsclean.segment import canonical_inline


def _characters_ftfy_changes() -> re.Pattern[str] | None:
    """A character class of everything ftfy's fixers other than the mojibake detector may change,
    built from ftfy's own tables: entities, C1 controls, ligatures, full- and half-width forms,
    curly quotes, line breaks, surrogates, escapes and control characters. None when those
    tables are not where this ftfy version keeps them (then every block goes through ftfy)."""
    try:
        from ftfy import chardata
    except ImportError:  # pragma: no cover
        return None
    tables = ("LIGATURES", "WIDTH_MAP", "CONTROL_CHARS")
    if not all(isinstance(getattr(chardata, t, None), dict) for t in tables):
        return None  # pragma: no cover
    chars = {chr(c) if isinstance(c, int) else c for t in tables for c in getattr(chardata, t)}
    chars.update("&\x1b\r\u2028\u2029\x85\x0b\x0c\u02bc")
    chars.update(chr(c) for c in range(0x80, 0xA0))  # C1 controls
    chars.update(chr(c) for c in range(0x2018, 0x2020))  # curly quotes
    ranges = "".join(re.escape(c) for c in sorted(chars) if len(c) == 1)
    return re.compile(f"[{ranges}\ud800-\udfff]")


_CHANGED_BY_FTFY = _characters_ftfy_changes()


def _mojibake_detector() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """ftfy's mojibake pattern, and a character class of every character one of its matches
    must contain (its categories and the characters it names), built from ftfy's own tables;
    None when this ftfy keeps them elsewhere."""
    try:
        from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
    except ImportError:  # pragma: no cover
        return None
    named = sorted({c for c in BADNESS_RE.pattern if not c.isascii()})
    classes = "".join(MOJIBAKE_CATEGORIES.values()) + "".join(re.escape(c) for c in named)
    return BADNESS_RE, re.compile(f"[{classes}]")


_MOJIBAKE = _mojibake_detector()
# The longest match of ftfy's mojibake pattern, in characters ("ГўВЂВ." and one more; for ftfy
# 6.3 the regular expression parser gives the same bound, which a test checks).
_LONGEST_MOJIBAKE = 7


def plain_looks_like_mojibake(text: str) -> bool:
    """The rule: ftfy's own test for mojibake, ``ftfy.badness.is_bad``. :func:`looks_like_mojibake`
    gives the same answer faster (tests hold the two equal)."""
    from ftfy.badness import is_bad

    return bool(is_bad(text))


def looks_like_mojibake(text: str) -> bool:
    """:func:`plain_looks_like_mojibake`, found faster: every match of ftfy's pattern is at most
    ``_LONGEST_MOJIBAKE`` characters long and contains one of its characters, so only the
    stretches around those characters are searched, not every position of a long paragraph,
    and a stretch seen before is not searched again. With valgrind's counts
    (``bench/instructions.py``'s method, 100 warm-up and 200 measured articles) the plain rule
    took 9.35 M instructions per article instead of 6.09 M: 53% more for the whole text path."""
    if _MOJIBAKE is None:  # pragma: no cover
        return plain_looks_like_mojibake(text)
    marks = _MOJIBAKE[1]
    reach = _LONGEST_MOJIBAKE
    start = end = -1
    for found in marks.finditer(text):
        lo, hi = max(0, found.start() - reach), found.start() + reach + 1
        if lo > end:  # a new stretch: search the previous one
            if end > start and _bad_stretch(text, start, end):
                return True
            start = lo
        end = hi
    return end > start and _bad_stretch(text, start, end)


# Whether a match of ftfy's pattern depends only on the characters it spans (and on whether it
# starts the text): no look-around, no word boundary, no multi-line anchors.
_CONTEXT_FREE = _MOJIBAKE is not None and not (
    _MOJIBAKE[0].flags & re.MULTILINE or re.search(r"\(\?<?[=!]|\\[bBAZ]", _MOJIBAKE[0].pattern)
)
# Stretches searched, and whether ftfy's pattern matched in them (see _bad_stretch).
_STRETCHES: dict[tuple[str, bool], bool] = {}
_CACHE_STRETCHES = STRETCHES
register(_STRETCHES.clear)


def _bad_stretch(text: str, start: int, end: int) -> bool:
    """Whether ftfy's mojibake pattern matches in ``text[start:end]``. When the pattern looks
    neither behind nor ahead (as ftfy's does), ``^`` in it holding only at the text's real start,
    the answer depends on the stretch and whether it starts the text, and is kept for both:
    words with accented letters, "für" or "été", recur all through a language's text."""
    assert _MOJIBAKE is not None
    pattern = _MOJIBAKE[0]
    if not _CONTEXT_FREE:  # pragma: no cover - an ftfy whose pattern looks around
        return pattern.search(text, start, end) is not None
    key = (text[start:end], start == 0)
    bad = _STRETCHES.get(key)
    if bad is None:
        bad = pattern.search(text, start, end) is not None
        if len(_STRETCHES) >= _CACHE_STRETCHES:
            _STRETCHES.clear()  # start over with the stretches of the texts now coming
        _STRETCHES[key] = bad
    return bad


def needs_ftfy(text: str) -> bool:
    """Whether ftfy could change ``text``. Most text has none of the characters ftfy's fixers
    touch, reads as good (no mojibake) to ftfy's own detector and is NFC already; asking ftfy
    about such text costs time and can only return it unchanged."""
    touched, damaged = _what_ftfy_sees(text)
    return damaged or bool(touched)


def _what_ftfy_sees(text: str) -> tuple[set[str], bool]:
    """The characters in ``text`` that ftfy's fixers other than the mojibake detector change,
    and whether there is more to it: mojibake, a text that is not NFC, or an ftfy whose tables
    are not where this module looks (then every text counts as damaged)."""
    if text.isascii():
        return ({"&"} if "&" in text else set()), False
    if _CHANGED_BY_FTFY is None:
        return set(), True  # pragma: no cover
    touched = set(_CHANGED_BY_FTFY.findall(text))
    return touched, looks_like_mojibake(text) or not unicodedata.is_normalized("NFC", text)


class TextFix(Cleaner):
    """Fixes mojibake, HTML entities, curly quotes and broken encodings (ftfy), block by block.

    Scrapers mis-decode UTF-8 as Windows-1252 ("donâ€™t"), leave entities ("&amp;") and mix
    typographic and straight quotes. ftfy undoes this and explains each step; the explanation is
    kept as the fix's reason. Before: ``donâ€™t say &quot;never&quot;``;
    after: ``don't say "never"``.
    """

    name = "text_fix"

    def __init__(self, config: ftfy.TextFixerConfig | None = None):
        self.config = config or _DEFAULT_CONFIG

    def apply(self, doc: Document) -> None:
        for i, block in enumerate(doc.blocks):
            fixed = repair(block.text, self.config)
            if fixed is not None:
                doc.fix(i, fixed[0], self.name, fixed[1])


# Curly quotes, as ftfy's uncurl_quotes straightens them.
_QUOTES = {
    **{c: "'" for c in "\u02bc\u2018\u2019\u201a\u201b"},
    **{c: '"' for c in "\u201c\u201d\u201e\u201f"},
}
_UNCURL = str.maketrans(_QUOTES)
# Full-width and half-width forms are left as printed (ftfy's fix_character_width would turn
# "２０２４年" into "2024年"): East Asian text prints digits and Latin letters full-width on
# purpose, and the canonical text is NFC, never a compatibility folding.
_DEFAULT_CONFIG = ftfy.TextFixerConfig(explain=True, fix_character_width=False)


@lru(TEXTS)
def repair(text: str, config: ftfy.TextFixerConfig) -> tuple[str, str] | None:
    """``(fixed text, reason)`` when ftfy changes ``text``, else None; kept for recent texts, since
    later passes of the chain see the same blocks again."""
    touched, damaged = _what_ftfy_sees(text)
    if not touched and not damaged:
        return None
    explanation: Sequence[tuple[str, str]] | None
    if config == _DEFAULT_CONFIG and not damaged and touched.issubset(_QUOTES):
        # Curly quotes are all ftfy's default fixers would change: the one step it would take,
        # taken directly, with the same text and the same explanation.
        fixed, explanation = text.translate(_UNCURL), [("apply", "uncurl_quotes")]
    else:
        fixed, explanation = ftfy.fix_and_explain(text, config=config)
    fixed = canonical_inline(fixed)
    if fixed == text:
        return None
    steps = ", ".join(f"{op} {arg}" for op, arg in (explanation or []))
    return fixed, f"ftfy: {steps}" if steps else "ftfy"
