"""Atomic output files: written under a temporary name and renamed into place when complete.

A reader of the output directory sees either the previous complete file or the new complete file,
never half of one, however the run ends.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, TextIO

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 text as is, keys in the record's order, no trailing spaces."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


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


class RunOutput:
    """The outputs of one run: ``articles.jsonl`` and ``rejects.jsonl`` in the output directory.

    Records are appended to hidden partial files as each input is done, and a journal line says
    how far both files are complete: written at most ``CHECKPOINT_SECONDS`` after the input it
    counts, and when the run is stopped between two inputs (Ctrl-C, an exception), not after
    every input, which would cost a write to the operating system per file and input. Only when
    the run finishes are the partial files synced and renamed into place, so a reader never sees
    half a file: after an interruption, even SIGKILL, the directory holds the previous complete
    output or none. ``resume=True`` continues an interrupted run: the partial files are cut back
    to the last journal line and the inputs it counts are skipped, which gives exactly the output
    of an uninterrupted run (inputs done since the last journal line are done again).
    """

    JOURNAL = ".newsclean-run.journal"
    #: The most work, in seconds, that a resumed run may have to do again after SIGKILL.
    CHECKPOINT_SECONDS = 1.0

    def __init__(self, out_dir: Path | str, articles: str, rejects: str, *, resume: bool = False):
        self.out_dir = Path(out_dir)
        self.final = (self.out_dir / articles, self.out_dir / rejects)
        self.partial = tuple(p.with_name(f".{p.name}.partial") for p in self.final)
        self.journal_path = self.out_dir / self.JOURNAL
        self.resume = resume
        #: Inputs done, articles and rejects written (including those of a resumed run).
        self.done = self.articles = self.rejects = 0
        self._files: list[BinaryIO] = []
        self._journal: TextIO | None = None
        # Whether an add() is under way (its input may be half written), and when the next
        # journal line is due.
        self._adding = False
        self._due = 0.0

    def __enter__(self) -> RunOutput:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        sizes = self._read_journal() if self.resume else None
        if sizes is None:
            self.done = self.articles = self.rejects = 0
            sizes = (0, 0)
            mode = "w"
        else:
            mode = "r+"
        for path, size in zip(self.partial, sizes, strict=True):
            handle: BinaryIO
            if mode == "r+" and path.exists():
                handle = open(path, "r+b")
                handle.truncate(size)
                handle.seek(size)
            else:
                handle = open(path, "wb")
            self._files.append(handle)
        self._journal = open(self.journal_path, "a" if mode == "r+" else "w", encoding="utf-8")
        return self

    def _read_journal(self) -> tuple[int, int] | None:
        """The sizes the partial files had after the last input the journal records."""
        if not self.journal_path.exists() or not all(p.exists() for p in self.partial):
            return None
        last = None
        for line in self.journal_path.read_text(encoding="utf-8").split("\n"):
            fields = line.split()
            if len(fields) == 5 and all(f.isdigit() for f in fields):
                last = [int(f) for f in fields]
        if last is None:
            return None
        self.done, self.articles, self.rejects, a_size, r_size = last
        if any(p.stat().st_size < s for p, s in zip(self.partial, (a_size, r_size), strict=True)):
            return None  # the files are shorter than the journal says: start again
        return a_size, r_size

    def add(self, line: bytes, *, reject: bool = False) -> None:
        """Record one input's result: an article line, or a reject line (UTF-8, without its
        newline)."""
        self._adding = True
        articles, rejects = self._files
        handle = rejects if reject else articles
        handle.write(line)
        handle.write(b"\n")
        if reject:
            self.rejects += 1
        else:
            self.articles += 1
        self.done += 1
        self._adding = False
        if time.monotonic() >= self._due:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Hand what is written to the operating system and record in the journal how far both
        files are complete."""
        articles, rejects = self._files
        articles.flush()
        rejects.flush()
        assert self._journal is not None
        self._journal.write(
            f"{self.done} {self.articles} {self.rejects} {articles.tell()} {rejects.tell()}\n"
        )
        self._journal.flush()
        self._due = time.monotonic() + self.CHECKPOINT_SECONDS

    def finish(self) -> None:
        """Sync the partial files and move them into place; remove the journal."""
        for handle, path, final in zip(self._files, self.partial, self.final, strict=True):
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(path, final)
        self._files = []
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        self.journal_path.unlink(missing_ok=True)

    def __exit__(self, *exc: object) -> None:
        if self._files and not self._adding:
            # Stopped between two inputs: all those added are complete. Failing to say so only
            # means more work for --resume.
            with suppress(OSError):
                self.checkpoint()
        for handle in self._files:
            handle.close()  # interrupted: the partial files and journal stay for --resume
        if self._journal is not None:
            self._journal.close()
