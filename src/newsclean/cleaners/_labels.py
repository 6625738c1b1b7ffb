"""The shared shape of cleaners that drop whole blocks matching a phrase list."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from newsclean.cleaners._shapes import at_most_words, is_label_sequence
from newsclean.document import Document
from newsclean.lexicon import Lexicon, match_any
from newsclean.pipeline import Cleaner


class LabelCleaner(Cleaner):
    """Drops blocks that are one or more labels from ``[<name>] labels``, or that start with one of
    ``[<name>] patterns`` (when the block has at most ``max_words`` words)."""

    reason: ClassVar[str]
    pattern_key: ClassVar[str] = "patterns"
    #: A block longer than this is prose, whatever it starts with.
    max_words: ClassVar[int] = 30

    def apply(self, doc: Document) -> None:
        is_junk = doc.lexicon.text_test(f"{self.name}.is_junk", self._decider)
        drop = [i for i, block in enumerate(doc.blocks) if is_junk(block.text)]
        doc.remove(drop, self.name, self.reason)

    def _decider(self, lexicon: Lexicon) -> Callable[[str], bool]:
        """Whether a block is junk to this cleaner: its text alone decides."""
        labels = lexicon.label_set(self.name, "labels")
        patterns = lexicon.patterns(self.name, self.pattern_key)
        max_words = self.max_words

        def is_junk(text: str) -> bool:
            if text[:1] in "\"“„«'‘":
                return False  # quoted speech is article text
            return is_label_sequence(text, labels) or (
                at_most_words(text, max_words) and match_any(patterns, text) is not None
            )

        return is_junk
