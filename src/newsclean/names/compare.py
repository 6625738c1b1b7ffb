"""Romanization-aware comparison of name spellings.

Russian, Ukrainian and Belarusian names reach English text through several romanization
conventions: English press usage (close to BGN/PCGN) writes Peskov, Sinyavsky, Khrenin, Makei;
German (Duden) writes Peskow, Sinjawski, Chrenin, Makej; French writes Poutine, Choïgou; Polish
Szojgu, Ławrow; Dutch Sjojgoe; ISO 9 and Czech Šojgu. Edit distance cannot tell such pairs from
different names (Peskov/Peskova, Bush/Busch). Instead, each spelling is *read back* under each
convention into a coarse phonetic key that stands for its Cyrillic original, and two spellings are
variants when the English reading of one equals another convention's reading of the other. See
``docs/names.md`` for the method and its limits.

>>> variant_of("Peskow", "Peskov"), variant_of("Sinjawski", "Sinyavsky")
(True, True)
>>> variant_of("Peskova", "Peskov")
False
"""

from __future__ import annotations

import re
import unicodedata

from newsclean.caches import CHARACTERS, NAMES, lru

# Each convention maps spellings to sound classes that stand for Cyrillic letters. Classes:
# Š stands for ш and ж (German writes both "sch"), Č for ч, Ŝ for щ, C for ц, X for х, S for с
# and з (German writes both "s"), G for г (Ukrainian г is written h), J for й and the glide of
# я/ю/е/ё, I for и/і/ї/ы/ий. Letters not listed stand for themselves.
# fmt: off
_COMMON = {"ph": "F", "ck": "K", "q": "K", "x": "KS", "'": "", "’": "", "ʹ": "", "ʼ": "", "ʺ": ""}
# English press also keeps a few German spellings of Slavic names ("Klitschko"): tsch reads as ч.
_ENGLISH = {
    **_COMMON,
    "tsch": "Č", "shch": "Ŝ", "zh": "Š", "kh": "X", "tch": "Č", "ch": "Č", "sh": "Š", "ts": "C",
    "h": "G",
    "iy": "I", "yy": "I", "yi": "I", "ey": "EJ", "ay": "AJ", "oy": "OJ", "uy": "UJ",
    "yu": "JU", "ya": "JA", "ye": "JE", "yo": "JO", "y": "I", "j": "DŠ", "z": "S", "c": "K",
}
_GERMAN = {
    **_COMMON,
    "schtsch": "Ŝ", "tsch": "Č", "dsch": "DŠ", "sch": "Š", "ch": "X", "ts": "C", "tz": "C",
    "z": "C", "h": "G", "ij": "I", "yj": "I", "ju": "JU", "ja": "JA", "je": "JE", "jo": "JO",
    "j": "J", "y": "I", "w": "V", "ss": "S", "c": "K", "ß": "S",
}
_FRENCH = {
    **_COMMON,
    "chtch": "Ŝ", "tch": "Č", "dj": "DŠ", "ch": "Š", "kh": "X", "j": "Š", "ou": "U",
    "gue": "GE", "gui": "GI", "ts": "C", "h": "G", "ï": "I", "ë": "E", "é": "E", "è": "E",
    "ê": "E", "iou": "JU", "y": "I", "ss": "S", "z": "S", "w": "V", "c": "K", "off": "OV",
    "eff": "EV",
}
_POLISH = {
    **_COMMON,
    "szcz": "Ŝ", "sz": "Š", "cz": "Č", "rz": "Š", "ż": "Š", "ź": "S", "ś": "S", "ć": "Č",
    "ch": "X", "h": "G", "ł": "L", "ń": "N", "ó": "U", "ą": "ON", "ę": "EN", "c": "C", "ck": "CK",
    "w": "V", "j": "J", "y": "I", "z": "S",
}
_DUTCH = {
    **_COMMON,
    "sjtsj": "Ŝ", "tsj": "Č", "dzj": "DŠ", "sj": "Š", "zj": "Š", "ch": "X", "kh": "X",
    "oe": "U", "ts": "C", "h": "G", "j": "J", "y": "I", "w": "V", "z": "S", "c": "K",
}
# ISO 9, Czech and scholarly transliteration: one letter (with diacritics) per Cyrillic letter.
_SCHOLARLY = {
    **_COMMON,
    "ŝ": "Ŝ", "šč": "Ŝ", "štš": "Ŝ", "š": "Š", "ž": "Š", "č": "Č", "ch": "X", "h": "G", "x": "X",
    "c": "C", "â": "JA", "û": "JU", "ě": "JE", "ë": "JO", "è": "E", "ė": "E", "ů": "U",
    "j": "J", "y": "I", "ì": "I", "ï": "I", "ǐ": "I", "z": "S", "w": "V", "ĭ": "J",
}
# fmt: on
CONVENTIONS: dict[str, dict[str, str]] = {
    "en": _ENGLISH,
    "de": _GERMAN,
    "fr": _FRENCH,
    "pl": _POLISH,
    "nl": _DUTCH,
    "scholarly": _SCHOLARLY,
}
#: Conventions other than English; a spelling read under one of them that equals an English
#: reading is a variant of that English spelling.
FOREIGN = tuple(c for c in CONVENTIONS if c != "en")

