"""Shared helpers for testing one cleaner in isolation.

``run_cleaner(cls, text, **meta)`` segments ``text`` the way :func:`newsclean.clean` does, puts
``meta`` into ``doc.meta`` (as metadata given with the input would be), applies one cleaner and
returns the :class:`~newsclean.document.Document`. It also checks the one rule every cleaner must
keep: each Removal and Fix it records carries the cleaner's own ``name``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsclean.document import Document
from newsclean.lexicon import Lexicon
from newsclean.pipeline import Cleaner, default_lexicon
from newsclean.segment import render, segment

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

RunCleaner = Callable[..., Document]


def run_cleaner_on(
    cls: type[Cleaner], text: str, *, lexicon: Lexicon | None = None, **meta: Any
) -> Document:
    doc = Document(segment(text), lexicon if lexicon is not None else default_lexicon(), meta)
    cls().apply(doc)
    foreign = [r for r in [*doc.removed, *doc.fixes] if r.cleaner != cls.name]
    assert not foreign, f"records not attributed to {cls.name!r}: {foreign}"
    return doc


def assert_untouched_doc(doc: Document, text: str, **meta: Any) -> None:
    """``doc`` came out of the cleaner exactly as segmentation put it in, with nothing recorded."""
    assert doc.removed == []
    assert doc.fixes == []
    assert render(doc.blocks) == render(segment(text))
    assert doc.meta == meta


def run_cleaner_between(cls: type[Cleaner], line: str, before: str, after: str) -> Document:
    """``cls`` run on ``line`` standing alone between two paragraphs, checking that it took the
    line and left both paragraphs as they were."""
    doc = run_cleaner_on(cls, f"{before}\n\n{line}\n\n{after}")
    assert render(doc.blocks) == f"{before}\n\n{after}"
    return doc


@pytest.fixture
def run_between() -> Callable[..., Document]:
    """``run_between(CleanerClass, line, before, after) -> Document``: the line is removed."""
    return run_cleaner_between


@pytest.fixture
def run_cleaner() -> RunCleaner:
    """``run_cleaner(CleanerClass, text, **meta) -> Document``."""
    return run_cleaner_on


@pytest.fixture
def assert_untouched() -> Callable[..., None]:
    """``assert_untouched(doc, original_text, **given_meta)``: no removal, no fix, same text."""
    return assert_untouched_doc


@pytest.fixture
def seed_text() -> Callable[[str], str]:
    """``seed_text("002")``: the scraped article in ``seeds/`` whose file name starts so."""

    def read(prefix: str) -> str:
        (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        return path.read_text(encoding="utf-8")

    return read


# Hypothesis profiles: "ci" runs 300 examples per property (the default); "soak" runs 25,000 per
# property, 100,000 over the four text properties (the command is in the README).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # The same examples on every CI run, so a red build always means a change broke something;
    # the soak profile explores at random.
    derandomize=True,
)
settings.register_profile(
    "soak",
    max_examples=25_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("NEWSCLEAN_HYPOTHESIS_PROFILE", "ci"))
