"""The output directory of a run: one writer at a time, a journal to resume by, and a publication
that shows a whole run or the previous one, never a mix.

Layout, inside ``--out``::

    articles.jsonl, rejects.jsonl, <id>.txt   the last finished run, as published
    stats.json (and any other ``extra``)      its statistics, written as it finishes
    .newsclean/lock                           held by the run writing here (run/lock.py)
    .newsclean/manifest                       the .txt files the published run wrote
    .newsclean/staging/                       the run under way, or interrupted:
        journal                                 what it is (options, version), how far it got
        articles.jsonl, rejects.jsonl, <id>.txt its output so far
        inputs                                  each input done: a digest of it and its name
        txt                                     each .txt file written, by name

A run writes into ``staging`` only. Every ``CHECKPOINT_SECONDS`` the journal gets a line with the
number of inputs done and the size of each file at that moment: a resumed run cuts the files
back to the last line, checks that the inputs it would skip are the ones the interrupted run
did (by digest, so another file list, a changed file, or other data on stdin is caught) and
goes on, which gives exactly an uninterrupted run's output. The journal's first line holds the
options that change the output; a resume with other options is refused, naming them.

When the run completes it is published: the ``txt`` list becomes ``staging/publish`` (the
decision to publish, one rename), the files of the previous run named in ``manifest`` are
removed, the manifest with them, the staged files are moved into place, ``staging/publish``
becomes the new ``manifest`` and ``staging`` is removed. Each step can be redone, so a run
killed in the middle of a publication is completed by the next run that opens the directory,
before anything else: ``articles.jsonl`` and ``rejects.jsonl`` always end up from one run.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from newsclean.io.writers import utf8_safe
from newsclean.run.lock import OutputLock, RunRefused
from newsclean.run.options import _differences

__all__ = ["STATE_DIR", "RunOutput", "RunRefused", "complete_publication"]

STATE_DIR = ".newsclean"


class RunOutput:
    """``with RunOutput(out, "articles.jsonl", "rejects.jsonl", identity=...) as output:``
    ``output.add(line, ...)`` per input, then ``output.finish()`` (see the module docstring).

    ``resume`` continues an interrupted run with the same ``identity`` (``output.done`` inputs
    are already done; :meth:`done_inputs` says which); ``overwrite`` discards an interrupted
    run; with neither, an interrupted run raises :class:`RunRefused`."""

    #: The most work, in seconds, that a resumed run may have to do again after SIGKILL.
    CHECKPOINT_SECONDS = 1.0

    def __init__(
        self,
        out_dir: Path | str,
        articles: str,
        rejects: str,
        *,
        resume: bool = False,
        overwrite: bool = False,
        identity: dict[str, Any] | None = None,
        extra: tuple[str, ...] = (),
    ):
        self.out_dir = Path(out_dir)
        self.names = (articles, rejects)
        #: Files written once, at :meth:`finish`, and published with the run (``stats.json``).
        self.extra = extra
        self.state = self.out_dir / STATE_DIR
        self.staging = self.state / "staging"
        self.journal_path = self.staging / "journal"
        self.resume = resume
        self.overwrite = overwrite
        #: The journal's first line: what the run is (:class:`RunRefused` if a resume differs).
        self.identity = json.dumps(identity or {}, sort_keys=True, default=str)
        #: Inputs done, articles and rejects written (including those of a resumed run).
        self.done = self.articles = self.rejects = 0
        self._lock = OutputLock(self.state / "lock")
        self._files: list[BinaryIO] = []  # articles, rejects, inputs, txt list
        self._journal: TextIO | None = None
        self._adding = False  # an add() under way: its input may be half written
        self._due = 0.0

    # -- opening -----------------------------------------------------------------------------

    def __enter__(self) -> RunOutput:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._lock.__enter__()
        except OSError as exc:
            raise RunRefused(f"cannot write to {self.out_dir}: {exc.strerror or exc}") from None
        try:
            self._open()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _open(self) -> None:
        complete_publication(self.out_dir, (*self.names, *self.extra))
        sizes = None
        if self.journal_path.exists():
            if self.resume:
                sizes = self._read_journal()
            elif not self.overwrite:
                raise RunRefused(
                    f"{self.out_dir} holds an interrupted run: continue it with --resume, or"
                    " discard it with --overwrite"
                )
        if sizes is None:
            shutil.rmtree(self.staging, ignore_errors=True)
            for old in (".newsclean-run.journal", *(f".{n}.partial" for n in self.names)):
                (self.out_dir / old).unlink(missing_ok=True)  # left by newsclean 0.1's runs
            self.staging.mkdir(parents=True)
            sizes = (0, 0, 0, 0)
        for name, size in zip((*self.names, "inputs", "txt"), sizes, strict=True):
            handle = open(self.staging / name, "r+b" if size else "wb")
            handle.truncate(size)
            handle.seek(size)
            self._files.append(handle)
        if not self.done:
            with open(self.journal_path, "w", encoding="utf-8") as journal:
                journal.write(self.identity + "\n")
        self._journal = open(self.journal_path, "a", encoding="utf-8")

    def _read_journal(self) -> tuple[int, int, int, int] | None:
        """The sizes of the staged files at the last checkpoint (``None``: nothing to keep), after
        checking that the interrupted run is this one."""
        header, *lines = self.journal_path.read_text(encoding="utf-8").split("\n")
        try:
            then = json.loads(header)
        except json.JSONDecodeError:
            return None  # killed as it started
        differences = _differences(then, json.loads(self.identity))
        if differences:
            raise RunRefused(
                f"--resume: the interrupted run in {self.out_dir} was made with other options: "
                f"{'; '.join(differences)}. Rerun with its options, or start again with"
                " --overwrite"
            )
        last = None
        for line in lines[:-1]:  # the last one is unfinished (or empty): a kill, a full disk
            fields = line.split()
            if len(fields) == 7 and all(f.isdigit() for f in fields):
                last = [int(f) for f in fields]
        if last is None:
            return None
        names = (*self.names, "inputs", "txt")
        for name, size in zip(names, last[3:], strict=True):
            path = self.staging / name
            if not path.exists() or path.stat().st_size < size:
                return None  # shorter than the journal says: start again
        self.done, self.articles, self.rejects, *sizes = last
        return sizes[0], sizes[1], sizes[2], sizes[3]

    def done_inputs(self) -> Iterator[tuple[str, str]]:
        """The inputs the interrupted run did, in order: (digest, name) for each."""
        with open(self.staging / "inputs", "rb") as handle:
            for _, line in zip(range(self.done), handle, strict=False):
                digest, _, label = line.decode("utf-8").rstrip("\n").partition(" ")
                yield digest, json.loads(label)

    # -- writing -----------------------------------------------------------------------------

    def add(
        self,
        line: bytes,
        *,
        reject: bool = False,
        digest: str = "-",
        label: str = "",
        txt: tuple[str, str] | None = None,
    ) -> None:
        """Record one input's result: an article line, or a reject line (UTF-8, without its
        newline); the input's ``digest`` and ``label`` (for a resume to check); and, for an
        article written as text too, the ``.txt`` file's name and text."""
        self._adding = True
        articles, rejects, inputs, txt_list = self._files
        if txt is not None:
            name, text = txt
            with open(self.staging / name, "w", encoding="utf-8", newline="\n") as txt_file:
                txt_file.write(utf8_safe(text))
            txt_list.write(name.encode() + b"\n")
        (rejects if reject else articles).write(line + b"\n")
        inputs.write(f"{digest} {json.dumps(label)}\n".encode())
        if reject:
            self.rejects += 1
        else:
            self.articles += 1
        self.done += 1
        self._adding = False
        if time.monotonic() >= self._due:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Hand what is written to the operating system and record in the journal how far every
        staged file is complete."""
        for handle in self._files:
            handle.flush()
        sizes = " ".join(str(handle.tell()) for handle in self._files)
        assert self._journal is not None
        self._journal.write(f"{self.done} {self.articles} {self.rejects} {sizes}\n")
        self._journal.flush()
        self._due = time.monotonic() + self.CHECKPOINT_SECONDS

    def finish(self, extra: dict[str, bytes] | None = None) -> None:
        """Sync the staged files, and write ``extra`` ones (named in ``self.extra``) beside
        them, and publish them all (see the module docstring)."""
        for name, content in (extra or {}).items():
            assert name in self.extra, name
            with open(self.staging / name, "wb") as staged:
                staged.write(content)
                os.fsync(staged.fileno())
        wrote_txt = self._files[3].tell() > 0
        for handle in self._files:
            handle.flush()
            os.fsync(handle.fileno())
        for handle in self._files:
            handle.close()
        self._files = []
        if wrote_txt:
            os.sync()  # the .txt files, at once rather than one fsync each
        os.replace(self.staging / "txt", self.staging / "publish")
        complete_publication(self.out_dir, (*self.names, *self.extra))

    def __exit__(self, *exc: object) -> None:
        try:
            if self._files and not self._adding:
                # Stopped between two inputs: all those added are complete. Failing to say so
                # only means more work for --resume.
                with suppress(OSError, ValueError):  # ValueError: a file already closed
                    self.checkpoint()
            for handle in self._files:
                with suppress(OSError):
                    handle.close()  # interrupted: the staged files stay for --resume
            if self._journal is not None:
                with suppress(OSError):
                    self._journal.close()
        finally:
            self._lock.__exit__(None, None, None)


def complete_publication(out_dir: Path, names: tuple[str, ...]) -> None:
    """Publish the staged run in ``out_dir`` if it was decided to (``staging/publish`` exists),
    from whichever step a killed run stopped at; every step can be redone."""
    state = out_dir / STATE_DIR
    staging, manifest = state / "staging", state / "manifest"
    decided = staging / "publish"
    if not decided.exists():
        return
    if manifest.exists():  # the previous run's .txt files are still to go
        for name in _names(manifest):
            (out_dir / name).unlink(missing_ok=True)
        manifest.unlink()
    for name in (*_names(decided), *names):
        with suppress(FileNotFoundError):  # moved already
            os.replace(staging / name, out_dir / name)
    os.replace(decided, manifest)
    shutil.rmtree(staging)
    _fsync_dir(out_dir)


def _names(listing: Path) -> Iterator[str]:
    """The file names in a manifest, one a line; only plain names of visible files, so that no
    manifest can name a file outside the output directory."""
    with open(listing, encoding="utf-8") as handle:
        for line in handle:
            name = line.rstrip("\n")
            if name and "/" not in name and not name.startswith("."):
                yield name


def _fsync_dir(path: Path) -> None:
    with suppress(OSError):  # not every system can open a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
