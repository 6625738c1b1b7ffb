"""The documentation stays true: README examples run, and every cleaner is documented."""

from __future__ import annotations

import doctest

import pytest

from helpers import ROOT
from newsclean import default_pipeline


def test_readme_python_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "README.md"), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted >= 3
    assert result.failed == 0


@pytest.mark.parametrize("name", default_pipeline().names)
def test_every_cleaner_is_documented(name: str) -> None:
    assert f"`{name}`" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"## `{name}`" in (ROOT / "docs" / "cleaners.md").read_text(encoding="utf-8")


def test_readme_lists_cleaners_in_order() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")]
    names = default_pipeline().names
    assert [r for r in rows if r in names] == names


def test_cleaners_doc_lists_every_setting_with_its_default() -> None:
    from newsclean.cleaners.settings import settings_of

    doc = (ROOT / "docs" / "cleaners.md").read_text(encoding="utf-8")
    rows = {
        tuple(cell.strip().strip("`") for cell in line.split("|")[1:4])
        for line in doc.split("## Settings", 1)[1].splitlines()
        if line.startswith("| `")
    }
    expected = {
        (cleaner.name, key, str(value))
        for cleaner in default_pipeline()
        for key, value in settings_of(cleaner).items()
    }
    assert rows == expected
