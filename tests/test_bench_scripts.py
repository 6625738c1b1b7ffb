"""The benchmark scripts that need the shared data say so in one line, with exit status 2,
when it is absent (the README says anyone can rerun them: the message says what to pass)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("script", ["aeb.py", "gold_recall.py"])
@pytest.mark.parametrize("option", ["--shared", "--bench"])
def test_missing_benchmark_data_is_one_line_and_exit_2(
    script: str, option: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), option, str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(missing) in lines[0] and "not found" in lines[0]
