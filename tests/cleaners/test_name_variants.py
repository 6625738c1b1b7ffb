from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.cleaners.name_variants import NameVariants, _vote, _whole_words
from newsclean.names.gazetteer import Gazetteer
from newsclean.pipeline import default_lexicon
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


def _vote_by_counting_each_language(words: list[str]) -> str | None:
    """The vote as ``_vote``'s docstring states it, counted language by language: each language
    scores the words that are its function words and no other language's."""
    lists = {
        lang: frozenset(ws) for lang, ws in default_lexicon().tables.get("language", {}).items()
    }
    folded = [w.strip(".,;:!?\"'()").casefold() for w in words]
    own = {}
    for lang, ws in lists.items():
        elsewhere = frozenset().union(*(o for k, o in lists.items() if k != lang))
        own[lang] = sum(w in ws and w not in elsewhere for w in folded)
    ranked = sorted(own.values(), reverse=True)
    if not ranked or ranked[0] == 0 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(own, key=own.__getitem__)


_FUNCTION_WORDS = sorted(
    {w for ws in default_lexicon().tables.get("language", {}).values() for w in ws}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_FUNCTION_WORDS).map(str.capitalize),
            st.sampled_from(_FUNCTION_WORDS),
            st.sampled_from(_FUNCTION_WORDS).map(lambda w: f"({w},"),
            st.sampled_from(["Peskov", "Minsk", "2023", "—", "said"]),
        ),
        max_size=12,
    )
)
def test_paragraph_vote_is_the_most_frequent_language_s_own_function_words(words):
    assert _vote(words, default_lexicon()) == _vote_by_counting_each_language(words)


def test_paragraph_in_german_keeps_its_spelling_in_an_english_article(run_cleaner):
    text = (
        "Kremlin spokesman Peskov said on Monday that the talks in Minsk were over and that"
        " the delegation had returned to Moscow.\n\n"
        "Peskow sagte, die Gespräche in Minsk seien beendet und die Delegation sei nach Moskau"
        " zurückgekehrt, und das sei auch gut so.\n\n"
        "Asked about the next round, Peskow said that no date had been set yet."
    )
    doc = run_cleaner(PairsOnly, text)
    paragraphs = render(doc.blocks).split("\n\n")
    assert paragraphs[1].startswith("Peskow sagte")
    assert paragraphs[2] == "Asked about the next round, Peskov said that no date had been set yet."


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="KkiewWa-' ", min_size=1, max_size=6), min_size=1, max_size=4),
    st.text(alphabet="KkiewWa-'’ 1_.", max_size=60),
)
def test_variants_are_found_as_whole_words(words, text):
    words = sorted(set(words), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    whole = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w-])")
    found = [m.span() for m in _whole_words(words).finditer(text)]
    assert found == [m.span() for m in whole.finditer(text)]


def test_quotation_in_another_language_keeps_its_spelling(run_cleaner):
    text = (
        "Kremlin spokesman Peskov said on Monday that the talks in Minsk were over.\n\n"
        'Peskow told the German paper: "Peskow sagt, die Gespräche mit der Ukraine sind beendet'
        ' und werden nicht fortgesetzt." He added: "Peskow will not comment on the talks any'
        ' further this week."'
    )
    doc = run_cleaner(PairsOnly, text)
    assert render(doc.blocks).split("\n\n")[1] == (
        'Peskov told the German paper: "Peskow sagt, die Gespräche mit der Ukraine sind beendet'
        ' und werden nicht fortgesetzt." He added: "Peskov will not comment on the talks any'
        ' further this week."'
    )