# Sound-class rewrites applied to every reading, so that letters conventions write differently
# for one Cyrillic letter end in one class.
_POST = (
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters carry no difference ("Lukaschenko")
    # A final я is written -ya, -ja, -ia: one form, kept apart from a final а (Vinnitsa is
    # Russian Винница, Vinnytsia Ukrainian Вінниця).
    (re.compile(r"[IJ]+A$"), "IA"),
    (re.compile(r"[IJ]O"), "E"),  # ё is written yo, jo, io, ë, e, ie: one form
    (re.compile(r"[IJ](?=[AEIOU].)"), ""),  # я, ю, е, ё inside a word: "ya", "ia", "ja", "â"
    (re.compile(r"(?<=[AEOU])I(?![AEIOU])"), "J"),  # й after a vowel: "ai", "ei", "oi", "ui"
    (re.compile(r"(?<=[ŠČŜC])O"), "E"),  # ё after a hushing sound: German "o", English "e"
    (re.compile(r"INE$"), "IN"),  # French adds a silent e: Poutine, Raspoutine
    (re.compile(r"[IJ]+$"), "I"),  # -ий, -ый, -ій, -ой endings: -y, -iy, -ij, -yj, -yi, -i
    (re.compile(r"(.)\1+"), r"\1"),
)


def _reader(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys) + "|.", re.DOTALL)


_READERS = {name: _reader(table) for name, table in CONVENTIONS.items()}


@lru(CHARACTERS)
def _letter(char: str) -> str:
    """A letter no convention lists stands for itself, without diacritics; hyphens, spaces and
    other marks do not sound."""
    decomposed = unicodedata.normalize("NFKD", char)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).upper()
    return folded if folded.isalpha() else ""


@lru(NAMES)
def reading(spelling: str, convention: str) -> str:
    """The coarse key of ``spelling`` read under ``convention`` (a key of :data:`CONVENTIONS`).

    >>> reading("Chrenin", "de") == reading("Khrenin", "en")
    True
    """
    table = CONVENTIONS[convention]
    pieces = _READERS[convention].findall(unicodedata.normalize("NFC", spelling.casefold()))
    return _sound_classes("".join(table[p] if p in table else _letter(p) for p in pieces))


@lru(NAMES)
def _sound_classes(key: str) -> str:
    """:data:`_POST` applied to a letter-by-letter reading (conventions often read a spelling
    to the same letters, so this is shared between them)."""
    for pattern, replacement in _POST:
        key = pattern.sub(replacement, key)
    return key


def foreign_readings(spelling: str) -> dict[str, str]:
    """The readings of ``spelling`` under every non-English convention."""
    return {c: reading(spelling, c) for c in FOREIGN}


# Marks of German, French, Polish, Dutch, Czech and scholarly romanization; every letter outside
# ASCII counts too.
_FOREIGN_MARKS = re.compile(
    r"tsch|sch|tch|w|j|ij$|yj$|ou|oe|sz|cz|ii|gu[ei]|^i[aeou]|^ch(?![aeiouy])|ach$|zk$|ck$|ine$|"
    r"'|[^\x00-\x7f]"
)
# Ukrainian national romanization writes -yi, -iia, ia, iu where English press writes -y, -ya,
# ya, yu; English words have ia and iu too (Parliament, Media), so these only weigh in the score.
_NATIONAL_MARKS = re.compile(r"yi$|iia$|ia(?!$)|iu")
# English marks: kh, zh, sh (not German sch), v, y, x for кс (Polish and Czech write ks), and z
# for з (German writes s, and z for ц).
_ENGLISH_MARKS = re.compile(r"(?<![cst])h(?<=[kzs]h)|v|y|x|(?<!t)z(?!h)")


