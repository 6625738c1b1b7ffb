"""Loading the golden fixtures: a directory per case with the input and the expected output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT / "seeds"
# A small news page: metadata in the head, a menu, an ad label, a teaser link and a footer around
# the article.
SAMPLE_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Kyiv lifts curfew for New Year | Example Daily</title>
<meta property="og:title" content="Kyiv lifts curfew for New Year">
<meta name="author" content="Olena Petrenko">
<meta property="article:published_time" content="2024-12-30T09:15:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kyiv lifts curfew for New Year</h1>
<p>The city administration said on Friday that the curfew would be lifted for one night,
from 10 p.m. on December 31 until the morning of January 1.</p>
<p>Advertisement</p>
<p>Residents were asked to stay close to shelters and to follow air raid alerts in the official
apps, the administration said in a statement on its Telegram channel.</p>
<p>Read more: Kyiv metro stations to stay open overnight</p>
</article>
<footer>© 2024 Example Daily. All rights reserved.</footer>
</body></html>"""

# Keys of expected.json that describe the case rather than the output.
NOTE_KEYS = {"note"}


@dataclass
class Case:
    name: str
    input_path: Path
    expected_text: str
    expected_meta: dict[str, Any]

    def read_input(self) -> str:
        return self.input_path.read_text(encoding="utf-8")


def _case(name: str, input_path: Path, folder: Path) -> Case:
    meta = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    text = (folder / "expected.txt").read_text(encoding="utf-8")
    return Case(
        name, input_path, text.rstrip("\n"), {k: v for k, v in meta.items() if k not in NOTE_KEYS}
    )


def seed_cases() -> list[Case]:
    return [
        _case(f"seed/{p.stem}", p, FIXTURES / "seeds" / p.stem) for p in sorted(SEEDS.glob("*.txt"))
    ]


def fixture_cases() -> list[Case]:
    return [
        _case(f"case/{d.name}", d / "input.txt", d)
        for d in sorted((FIXTURES / "cases").iterdir())
        if (d / "input.txt").exists()
    ]


def all_cases() -> list[Case]:
    return seed_cases() + fixture_cases()


def mismatches(case: Case, article: Any) -> list[str]:
    """What differs between an Article and a case's expectation (empty when it passes)."""
    problems = []
    if article.text != case.expected_text:
        problems.append("text")
    for key, value in case.expected_meta.items():
        if getattr(article, key) != value:
            problems.append(f"{key}: {getattr(article, key)!r} != {value!r}")
    return problems


class CrashOnMarker:
    """A cleaner that kills its process when the text holds ``CRASH-HERE``: a stand-in for a crash
    in a C extension, to test that worker processes dying cannot take a run down."""

    name = "crash_on_marker"

    def apply(self, doc: Any) -> None:
        import os

        if any("CRASH-HERE" in block.text for block in doc.blocks):
            os._exit(70)


class DiesInWorkers:
    """A cleaner that no worker process can load: unpickling it ends the process, as a worker that
    cannot start (a script without the ``__main__`` guard, a broken install) ends."""

    name = "dies_in_workers"

    def apply(self, doc: Any) -> None:
        pass

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        import os

        return os._exit, (71,)


def run_with_hash_seed(script: str, stdin: str, seed: str) -> str:
    """The standard output of ``python -c script`` fed ``stdin``, in a fresh process whose
    ``PYTHONHASHSEED`` is ``seed`` and which imports newsclean from this checkout; a failure
    of the script fails the test, with its standard error."""
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def records(path: Path) -> list[dict[str, Any]]:
    """The JSON lines of ``path``, parsed."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def interrupted(inputs: Path, out: Path, monkeypatch: Any, *args: str) -> None:
    """A ``newsclean run`` of ``inputs`` into ``out`` stopped by Ctrl-C at its fourth input."""
    from typer.testing import CliRunner

    import newsclean.run.workers as workers
    from newsclean.cli import app

    real, calls = workers.clean_input, [0]

    def stops_at_the_fourth(*a: object, **k: object) -> Any:
        calls[0] += 1
        if calls[0] == 4:
            raise KeyboardInterrupt
        return real(*a, **k)

    with monkeypatch.context() as patch:
        patch.setattr(workers, "clean_input", stops_at_the_fourth)
        command = ["run", str(inputs), "--out", str(out), "--jobs", "1", *args]
        result = CliRunner().invoke(app, command)
    # (typer reports Ctrl-C as exit status 130)
    assert isinstance(result.exception, KeyboardInterrupt) or result.exit_code == 130, result.output
