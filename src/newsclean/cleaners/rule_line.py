"""RuleLine: removes horizontal rules printed as text ("___", "-----", "======")."""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.pipeline import Cleaner

# Three or more rule characters and nothing else but spaces. Asterisms ("* * *", "***") are not
# rules: writers put them between sections on purpose, and they stay.
_RULE = re.compile(r"[_\-‐‑‒–—―=~](?:\s*[_\-‐‑‒–—―=~]){2,}")


class RuleLine(Cleaner):
    """Removes lines that are only a horizontal rule: underscores, dashes, equals signs or tildes.

    Pages and wire copy draw rules between the story and what follows it (AP prints "___" before
    its contributor lines; newsletters and plain-text feeds print "-----" or "====="). A rule has
    no words, so nothing of the article goes with it; an underscore rule would otherwise count as
    a word. A line with any letter or digit in it is not a rule and stays, and so do asterisms
    ("* * *"), which writers put between sections. Before: ``…the talks, officials said.`` /
    ``___`` / ``AP writer Jane Doe contributed.``; after: the rule is gone.
    """

    name = "rule_line"

    def apply(self, doc: Document) -> None:
        drop = [i for i, block in enumerate(doc.blocks) if _RULE.fullmatch(block.text)]
        doc.remove(drop, self.name, "horizontal rule (no words)")
