from __future__ import annotations

import pytest

from newsclean.cleaners.name_variants import NameVariants
from newsclean.gazetteer import Gazetteer
from newsclean.segment import render


class PairsOnly(NameVariants):
    """The cleaner without a gazetteer: only spellings found together in one article count."""

    def __init__(self) -> None:
        super().__init__(Gazetteer({}))


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("Peskov", "Peskow"),
        ("Sinyavsky", "Sinjawski"),
        ("Makei", "Makej"),
        ("Lavrov", "Lawrow"),
        ("Shoigu", "Schoigu"),
        ("Lukashenko", "Lukaschenko"),
        ("Medvedev", "Medwedew"),
        ("Kadyrov", "Kadyrow"),
        ("Prigozhin", "Prigoschin"),
        ("Tikhanovskaya", "Tichanowskaja"),
        ("Navalny", "Nawalny"),
    ],
)
def test_german_spelling_becomes_the_english_one(run_cleaner, english, german):
    text = (
        f"The statement by {english} was read out in Minsk on Monday.\n\n"
        f"Later {german} repeated it, and {german} added that talks would continue."
    )
    doc = run_cleaner(PairsOnly, text)
    out = render(doc.blocks)
    assert german not in out
    assert out == text.replace(german, english)
    assert [(f.before, f.after) for f in doc.fixes] == [(german, english)]
    assert doc.fixes[0].reason == "romanization variant in the same article, 2 times"
    assert doc.removed == []


def test_seed_peskov_peskow(run_cleaner, seed_text):
    doc = run_cleaner(PairsOnly, seed_text("003"))
    out = render(doc.blocks)
    assert "Peskow" not in out
    assert 'Such assumptions are "stupid" and "unfounded," said Peskov.' in out
    assert [(f.before, f.after) for f in doc.fixes] == [("Peskow", "Peskov")]
    assert doc.fixes[0].reason.endswith(", once")


def test_seed_sinyavsky_sinjawski(run_cleaner, seed_text):
    doc = run_cleaner(PairsOnly, seed_text("001"))
    out = render(doc.blocks)
    assert "Sinjawski" not in out
    assert '"to defend the fatherland," Sinyavsky assured.' in out
    assert [(f.before, f.after) for f in doc.fixes] == [("Sinjawski", "Sinyavsky")]


def test_several_names_at_once(run_cleaner):
    text = "Sergei Shoigu and Sergei Lavrov arrived. Schoigu laid a wreath; Lawrow met ministers."
    doc = run_cleaner(PairsOnly, text)
    assert render(doc.blocks) == (
        "Sergei Shoigu and Sergei Lavrov arrived. Shoigu laid a wreath; Lavrov met ministers."
    )
    assert sorted((f.before, f.after) for f in doc.fixes) == [
        ("Lawrow", "Lavrov"),
        ("Schoigu", "Shoigu"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Different people with similar names.
        "Kremlin spokesman Dmitry Peskov and his daughter Elizaveta Peskova attended."
        " Peskova posted photos, Peskov said nothing.",
        "Dmitry Medvedev and Viktor Medvedchuk were both mentioned. Medvedchuk was freed in a"
        " prisoner exchange, Medvedev said.",
        # German and English names that merely sound alike.
        "George Bush met the German mayor Hans Busch. Busch said Bush was charming.",
        "Gerhard Schröder praised the project, while economist Klaus Schwab warned.",
        # A German article that spells names the German way throughout: nothing to reconcile.
        "Selenskyj sprach mit Scholz. Peskow widersprach. Selenskyj blieb dabei.",
        # Only one spelling of each name.
        "Kremlin spokesman Dmitry Peskov said Putin did not travel to persuade Minsk.",
    ],
)
def test_similar_but_different_names_are_unchanged(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(NameVariants, text), text)
    assert_untouched(run_cleaner(PairsOnly, text), text)


@pytest.mark.parametrize(
    ("english", "german"),
    [("Khrenin", "Chrenin"), ("Zelensky", "Selenskyj")],
)
def test_variant_pairs_with_equal_english_score(run_cleaner, english, german):
    text = f"Defense Minister {english} met Shoigu. {german} signed the document."
    doc = run_cleaner(PairsOnly, text)
    assert render(doc.blocks) == text.replace(german, english)


@pytest.mark.parametrize(
    "text",
    [
        # English words that a French reading would join (ch = sh): found by `names learn`.
        "The Marsh Lane library closes in March. March is also when Marsh Road reopens to traffic.",
        # A German word next to its English cognate (ia is Ukrainian national as well as English).
        "The Parliament in London and the Parlament in Berlin both debated the Parliament bill.",
    ],
)
def test_english_words_are_not_taken_for_romanizations(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(PairsOnly, text), text)
