from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.segment import Block, canonical_inline, render, segment


def _pairs(text: str) -> list[tuple[str, int]]:
    return [(b.text, b.para) for b in segment(text)]


def test_blank_lines_separate_paragraphs():
    assert _pairs("Headline\n\nFirst paragraph.\n\nSecond paragraph.") == [
        ("Headline", 0),
        ("First paragraph.", 1),
        ("Second paragraph.", 2),
    ]


@pytest.mark.parametrize("blank", ["\n\n", "\n   \n", "\n\t\n", "\n\n\n\n", "\n \u00a0 \n"])
def test_whitespace_only_lines_are_blank(blank):
    assert [t for t, _ in _pairs(f"One.{blank}Two.")] == ["One.", "Two."]
    assert len({p for _, p in _pairs(f"One.{blank}Two.")}) == 2


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_every_line_break_convention(newline):
    text = f"Para one.{newline}{newline}Para two."
    assert [t for t, _ in _pairs(text)] == ["Para one.", "Para two."]


def test_text_without_blank_lines_is_one_paragraph_per_line():
    blocks = segment("Line one.\nLine two.\nthird line")
    assert [b.text for b in blocks] == ["Line one.", "Line two.", "third line"]
    assert len({b.para for b in blocks}) == 3


def test_hard_wrapped_prose_is_joined():
    text = (
        "Title\n\n"
        "Russia had previously sent the first of a total of\n"
        "9,000 soldiers for a joint force to Belarus on Sunday.\n\n"
        "Lukashenko continues to deny his own plans to\n"
        "attack Ukraine."
    )
    assert _pairs(text) == [
        ("Title", 0),
        (
            "Russia had previously sent the first of a total of 9,000 soldiers for a joint force"
            " to Belarus on Sunday.",
            1,
        ),
        ("Lukashenko continues to deny his own plans to attack Ukraine.", 2),
    ]


def test_a_line_continuing_in_lower_case_joins_even_after_a_short_line():
    assert _pairs("Intro.\n\nMoscow and\nMinsk agreed.") == [
        ("Intro.", 0),
        ("Moscow and", 1),
        ("Minsk agreed.", 1),
    ]
    assert _pairs("Intro.\n\nMoscow and\nthe allies agreed.") == [
        ("Intro.", 0),
        ("Moscow and the allies agreed.", 1),
    ]


def test_label_lines_stay_separate_blocks_of_their_paragraph():
    text = "Intro.\n\nThe Kremlin said on Monday that talks would go on.\nRead more\nNEXT NEWS"
    assert _pairs(text) == [
        ("Intro.", 0),
        ("The Kremlin said on Monday that talks would go on.", 1),
        ("Read more", 1),
        ("NEXT NEWS", 1),
    ]


def test_sentences_on_their_own_lines_stay_separate_blocks():
    text = "Intro.\n\nThis line is a complete sentence on its own line.\nSo is this one."
    assert [t for t, _ in _pairs(text)] == [
        "Intro.",
        "This line is a complete sentence on its own line.",
        "So is this one.",
    ]


@pytest.mark.parametrize("text", ["", "\n\n\n", "   ", "\u200b\n\ufeff"])
def test_empty_input_gives_no_blocks(text):
    assert segment(text) == []


def test_blocks_are_canonical():
    (block,) = segment("\ufeff  Kremlin\u00a0\u00a0chief\u200b  Vladimir\tPutin\u00ad  ")
    assert block.text == "Kremlin chief Vladimir Putin"


def test_decomposed_umlauts_are_composed():
    (block,) = segment("Lukaschenko traf Scholz in Mu\u0308nchen.")
    assert block.text == "Lukaschenko traf Scholz in M\u00fcnchen."


def test_c1_characters_are_left_for_the_text_fixer_and_dropped_by_render():
    # "â€\x9d" is a mis-decoded closing quote: the text fixer needs the \x9d to repair it.
    blocks = segment("He said â€œnoâ€\u009d.")
    assert "\u009d" in blocks[0].text
    assert "\u009d" not in render(blocks)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("  a \t b  ", "a b"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFC
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("\ufeffBOM", "BOM"),
        ("bidi\u202econtrol\u202c", "bidicontrol"),
        ("bell\x07 and null\x00", "bell and null"),
        ("\u0093C1 controls\u0094", "C1 controls"),
        ("7,000\u00a0euros", "7,000 euros"),
        ("", ""),
    ],
)
def test_canonical_inline(raw, canonical):
    assert canonical_inline(raw) == canonical


