"""Split raw article text into blocks, and the canonical form every block's text is kept in.

Paragraphs are separated by blank lines. Inside a paragraph, a line that continues a sentence is
a hard wrap and joins the line before; other lines (short labels, separate sentences on their own
line) stay separate blocks of the same paragraph, so a cleaner can drop a "Read more" line without
touching its neighbours. Text with no blank line at all is taken as one paragraph per line, the
way many scrapers print articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.caches import TEXTS, lru
from newsclean.conventions import LINE_END


@dataclass(slots=True)
class Block:
    """One paragraph-level unit of an article (usually a paragraph, sometimes one line of a
    paragraph the scraper broke up). Blocks that share ``para`` are printed as one paragraph."""

    text: str
    para: int


_LINE_BREAK_CHARACTERS = ("\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Zero-width characters, soft hyphens, bidi controls and BOMs: invisible, and they break matching.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# C0 control characters other than tab and newline; and C1 controls, which are kept until the text
# fixer has run because mis-decoded UTF-8 shows up as C1 characters ("â€\x9d" is a closing quote).
_C0 = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_C1 = re.compile("[\x80-\x84\x86-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
# A blank line (it may hold spaces) between two paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# A line shorter than this is a label or a heading rather than a hard-wrapped line of prose; typical
# hard wraps happen at 60-80 columns.
_MIN_WRAPPED_LINE = 40


def canonical_inline(text: str, *, keep_c1: bool = False) -> str:
    """One block's canonical form: NFC, no invisible or control characters, single spaces.

    ``keep_c1`` keeps C1 control characters for the text fixer to read (see :data:`_C1`)."""
    return _canonical_keeping_c1(text) if keep_c1 else _canonical(text)


@lru(TEXTS)
def _canonical(text: str) -> str:
    return _canonical_form(text, keep_c1=False)


@lru(TEXTS)
def _canonical_keeping_c1(text: str) -> str:
    return _canonical_form(text, keep_c1=True)


def _canonical_form(text: str, keep_c1: bool) -> str:
    if text.isascii() and text.isprintable():  # the common case: only spaces to collapse
        # The only whitespace in printable ASCII is the space: without a double one, all
        # there is to do is to strip the ends.
        return text.strip(" ") if "  " not in text else " ".join(text.split())
    # Printable means no control, format (invisible) or separator character but the space.
    if text.isprintable() and "  " not in text and unicodedata.is_normalized("NFC", text):
        return text.strip(" ")  # nothing to remove, collapse or compose
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _C0.sub("", text)
    if not keep_c1:
        text = _C1.sub("", text)
    return _SPACES.sub(" ", text).strip()


def normalize_newlines(text: str) -> str:
    if not any(map(text.__contains__, _LINE_BREAK_CHARACTERS)):
        return text  # the common case, told without a regular expression
    return _LINE_BREAKS.sub("\n", text)


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the hard-wrapped continuation of ``previous``."""
    if line[:1].islower():
        return True
    return len(previous) >= _MIN_WRAPPED_LINE and not previous.endswith(LINE_END)


def segment(text: str, *, rendered: bool = False) -> list[Block]:
    """Split ``text`` into blocks (see the module docstring). ``rendered`` says that ``text`` is
    :func:`render`'s output, whose lines are in canonical form already: they are taken as they
    are, which spares a second cleaning pass the cost of canonicalizing every line again."""
    if not rendered:
        text = normalize_newlines(text)
    chunks = _PARAGRAPH_BREAK.split(text)
    if len(chunks) == 1:
        chunks = text.split("\n")
    blocks: list[Block] = []
    for para, chunk in enumerate(chunks):
        current: str | None = None
        for raw in chunk.split("\n"):
            line = raw if rendered else _canonical_keeping_c1(raw)
            if not line:
                continue
            if current is not None and _continues(current, line):
                current = f"{current} {line}"
                continue
            if current is not None:
                blocks.append(Block(current, para))
            current = line
        if current is not None:
            blocks.append(Block(current, para))
    return blocks


def render(blocks: Sequence[Block]) -> str:
    """Join blocks into the article text in canonical form: one blank line between paragraphs, no
    trailing newline, each block through :func:`canonical_inline`."""
    paragraphs: list[list[str]] = []
    last_para: int | None = None
    for block in blocks:
        text = _canonical(block.text)
        if not text:
            continue
        if paragraphs and block.para == last_para:
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
        last_para = block.para
    return "\n\n".join(" ".join(parts) for parts in paragraphs)
