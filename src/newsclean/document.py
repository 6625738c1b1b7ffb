"""The working state cleaners share: the article's blocks, what is known about it, and the log.

A :class:`Block` is one paragraph-level unit (usually a paragraph, sometimes one line of a
paragraph the scraper broke up). Blocks that share ``para`` are printed as one paragraph.
Cleaners never touch a raw string: they drop blocks, merge blocks, edit a block's text, or lift
facts into ``meta`` — and each change goes through :meth:`Document.remove` or
:meth:`Document.fix` so it is recorded with the cleaner's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsclean.language.detect import detect_language
from newsclean.records import Fix, Removal
from newsclean.segment import Block, render

if TYPE_CHECKING:
    from newsclean.lexicon import Lexicon


@dataclass(slots=True)
class Document:
    blocks: list[Block]
    lexicon: Lexicon
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    detected_language: tuple[str | None, float | None] | None = None
    #: What a cleaner wants to remember between passes of the chain over this document.
    memo: dict[str, Any] = field(default_factory=dict)

    def remove(self, indices: Iterable[int], cleaner: str, reason: str) -> None:
        """Drop the blocks at ``indices``, recording one :class:`Removal` per block."""
        if not indices:
            return  # most cleaners, most of the time
        drop = sorted(set(indices))
        for i in drop:
            self.removed.append(Removal(cleaner, reason, self.blocks[i].text))
        keep = set(range(len(self.blocks))) - set(drop)
        self.blocks = [b for i, b in enumerate(self.blocks) if i in keep]

    def fix(self, index: int, new_text: str, cleaner: str, reason: str = "") -> None:
        """Replace block ``index``'s text, recording a :class:`Fix` if it changed."""
        block = self.blocks[index]
        if new_text != block.text:
            self.fixes.append(Fix(cleaner, block.text, new_text, reason))
            block.text = new_text

    def set_meta(self, key: str, value: Any) -> bool:
        """Set ``meta[key]`` unless something earlier already set it. Returns whether it was set."""
        if value in (None, "") or self.meta.get(key) not in (None, ""):
            return False
        self.meta[key] = value
        return True

    def language(self) -> tuple[str | None, float | None]:
        """``(language, probability)`` of the text as it is when first asked (or of the title, if
        no text is left then), detected once and kept: the cleaners late in the chain and
        ``clean()`` share it. Removals made after the first call do not change the answer."""
        if self.detected_language is None:
            text = render(self.blocks) or self.meta.get("title") or ""
            self.detected_language = detect_language(text)
        return self.detected_language
