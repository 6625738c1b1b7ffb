"""TextFix: repairs mojibake, HTML entities, curly quotes and other encoding damage with ftfy."""

from __future__ import annotations

import ftfy

from newsclean.document import Document
from newsclean.pipeline import Cleaner
from newsclean.segment import canonical_inline


class TextFix(Cleaner):
    """Fixes mojibake, HTML entities, curly quotes and broken encodings (ftfy), block by block.

    Scrapers mis-decode UTF-8 as Windows-1252 ("donâ€™t"), leave entities ("&amp;") and mix
    typographic and straight quotes. ftfy undoes this and explains each step; the explanation is
    kept as the fix's reason. Before: ``donâ€™t say &quot;never&quot;``;
    after: ``don't say "never"``.
    """

    name = "text_fix"

    def __init__(self, config: ftfy.TextFixerConfig | None = None):
        self.config = config or ftfy.TextFixerConfig(explain=True)

    def apply(self, doc: Document) -> None:
        for i, block in enumerate(doc.blocks):
            if block.text.isascii() and "&" not in block.text:
                continue  # nothing ftfy could change: no entities, no non-ASCII characters
            fixed, explanation = ftfy.fix_and_explain(block.text, config=self.config)
            fixed = canonical_inline(fixed)
            if fixed != block.text:
                steps = ", ".join(f"{op} {arg}" for op, arg in (explanation or []))
                doc.fix(i, fixed, self.name, f"ftfy: {steps}" if steps else "ftfy")
