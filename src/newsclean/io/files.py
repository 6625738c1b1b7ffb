"""Reading a user's data file (``--lexicon``, ``--names``): a regular file of bounded size.

A path that names a device (``/dev/zero``), a pipe or a directory is refused before anything is
read: reading one would never end, block, or fail obscurely. So is a file over
:data:`MAX_DATA_FILE_BYTES`, checked before reading and again while reading (a file can grow).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: The largest phrase list or names file read. The bundled ones are under 100 KB; a gazetteer
#: learned from a large corpus is a few MB.
MAX_DATA_FILE_BYTES = 64 * 1024 * 1024


def read_data_file(path: str | Path, what: str, limit: int = MAX_DATA_FILE_BYTES) -> bytes:
    """The bytes of the ``what`` file at ``path`` ("lexicon file", "names file"). Raises
    ValueError when it is not a regular file or is over ``limit`` bytes, OSError when it cannot
    be read; both name the file."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{what} {path}: not a regular file (a directory, pipe or device)")
        if info.st_size > limit:
            raise ValueError(f"{what} {path}: {info.st_size} bytes is over the {limit}-byte limit")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ValueError(f"{what} {path}: over the {limit}-byte limit")
    return data
