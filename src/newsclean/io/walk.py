"""Which files a run reads: the paths given, directories walked in sorted order, lazily.

A directory is read recursively for the file name endings newsclean reads (``SUFFIXES``, each
also ``.gz``), hidden files and directories left out, in the order of their paths compared part
by part (a directory's files before a sibling file whose name extends the directory's). What the
walk cannot or must not follow becomes a :class:`~newsclean.records.Reject` in its place instead
of vanishing: a directory that cannot be listed, and a symbolic link whose target lies outside
the directory given (a link to ``/etc/passwd`` in a scraped tree), unless ``follow_links``
(without it, a link to a directory inside the tree is not followed either: its files are read
where they are). A directory in ``exclude`` (the run's own output directory, when it lies
inside an input directory) is never read, so that a rerun does not read its own output back.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsclean.records import Reject

#: File name endings read when a directory is given (each also gzip-compressed, ``.gz``).
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_ALL_SUFFIXES = SUFFIXES + tuple(s + ".gz" for s in SUFFIXES)


def walk(
    paths: Iterable[str], *, follow_links: bool = False, exclude: Iterable[str | Path] = ()
) -> Iterator[str | Reject]:
    """Every input path in ``paths`` ("-", stdin, as is), directories expanded; a reject for what
    cannot or must not be read (see the module docstring). Paths given by name are yielded as
    they are: naming a file, or a link, is asking for it."""
    excluded = {_identity(p) for p in exclude}
    excluded.discard(None)
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            yield raw
        elif _identity(raw) in excluded:
            yield Reject(raw, "read", "this is the output directory, which is never read as input")
        else:
            yield from _walk_dir(raw, follow_links, excluded)


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _walk_dir(
    root: str, follow_links: bool, excluded: set[tuple[int, int] | None]
) -> Iterator[str | Reject]:
    real_root = os.path.realpath(root)
    # Directories being walked, by identity: a link back to one of them would loop forever.
    open_dirs: list[tuple[int, int] | None] = [_identity(root)]
    stack: list[Iterator[os.DirEntry[str] | None]] = []
    listed = _list(root)
    if isinstance(listed, Reject):
        yield listed
        return
    stack.append(iter(listed))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            open_dirs.pop()
            continue
        path = entry.path
        if entry.is_symlink():
            target = os.path.realpath(path)
            inside = os.path.commonpath([real_root, target]) == real_root
            if not os.path.exists(target):
                if _wanted(entry.name):
                    yield path  # a broken link: the reader says so
                continue
            if not inside and not follow_links:
                if os.path.isdir(target) or _wanted(entry.name):
                    yield Reject(
                        path,
                        "link",
                        f"a symbolic link to {target}, outside {root}; pass --follow-links"
                        " to read it",
                    )
                continue
        try:
            is_dir = entry.is_dir()  # follows a link
        except OSError:
            is_dir = False
        if not is_dir:
            if _wanted(entry.name):
                yield path
            continue
        if entry.is_symlink() and not follow_links:
            continue  # a link to a directory in the tree: its files are read where they are
        identity = _identity(path)
        if identity in excluded or identity in open_dirs:
            continue  # the output directory, or a link back up the tree
        listed = _list(path)
        if isinstance(listed, Reject):
            yield listed
            continue
        open_dirs.append(identity)
        stack.append(iter(listed))


def _wanted(name: str) -> bool:
    return name.lower().endswith(_ALL_SUFFIXES)


def _list(path: str) -> list[os.DirEntry[str]] | Reject:
    """The visible entries of a directory, sorted by name, or a reject if it cannot be listed."""
    try:
        with os.scandir(path) as entries:
            found = [e for e in entries if not e.name.startswith(".")]
    except PermissionError:
        return Reject(path, "read", "permission denied: the directory cannot be listed")
    except OSError as exc:
        return Reject(path, "read", f"the directory cannot be listed: {exc.strerror or exc}")
    return sorted(found, key=lambda e: e.name)
