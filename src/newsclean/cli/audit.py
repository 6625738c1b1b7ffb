"""``newsclean explain``: one article, what was kept and what was removed, in the terminal."""

from __future__ import annotations

from pathlib import Path

import typer

from newsclean.cli.app import _CONFIG_HELP, _settings, _usage_error, app
from newsclean.io.readers import ReadOptions


@app.command()
def explain(
    source: str = typer.Argument(..., help="A .txt, .html or .jsonl file (or - for stdin)."),
    index: int = typer.Option(1, "--index", "-n", help="Which article (1: the first)."),
    config: Path | None = typer.Option(None, "--config", help=_CONFIG_HELP),
    plugins: list[str] = typer.Option([], "--cleaner", help="Add a cleaner, as for run."),
    disable: list[str] = typer.Option([], "--disable", help="Turn a cleaner off, as for run."),
    width: int | None = typer.Option(None, "--width", help="Columns (default: the terminal's)."),
) -> None:
    """Clean one article of SOURCE and show it: the kept text, each removed block struck
    through in its place, coloured by cleaner with the reason, fixes as before → after, and the
    metadata found."""
    from itertools import islice

    from rich.console import Console

    from newsclean.audit.explain import explain as show
    from newsclean.cleaners import default_pipeline
    from newsclean.cleaners._plugins import with_plugins
    from newsclean.html.extract import extract_html
    from newsclean.io.readers import RawInput, read_inputs, resolve
    from newsclean.records import Reject
    from newsclean.run.workers import clean_input

    try:
        pipeline = with_plugins(default_pipeline(config=_settings(config)), plugins)
        pipeline = pipeline.without(*disable) if disable else pipeline
    except (KeyError, ValueError, OSError) as exc:
        _usage_error(str(exc))
    item = next(islice(read_inputs([source], ReadOptions()), index - 1, None), None)
    if item is None:
        _usage_error(f"{source} holds fewer than {index} articles")
    item = resolve(item)
    result = item if isinstance(item, Reject) else clean_input(item, pipeline, None)
    if isinstance(result, Reject):
        typer.echo(f"newsclean: {result.line()}", err=True)
        raise typer.Exit(1)
    assert isinstance(item, RawInput)
    original = item.content
    if item.kind == "html":
        try:
            original = extract_html(item.content)[0]
        except Exception:  # noqa: BLE001 - only the placing of removals needs it
            original = ""
    elif isinstance(original, bytes):
        original = original.decode("utf-8", "replace")
    show(result, str(original), pipeline.names, Console(width=width, highlight=False))


@app.command()
def report(
    out_dir: Path = typer.Argument(..., help="The --out directory of a finished run."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="HTML file to write (default: OUT_DIR/report.html)."
    ),
) -> None:
    """Write one static HTML page to browse the run in OUT_DIR: each article with its removals
    in place, filters by cleaner and reject kind, totals per cleaner (no network needed)."""
    from newsclean.audit.report import build_report
    from newsclean.io.writers import write_text

    if not (out_dir / "articles.jsonl").is_file():
        _usage_error(f"{out_dir} holds no finished run (no articles.jsonl)")
    target = output if output is not None else out_dir / "report.html"
    write_text(target, build_report(out_dir))
    typer.echo(f"newsclean: report written to {target}", err=True)
