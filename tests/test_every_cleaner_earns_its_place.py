"""Taking any one cleaner out of the default chain breaks at least one fixture."""

from __future__ import annotations

import pytest

from helpers import all_cases, mismatches
from newsclean import clean, default_pipeline

CASES = all_cases()
INPUTS = {c.name: c.read_input() for c in CASES}


@pytest.mark.parametrize("name", default_pipeline().names)
def test_removing_cleaner_breaks_a_fixture(name: str) -> None:
    pipeline = default_pipeline().without(name)
    broken = [c.name for c in CASES if mismatches(c, clean(INPUTS[c.name], pipeline=pipeline))]
    assert broken, f"no fixture needs the {name!r} cleaner"
