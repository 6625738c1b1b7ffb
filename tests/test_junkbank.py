"""The independent junk bank (bench/junkbank) is complete and well formed.

This checks the bank itself, not newsclean's score on it (bench/junkbank/score.py measures that).
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

JUNKBANK = Path(__file__).resolve().parents[1] / "bench" / "junkbank"


def _module(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, JUNKBANK / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# In import order: bodies and generate import bank, generate imports bodies.
bank = _module("bank")
bodies = _module("bodies")
generate = _module("generate")


@pytest.fixture(scope="module")
def loaded() -> dict[str, tuple[list, list[str]]]:
    return bank.load_bank()


def test_ten_languages_each_with_a_file(loaded: dict) -> None:
    assert set(loaded) == {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk"}


def test_size_kinds_and_per_language_counts(loaded: dict) -> None:
    total = 0
    kinds: set[str] = set()
    for language, (items, near) in loaded.items():
        lines = [line for item in items for line in item.lines]
        assert len(lines) >= 100, language
        assert len(near) >= 95, language
        assert len({item.kind for item in items}) >= 20, language
        total += len(lines)
        kinds |= {item.kind for item in items}
    assert total >= 1200
    assert len(kinds) >= 20


def test_every_line_has_a_kind_and_a_position(loaded: dict) -> None:
    for items, _ in loaded.values():
        for item in items:
            assert item.kind and item.kind.isidentifier()
            assert item.position in bank.POSITIONS
            assert item.lines and all(line.strip() == line and line for line in item.lines)


def test_no_duplicate_lines_within_a_language(loaded: dict) -> None:
    for language, (items, near) in loaded.items():
        lines = [" ".join(line.split()) for item in items for line in item.lines]
        lines += [" ".join(line.split()) for line in near]
        repeated = [line for line, n in Counter(lines).items() if n > 1]
        assert not repeated, (language, repeated)


def test_both_halves_hold_junk_of_every_language(loaded: dict) -> None:
    for language, (items, near) in loaded.items():
        halves = Counter(item.split for item in items)
        assert min(halves["dev"], halves["heldout"]) >= len(items) // 4, (language, halves)
        assert {bank.split_of(line) for line in near} == {"dev", "heldout"}


def test_cases_are_deterministic_and_place_junk_by_position(loaded: dict) -> None:
    body = bodies.Body(
        "test:1",
        "example.org",
        "en",
        "A headline about nothing",
        tuple(f"Paragraph number {i} of a made-up article." for i in range(6)),
    )
    items = [i for i in loaded["en"][0] if i.position in ("top", "bottom")][:4]
    first = generate.make_case(random.Random(3), body, items, ["A near-miss line."], "en", 0)
    again = generate.make_case(random.Random(3), body, items, ["A near-miss line."], "en", 0)
    assert first == again
    lines = first["text"].split("\n\n")
    headline_at = lines.index(body.title)
    for entry in first["junk"]:
        at = lines.index(entry["text"])
        assert (at < headline_at) == (entry["placed"] == "top")
        if entry["placed"] == "bottom":
            assert at > lines.index(body.paragraphs[-1])
