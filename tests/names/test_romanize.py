"""The German -> English converter, rule by rule, and the name step's handling of English forms."""

from __future__ import annotations

import pytest

from newsclean import clean
from newsclean.names.romanize import convertible, has_word_lists, to_english

# The converter works only with its word lists, built from the wordfreq package on the user's
# machine (bench/names/build_romanize_data.py); without them it is off and these tests say so.
needs_word_lists = pytest.mark.skipif(
    not has_word_lists(), reason="the converter's word lists are not built (wordfreq)"
)

# One rule per row: German press spelling, English press spelling (checked against Reuters/AP
# usage for the real names).
RULES = [
    ("Peskow", "Peskov"),  # w -> v, final -ow -> -ov
    ("Sacharowa", "Zakharova"),  # ch -> kh, s between vowels -> z, -owa -> -ova
    ("Sobjanin", "Sobyanin"),  # j after a consonant before a vowel -> y (Russian)
    ("Jelzin", "Yeltsin"),  # initial j -> y, z -> ts
    ("Chruschtschow", "Khrushchev"),  # schtsch -> shch, o after a hushing sound -> e (word list)
    ("Tschernyschow", "Chernyshov"),  # tsch -> ch
    ("Wassiljew", "Vasilyev"),  # ss -> s, lj -> ly
    ("Wyssozki", "Vysotsky"),  # ss between vowels -> s, -ski -> -sky
    ("Schukow", "Zhukov"),  # sch read as ж where the English word list has zh
    ("Swjaginzew", "Zvyagintsev"),  # s before a voiced consonant... here the word list decides
    ("Mykolajiw", "Mykolaiv"),  # Ukrainian: -iw, ji after a vowel -> i
    ("Syrskyj", "Syrskyi"),  # Ukrainian -yj -> -yi
    ("Charkiw", "Kharkiv"),  # Ukrainian place, ch -> kh
]
GIVEN = [
    ("Andrej", "Andrei"),  # -ej -> -ei in given names
    ("Iwan", "Ivan"),
    ("Pawel", "Pavel"),
    ("Jewgeni", "Yevgeny"),  # a given name's German -i for -ий -> -y
    ("Olexander", "Oleksandr"),  # the Ukrainian name German writes like Alexander
    ("Swetlana", "Svetlana"),
    ("Dmitrij", "Dmitry"),  # Russian -ij -> -y
]


@needs_word_lists
@pytest.mark.parametrize(("german", "english"), RULES)
def test_rule(german: str, english: str) -> None:
    assert to_english(german) == english


@needs_word_lists
@pytest.mark.parametrize(("german", "english"), GIVEN)
def test_given_name(german: str, english: str) -> None:
    assert convertible(german, given=True)
    assert to_english(german, given=True) == english


@needs_word_lists
def test_capitals_and_hyphens_keep_their_shape() -> None:
    assert to_english("PESKOW") == "PESKOV"
    assert to_english("Rimski-Korsakow") == "Rimsky-Korsakov"


@pytest.mark.parametrize(
    "word",
    # German and English words and names of other origins that look Slavic.
    [
        "Pankow",
        "Treptow",
        "Schwarz",
        "Wolfsburg",
        "Schumacher",
        "Kowalski",
        "Nowak",
        "Ljubljana",
        "Demchenko",
        "Sushko",
        "Kuznetsov",
        "Peskov",
        "Zelenskyy",
        "Jasmin",
        "Alwin",
    ],  # fmt: skip
)
def test_not_converted(word: str) -> None:
    assert not convertible(word)


def _body(text: str, **meta: str) -> tuple[str, str | None, list[tuple[str, str]]]:
    article = clean(text, metadata=meta or None)
    fixes = [(f.before, f.after) for f in article.fixes if f.cleaner == "name_variants"]
    return article.text, article.title, fixes


ENGLISH_ONLY = (
    "President Volodymyr Zelenskyy met Alexander Lukashenka's rival in the Chornobyl zone, near "
    "the Zaporozhye plant, after a visit to the port of Odessa and to Kiev, where Wladimir "
    "Klitschko spoke. Zelenskiy said later that the talks went well, and Zelensky agreed.\n\n"
    "In Odessa, Texas, the news was followed closely, the mayor said on Monday evening.\n"
)


def test_english_alternatives_are_never_changed_by_default() -> None:
    text, _, fixes = _body(ENGLISH_ONLY)
    assert fixes == []
    assert text == ENGLISH_ONLY.strip()


def test_namesake_abroad_kept_even_with_english_variants() -> None:
    from newsclean import default_pipeline

    article = clean(ENGLISH_ONLY, pipeline=default_pipeline(english_variants=True))
    assert "Odessa, Texas" in article.text
    assert "port of Odesa" in article.text
    assert "Wladimir Klitschko" in article.text
    assert "Lukashenko" in article.text


@needs_word_lists
def test_german_only_names_converted_with_given_names_title_and_capitals() -> None:
    text = (
        "Kremlin critic Jewgeni Tschitschwarkin said on Monday that the oligarch Oleg "
        "Deripaska had met the governor of Nowosibirsk, Andrej Trawnikow, twice this year.\n\n"
        "TSCHITSCHWARKIN, who lives in London, told reporters that Tschitschwarkin's lawyers "
        "had written to the court.\n"
    )
    body, title, _ = _body(text, title="Tschitschwarkin accuses governor")
    assert "Yevgeny Chichvarkin said" in body
    assert "Andrei Travnikov" in body
    assert "CHICHVARKIN, who" in body
    assert "Chichvarkin's lawyers" in body
    assert title == "Chichvarkin accuses governor"
    assert "Oleg Deripaska" in body
