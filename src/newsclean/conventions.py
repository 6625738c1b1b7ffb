"""How news text is written, in one place: quote marks, sentence ends, name particles, and the two
helpers that turn phrase and label lists into a pattern and a list.

Where two modules read a set differently (a line that ends in a colon is not hard-wrapped, but a
paragraph that ends in one is not a finished sentence either), the sets are named here for what
they are used for, built from one common core, so the difference is visible and deliberate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: Marks a quotation opens with. A block that starts with one is someone's words: quoted speech
#: is article text, never a label, a credit or an appeal.
OPENING_QUOTES = "\"“„«'‘"
#: Curly and angle quotes and their straight forms, for comparing labels ("„Mehr“" = '"Mehr"').
STRAIGHT_QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}

#: What a finished sentence ends with: a full stop, a question or exclamation mark, an ellipsis,
#: or one of these closed by a quotation mark or a parenthesis.
SENTENCE_END = tuple(".!?…\"'”’»)")
#: Ends of a scraped line after which the next line starts anew rather than continuing it as a
#: hard wrap: a sentence end, or the end of a clause or a bracket (a label line "Photo:").
LINE_END = SENTENCE_END + tuple(":;]")
#: Ends of a paragraph that is complete, so the next one is not the rest of its sentence: a
#: sentence end, in Chinese and Japanese too.
PARAGRAPH_END = SENTENCE_END + tuple("。！？」』")

#: Particles between a given name and a surname ("Anna-Lena von Berg", "Omar al Bashir"), as a
#: byline's names may contain them.
NAME_PARTICLES = ("von", "van", "de", "der", "da", "di", "al", "el", "bin", "ibn")
#: Words a name or a brand may start with in lower case ("von der Leyen", "della Rovere",
#: "d'Estaing"): the particles and their other forms. A paragraph may begin with them, so a
#: lower-case start alone does not show that it continues a sentence.
LOWERCASE_NAME_STARTS = NAME_PARTICLES + (
    "den",
    "du",
    "del",
    "della",
    "la",
    "le",
    "ten",
    "ter",
    "zu",
    "d'",
)
#: Words a Title Case name or credit may contain in lower case ("Ministry of Defence",
#: "Press service of the Ministry"): particles and the function words of English, German and
#: Spanish that stand inside names.
LOWER_WORDS_IN_NAMES = frozenset(
    "of and for the de der die das des von van la le du al el y i und a an on in at to".split()
)

#: A regular expression that never matches: the alternation of no phrases.
NEVER = r"(?!x)x"


def alternation(phrases: Iterable[str]) -> str:
    """A regular expression matching any of ``phrases`` as written, longest first (a phrase is
    tried before any shorter phrase it starts with), or :data:`NEVER` when there are none."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p) for p in ordered) or NEVER


def label_list(value: Any, *, split_items: bool = False, distinct: bool = False) -> list[str]:
    """Categories or tags as a list of labels, spaces collapsed and empty ones dropped: a list or
    tuple as given, a string split at commas. ``split_items`` splits each item of a list at
    commas too (a page's keywords: ``["a, b", "c"]``); ``distinct`` keeps the first of labels
    given twice. Labels a caller gives keep their commas and repeats; a page's are split and
    made distinct."""
    if value in (None, ""):
        return []
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        items = [items]
    if split_items:
        items = [part for item in items for part in str(item).split(",")]
    labels = [label for label in (" ".join(str(i).split()) for i in items) if label]
    return list(dict.fromkeys(labels)) if distinct else labels
