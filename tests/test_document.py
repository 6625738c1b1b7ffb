"""The Document contract: every change goes through a method that records it, and no cleaner
edits the document's fields directly (read from the cleaners' source)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsclean.document import Document
from newsclean.pipeline import default_lexicon
from newsclean.records import Fix, Removal
from newsclean.segment import Block, render, segment

CLEANERS = Path(__file__).resolve().parents[1] / "src" / "newsclean" / "cleaners"
#: The document's fields a cleaner reads but changes only through the document's methods.
PROTECTED = frozenset({"blocks", "meta", "removed", "fixes"})
#: Methods that change a list or a dict in place.
MUTATORS = frozenset(
    "append extend insert pop remove clear sort reverse update setdefault popitem".split()
)


def _doc(text: str, **meta: str) -> Document:
    return Document(segment(text), default_lexicon(), meta)


def test_remove_records_each_block_and_keeps_the_order_of_the_rest() -> None:
    doc = _doc("One.\n\nTwo.\n\nThree.\n\nFour.")
    doc.remove([2, 0, 2], "c", "why")
    assert [b.text for b in doc.blocks] == ["Two.", "Four."]
    assert doc.removed == [Removal("c", "why", "One."), Removal("c", "why", "Three.")]
    doc.remove([], "c", "nothing")
    assert len(doc.removed) == 2


def test_fix_records_only_a_change() -> None:
    doc = _doc("Kiew is a city.")
    doc.fix(0, "Kiew is a city.", "c", "same")
    assert doc.fixes == []
    doc.fix(0, "Kyiv is a city.", "c", "spelling")
    assert doc.fixes == [Fix("c", "Kiew is a city.", "Kyiv is a city.", "spelling")]
    assert doc.blocks[0].text == "Kyiv is a city."


def test_merge_joins_the_next_block_and_records_one_fix_no_removal() -> None:
    doc = _doc("said the agency\n\nTass\n\n.\n\nNext paragraph.")
    doc.merge(0, " ", "c", "broken")
    doc.merge(0, "", "c", "broken")
    assert render(doc.blocks) == "said the agency Tass.\n\nNext paragraph."
    assert doc.removed == []
    assert [(f.before, f.after) for f in doc.fixes] == [
        ("said the agency", "said the agency Tass"),
        ("said the agency Tass", "said the agency Tass."),
    ]
    assert doc.blocks[0].para == 0 and doc.blocks[1].para == 3


def test_replace_words_records_one_fix_per_change_with_its_count() -> None:
    doc = _doc("Kiew and Kiew.\n\nLeave Kiew here.\n\nCharkiw, not Kiew.")
    pattern = re.compile(r"\b(?:Kiew|Charkiw)\b")
    targets = {"Kiew": "Kyiv", "Charkiw": "Kharkiv"}

    def choose(text: str):  # type: ignore[no-untyped-def]
        if text.startswith("Leave"):
            return None  # this block is left alone

        def decide(found: re.Match[str]) -> tuple[str, str] | None:
            if found.start() > 20:
                return None  # this match is kept
            return targets[found.group(0)], "variant"

        return decide

    doc.replace_words(pattern, choose, "c")
    assert [b.text for b in doc.blocks] == [
        "Kyiv and Kyiv.",
        "Leave Kiew here.",
        "Kharkiv, not Kyiv.",
    ]
    assert doc.fixes == [
        Fix("c", "Charkiw", "Kharkiv", "variant, once"),
        Fix("c", "Kiew", "Kyiv", "variant, 3 times"),
    ]


def test_set_meta_keeps_the_first_value() -> None:
    doc = _doc("Text.", title="Given")
    assert not doc.set_meta("title", "Found")
    assert not doc.set_meta("author", "")
    assert doc.set_meta("author", "Jane Smith")
    assert dict(doc.meta) == {"title": "Given", "author": "Jane Smith"}


def test_fields_are_read_only_views() -> None:
    doc = _doc("Text.", title="Given")
    with pytest.raises(TypeError):
        doc.meta["title"] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        doc.blocks = []  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.fixes = []  # type: ignore[misc]


def test_texts_tell_a_change_in_text_or_paragraphs() -> None:
    doc = _doc("One.\n\nTwo.")
    before = doc.texts()
    doc.reread([Block("One.", 0), Block("Two.", 0)])
    assert doc.texts() != before  # same words, one paragraph now
    doc.reread(segment("One.\n\nTwo."))
    assert doc.texts() == before


# -- no cleaner edits the document's fields directly --------------------------------------------


def _chain(node: ast.AST) -> list[str]:
    """The attribute names along ``a.b[c].d`` from the outside in: ``["d", "b"]``."""
    names = []
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
        node = node.value
    return names


def _is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def direct_edits(source: str) -> list[str]:
    """Every place in ``source`` that changes a document's fields, or a block's text, other than
    through the document's methods: assignment or deletion through ``blocks``, ``meta``,
    ``removed`` or ``fixes``, a mutating method called on one of them, an assignment to a
    ``.text`` attribute (of anything but ``self``), and any use of the private fields."""
    found = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.AST] = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                chain = _chain(part)
                if PROTECTED & set(chain) or (
                    isinstance(part, ast.Attribute)
                    and part.attr == "text"
                    and not _is_self(part.value)
                ):
                    found.append(f"line {node.lineno}: {ast.unparse(target)}")
                    break
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in MUTATORS and PROTECTED & set(_chain(node.func.value)[:1]):
                found.append(f"line {node.lineno}: {ast.unparse(node.func)}()")
        if isinstance(node, ast.Attribute) and node.attr.lstrip("_") in PROTECTED:
            if node.attr.startswith("_"):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("path", sorted(CLEANERS.glob("*.py")), ids=lambda p: p.name)
def test_no_cleaner_edits_the_document_directly(path: Path) -> None:
    assert direct_edits(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "bad",
    [
        "del doc.blocks[i]",
        "doc.blocks = doc.blocks[1:]",
        "doc.blocks[0].text = 'x'",
        "block.text = block.text.strip()",
        "doc.meta['title'] = title",
        "doc.fixes.append(Fix('c', 'a', 'b'))",
        "doc.removed.extend(more)",
        "doc.meta.update(found)",
        "doc.blocks.pop()",
        "doc._blocks.clear()",
        "for b in doc.blocks:\n    b.text += '.'",
    ],
)
def test_the_check_finds_a_direct_edit(bad: str) -> None:
    # A deliberately bad cleaner: the check above would fail on it.
    body = "".join(f"        {line}\n" for line in bad.splitlines())
    source = f"class Bad(Cleaner):\n    def apply(self, doc):\n{body}"
    assert direct_edits(source), bad


def test_the_check_lets_reading_and_methods_pass() -> None:
    source = (
        "def apply(self, doc):\n"
        "    self.text = doc.blocks[0].text\n"
        "    doc.remove([0], 'c', 'r')\n"
        "    doc.fix(0, doc.blocks[0].text + '.', 'c')\n"
        "    doc.set_meta('title', doc.meta.get('title'))\n"
        "    doc.memo['c'] = len(doc.fixes)\n"
    )
    assert direct_edits(source) == []
