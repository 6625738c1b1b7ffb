"""Development name pairs from real Cyrillic name lists: German press form -> English press form.

    pip install -e '.[dev]'          # pymorphy3 with its Russian and Ukrainian dictionaries, iuliia
    python bench/names/build_pairs.py  # writes bench/names/generated/pairs.tsv (not committed)

The names are the OpenCorpora / VESUM lemmas shipped in ``pymorphy3-dicts-ru`` and
``pymorphy3-dicts-uk`` tagged as surnames (Surn), given names (Name), patronymics (Patr) and, in
the Russian dictionary, places (Geox); only lemmas of East Slavic shape are kept (surname endings
-ов, -ев, -ин, -ский, -енко, -ук …, place endings -ск, -ов, -ово, -ино, -град …), so that Central
Asian, Caucasian or foreign names (which no German press form of this kind has) do not dilute the
figures. Each gets its German (Duden) and English press spelling from ``translit.py``, written
from the Cyrillic, not from the converter under test. Feminine surnames are derived (-ов -> -ова,
-ский -> -ская).

Every row has a half, ``dev`` or ``held``, decided by a hash of its surname (or place): the
converter's rules were written looking at ``dev`` only; ``evaluate_convert.py`` scores ``held``.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pymorphy3

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translit import english, german  # noqa: E402

OUT = Path(__file__).resolve().parent / "generated" / "pairs.tsv"
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|енко|ко|ук|юк|чук|ич|ец)$")
_PLACE = re.compile(r"(?:ск|цк|ов|ев|ово|ево|ино|ыно|град|город|поль|ка|ха|ое|ье|ье|ы|и|ань)$")
_RUSSIAN = re.compile(r"^[а-яё]+$")
_UKRAINIAN = re.compile(r"^[а-щьюяґєії'’]+$")
# Shorter lemmas are mostly abbreviations and fragments.
_MIN_LENGTH = 4


def half(key: str) -> str:
    """``dev`` or ``held``, fixed by the surname (or place) alone."""
    return "dev" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def lemmas(lang: str) -> dict[str, set[str]]:
    """Lemmas by tag (Surn, Name, Patr, Geox), masculine forms for people."""
    found: dict[str, set[str]] = {"Surn": set(), "Name": set(), "Patr": set(), "Geox": set()}
    letters = _RUSSIAN if lang == "ru" else _UKRAINIAN
    dictionary = pymorphy3.MorphAnalyzer(lang=lang).dictionary
    for word, tag, _normal, _para, index in dictionary.iter_known_words():
        if index != 0 or len(word) < _MIN_LENGTH or not letters.match(word):
            continue
        grammemes = tag.grammemes
        for key in found:
            if key in grammemes and ("femn" in grammemes) == (key == "Name" and False):
                found[key].add(word)
            elif key == "Name" and key in grammemes:
                found[key].add(word)
    return found


def feminine(surname: str) -> str | None:
    for masc, fem in (("ский", "ская"), ("цкий", "цкая"), ("ской", "ская"), ("ов", "ова"),
                      ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына")):  # fmt: skip
        if surname.endswith(masc):
            return surname[: -len(masc)] + fem
    return None


def rows(lang: str) -> list[tuple[str, ...]]:
    found = lemmas(lang)
    out = []
    for word in sorted(found["Surn"]):
        if not _SURNAME.search(word):
            continue
        cap = word.capitalize()
        out.append(("surname", lang, "m", cap, german(cap, lang), english(cap, lang), half(word)))
        fem = feminine(word)
        if fem:
            f = fem.capitalize()
            out.append(("surname", lang, "f", f, german(f, lang), english(f, lang), half(word)))
    for word in sorted(found["Name"]):
        cap = word.capitalize()
        g = "f" if word.endswith(("а", "я")) else "m"
        out.append(("given", lang, g, cap, german(cap, lang), english(cap, lang, True), half(word)))
    for word in sorted(found["Patr"]):
        cap = word.capitalize()
        g = "f" if word.endswith("на") else "m"
        out.append(("patronymic", lang, g, cap, german(cap, lang), english(cap, lang), half(word)))
    for word in sorted(found["Geox"]):
        if _PLACE.search(word):
            cap = word.capitalize()
            out.append(("place", lang, "-", cap, german(cap, lang), english(cap, lang), half(word)))
    return out


def main() -> None:
    OUT.parent.mkdir(exist_ok=True)
    table = [("kind", "lang", "gender", "cyrillic", "german", "english", "half")]
    for lang in ("ru", "uk"):
        table += rows(lang)
    OUT.write_text("".join("\t".join(r) + "\n" for r in table), encoding="utf-8")
    print(f"{len(table) - 1} rows written to {OUT}")


if __name__ == "__main__":
    main()
