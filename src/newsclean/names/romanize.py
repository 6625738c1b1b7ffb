"""German press spelling (Duden) of Russian, Ukrainian and Belarusian names -> English spelling.

German newspapers and agencies write East Slavic names by the Duden rules (Peskow, Sobjanin,
Chruschtschow, Saporischschja); the English press writes them close to BGN/PCGN, and Ukrainian
names by Ukraine's national system (Peskov, Sobyanin, Khrushchev, Zaporizhzhia). For a name the
gazetteer does not know, :func:`to_english` rewrites the German spelling letter group by letter
group; :func:`convertible` says whether a word is such a spelling at all: it must carry a mark of
the German convention that English spellings never have (w, j, sch, tsch) *and* the shape of
an East Slavic name (-ow, -owa, -ew, -jew, -in, -ski, -enko, -witsch, -ij, -yj, -ja …), and it must
not be a German, English or other word that only looks so (Pankow, Kowalski, Katja): those come
from word-frequency lists (``data/romanize.toml``, built by ``bench/names/build_romanize_data.py``).
The rules, and the ambiguities they leave, are in ``docs/names.md``.

>>> to_english("Peskow"), to_english("Sobjanin"), to_english("Chruschtschowa")
('Peskov', 'Sobyanin', 'Khrushchova')
>>> to_english("Andrej", given=True), to_english("Wolodymyr", given=True)
('Andrei', 'Volodymyr')
>>> convertible("Schwarz")  # never a transliteration, with or without the word lists
False
"""

from __future__ import annotations

import re
import sys
from importlib import resources

from newsclean.caches import NAMES, lru, once
from newsclean.names.compare import _GERMANIC_SHAPE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_VOWELS = frozenset("aeiouy")
# Voiced consonants before which Russian and Ukrainian write з, not с (voicing assimilation;
# on the development half з stands in 112 of 133 such places).
_VOICED = frozenset("bdg")
# Marks of the German convention that English spellings of Slavic names never carry: w, j, sch
# (and tsch, schtsch). German ch, z, s and ss are converted too, but alone they do not make a word
# German: English writes ch (Demchenko), z (Kuznetsov), s, and sh (Sushko) as well.
_GERMAN_MARK = re.compile(r"w|j|sch")
_WEAK_MARK = re.compile(r"w|j|sch|ch|z|[aeiouy]s[aeiouy]|ss")
# Endings of East Slavic surnames, patronymics and places as German writes them.
_SLAVIC_ENDING = re.compile(
    r"(?:ow|owa|ew|ewa|jow|jowa|in|ina|yn|yna|ski|skaja|zki|zkaja|skyj|zkyj|ska|zka|enko|uk|"
    r"schuk|tschuk|itsch|witsch|ytsch|owna|ewna|ij|yj|oi|aja|schja|ej|aj|iw|sk|zk|ino|owo|ewo|je|"
    r"schin|schina|zyn|zyna|ez|jenko|ko)$"
)
# Letter groups inside a word that German uses only for Slavic names (not tsch: Litschau, Kitsch).
_SLAVIC_CLUSTER = re.compile(r"schtsch|[bdfklmnprstvwz]j[aeou]")
# Polish spellings (sz, cz, -wicz, -ck-; not rz, which is German рц: Arzibaschewa) and Dutch
# ij (Greij, Walsteijn, Dijk): other names, other rules.
_POLISH = re.compile(r"sz|cz|wicz|ck|ł|ó|ś|ć|ż|ź|ń|ą|ę|eij|ij[knst]")
# English marks: a word that has them is written the English way, whatever else it has.
_ENGLISH = re.compile(r"kh|zh|sh|v|y[aeiou]")
# Ukrainian marks in a German spelling: г written h, ї written ji, -ий written -yj, -iw (-ів),
# y between consonants (и; Russian ы too, but less often: 0.73 against 0.69 on the dev half).
_UKRAINIAN = re.compile(
    r"(?<![cs])h|yj$|(?<=[aeiou])ji|iw$|^ol|ytsch|ij(?![aeiou])|[^aeiou]y[^aeiouj]"
)
# Russian marks that outweigh a Ukrainian one: -aja, -ij, -ski (Ukrainian -ska, -yj, -skyj).
_RUSSIAN = re.compile(r"aja$|ij$|ski$")
# A word this short is not converted (Ob, Ost).
_MIN_LENGTH = 4
# Given names whose English press form is not a letter-by-letter conversion of the German one.
_GIVEN = {"olexander": "oleksandr", "olexij": "oleksii", "juri": "yuri", "jurij": "yuri"}


