"""Atomic output files: written under a temporary name and renamed into place when complete.

A reader of the output directory sees either the previous complete file or the new complete file,
never half of one, however the run ends.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 text as is, keys in the record's order, no trailing spaces."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


class AtomicFile:
    """``with AtomicFile(path) as f: f.write(...)``: the file appears at ``path`` only when the
    block completes; on error the temporary file is removed and ``path`` is left as it was."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._handle: TextIO | None = None
        self._tmp: str | None = None

    def __enter__(self) -> TextIO:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._handle

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._handle is not None and self._tmp is not None
        try:
            if exc_type is None:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            self._handle.close()
            if exc_type is None:
                os.replace(self._tmp, self.path)
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


def write_text(path: Path, text: str) -> None:
    with AtomicFile(path) as handle:
        handle.write(text)
