"""NameVariants: makes every spelling of a name in one article the English-convention spelling."""

from __future__ import annotations

import re
from collections import Counter

from newsclean.document import Document
from newsclean.names import english_score, slavic_shaped, variant_of
from newsclean.pipeline import Cleaner
from newsclean.records import Fix

# Capitalized words; shorter ones are too ambiguous to call variants (Ivo/Iwo).
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*\b")


class NameVariants(Cleaner):
    """Unifies spellings of one name that translation left in two romanizations (Peskow → Peskov).

    When an article spells a Slavic name both in English convention and in German convention
    (Sinyavsky and Sinjawski, Peskov and Peskow), every occurrence becomes the English form. Two
    spellings count only if a German reading of one equals an English reading of the other (see
    ``newsclean.names``), so different people with near names (Peskov/Peskova, Medvedev/Medvedchuk)
    and German names (Busch) are left alone. Before: ``…said Peskow.``; after: ``…said Peskov.``
    """

    name = "name_variants"

    def apply(self, doc: Document) -> None:
        counts: Counter[str] = Counter()
        for block in doc.blocks:
            counts.update(_NAME.findall(block.text))
        forms = sorted(counts)
        mapping: dict[str, str] = {}
        for form in forms:
            if not slavic_shaped(form):
                continue
            targets = [
                other
                for other in forms
                if other != form
                and variant_of(form, other)
                and english_score(other) > english_score(form)
            ]
            if len(targets) == 1:  # two candidate English forms: unsure, do nothing
                mapping[form] = targets[0]
        if not mapping:
            return
        alternation = "|".join(map(re.escape, sorted(mapping, key=len, reverse=True)))
        pattern = re.compile(rf"\b(?:{alternation})\b")
        for form, target in sorted(mapping.items()):
            times = "once" if counts[form] == 1 else f"{counts[form]} times"
            reason = f"romanization variant of {target} in the same article ({times})"
            doc.fixes.append(Fix(self.name, form, target, reason))
        for block in doc.blocks:
            block.text = pattern.sub(lambda m: mapping[m.group(0)], block.text)
