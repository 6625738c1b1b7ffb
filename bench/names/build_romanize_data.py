"""Builds ``src/newsclean/data/romanize.toml``, the word lists of the German -> English converter.

    pip install wordfreq   # in the dev extra
    python bench/names/build_romanize_data.py

Two lists, from the word-frequency tables of ``wordfreq`` (which the package does not need at run
time):

- ``keep``: words of German, English, Polish, Czech, Dutch, French, Italian, Spanish, Swedish and
  Hungarian text that the converter would take for German spellings of East Slavic names
  (Pankow, Treptow, Kowalski, Katja, Christian…) and that are more frequent as they are than
  their converted form is in English (Pankow 3.5 against "Pankov" 0; but Gorbatschow 3.2
  against Gorbachev 3.1 is a transliteration): never converted.
- ``english``: English words of East Slavic shape (Zhukov, Zaitsev, Brezhnev, Ilyich): where
  German sch may be ш or ж, s с or з, o after a hushing sound ё, or a word read as Russian or as
  Ukrainian, the converter takes the form this list holds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from newsclean.names import romanize

OUT = Path(__file__).resolve().parents[2] / "src" / "newsclean" / "data" / "romanize.toml"
LANGUAGES = ("de", "en", "pl", "cs", "nl", "fr", "it", "es", "sv", "hu", "da", "fi", "pt")
# Words per language looked at: wordfreq's lists go down to about Zipf 1 at this depth.
TOP = 200_000
# A word counts as a word of that language from this Zipf frequency (about once in 100 million
# words of text)...
MIN_ZIPF = 1.0
# (outside German and English, where names of other origins come from, from this one).
MIN_ZIPF_OTHER = 1.5
# ...and is kept as it is when it is this much more frequent than its converted forms are in
# English (Pankow 3.5 against Pankov 1.0 is kept; Lawrow 3.2 against Lavrov 3.1 is converted).
MARGIN = 0.5
# A word this frequent in English text as it is (Alwin, Jasmin, Kowalski) is English usage; and a
# word this frequent in its language whose converted form is rarer in English is that
# language's (Litschau, Altentreptow). German spellings of Russian names are all but absent
# from English text (Lawrow, Peskow, Jelzin: 0).
IN_ENGLISH = 1.5
_ENGLISH_SLAVIC = re.compile(
    r"(?:ov|ova|ev|eva|yov|yova|in|ina|yn|yna|sky|skaya|tsky|tskaya|enko|uk|chuk|ovich|evich|"
    r"ych|ets|an|ino|ovo|evo|sk|ye|ya|iy|yi)$"
)


def main() -> None:
    romanize._words.cache_clear()
    romanize._words = lambda: (frozenset(), frozenset())  # type: ignore[assignment]
    keep: set[str] = set()
    for lang in LANGUAGES:
        for word in top_n_list(lang, TOP):
            floor = MIN_ZIPF if lang in ("de", "en") else MIN_ZIPF_OTHER
            if not word.isalpha() or zipf_frequency(word, lang) < floor:
                continue
            name = word[:1].upper() + word[1:]
            if not (romanize.convertible(name) or romanize.convertible(name, weak=True)):
                continue
            own = max(zipf_frequency(word, other) for other in LANGUAGES)
            english = max(zipf_frequency(c, "en") for c in romanize.candidates(name))
            if (
                zipf_frequency(word, "en") >= IN_ENGLISH
                or own > english + MARGIN
                or (own >= IN_ENGLISH and english < IN_ENGLISH)
            ):
                keep.add(word)
    english_forms = sorted(
        w
        for w in top_n_list("en", TOP)
        if w.isalpha()
        and w.isascii()
        and _ENGLISH_SLAVIC.search(w)
        and zipf_frequency(w, "en") >= MIN_ZIPF
    )
    lines = [
        "# Word lists of newsclean.names.romanize, built by bench/names/build_romanize_data.py",
        "# from the wordfreq package's frequency tables (do not edit by hand; rebuild).",
        f"keep = {json.dumps(sorted(keep), ensure_ascii=False)}",
        f"english = {json.dumps(english_forms, ensure_ascii=False)}",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(keep)} words kept, {len(english_forms)} English forms: {OUT}")


if __name__ == "__main__":
    main()
