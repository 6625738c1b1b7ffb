"""The ``newsclean`` application object, its exit statuses and what every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer

from newsclean import __version__

#: Exit status of a run that completed but rejected some inputs (0 with --allow-rejects).
EXIT_REJECTS = 3
#: Exit status of a run that could not go on (its output can be completed with --resume).
EXIT_FAILED = 4
#: Rejects repeated on standard error, the first ones; the rest are counted (rejects.jsonl has all).
SHOWN_REJECTS = 100

_CONFIG_HELP = (
    "Cleaner settings (TOML, one table per cleaner; see `newsclean cleaners --verbose`). They "
    "override [tool.newsclean] in ./pyproject.toml, which overrides the defaults."
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Clean scraped news articles into canonical plain text with metadata.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsclean {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Clean scraped news articles into canonical plain text with metadata."""


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"newsclean: {message}", err=True)
    raise typer.Exit(2)


def _settings(path: Path | None) -> dict[str, Any]:
    """The cleaner settings for a command: ``[tool.newsclean]`` of ./pyproject.toml, overridden
    setting by setting by the ``--config`` file."""
    from newsclean.cleaners import DEFAULT_CLEANERS
    from newsclean.cleaners.settings import command_settings

    return command_settings(path, DEFAULT_CLEANERS)
