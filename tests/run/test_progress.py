"""The progress line: drawn on a terminal, never into a file or a pipe, and never with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from helpers import SEEDS
from newsclean.cli import app
from newsclean.run.progress import Progress


def terminal() -> tuple[Console, io.StringIO]:
    sink = io.StringIO()
    return Console(file=sink, force_terminal=True, width=100), sink


def test_on_a_terminal_it_shows_inputs_rate_and_rejects(monkeypatch) -> None:
    console, sink = terminal()
    monkeypatch.setattr("newsclean.run.progress._REDRAW", 0.0)
    with Progress(console=console) as progress:
        for i in range(7):
            progress.advance(rejected=i == 3)
        progress.echo("rejected: x: empty: the input is empty")
    shown = sink.getvalue()
    assert "7 inputs" in shown and "articles/s" in shown and "1 rejected" in shown
    assert "rejected: x: empty" in shown


def test_quiet_draws_nothing_even_on_a_terminal() -> None:
    console, sink = terminal()
    with Progress(enabled=False, console=console) as progress:
        progress.advance()
    assert "inputs" not in sink.getvalue()


def test_not_drawn_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "articles/s" not in result.output
    assert "5 articles written" in result.output
