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


def _readme_record() -> dict[str, object]:
    """The JSON block under the README's "## The record" heading."""
    import json
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The record", 1)[1]
    found = re.search(r"```json\n(.*?)\n```", section, re.DOTALL)
    assert found, "no JSON block under ## The record"
    record: dict[str, object] = json.loads(found.group(1))
    return record


def test_readme_record_is_what_the_cli_writes(tmp_path: object) -> None:
    """The README's record example is the record `newsclean run` writes for the seed it names:
    the same id, removals, fixes and fields; its text only shortened with "…"."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    example = _readme_record()
    metadata = example["metadata"]
    assert isinstance(metadata, dict)
    out = Path(str(tmp_path)) / "out"
    subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "run", metadata["input"], "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    written = json.loads(lines[0])
    assert written["id"] == example["id"]
    shown = str(example["text"])
    assert shown.endswith("…") and written["text"].startswith(shown[:-1].rstrip())
    assert written["metadata"] == metadata
