"""The name step as a whole: the seeds, the evaluation set, and a property."""

from __future__ import annotations

import csv
import importlib.util
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, fixture_cases, seed_cases
from newsclean import clean
from newsclean.cleaners.name_variants import NameVariants
from newsclean.document import Document
from newsclean.names.variants import bundled_gazetteer, clusters
from newsclean.pipeline import default_lexicon
from newsclean.segment import render, segment

_spec = importlib.util.spec_from_file_location("evaluate", ROOT / "bench" / "names" / "evaluate.py")
assert _spec and _spec.loader
evaluate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(evaluate)
STOP = default_lexicon().labels("name_variants", "not_transliterations")


def test_seeds_get_exactly_the_four_name_fixes() -> None:
    fixes = [
        (f.before, f.after)
        for case in seed_cases()
        for f in clean(case.read_input()).fixes
        if f.cleaner == "name_variants"
    ]
    assert sorted(fixes) == [
        ("Chrenin", "Khrenin"),
        ("Makej", "Makei"),
        ("Peskow", "Peskov"),
        ("Sinjawski", "Sinyavsky"),
    ]


def test_evaluation_set_accuracy_and_false_merges() -> None:
    """The acceptance figures of ``bench/names/evaluate.py``: at least 98% of real variant
    pairs unified to the English form, no near miss merged."""
    with (ROOT / "bench" / "names" / "variants.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 200
    correct = sum(
        evaluate.unified_name(r["variant"], r["english"], STOP)
        == " ".join(evaluate._SPLIT.split(r["english"].strip()))
        for r in rows
    )
    assert correct / len(rows) >= 0.98
    with (ROOT / "bench" / "names" / "near_misses.csv").open(encoding="utf-8") as handle:
        near = list(csv.DictReader(handle))
    assert len(near) >= 60
    merged = [r for r in near if evaluate.unified_name(r["a"], r["b"], STOP)]
    assert len(merged) / len(near) <= 0.005, merged


# Body text of the fixtures, and English-convention names that are not variants of each other.
_BODIES = [p for c in fixture_cases() for p in c.expected_text.split("\n\n") if len(p.split()) > 12]
_CANONICALS = sorted(bundled_gazetteer().canonicals)
_NAMES = [n for n in _CANONICALS if not any(n in c for c in clusters(_CANONICALS))]
_names_in = re.compile(r"\b[A-Z][\w'’-]+")


@st.composite
def articles_without_variants(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.sampled_from(_BODIES), min_size=1, max_size=4))
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6))
    text = "\n\n".join(
        f"{p} {name} said so." for p, name in zip(paragraphs * 6, names, strict=False)
    )
    # No variant pair among the capitalized words, and no known variant.
    words = sorted(set(_names_in.findall(text)))
    if any(len(c) > 1 for c in clusters([w for w in words if w.casefold() not in STOP])):
        return draw(st.nothing())
    if any(True for _ in bundled_gazetteer().find(text)):
        return draw(st.nothing())
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(articles_without_variants())
def test_article_without_variants_is_unchanged(text: str) -> None:
    doc = Document(segment(text), default_lexicon())
    before = render(doc.blocks)
    NameVariants().apply(doc)
    assert render(doc.blocks) == before
    assert doc.fixes == []
