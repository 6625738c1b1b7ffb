"""Romanization-aware comparison of name spellings.

Russian, Ukrainian and Belarusian names reach English text through several romanization
conventions: English press usage (close to BGN/PCGN) writes Peskov, Sinyavsky, Khrenin, Makei;
German (Duden) writes Peskow, Sinjawski, Chrenin, Makej. Edit distance cannot tell these pairs from
different names (Peskov/Peskova, Bush/Busch). Instead, each spelling is *read back* under each
convention into a coarse phonetic key standing for its Cyrillic original; two spellings are
variants when an English reading of one equals a German reading of the other.

>>> variant_of("Peskow", "Peskov"), variant_of("Sinjawski", "Sinyavsky")
(True, True)
>>> variant_of("Peskova", "Peskov")
False
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Reading rules per convention: spelling → coarse sound class, longest spelling first.
# Classes: Š stands for ш and ж (German writes both "sch"), C for ц, Č for ч, Ŝ for щ, X for х,
# S for с and з (German writes both "s"), J for й and the glide in я/ю/е/ё, I for и/ы/ий/ый.
_ENGLISH = {
    "shch": "Ŝ",
    "sch": "Ŝ",
    "zh": "Š",
    "kh": "X",
    "tch": "Č",
    "ch": "Č",
    "sh": "Š",
    "ts": "C",
    "iy": "I",
    "yy": "I",
    "ei": "EJ",
    "ey": "EJ",
    "ai": "AJ",
    "ay": "AJ",
    "oi": "OJ",
    "oy": "OJ",
    "ui": "UJ",
    "uy": "UJ",
    "yu": "JU",
    "ya": "JA",
    "ye": "JE",
    "yo": "JO",
    "yi": "JI",
    "y": "I",
    "j": "DŠ",
    "z": "S",
    "s": "S",
    "w": "V",
    "v": "V",
    "x": "KS",
    "ck": "K",
    "c": "K",
    "q": "K",
    "ph": "F",
}
_GERMAN = {
    "schtsch": "Ŝ",
    "tsch": "Č",
    "sch": "Š",
    "ch": "X",
    "ts": "C",
    "tz": "C",
    "z": "C",
    "ij": "I",
    "yj": "I",
    "ji": "JI",
    "ei": "EJ",
    "ai": "AJ",
    "oi": "OJ",
    "ui": "UJ",
    "ju": "JU",
    "ja": "JA",
    "je": "JE",
    "jo": "JO",
    "j": "J",
    "y": "I",
    "w": "V",
    "v": "V",
    "s": "S",
    "ss": "S",
    "dsch": "DŠ",
    "x": "KS",
    "ck": "K",
    "c": "K",
    "q": "K",
    "ph": "F",
}
CONVENTIONS = {"en": _ENGLISH, "de": _GERMAN}
_SUFFIX_READINGS = (("IJ", "I"), ("JI", "I"))


def _reader(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys) + "|.", re.DOTALL)


_READERS = {name: _reader(table) for name, table in CONVENTIONS.items()}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def reading(spelling: str, convention: str) -> str:
    """The coarse phonetic key of ``spelling`` read under ``convention`` ("en" or "de")."""
    table = CONVENTIONS[convention]
    out = []
    for piece in _READERS[convention].findall(_fold(spelling)):
        out.append(table.get(piece, piece.upper()))
    key = "".join(out)
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters carry no sound difference here
    for old, new in _SUFFIX_READINGS:
        if key.endswith(old):
            key = key[: -len(old)] + new
    return key


def variant_of(form: str, english: str) -> bool:
    """Whether ``form`` is another romanization of the English-convention spelling ``english``."""
    return english_form(form, english) == english


# Endings and clusters that mark a Slavic name; a pair must show one of them, so German and
# English names that merely sound alike (Busch/Bush, Wolf) are left alone.
_SLAVIC_SHAPE = re.compile(
    r"(?:ov|ow|ova|owa|ev|ew|eva|ewa|yov|jow|in|ina|yn|yna|sky|ski|skiy|skij|skyj|skaya|skaja|enko|"
    r"chuk|tschuk|uk|yuk|juk|vich|witsch|vych|wytsch|ich|itsch|ets|ez|yan|jan|iy|ij|yj|ei|ej)$"
    r"|kh|zh|shch|schtsch|tsch|[bcdfgklmnprstvwz](?:ya|yu|ja|ju)",
    re.IGNORECASE,
)


def slavic_shaped(spelling: str) -> bool:
    return bool(_SLAVIC_SHAPE.search(spelling))


_GERMAN_MARKS = re.compile(r"tsch|sch|w|j|ij$|yj$")
_ENGLISH_MARKS = re.compile(r"(?<![cs])h(?<=[kzs]h)|v|y")


def english_score(spelling: str) -> int:
    """How much a spelling looks like English-convention romanization: English marks (kh, zh, sh,
    v, y) count up, German marks (sch, tsch, w, j) count down."""
    s = spelling.casefold()
    return len(_ENGLISH_MARKS.findall(s)) - len(_GERMAN_MARKS.findall(s))


def english_form(a: str, b: str) -> str | None:
    """Of two spellings of one name, the English-convention one; None when they are not two
    romanizations of one name or it is unclear which is English.

    >>> english_form("Chrenin", "Khrenin"), english_form("Peskov", "Peskow")
    ('Khrenin', 'Peskov')
    >>> english_form("Bush", "Peskov") is None
    True
    """
    if a.casefold() == b.casefold():
        return None
    a_german = reading(a, "de") == reading(b, "en")
    b_german = reading(b, "de") == reading(a, "en")
    if a_german != b_german:
        return b if a_german else a
    if not a_german:
        return None
    # Both readings agree (Peskov/Peskow): decide by the marks each spelling carries.
    score_a, score_b = english_score(a), english_score(b)
    if score_a == score_b:
        return None
    return a if score_a > score_b else b
