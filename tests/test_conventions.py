"""The shared text conventions: one definition each, and the helpers built on them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsclean.conventions import (
    LINE_END,
    LOWERCASE_NAME_STARTS,
    NAME_PARTICLES,
    NEVER,
    OPENING_QUOTES,
    PARAGRAPH_END,
    SENTENCE_END,
    alternation,
    label_list,
)

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsclean"
#: Modules that may spell out quote marks, and why: the one module of conventions; ftfy's own
#: table of the quotes it straightens (text_fix takes its one step directly); and the table of
#: punctuation that the word count reads as a space or an apostrophe.
QUOTE_TABLES = {"conventions.py", "text_fix.py", "_shapes.py"}
#: Modules whose sets are part of a trained model's features: the line classifier's weights were
#: learned with them, so they change only with a retraining (bench/lines/train.py).
TRAINED_FEATURES = {"_line_features.py"}


def test_alternation_tries_longer_phrases_first_and_escapes() -> None:
    pattern = re.compile(f"(?:{alternation(['Mo', 'Mo.', 'Mon', 'a+b'])})")
    assert pattern.match("Mon.").group(0) == "Mon"
    assert pattern.match("Mo.").group(0) == "Mo."
    assert pattern.fullmatch("a+b") and not pattern.fullmatch("aab")
    assert alternation([]) == NEVER
    assert re.search(NEVER, "x anything") is None


def test_label_list_as_a_caller_gives_it_and_as_a_page_gives_it() -> None:
    given = ["Politics", " World  news ", "", "Politics", "a, b"]
    assert label_list(given) == ["Politics", "World news", "Politics", "a, b"]
    assert label_list(given, split_items=True, distinct=True) == [
        "Politics",
        "World news",
        "a",
        "b",
    ]
    assert label_list("x, y,,x") == ["x", "y", "x"]
    assert label_list(None) == label_list("") == []
    assert label_list(7) == ["7"]


def test_the_sets_share_one_core() -> None:
    assert set(SENTENCE_END) < set(LINE_END) and set(SENTENCE_END) < set(PARAGRAPH_END)
    assert set(LINE_END) - set(SENTENCE_END) == set(":;]")
    assert set(NAME_PARTICLES) < set(LOWERCASE_NAME_STARTS)


def _constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = ast.walk(tree)
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def duplicates(path: Path) -> list[str]:
    """String constants in ``path`` that spell out a set kept in conventions: two or more
    curly opening quotes, the particles "von" and "van" together, or "!", "?" and "…"."""
    found: list[str] = []
    if path.name in TRAINED_FEATURES:
        return found
    for value in _constants(path):
        curly = sum(q in value for q in OPENING_QUOTES if not q.isascii())
        particles = {"von", "van"} <= set(re.findall(r"[a-z]+", value))
        ends = all(mark in value for mark in "!?…")
        if (curly >= 2 and path.name not in QUOTE_TABLES) or particles or ends:
            found.append(value)
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(PACKAGE.rglob("*.py")) if p.name != "conventions.py"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_no_module_spells_out_a_shared_set_again(path: Path) -> None:
    assert duplicates(path) == []


def test_the_check_finds_a_set_spelled_out_again(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        'QUOTES = "\\"“„«\'‘"\nNAME = r"(?:von|van|de)\\s+"\nEND = tuple(".!?…")\n',
        encoding="utf-8",
    )
    assert len(duplicates(bad)) == 3
