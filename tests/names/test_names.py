from __future__ import annotations

import pytest

from newsclean.names.compare import english_score, reading, slavic_shaped, variant_of

# (German convention, English convention) spellings of one Slavic name.
VARIANTS = [
    ("Peskow", "Peskov"),
    ("Sinjawski", "Sinyavsky"),
    ("Chrenin", "Khrenin"),
    ("Makej", "Makei"),
    ("Lawrow", "Lavrov"),
    ("Schoigu", "Shoigu"),
    ("Lukaschenko", "Lukashenko"),
    ("Medwedew", "Medvedev"),
    ("Selenskyj", "Zelensky"),
    ("Tichanowskaja", "Tikhanovskaya"),
    ("Prigoschin", "Prigozhin"),
    ("Poroschenko", "Poroshenko"),
    ("Jewgeni", "Yevgeny"),
    ("Sergej", "Sergei"),
]


def test_module_docstring_examples():
    assert variant_of("Peskow", "Peskov")
    assert variant_of("Sinjawski", "Sinyavsky")
    assert not variant_of("Peskova", "Peskov")


@pytest.mark.parametrize(("german", "english"), VARIANTS)
def test_romanization_variants(german, english):
    assert variant_of(german, english)
    assert reading(german, "de") == reading(english, "en")


@pytest.mark.parametrize(
    ("form", "english"),
    [
        ("Peskova", "Peskov"),  # father and daughter
        ("Peskowa", "Peskov"),
        ("Medwedtschuk", "Medvedev"),  # different people
        ("Medvedchuk", "Medvedev"),
        ("Lawrowa", "Lavrov"),
        ("Kolesnikowa", "Kolesnikov"),
    ],
)
def test_different_names_are_not_variants(form, english):
    assert not variant_of(form, english)


@pytest.mark.parametrize("spelling", ["Peskov", "PESKOV", "peskov"])
def test_identical_spellings_are_not_variants(spelling):
    assert not variant_of(spelling, "Peskov")


@pytest.mark.parametrize(
    ("spelling", "convention", "key"),
    [
        ("Peskov", "en", "PESKOV"),
        ("Peskow", "de", "PESKOV"),
        ("Khrenin", "en", "XRENIN"),
        ("Chrenin", "de", "XRENIN"),
        # -sky / -skiy / -skij all end in the same sound.
        ("Sinyavsky", "en", "SINAVSKI"),
        ("Sinyavskiy", "en", "SINAVSKI"),
        ("Sinjawskij", "de", "SINAVSKI"),
        # Doubled letters carry no sound difference.
        ("Anna", "en", "ANA"),
        # Diacritics are folded away.
        ("Lukašenka", "en", "LUKASENKA"),
    ],
)
def test_reading(spelling, convention, key):
    assert reading(spelling, convention) == key


def test_reading_rejects_unknown_convention():
    with pytest.raises(KeyError):
        reading("Peskov", "es")


@pytest.mark.parametrize(
    "spelling",
    [
        "Peskov",
        "Peskow",
        "Peskova",
        "Sinyavsky",
        "Sinjawski",
        "Lukashenko",
        "Medvedchuk",
        "Medwedtschuk",
        "Tikhanovskaya",
        "Makei",
        "Makej",
        "Zelensky",
        "Selenskyj",
        "Prigozhin",
    ],
)
def test_slavic_shaped(spelling):
    assert slavic_shaped(spelling)


@pytest.mark.parametrize("spelling", ["Busch", "Bush", "Wolf", "Schmidt", "Müller", "Fischer"])
def test_german_and_english_names_are_not_slavic_shaped(spelling):
    assert not slavic_shaped(spelling)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Peskow", "Peskov"),
        ("Lawrow", "Lavrov"),
        ("Sinjawski", "Sinyavsky"),
        ("Tichanowskaja", "Tikhanovskaya"),
        ("Sergej", "Sergei"),
        ("Medwedew", "Medvedev"),
    ],
)
def test_english_spelling_scores_higher(german, english):
    assert english_score(english) > english_score(german)


@pytest.mark.parametrize(("german", "english"), [("Chrenin", "Khrenin"), ("Selenskyj", "Zelensky")])
def test_english_spelling_scores_higher_for_kh_and_z(german, english):
    assert english_score(english) > english_score(german)
