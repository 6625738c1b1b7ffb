"""The ``newsclean`` command line; each command mirrors a library call.

``app.py`` holds the application and what the commands share (exit statuses, usage errors,
settings); ``run.py`` is ``newsclean run``; ``commands.py`` holds ``names learn`` and
``cleaners``; ``audit.py`` holds ``explain``.
"""

from __future__ import annotations

from newsclean.cli import audit, commands, run  # noqa: F401 - registers the commands on the app
from newsclean.cli.app import EXIT_FAILED, EXIT_REJECTS, SHOWN_REJECTS, app

__all__ = ["EXIT_FAILED", "EXIT_REJECTS", "SHOWN_REJECTS", "app", "main"]


def main() -> None:
    app(prog_name="newsclean")
