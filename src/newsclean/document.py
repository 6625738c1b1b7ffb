"""The working state cleaners share: the article's blocks, what is known about it, and the log.

A :class:`Block` is one paragraph-level unit (usually a paragraph, sometimes one line of a
paragraph the scraper broke up). Blocks that share ``para`` are printed as one paragraph.

Cleaners read ``blocks``, ``meta``, ``removed`` and ``fixes`` and change them only through the
document's methods, each of which records what it did with the cleaner's name:
:meth:`~Document.remove` drops blocks, :meth:`~Document.fix` edits one block's text,
:meth:`~Document.merge` joins a block onto the one before it, :meth:`~Document.replace_words`
replaces words inside blocks, :meth:`~Document.set_meta` lifts a fact into ``meta``. The fields
are typed read-only (``Sequence``, ``Mapping``), so mypy rejects a direct edit, and
``tests/test_document.py`` reads every cleaner's source for one. ``memo`` is the one field a
cleaner writes directly: what it remembers between passes of the chain over the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from newsclean.language.detect import detect_language
from newsclean.records import Fix, Removal
from newsclean.segment import Block, render

if TYPE_CHECKING:
    from newsclean.lexicon import Lexicon

#: What :meth:`Document.replace_words` asks of a block: given its text, a function giving each
#: match its ``(replacement, reason)`` (None keeps the match), or None to leave the block alone.
WordChooser = Callable[[str], "Callable[[re.Match[str]], tuple[str, str] | None] | None"]


class Document:
    """One article while it is cleaned: its blocks, its metadata and the record of every change."""

    __slots__ = ("_blocks", "_fixes", "_meta", "_removed", "detected_language", "lexicon", "memo")

    def __init__(
        self, blocks: Iterable[Block], lexicon: Lexicon, meta: Mapping[str, Any] | None = None
    ):
        self._blocks: list[Block] = list(blocks)
        self.lexicon = lexicon
        self._meta: dict[str, Any] = dict(meta or {})
        self._removed: list[Removal] = []
        self._fixes: list[Fix] = []
        self.detected_language: tuple[str | None, float | None] | None = None
        #: What a cleaner wants to remember between passes of the chain over this document.
        self.memo: dict[str, Any] = {}

    @property
    def blocks(self) -> Sequence[Block]:
        """The blocks as they stand now, in order."""
        return self._blocks

    @property
    def meta(self) -> Mapping[str, Any]:
        """What is known about the article: given with it, or lifted from its text (a read-only
        view: :meth:`set_meta` adds to it)."""
        return MappingProxyType(self._meta)

    @property
    def removed(self) -> Sequence[Removal]:
        """Every block removed so far, in the order the removals were made."""
        return self._removed

    @property
    def fixes(self) -> Sequence[Fix]:
        """Every change made inside the text so far, in order."""
        return self._fixes

    def remove(self, indices: Iterable[int], cleaner: str, reason: str) -> None:
        """Drop the blocks at ``indices``, recording one :class:`Removal` per block."""
        if not indices:
            return  # most cleaners, most of the time
        drop = sorted(set(indices))
        for i in drop:
            self._removed.append(Removal(cleaner, reason, self._blocks[i].text))
        keep = set(range(len(self._blocks))) - set(drop)
        self._blocks = [b for i, b in enumerate(self._blocks) if i in keep]

    def fix(self, index: int, new_text: str, cleaner: str, reason: str = "") -> None:
        """Replace block ``index``'s text, recording a :class:`Fix` if it changed."""
        block = self._blocks[index]
        if new_text != block.text:
            self._fixes.append(Fix(cleaner, block.text, new_text, reason))
            block.text = new_text

    def merge(self, index: int, joiner: str, cleaner: str, reason: str) -> None:
        """Join block ``index + 1`` onto block ``index`` with ``joiner`` between them. Recorded
        as one :class:`Fix` of block ``index`` (its text before and after); the absorbed block is
        no :class:`Removal`, since its text is still there."""
        merged = f"{self._blocks[index].text}{joiner}{self._blocks[index + 1].text}"
        self.fix(index, merged, cleaner, reason)
        del self._blocks[index + 1]

    def join(self, runs: Sequence[tuple[int, int, str]], cleaner: str, reason: str) -> None:
        """Make each run of consecutive blocks one: ``(first, last, text)`` gives blocks
        ``first`` to ``last`` (in order, not overlapping) the one text ``text``, in ``first``'s
        paragraph. Recorded as one :class:`Fix` per run: ``before`` the pieces as they stood,
        separated by their line breaks (a blank line between paragraphs), ``after`` the joined
        text; the absorbed blocks are no :class:`Removal`, since their text is still there.
        Linear in the blocks and the runs' text."""
        if not runs:
            return
        blocks = self._blocks
        kept: list[Block] = []
        start = 0
        for first, last, text in runs:
            kept.extend(blocks[start:first])
            pieces = [blocks[first].text]
            for j in range(first + 1, last + 1):
                pieces += ("\n" if blocks[j].para == blocks[j - 1].para else "\n\n", blocks[j].text)
            self._fixes.append(Fix(cleaner, "".join(pieces), text, reason))
            blocks[first].text = text
            kept.append(blocks[first])
            start = last + 1
        kept.extend(blocks[start:])
        self._blocks = kept

    def replace_words(self, pattern: re.Pattern[str], choose: WordChooser, cleaner: str) -> None:
        """Replace matches of ``pattern`` inside blocks. In each block where it is found,
        ``choose(text)`` gives the function that decides each match (see :data:`WordChooser`).
        Recorded as one :class:`Fix` per distinct change (word, replacement, reason), its reason
        saying how many times it was made ("…, once", "…, 3 times"), in sorted order."""
        done: Counter[tuple[str, str, str]] = Counter()
        for i, block in enumerate(self._blocks):
            if not pattern.search(block.text):
                continue
            decide = choose(block.text)
            if decide is None:
                continue

            def substitute(
                found: re.Match[str],
                decide: Callable[[re.Match[str]], tuple[str, str] | None] = decide,
            ) -> str:
                chosen = decide(found)
                if chosen is None:
                    return found.group(0)
                done[(found.group(0), chosen[0], chosen[1])] += 1
                return chosen[0]

            self._blocks[i].text = pattern.sub(substitute, block.text)
        for (word, replacement, reason), n in sorted(done.items()):
            times = "once" if n == 1 else f"{n} times"
            self._fixes.append(Fix(cleaner, word, replacement, f"{reason}, {times}"))

    def replace_in_meta(
        self, keys: Iterable[str], pattern: re.Pattern[str], choose: WordChooser, cleaner: str
    ) -> None:
        """As :meth:`replace_words`, in the text metadata fields ``keys`` (a title, a
        description) instead of the blocks; each Fix's reason names the field ("…, in the
        title, once")."""
        done: Counter[tuple[str, str, str]] = Counter()
        for key in keys:
            value = self._meta.get(key)
            if not isinstance(value, str) or not pattern.search(value):
                continue
            decide = choose(value)
            if decide is None:
                continue

            def substitute(
                found: re.Match[str],
                decide: Callable[[re.Match[str]], tuple[str, str] | None] = decide,
                key: str = key,
            ) -> str:
                chosen = decide(found)
                if chosen is None:
                    return found.group(0)
                done[(found.group(0), chosen[0], f"{chosen[1]}, in the {key}")] += 1
                return chosen[0]

            self._meta[key] = pattern.sub(substitute, value)
        for (word, replacement, reason), n in sorted(done.items()):
            times = "once" if n == 1 else f"{n} times"
            self._fixes.append(Fix(cleaner, word, replacement, f"{reason}, {times}"))

    def adopt(self, other: Document) -> None:
        """Take ``other``'s blocks, and add its removals and fixes to this document's record:
        ``other`` read this document's printed text again as a new article (see
        ``cleaning.py``); its metadata is not taken, since this document knew more."""
        self._removed.extend(other.removed)
        self._fixes.extend(other.fixes)
        self._blocks = list(other.blocks)

    def set_meta(self, key: str, value: Any) -> bool:
        """Set ``meta[key]`` unless something earlier already set it. Returns whether it was set."""
        if value in (None, "") or self._meta.get(key) not in (None, ""):
            return False
        self._meta[key] = value
        return True

    def texts(self) -> tuple[tuple[str, int], ...]:
        """Each block's text and paragraph: what a pass of the chain reads, and what it changed
        when this differs before and after it."""
        return tuple((b.text, b.para) for b in self._blocks)

    def reread(self, blocks: Iterable[Block]) -> None:
        """Start the next pass of the chain on ``blocks`` (the rendered text segmented again);
        the record of changes goes on. Not for cleaners: for the loop that runs the chain."""
        self._blocks = list(blocks)

    def language(self) -> tuple[str | None, float | None]:
        """``(language, probability)`` of the text as it is when first asked (or of the title, if
        no text is left then), detected once and kept: the cleaners late in the chain and
        ``clean()`` share it. Removals made after the first call do not change the answer."""
        if self.detected_language is None:
            text = render(self._blocks) or self._meta.get("title") or ""
            self.detected_language = detect_language(text)
        return self.detected_language

    def __repr__(self) -> str:
        return (
            f"<Document {len(self._blocks)} blocks, {len(self._removed)} removed, "
            f"{len(self._fixes)} fixes>"
        )
