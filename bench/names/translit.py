"""Cyrillic -> German (Duden) and Cyrillic -> English press spelling, for development data only.

Written independently of ``newsclean.names.romanize`` (which goes from German to English and is
what these lists test): here every form is produced *from the Cyrillic original*.

German follows the Duden transcription used by German newspapers and agencies (dpa): в w, ж and
ш sch, з and с s (с between vowels ss), й j, х ch, ц z, ч tsch, щ schtsch, ы y, е/ё/ю/я after a
vowel, at the start or after ь/ъ je/jo/ju/ja; -ий -i (Russian), -ий -yj (Ukrainian), -ский -ski.
English follows what Reuters, AP and Wikipedia print: for Russian the Wikipedia romanization
(``iuliia.WIKIPEDIA``) with the press's given-name forms (Andrei, Sergei, Yuri, Yulia,
Alexander, Alexei); for Ukrainian the national system of 2010 (KMU), which the English press uses
for Ukrainian names (Oleksandr Syrskyi, Mykolaiv, Zaporizhzhia).
"""

from __future__ import annotations

import iuliia

VOWELS = set("аеёиоуыэюяіїє")
_HUSH = set("жчшщ")
_RU_DE = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
    "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip
_UK_DE = {**_RU_DE, "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "ji", "є": "je", "'": "", "’": ""}
_UK_EN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
}  # fmt: skip
_UK_EN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# The English press's forms of given names where it departs from the Wikipedia system.
_PRESS_GIVEN = {"Aleksandr": "Alexander", "Aleksandra": "Alexandra", "Aleksey": "Alexei"}
_DUDEN_GIVEN = {"Александр": "Alexander", "Александра": "Alexandra", "Алексей": "Alexej"}


def _case(word: str, cyrillic: str) -> str:
    return word[:1].upper() + word[1:] if cyrillic[:1].isupper() else word


def german(cyrillic: str, lang: str) -> str:
    """The Duden (German press) spelling of a Russian (``ru``) or Ukrainian (``uk``) word."""
    if lang == "ru" and cyrillic in _DUDEN_GIVEN:
        return _DUDEN_GIVEN[cyrillic]
    s = cyrillic.lower()
    table = _UK_DE if lang == "uk" else _RU_DE
    out = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < len(s) else ""
        start = not prev or prev in VOWELS or prev in "ьъ'’"
        if ch == "е" and lang == "ru":
            out.append("je" if start else "e")
        elif ch == "ё":
            out.append("o" if prev in _HUSH else "jo")
        elif ch == "ь" and nxt in VOWELS:
            out.append("j" if nxt not in "еёюяєї" else "")
        elif ch == "с" and prev in VOWELS and nxt in VOWELS:
            out.append("ss")
        elif ch == "й" and prev == "и" and not nxt and lang == "ru":
            out.append("")  # -ий -> -i (Dmitri, Juri, Jewgeni), -ский -> -ski
        elif ch == "й" and prev == "ы" and not nxt:
            out.append("" if lang == "ru" else "j")
        elif ch == "й" and prev == "о" and not nxt and lang == "ru":
            out.append("i")  # -ой -> -oi (Tolstoi, Donskoi)
        else:
            out.append(table.get(ch, ch))
    word = "".join(out)
    if lang == "ru" and word.endswith("iji"):
        word = word[:-3] + "ii"
    return _case(word, cyrillic)


def english(cyrillic: str, lang: str, given: bool = False) -> str:
    """The English press spelling of a Russian or Ukrainian word."""
    if lang == "uk":
        s = cyrillic.lower()
        out = []
        for i, ch in enumerate(s):
            if ch == "г" and i and s[i - 1] == "з":
                out.append("gh")  # зг -> zgh (Zghurskyi)
            elif i == 0 and ch in _UK_EN_INITIAL:
                out.append(_UK_EN_INITIAL[ch])
            else:
                out.append(_UK_EN.get(ch, ch))
        return _case("".join(out), cyrillic)
    word = iuliia.WIKIPEDIA.translate(cyrillic)
    if given:
        word = _PRESS_GIVEN.get(word, word)
        if word.endswith("ey"):
            word = word[:-2] + "ei"  # Andrei, Sergei, Matvei
        elif word == "Yury":
            word = "Yuri"
        elif word.endswith("iya"):
            word = word[:-3] + "ia"  # Yulia, Maria
    return word