@once
def _words() -> tuple[frozenset[str], frozenset[str]] | None:
    """Words never converted (German, English and other words that look like German
    transliterations), and English press forms with zh or z, which decide between German sch
    for ш or ж and s for с or з; None when the word lists have not been built.

    The lists are derived from the word-frequency tables of the ``wordfreq`` package, so they
    are built on the user's machine, not shipped: ``pip install wordfreq`` and
    ``python bench/names/build_romanize_data.py`` in a checkout write ``data/romanize.toml``.
    Without them the converter is off: guessing without its lists of look-alikes would rewrite
    German and other words that only look Slavic."""
    path = resources.files("newsclean") / "data" / "romanize.toml"
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text("utf-8"))
    return frozenset(data.get("keep", [])), frozenset(data.get("english", []))


def has_word_lists() -> bool:
    """Whether the converter's word lists are built (see :func:`_words`): it converts only then."""
    return _words() is not None


@lru(NAMES)
def convertible(word: str, given: bool = False, weak: bool = False) -> bool:
    """Whether ``word`` looks like the German spelling of an East Slavic name that
    :func:`to_english` changes. ``given``: a given name beside a converted surname, which needs
    no Slavic ending (Iwan, Pawel). ``weak``: in an article that writes other names the German
    way, a German ch, z or s suffices (Buchosnina, Kasanzewa), else w, j or sch is needed."""
    words = _words()
    if words is None:
        return False  # the converter is off without its word lists
    w = word.casefold()
    if given and w in _GIVEN:
        return True
    marks = _WEAK_MARK if weak else _GERMAN_MARK
    if len(w) < _MIN_LENGTH or not w.isalpha() or not marks.search(w) or _POLISH.search(w):
        return False
    if weak and _ENGLISH.search(w):
        return False  # Berezhniuk, Gazizulin beside a German spelling stay English
    if given:  # beside a converted surname: the word lists' German given names convert too
        return _convert(w, True) != w
    if w in words[0]:
        return False
    if _GERMANIC_SHAPE.search(w) and not _SLAVIC_ENDING.search(w):
        return False
    cluster = _SLAVIC_CLUSTER.search(w) or "tsch" in w
    if not (_SLAVIC_ENDING.search(w) or "schtsch" in w or (weak and cluster)):
        return False  # a consonant + j + vowel alone is South Slavic too (Tanjug, Banja Luka)
    return _convert(w, False) != w


def to_english(word: str, given: bool = False) -> str:
    """The English press spelling of the German spelling ``word`` (case kept: Peskow -> Peskov,
    PESKOW -> PESKOV); hyphenated parts are converted one by one."""
    parts = [_convert(p.casefold(), given) if p else p for p in word.split("-")]
    out = "-".join(p[:1].upper() + p[1:] for p in parts)
    return out.upper() if word.isupper() else out


@lru(NAMES)
def _convert(w: str, given: bool) -> str:
    """The English form: by the Ukrainian rules when the spelling carries a Ukrainian mark, else
    by the Russian ones; but the other reading, or a form with zh for sch or z for s, when the
    English word list has that one and not the first (Iljitsch -> Ilyich, Schukow -> Zhukov)."""
    if given and w in _GIVEN:
        return _GIVEN[w]
    ukrainian = bool(_UKRAINIAN.search(w)) and not _RUSSIAN.search(w)
    first = _mode(w, ukrainian, given)
    english = (_words() or (frozenset(), frozenset()))[1]
    if not english or first in english:
        return first
    second = _mode(w, not ukrainian, given)
    for candidate in (second, *_alternatives(first), *_alternatives(second)):
        if candidate in english:
            return candidate
    return first


def _mode(w: str, ukrainian: bool, given: bool) -> str:
    out = _letters(w, ukrainian)
    if ukrainian:
        return out
    # ее is written ee, not eye, by the Wikipedia romanization (Pozdeev, Matveevskoye)
    return _russian_endings(out.replace("eye", "ee"), given)


