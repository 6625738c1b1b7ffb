"""Writing records and files: strict JSON lines, and files that appear whole or not at all.

A file written with :class:`AtomicFile` is written under a temporary name and renamed into place
when complete: a reader sees the previous complete file or the new one, never half of one. (The
output directory of a run, written by many inputs over a long time, is
:mod:`newsclean.run.outdir`'s.)
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 text as is, keys in the record's order, no trailing spaces.

    Strict JSON, which has no ``NaN`` or infinity: a metadata value that is one (a JSONL input
    can hold ``NaN`` or ``1e999``, which Python's parser accepts) is written as ``null``, and
    the change recorded in the record's ``fixes``, when it has them."""
    try:
        return json.dumps(record, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
    except ValueError:
        pass
    fixes: list[dict[str, str]] = []
    record = _finite(record, "", fixes)
    metadata = record.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("fixes"), list):
        metadata["fixes"] = [*metadata["fixes"], *fixes]
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def _finite(value: Any, where: str, fixes: list[dict[str, str]]) -> Any:
    """``value`` with every float that is not finite replaced by ``None``, each noted in
    ``fixes`` (a copy where anything changed; dictionaries and lists are walked)."""
    if isinstance(value, float) and not math.isfinite(value):
        fixes.append(
            {
                "cleaner": "json",
                "before": repr(value),
                "after": "null",
                "reason": f"{where or 'a value'}: JSON has no NaN or infinity",
            }
        )
        return None
    if isinstance(value, dict):
        return {k: _finite(v, f"{where}.{k}" if where else str(k), fixes) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v, f"{where}[{i}]", fixes) for i, v in enumerate(value)]
    return value


def dumps_utf8(record: dict[str, Any]) -> bytes:
    """:func:`dumps` encoded as UTF-8, as :class:`RunOutput` writes it. A lone surrogate (a JSON
    input can hold one, as the escape ``"\\ud800"``; no UTF-8 can) is written as that JSON escape,
    so the line is valid UTF-8 and reads back as the same string."""
    return dumps(record).encode("utf-8", "backslashreplace")


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
    """``text`` into the file ``path``, atomically, in UTF-8 (see :func:`utf8_safe`)."""
    with AtomicFile(path) as handle:
        handle.write(utf8_safe(text))


def utf8_safe(text: str) -> str:
    """``text`` with each lone surrogate (half of a UTF-16 pair, as a JSON input can escape one:
    ``"\\ud800"``), which no UTF-8 text can hold, replaced by U+FFFD, the replacement character."""
    return text if text.isascii() else _LONE_SURROGATE.sub("\ufffd", text)
