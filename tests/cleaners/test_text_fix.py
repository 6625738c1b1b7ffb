from __future__ import annotations

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.cleaners.text_fix import TextFix, looks_like_mojibake, needs_ftfy, repair
from newsclean.segment import canonical_inline, render
from strategies import noisy_articles


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # UTF-8 read as Windows-1252: apostrophes, dashes, euro sign.
        ("Lukashenkoâ€™s ally", "Lukashenko's ally"),
        ("Minsk â€“ Moscow", "Minsk – Moscow"),
        ("It cost â‚¬5.", "It cost €5."),
        # UTF-8 read as Latin-1 / Windows-1252: German umlauts and ß, French accents.
        ("ZÃ¼rich und MÃ¼nchen", "Zürich und München"),
        ("StraÃŸe", "Straße"),
        ("Ã©tÃ©", "été"),
        # HTML entities left by the scraper.
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("5 &lt; 6 &gt; 4", "5 < 6 > 4"),
        ("Portugal&#39;s economy", "Portugal's economy"),
        # Curly quotes become straight ones (English and German styles).
        ("“Feel at home”: Shoigu", '"Feel at home": Shoigu'),
        ("„Wir schaffen das“, sagte sie.", '"Wir schaffen das", sagte sie.'),
        ("Putin’s visit", "Putin's visit"),
        # The docstring's own example: mojibake and entities in one block.
        ("donâ€™t say &quot;never&quot;", 'don\'t say "never"'),
    ],
)
def test_repairs_encoding_damage(run_cleaner, damaged, repaired):
    doc = run_cleaner(TextFix, damaged)
    assert render(doc.blocks) == repaired
    assert [(f.before, f.after) for f in doc.fixes] == [(damaged, repaired)]
    assert doc.fixes[0].reason.startswith("ftfy")
    assert doc.removed == []


def test_reason_explains_the_ftfy_steps(run_cleaner):
    doc = run_cleaner(TextFix, "Tom &amp; Jerry")
    (fix,) = doc.fixes
    assert "unescape_html" in fix.reason


def test_entity_spaces_are_collapsed_to_canonical_form(run_cleaner):
    doc = run_cleaner(TextFix, "7,000&nbsp;&nbsp;euros")
    assert render(doc.blocks) == "7,000 euros"


def test_only_damaged_blocks_are_fixed(run_cleaner):
    text = "Belarus rejects the plan.\n\nThe ministry said &quot;no&quot;.\n\nTalks go on."
    doc = run_cleaner(TextFix, text)
    assert (
        render(doc.blocks) == 'Belarus rejects the plan.\n\nThe ministry said "no".\n\nTalks go on.'
    )
    assert [f.before for f in doc.fixes] == ["The ministry said &quot;no&quot;."]


def test_block_that_was_only_an_entity_is_emptied_and_not_rendered(run_cleaner):
    doc = run_cleaner(TextFix, "&nbsp;\n\nBody text.")
    assert render(doc.blocks) == "Body text."


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text, nothing to do.",
        "AT&T and R&D are not entities.",
        "Procter &amp Gamble",  # no semicolon: not an entity
        "Café déjà vu in Zürich.",  # correct accents stay
        "Lukaschenko traf Selenskyj nicht – sagte Peskow.",
        "«Bonjour», dit-il.",  # guillemets are not curly quotes
    ],
)
def test_clean_text_is_untouched(run_cleaner, assert_untouched, text):
    assert_untouched(run_cleaner(TextFix, text), text)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # "”" is E2 80 9D; read as Windows-1252 the 0x9D byte survives as U+009D.
        ("The sign read â€œEXITâ€\u009d.", 'The sign read "EXIT".'),
        # "ß" is C3 9F; read as Latin-1 the 0x9F byte survives as U+009F.
        ("StraÃ\u009fe", "Straße"),
    ],
)
def test_repairs_mojibake_containing_c1_bytes(run_cleaner, damaged, repaired):
    doc = run_cleaner(TextFix, damaged)
    assert doc.blocks[0].text == repaired
    assert [(f.before, f.after) for f in doc.fixes] == [(damaged, repaired)]