# German letter groups and their English values, longest first; j, s and x depend on context.
_GROUPS = {
    "schtsch": "shch", "tsch": "ch", "dsch": "dzh", "sch": "sh", "ch": "kh",
    "tz": "ts", "z": "ts", "ss": "s", "w": "v", "ß": "ss",
}  # fmt: skip
_GROUP = re.compile("|".join(sorted(map(re.escape, _GROUPS), key=len, reverse=True)) + "|.")


def _letters(w: str, ukrainian: bool) -> str:
    pieces = _GROUP.findall(w)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        before = pieces[i - 1][-1] if i else ""
        after = pieces[i + 1][0] if i + 1 < len(pieces) else ""
        if piece == "ss" and not (before in _VOWELS and after in _VOWELS):
            out.append("ss")  # German writes с between vowels ss; elsewhere ss is сс (Polessk)
        elif piece in _GROUPS:
            out.append(_GROUPS[piece])
        elif piece == "j":
            out.append(_j(before, after, ukrainian, i == 0))
        elif piece == "s" and before in _VOWELS and after in _VOWELS:
            out.append("z")  # a single s between vowels is з (Kasan, Grosny); с is written ss
        elif piece == "s" and (after in _VOICED or (before in _VOICED and after in _VOWELS)):
            out.append("z")  # з before a voiced consonant (Sdorin), after one (Bidsina, Bsykowa)
        elif piece == "x":
            out.append("ks" if ukrainian else "x")  # Olexij -> Oleksii; Alexej -> Alexei
        elif piece == "i" and before == "j" and ukrainian and i > 1:
            out.append("")  # ї written ji: its j has become i already (Mykolajiw -> Mykolaiv)
        else:
            out.append(piece)
    return "".join(out)


def _j(before: str, after: str, ukrainian: bool, first: bool) -> str:
    """German j: й, or the glide of я, ю, е, ё. English y at the start of a word; inside it,
    Russian y (Sobjanin -> Sobyanin, Andrej -> Andrey), Ukrainian i (Andrij -> Andrii,
    Ljuska -> Liuska)."""
    if first:
        return "y"
    return "i" if ukrainian else "y"


def _russian_endings(w: str, given: bool) -> str:
    """-ij (-ий) is -y (Dmitrij -> Dmitry); so is a given name's German -i (Jewgeni -> Yevgeny);
    -oi (-ой) is -oy (Tolstoi); a given name's -ey (-ей) is -ei (Andrei, Sergei); -iya is -ia."""
    if w.endswith("iy"):
        w = w[:-2] + "y"
    elif w.endswith("ski"):
        w = w[:-1] + "y"  # -ский: Wysozki -> Vysotsky
    elif w.endswith("oi"):
        w = w[:-1] + "y"
    elif given and len(w) > 2 and w.endswith("i") and w[-2] not in _VOWELS:
        w = w[:-1] + "y"
    if given and w.endswith("ey"):
        w = w[:-1] + "i"
    if given and w.endswith("iya"):
        w = w[:-3] + "ia"
    return w


def _alternatives(w: str) -> list[str]:
    """Forms of ``w`` with some sh as zh, some s as z (German sch is ш or ж, s is с or з), or an
    o after a hushing sound as e (German o for ё there: Gorbatschow, Gorbachev); at most 15."""
    spots = [m.start() for m in re.finditer(r"sh|s(?!h)|(?<=[hc]h)o", w)][:4]
    out = []
    for mask in range(1, 1 << len(spots)):
        chars = list(w)
        for bit, at in enumerate(spots):
            if mask >> bit & 1:
                chars[at] = "e" if chars[at] == "o" else "z"
        out.append("".join(chars))
    return out


def candidates(word: str) -> list[str]:
    """Every English form :func:`to_english` may choose between for ``word`` (casefolded):
    both readings and their alternatives (for building the word lists)."""
    w = word.casefold()
    forms = [_mode(w, False, False), _mode(w, True, False)]
    return list(dict.fromkeys([*forms, *(a for f in forms for a in _alternatives(f))]))
