"""The lines of a stream (a JSONL file, standard input), read a chunk at a time.

Time and memory are linear in the stream with small constants, whatever its shape: a line longer
than a chunk is gathered as a list of pieces and joined once (joining chunk by chunk was
quadratic: a 100 MB line took 43 s); a line over the limit is skipped as it is read, never held;
and runs of blank lines, which a few kilobytes of gzip can expand into hundreds of megabytes, are
skipped at C speed rather than yielded one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

#: Bytes read at a time.
CHUNK = 1 << 16
# What ``bytes.strip`` removes; a run of it up to its last line end is a run of blank lines. (One
# character class: a pattern of whole lines, "(?:[ \t…]*\n)+", ran 20 times slower.)
_WHITESPACE = b" \t\r\f\v\n"
_WHITESPACE_RUN = re.compile(rb"[ \t\r\f\v\n]*")


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def numbered_lines(head: bytes, handle: Readable, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for the lines of ``head`` followed by the rest of ``handle``, without
    their newline, numbered from 1; a line longer than ``limit`` bytes is ``None``. Blank lines
    (only spaces, tabs and line ends) are left out; the numbers still count them."""
    number = 0
    parts: list[bytes] = []  # the start of the current line, from earlier chunks
    size = 0  # their length
    too_long = False  # the current line is over the limit: its bytes are dropped as read
    chunk = head
    while True:
        pos, end_of_chunk = 0, len(chunk)
        while pos < end_of_chunk:
            if not parts and not too_long and chunk[pos] in _WHITESPACE:
                run = _WHITESPACE_RUN.match(chunk, pos)
                last = chunk.rfind(b"\n", pos, run.end() if run else pos)
                if last >= 0:
                    number += chunk.count(b"\n", pos, last + 1)
                    pos = last + 1
                    continue
            end = chunk.find(b"\n", pos)
            if end < 0:
                size += end_of_chunk - pos
                if size > limit:
                    too_long, parts = True, []
                elif not too_long:
                    parts.append(chunk[pos:])
                break
            number += 1
            size += end - pos
            if too_long or size > limit:
                yield number, None
            elif parts:
                parts.append(chunk[pos:end])
                yield number, b"".join(parts)
            else:
                yield number, chunk[pos:end]
            parts, size, too_long = [], 0, False
            pos = end + 1
        chunk = handle.read(CHUNK)
        if not chunk:
            if too_long:
                yield number + 1, None
            elif parts:
                yield number + 1, b"".join(parts)
            return