# The pre-check that skips ftfy must never skip a text ftfy would change: checked on arbitrary
# Unicode, on noisy article text with real mojibake, and on characters from every table ftfy uses.
_FTFY_TOUCHED = "".join(
    chr(c) for c in [*range(0x80, 0xA0), 0x2018, 0x201D, 0xFB01, 0xFF21, 0x3000, 0x132, 0x26]
)


@settings(max_examples=400)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.characters(codec="utf-8")),
        st.text(alphabet=st.sampled_from("aéüß€â™œ€ž€ŸÃ©Ð¸Ñ " + _FTFY_TOUCHED)),
        noisy_articles().map(lambda c: c.text),
    )
)
def test_ftfy_is_skipped_only_for_text_it_leaves_alone(text: str) -> None:
    text = canonical_inline(text, keep_c1=True)
    if not needs_ftfy(text):
        assert ftfy.fix_text(text, TextFix().config) == text


@pytest.mark.parametrize(
    "text", ["donâ€™t", "Ã©tÃ©", "caf&eacute;", "ﬁnance", "“quoted”", "ＡＢＣ", "Ð¼Ð¾Ñ\x81ÐºÐ²Ð°"]
)
def test_damaged_text_goes_to_ftfy(text: str) -> None:
    assert needs_ftfy(text)


@pytest.mark.parametrize("text", ["Straße in München", "Москва и Минск", "naïve café", "東京"])
def test_clean_non_ascii_text_does_not(text: str) -> None:
    assert not needs_ftfy(text)


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(alphabet=st.sampled_from("ab é’‘“”‚„‟ʼ.\"'")),
        noisy_articles().map(lambda c: c.text),
        st.text(),
    )
)
def test_repair_gives_what_ftfy_gives(text: str) -> None:
    text = canonical_inline(text, keep_c1=True)
    config = TextFix().config
    expected, explanation = ftfy.fix_and_explain(text, config=config)
    expected = canonical_inline(expected)
    got = repair(text, config)
    if expected == text:
        assert got is None
    else:
        steps = ", ".join(f"{op} {arg}" for op, arg in (explanation or []))
        assert got == (expected, f"ftfy: {steps}" if steps else "ftfy")


_MOJIBAKE_ALPHABET = "aZ .?é’“”ÂÃâ€™œžŸ©°×²ВГРСЂўβā√≈‚ØÙà¡\xa0─│" + "".join(
    chr(c) for c in range(0x80, 0x100)
)


@settings(max_examples=500)
@given(
    st.one_of(
        st.text(alphabet=st.sampled_from(_MOJIBAKE_ALPHABET), max_size=60),
        st.lists(st.sampled_from(["donâ€™t", "Ã© ", "ГўВЂВ.a", " plain words ", "“x”"])).map(
            "".join
        ),
        noisy_articles().map(lambda c: c.text),
        st.text(),
    )
)
def test_mojibake_check_agrees_with_ftfy(text: str) -> None:
    from ftfy.badness import is_bad

    from newsclean.cleaners.text_fix import plain_looks_like_mojibake

    assert looks_like_mojibake(text) == is_bad(text) == plain_looks_like_mojibake(text)


def test_no_match_of_ftfys_pattern_is_longer_than_the_stretch_searched() -> None:
    """The stretches searched reach ``_LONGEST_MOJIBAKE`` characters each side of a mojibake
    character: the longest match the regular expression parser finds for ftfy's pattern."""
    import re

    from ftfy.badness import BADNESS_RE

    from newsclean.cleaners.text_fix import _LONGEST_MOJIBAKE

    parser = getattr(re, "_parser", None) or __import__("sre_parse")
    assert parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1] == _LONGEST_MOJIBAKE
