"""The name gazetteer: loading the bundled and user files, and finding variants in text."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import ROOT, all_cases
from newsclean.names.gazetteer import (
    _CAPITAL,
    _CAPITALIZED,
    NAME,
    PLAIN_CAPITALIZED,
    PLAIN_NAME,
    Gazetteer,
)
from newsclean.names.variants import bundled_gazetteer

BUNDLED = ROOT / "src" / "newsclean" / "data" / "names.toml"


def test_bundled_gazetteer_size_and_rules() -> None:
    entries = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))["name"]
    kinds = [e["kind"] for e in entries]
    assert kinds.count("person") + kinds.count("place") >= 300
    canonicals = [e["canonical"] for e in entries]
    assert len(canonicals) == len(set(canonicals))
    seen: set[str] = set()
    for entry in entries:
        for variant in entry["variants"] + entry.get("english_variants", []):
            assert variant not in canonicals, variant
            assert variant not in seen, variant
            seen.add(variant)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Chrenin", "Khrenin"),
        ("Makej", "Makei"),
        ("Kiew", "Kyiv"),
        ("Peskow", "Peskov"),
        ("Selenskyj", "Zelensky"),
        ("Saporischschja", "Zaporizhzhia"),
    ],
)
def test_bundled_variants(variant: str, canonical: str) -> None:
    assert Gazetteer.load().canonical(variant) == canonical


def test_english_variants_only_on_request() -> None:
    assert Gazetteer.load().canonical("Donbass") is None
    assert Gazetteer.load().canonical("Kiev") is None
    assert Gazetteer.load(english_variants=True).canonical("Kiev") == "Kyiv"


def test_names_that_are_not_variants() -> None:
    gazetteer = Gazetteer.load()
    for word in ["Bush", "Busch", "Wolf", "Pankow", "Peskova", "Medvedchuk", "Berlin", "The"]:
        assert gazetteer.canonical(word) in (None, word), word  # unknown, or its own entry


def test_user_files_extend_and_override(tmp_path: Path) -> None:
    toml = tmp_path / "mine.toml"
    toml.write_text(
        '[[name]]\ncanonical = "Oleksandr Usyk"\nvariants = ["Olexandr Ussyk"]\n', encoding="utf-8"
    )
    csv = tmp_path / "mine.csv"
    csv.write_text("canonical,variant,note\nHalyna,Galina,given name\n", encoding="utf-8")
    gazetteer = Gazetteer.load([toml, csv])
    assert gazetteer.canonical("Galina") == "Halyna"
    assert gazetteer.canonical("Kiew") == "Kyiv"  # bundled entries are still there
    assert Gazetteer.load([csv], bundled=False).canonical("Kiew") is None
    matches = list(gazetteer.find("Olexandr Ussyk beat him in Kiew."))
    assert [(m.variant, m.canonical) for m in matches] == [
        ("Olexandr Ussyk", "Oleksandr Usyk"),
        ("Kiew", "Kyiv"),
    ]


def test_find_matches_whole_words_only() -> None:
    gazetteer = Gazetteer.from_entries([("Kyiv", ["Kiew"])])
    assert list(gazetteer.find("Die Kiewer Polizei")) == []
    assert list(gazetteer.find("kiew")) == []  # case matters: a name is capitalized
    assert [m.start for m in gazetteer.find("Kiew's mayor, Kiew-based")] == [0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.toml", "[[name]\ncanonical = 1", "bad.toml"),
        ("bad2.toml", '[[name]]\ncanonical = 3\nvariants = ["x"]\n', "entry 1"),
        ("bad.csv", "a,b\n1,2\n", "canonical,variant"),
    ],
)
def test_bad_names_files_say_what_is_wrong(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        Gazetteer.load([path])


def _finds(gazetteer: Gazetteer, text: str, with_names: bool) -> list[tuple[int, int, str]]:
    names = NAME.findall(text) if with_names else None
    return [(m.start, m.end, m.canonical) for m in gazetteer.find(text, names=names)]


_FIRSTS = ["Kiew", "Peskow", "L'viv", "Kriwoi", "Kara-Murza", "Sinjawski", "Chrenin"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.sampled_from("ab Z.,(\n_'’-"), max_size=3),
            st.sampled_from(_FIRSTS),
            st.sampled_from(["", "'s", "’s", "-s", "_x", "er", "2", "-Nord", " Rog", "'", "-"]),
        ).map("".join),
        max_size=6,
    ).map(" ".join)
)
@example("Kiew's and Peskow’s words")  # a possessive: NAME reads "Kiew's" as one word
@example("Kiew_x")  # an underscore: NAME finds no word at all
@example("in L'viv")  # a first word NAME does not match whole
def test_names_given_by_the_caller_find_what_a_scan_finds(text):
    gazetteer = bundled_gazetteer()
    assert _finds(gazetteer, text, True) == _finds(gazetteer, text, False)


def test_names_given_by_the_caller_find_what_a_scan_finds_in_every_fixture():
    gazetteer = bundled_gazetteer()
    found = 0
    for case in all_cases():
        text = case.read_input()
        with_names = _finds(gazetteer, text, True)
        assert with_names == _finds(gazetteer, text, False), case.name
        found += len(with_names)
    assert found > 5


# What must stand before a capitalized word is asked after its first letter, looking back over
# it ("(?<!\w.)" after one character is "(?<!\w)" before it), so that the regular expression
# engine skips to the next capital letter; the plain patterns (in gazetteer.py) ask it first.
# Characters at the edges of the capital-letter class: Latin-1's ª ² µ ¼ º (word characters
# outside a-z and ß-ÿ), × and ÷ (inside À-ÿ, not word characters), ß and ÿ, Cyrillic, Greek and
# CJK, letters and a digit beyond the Basic Multilingual Plane, marks, and what stands around
# names.
_EDGE_CHARACTERS = "aZz0_ª²µ¼ºÀÞß×÷ÿĀƒЖжΣσ中ー𝐀𝐚𝟎\u0301'’- .\n"


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(_EDGE_CHARACTERS) | st.characters(), max_size=40))
@example("ªbc µx ºz Àb ×ab ÷ab Жук 𝐀bc 中文 _Ab 0Ab a-Bc x'Yz")
def test_name_patterns_find_what_their_plain_definitions_find(text):
    import re

    for pattern, plain_source in ((NAME, PLAIN_NAME), (_CAPITALIZED, PLAIN_CAPITALIZED)):
        plain = re.compile(plain_source)
        assert pattern.pattern.startswith(_CAPITAL) and not plain.pattern.startswith(_CAPITAL)
        assert pattern.findall(text) == plain.findall(text)
        assert [
            pattern.match(text, i) and pattern.match(text, i).group() for i in range(len(text))
        ] == [plain.match(text, i) and plain.match(text, i).group() for i in range(len(text))]