def test_canonical_inline_can_keep_c1_for_the_text_fixer():
    assert canonical_inline("a\u009db", keep_c1=True) == "a\u009db"
    assert canonical_inline("a\u009db") == "ab"


def test_render_joins_paragraphs_with_one_blank_line():
    blocks = [Block("Headline", 0), Block("One.", 1), Block("Two.", 1), Block("Three.", 2)]
    assert render(blocks) == "Headline\n\nOne. Two.\n\nThree."


def test_render_skips_empty_blocks_and_has_no_trailing_newline():
    blocks = [Block("", 0), Block("One.", 1), Block("", 1), Block("Two.", 2), Block("  ", 3)]
    assert render(blocks) == "One.\n\nTwo."
    assert render([]) == ""


def test_render_starts_a_new_paragraph_whenever_para_changes():
    blocks = [Block("a", 0), Block("b", 1), Block("c", 0)]
    assert render(blocks) == "a\n\nb\n\nc"


def test_render_after_removing_a_label_line_keeps_its_neighbours_together():
    blocks = segment("Intro.\n\nFirst sentence here.\nRead more\nSecond sentence here.")
    kept = [b for b in blocks if b.text != "Read more"]
    assert render(kept) == "Intro.\n\nFirst sentence here. Second sentence here."


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nFirst paragraph that wraps at a column\nand goes on here.\n\nRead more",
        "Line one.\r\nLine two.\r\n",
        " Spaced   out \n\n\n text \u00a0here ",
    ],
)
def test_render_of_segment_is_a_fixed_point(text):
    once = render(segment(text))
    assert render(segment(once)) == once


def _canonical_by_the_rules(text: str, keep_c1: bool) -> str:
    """canonical_inline's definition, step by step, with no shortcut."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(
        "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]", "", text
    )
    text = re.sub("[\x00-\x08\x0e-\x1f\x7f]", "", text)
    if not keep_c1:
        text = re.sub("[\x80-\x84\x86-\x9f]", "", text)
    return re.sub(r"[^\S\n]+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        st.sampled_from("ab É\u00a0\u00ad\u200b\ufeff\t\x85\x9d\u2028\u3000\u0301e“—  ")
        | st.characters(),
        max_size=40,
    ),
    st.booleans(),
)
@example(" plain ASCII with an edge space", False)
@example("plain ASCII, a double  space ", False)
@example(" Curly “quotes” ", True)
def test_canonical_inline_shortcuts_agree_with_the_rules(text, keep_c1):
    text = text.replace("\n", " ")  # blocks hold no line breaks
    assert canonical_inline(text, keep_c1=keep_c1) == _canonical_by_the_rules(text, keep_c1)


def test_a_printable_character_is_one_canonical_form_keeps():
    # The shortcut for printable text relies on this: no printable character is invisible, a
    # control character or a separator other than the space.
    removed = re.compile(
        "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
        "|[\x00-\x1f\x7f-\x9f]|[^\\S ]"
    )
    assert not [
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and removed.match(c)
    ]


# Letters, a decomposed accent, invisible, control and C1 characters, odd spaces and breaks.
_ODD = "ab É.é\u0301\u00ad\u200b\x85\x9d\x07\t\u3000\u2028\r:;’”-"
_ANY_BLOCK_TEXT = st.text(alphabet=st.sampled_from(_ODD), max_size=30) | st.text(max_size=30)


@settings(max_examples=300)
@given(st.lists(st.tuples(_ANY_BLOCK_TEXT, st.integers(0, 3)), max_size=8))
def test_rendered_text_splits_the_same_taken_as_it_is(parts):
    """What render() prints is canonical line by line: segmenting it with ``rendered=True``
    (lines as they are) gives the blocks segmenting it from scratch gives."""
    blocks = [Block(text, para) for text, para in sorted(parts, key=lambda part: part[1])]
    body = render(blocks)
    assert segment(body, rendered=True) == segment(body)
