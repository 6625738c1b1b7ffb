"""NameVariants: makes every spelling of a name in one article the English-convention spelling."""

from __future__ import annotations

import re
from collections import Counter

from newsclean.document import Document
from newsclean.names import english_form, slavic_shaped
from newsclean.pipeline import Cleaner
from newsclean.records import Fix

# Names without a Slavic ending or cluster are compared only from this length on, where chance
# look-alikes of German or English names are rare (Schoigu/Shoigu yes, Busch/Bush no); common
# German and English look-alikes are listed in the data as not_transliterations.
_MIN_UNMARKED = 6
# Capitalized words; shorter ones are too ambiguous to call variants (Ivo/Iwo).
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*\b")


class NameVariants(Cleaner):
    """Unifies spellings of one name that translation left in two romanizations (Peskow → Peskov).

    When an article spells a Slavic name both in English convention and in German convention
    (Sinyavsky and Sinjawski, Peskov and Peskow), every occurrence becomes the English form. Two
    spellings count only if a German reading of one equals an English reading of the other (see
    ``newsclean.names``), so different people with near names (Peskov/Peskova, Medvedev/Medvedchuk)
    are left alone; so are German and English names listed as not transliterations (Busch/Bush),
    and a name with two candidate English forms. Before: ``…said Peskow.``; after: ``…said Peskov.``
    """

    name = "name_variants"

    def apply(self, doc: Document) -> None:
        counts: Counter[str] = Counter()
        for block in doc.blocks:
            counts.update(_NAME.findall(block.text))
        stop = doc.lexicon.labels("name_variants", "not_transliterations")
        forms = [f for f in sorted(counts) if f.casefold() not in stop]
        mapping: dict[str, str] = {}
        for form in forms:
            targets = [
                other
                for other in forms
                if other != form
                and (slavic_shaped(form) or slavic_shaped(other) or len(form) >= _MIN_UNMARKED)
                and english_form(form, other) == other
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
