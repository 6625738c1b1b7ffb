"""``newsclean run``: clean every input into an output directory (mirrors
``newsclean.run.runner.run``)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from newsclean.cli.app import (
    _CONFIG_HELP,
    EXIT_FAILED,
    EXIT_REJECTS,
    SHOWN_REJECTS,
    _settings,
    _usage_error,
    app,
)
from newsclean.io.readers import DEFAULT_MAX_BYTES, ReadOptions
from newsclean.records import Reject
from newsclean.run.filters import Filters, parse_languages

if TYPE_CHECKING:
    from newsclean.run.runner import RunSummary


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    txt = "txt"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


@app.command()
def run(
    inputs: list[str] = typer.Argument(
        ..., help="Files, directories (.txt, .html, .htm, .jsonl inside) or - for stdin."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Output directory (created if missing)."),
    formats: list[OutputFormat] = typer.Option(
        [OutputFormat.jsonl],
        "--format",
        "-f",
        help="jsonl (always written) and/or txt: also one <id>.txt per article.",
    ),
    disable: list[str] = typer.Option(
        [], "--disable", help="Turn a cleaner off by name (repeatable; see `newsclean cleaners`)."
    ),
    plugins: list[str] = typer.Option(
        [],
        "--cleaner",
        help="Add a cleaner: module:Class, placed with @after=NAME or @before=NAME (repeatable).",
    ),
    installed_plugins: bool = typer.Option(
        True, "--plugins/--no-plugins", help="Use cleaners of installed plugin packages."
    ),
    lexicon: list[Path] = typer.Option(
        [], "--lexicon", help="Extra phrase lists (TOML, same tables as the bundled ones)."
    ),
    config: Path | None = typer.Option(None, "--config", help=_CONFIG_HELP),
    names: list[Path] = typer.Option(
        [], "--names", help="Extra name variants (TOML or CSV; see `newsclean names learn`)."
    ),
    bundled_names: bool = typer.Option(
        True, "--bundled-names/--no-bundled-names", help="Use the bundled name gazetteer."
    ),
    english_variants: bool = typer.Option(
        False,
        "--english-variants",
        help="Also replace English-language alternatives of names (Kiev → Kyiv, Donbass → Donbas).",
    ),
    input_format: InputFormat = typer.Option(
        InputFormat.auto, "--input-format", help="How to read inputs; auto goes by file name."
    ),
    text_field: str = typer.Option("text", help="JSONL field holding article text."),
    html_field: str = typer.Option("html", help="JSONL field holding article HTML."),
    encoding: str = typer.Option(
        "auto",
        help="Character set of text inputs; auto: a byte-order mark, else UTF-8, else detected.",
    ),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Reject inputs larger than this."),
    follow_links: bool = typer.Option(
        False,
        "--follow-links",
        help="Read symbolic links that lead out of a directory given (else they are rejects).",
    ),
    allow_rejects: bool = typer.Option(
        False,
        "--allow-rejects",
        help=f"Exit 0 even if some inputs were rejected (else {EXIT_REJECTS}).",
    ),
    time_budget: float = typer.Option(
        60.0, help="Seconds one input may take before it is rejected as a timeout (0: no limit)."
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run into the same --out directory."
    ),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="Discard an interrupted run in --out and start again."
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        help="Worker processes (default: one per available core). The output is the same for any"
        " number.",
        show_default=False,
    ),
    language: str | None = typer.Option(
        None,
        "--language",
        help="Keep only articles in these languages (en,de); others become `language` rejects.",
    ),
    min_words: int = typer.Option(
        0, "--min-words", help="Articles of fewer words become `too_short` rejects."
    ),
    audit: bool = typer.Option(
        True,
        "--audit/--no-audit",
        help="--no-audit leaves removals and fixes out of the records (smaller output).",
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print only errors: no progress line, no summary."
    ),
    engine: Engine = typer.Option(
        Engine.local,
        "--engine",
        help="Where to clean: local (this machine) or ray (a Ray cluster; needs newsclean[ray]).",
    ),
    address: str | None = typer.Option(
        None, "--address", help="Ray cluster to use with --engine ray (default: start a local one)."
    ),
) -> None:
    """Clean every article in INPUTS into OUT/articles.jsonl (rejects in OUT/rejects.jsonl)."""
    from newsclean.cleaners import default_pipeline
    from newsclean.cleaners._plugins import with_plugins
    from newsclean.run.options import described, usage_problem
    from newsclean.run.parallel import WorkersUnavailable, available_cores
    from newsclean.run.progress import Progress
    from newsclean.run.runner import RunRefused
    from newsclean.run.runner import run as run_batch

    problem = usage_problem(out, encoding, max_bytes, time_budget, jobs, resume, overwrite)
    if problem:
        _usage_error(problem)
    filters = _filters(language, min_words, audit)
    ray_run = _ray_run(address) if engine is Engine.ray else None
    if ray_run is not None and filters != Filters():
        _usage_error("--language, --min-words and --no-audit do not work with --engine ray yet")
    if ray_run is None and address is not None:
        _usage_error("--address needs --engine ray")

    try:
        pipeline = with_plugins(
            default_pipeline(
                config=_settings(config),
                lexicon_files=lexicon,
                names_files=names,
                bundled_names=bundled_names,
                english_variants=english_variants,
            ),
            plugins,
            installed_plugins=installed_plugins,
        )
        pipeline = pipeline.without(*disable) if disable else pipeline
    except (KeyError, ValueError, OSError) as exc:
        _usage_error(str(exc))

    options = ReadOptions(
        text_field=text_field,
        html_field=html_field,
        encoding=encoding,
        max_bytes=max_bytes,
        input_format=input_format.value,
    )
    shown = [0]

    def on_reject(reject: Reject) -> None:
        shown[0] += 1
        if shown[0] <= SHOWN_REJECTS:
            progress.echo(reject.line())

    with Progress(enabled=not quiet and ray_run is None) as progress:
        common: dict[str, Any] = dict(
            pipeline=pipeline,
            read_options=options,
            txt=OutputFormat.txt in formats,
            resume=resume,
            overwrite=overwrite,
            follow_links=follow_links,
            options=described(lexicon, names, bundled_names, english_variants),
            time_budget=time_budget or None,
            on_reject=on_reject,
        )
        try:
            if ray_run is not None:
                summary = ray_run(inputs, out, **common)
            else:
                summary = run_batch(
                    inputs,
                    out,
                    jobs=jobs or available_cores(),
                    filters=filters,
                    on_output=lambda output: progress.advance(rejected=output.reject is not None),
                    **common,
                )
        except RunRefused as exc:
            progress.echo(f"newsclean: {exc}")
            raise typer.Exit(2) from None
        except WorkersUnavailable as exc:
            progress.echo(f"newsclean: {exc} The run can be continued with --resume.")
            raise typer.Exit(EXIT_FAILED) from None
        except OSError as exc:  # the output could not be written: a full disk, say
            progress.echo(
                f"newsclean: writing to {out} failed: {exc.strerror or exc}. Nothing was"
                " published; the run can be continued with --resume."
            )
            raise typer.Exit(EXIT_FAILED) from None
    if shown[0] > SHOWN_REJECTS:
        more = f"… and {shown[0] - SHOWN_REJECTS} more rejects, see {out / 'rejects.jsonl'}"
        typer.echo(f"newsclean: {more}", err=True)
    if not quiet or summary.rejected:
        typer.echo(summary.line(), err=True)
    if not quiet and summary.stats:
        from newsclean.audit.stats import summary_lines

        typer.echo("\n".join(summary_lines(summary.stats)), err=True)
    if summary.rejected and not allow_rejects:
        raise typer.Exit(EXIT_REJECTS)


def _filters(language: str | None, min_words: int, audit: bool) -> Filters:
    """The filters asked for; a usage error if they make no sense."""
    if min_words < 0:
        _usage_error(f"--min-words {min_words}: must be a number of words, 0 or more")
    try:
        languages = parse_languages(language) if language is not None else ()
    except ValueError as exc:
        _usage_error(str(exc))
    return Filters(languages, min_words, audit)


def _ray_run(address: str | None) -> Callable[..., RunSummary]:
    """``newsclean.integrations.ray.run`` bound to ``address``; a usage error without Ray."""
    try:
        from newsclean.integrations.ray import run as ray_run
    except ImportError as exc:
        typer.echo(
            f"newsclean: --engine ray needs Ray: pip install 'newsclean[ray]' ({exc})", err=True
        )
        raise typer.Exit(2) from None
    return partial(ray_run, address=address)
