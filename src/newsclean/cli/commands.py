"""``newsclean names learn`` and ``newsclean cleaners``."""

from __future__ import annotations

from pathlib import Path

import typer

from newsclean.cli.app import _CONFIG_HELP, _settings, app
from newsclean.io.readers import ReadOptions
from newsclean.records import Reject

names_app = typer.Typer(
    help="Name spelling variants: learn them from a corpus.", no_args_is_help=True
)
app.add_typer(names_app, name="names")


@names_app.command("learn")
def names_learn(
    inputs: list[str] = typer.Argument(..., help="Files, directories or - (as for `run`)."),
    output: Path = typer.Option(..., "--output", "-o", help="Names file to write (TOML)."),
    text_field: str = typer.Option("text", help="JSONL field holding article text."),
    html_field: str = typer.Option("html", help="JSONL field holding article HTML."),
) -> None:
    """Find name spelling variants across INPUTS and write them, with counts and contexts, for
    review; apply the reviewed file with `newsclean run --names FILE`."""
    from newsclean.cleaners import default_pipeline
    from newsclean.io.writers import write_text
    from newsclean.names.corpus import NameStats, learn, to_toml
    from newsclean.run.runner import clean_all

    # Clean everything but the names, so the variants are still there to be found.
    pipeline = default_pipeline(disable=["name_variants"])
    stats = NameStats()
    options = ReadOptions(text_field=text_field, html_field=html_field)
    for result in clean_all(inputs, pipeline, options):
        if isinstance(result, Reject):
            typer.echo(result.line(), err=True)
            continue
        stats.add(f"{result.title or ''}\n\n{result.text}", result.extra.get("input", ""))
    found = learn(stats)
    write_text(output, to_toml(found, stats.articles))
    typer.echo(
        f"newsclean: {len(found)} name{'s' * (len(found) != 1)} with variants in "
        f"{stats.articles} articles written to {output}",
        err=True,
    )


@app.command()
def cleaners(
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also list each cleaner's settings and their values."
    ),
    config: Path | None = typer.Option(None, "--config", help=_CONFIG_HELP),
    plugins: list[str] = typer.Option(
        [], "--cleaner", help="Also a cleaner module:Class[@after=NAME|@before=NAME], as for run."
    ),
    installed_plugins: bool = typer.Option(
        True, "--plugins/--no-plugins", help="List cleaners of installed plugin packages too."
    ),
) -> None:
    """List the cleaners of the chain, in order, with what each removes or fixes (plugins'
    cleaners included, with the package they come from)."""
    from newsclean.cleaners import default_pipeline
    from newsclean.cleaners._plugins import with_plugins
    from newsclean.cleaners.settings import settings_of

    try:
        pipeline = with_plugins(
            default_pipeline(config=_settings(config)), plugins, installed_plugins=installed_plugins
        )
    except (ValueError, OSError) as exc:
        typer.echo(f"newsclean: {exc}", err=True)
        raise typer.Exit(2) from None
    width = max(len(name) for name in pipeline.names)
    for cleaner in pipeline:
        module = type(cleaner).__module__
        origin = "" if module.startswith("newsclean.") else f" [plugin: {module}]"
        typer.echo(f"{cleaner.name:<{width}}  {cleaner.summary()}{origin}")
        for key, value in settings_of(cleaner).items() if verbose else ():
            typer.echo(f"{'':<{width}}    {key} = {value!r}")