@lru(NAMES)
def has_foreign_marks(spelling: str) -> bool:
    """Whether a spelling carries a mark of a non-English romanization (w, j, sch, ou, ł, š…)."""
    return bool(_FOREIGN_MARKS.search(spelling.casefold()))


def english_score(spelling: str) -> int:
    """How much a spelling looks like English-convention romanization: English marks (kh, zh, sh,
    v, y, x, z) count up, marks of other conventions (sch, tsch, w, j, ou, letters with diacritics)
    count down."""
    s = spelling.casefold()
    foreign = len(_FOREIGN_MARKS.findall(s)) + len(_NATIONAL_MARKS.findall(s))
    return len(_ENGLISH_MARKS.findall(s)) - foreign


def english_form(a: str, b: str) -> str | None:
    """Of two spellings of one name, the English-convention one; None when they are not two
    romanizations of one name or it is unclear which is English.

    >>> english_form("Chrenin", "Khrenin"), english_form("Peskov", "Peskow")
    ('Khrenin', 'Peskov')
    >>> english_form("Peskova", "Peskov") is None
    True
    """
    if a.casefold() == b.casefold():
        return None
    english_b = reading(b, "en")
    a_foreign = english_b in foreign_readings(a).values()
    b_foreign = reading(a, "en") in foreign_readings(b).values()
    if not (a_foreign or b_foreign) and reading(a, "en") == english_b:
        # Both read as English alike: two English-style spellings (Yushchenko/Iushchenko,
        # as in Library of Congress or Ukrainian national romanization).
        a_foreign = b_foreign = True
    if a_foreign != b_foreign:
        return b if a_foreign else a
    if not a_foreign:
        return None
    # Either could be read as the other's foreign spelling (Peskov/Peskow): decide by the marks
    # each spelling carries.
    score_a, score_b = english_score(a), english_score(b)
    if score_a == score_b:
        return None
    return a if score_a > score_b else b


def variant_of(form: str, english: str) -> bool:
    """Whether ``form`` is another romanization of the English-convention spelling ``english``."""
    return english_form(form, english) == english


# Endings and clusters that mark a Slavic name.
_SLAVIC_SHAPE = re.compile(
    r"(?:ov|ow|off|ova|owa|ev|ew|eff|eva|ewa|in|ina|ine|yn|yna|sky|ski|ska|skiy|skij|skyj|skyi|"
    r"skaya|skaja|enko|enka|chuk|tschuk|czuk|uk|yuk|juk|vich|witsch|wicz|vych|wytsch|ich|itsch|ets|"
    r"ez|yan|jan|iy|ij|yj|yi|ei|ej|oi|ii|tri|eri|oli)$"
    r"|kh|zh|shch|schtsch|tsch|szcz|[šžčŝ]|[bcdfgklmnprstvwz](?:ya|yu|yo|ye|ja|ju)|^y[aeou]",
    re.IGNORECASE,
)


@lru(NAMES)
def slavic_shaped(spelling: str) -> bool:
    """Whether a spelling has an ending or a letter cluster typical of romanized Slavic names."""
    return bool(_SLAVIC_SHAPE.search(spelling))


# Endings and openings of German and English words and names (Fischer, Schmidt, Busch, Weinberg).
_GERMANIC_SHAPE = re.compile(
    r"(?:er|mann|berg|dorf|feld|stein|hausen|heim|ing|ert|old|tz|lz|nz|rz|ß|tt|"
    r"ton|ley|ford|field|wood|worth|dt)$|^(?:wh|th)",
    re.IGNORECASE,
)
# Below this length a spelling without Slavic marks is too short to call (Ob, Oh).
_MIN_UNMARKED_LENGTH = 3


@lru(NAMES)
def plausibly_slavic(spelling: str) -> bool:
    """Whether a spelling may be a romanized Slavic name: Slavic-shaped, or long enough and not
    shaped like a German or English word."""
    if slavic_shaped(spelling):
        return True
    return len(spelling) >= _MIN_UNMARKED_LENGTH and not _GERMANIC_SHAPE.search(spelling)
