"""The shared shape of cleaners that drop whole blocks matching a phrase list."""

from __future__ import annotations

from typing import ClassVar

from newsclean.cleaners._shapes import at_most_words, is_label_sequence
from newsclean.document import Document
from newsclean.lexicon import match_any
from newsclean.pipeline import Cleaner


class LabelCleaner(Cleaner):
    """Drops blocks that are one or more labels from ``[<name>] labels``, or that start with one of
    ``[<name>] patterns`` (when the block has at most ``max_words`` words)."""

    reason: ClassVar[str]
    pattern_key: ClassVar[str] = "patterns"
    #: A block longer than this is prose, whatever it starts with.
    max_words: ClassVar[int] = 30

    def apply(self, doc: Document) -> None:
        labels = doc.lexicon.labels(self.name, "labels")
        patterns = doc.lexicon.patterns(self.name, self.pattern_key)
        drop = []
        for i, block in enumerate(doc.blocks):
            text = block.text
            if text[:1] in "\"“„«'‘":
                continue  # quoted speech is article text
            if is_label_sequence(text, labels) or (
                at_most_words(text, self.max_words) and match_any(patterns, text)
            ):
                drop.append(i)
        doc.remove(drop, self.name, self.reason)
