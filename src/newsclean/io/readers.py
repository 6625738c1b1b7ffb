"""Turn paths, directories, stdin and JSONL files into a stream of raw inputs or rejects.

Every input yields exactly one item per article: a :class:`RawInput` ready for ``clean()``, or a
:class:`Reject` saying which input failed and why. Nothing here raises for a bad input, so one
broken file never stops a run.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from codecs import BOM_UTF8
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from newsclean.io.charset import UTF8, DecodeProblem, Utf8Reader, bom_encoding, decode_text, is_utf8
from newsclean.io.jsonl import parse_line
from newsclean.io.lines import numbered_lines
from newsclean.io.walk import walk
from newsclean.records import Reject

#: Inputs larger than this are rejected unless ``max_bytes`` says otherwise: a news article is a
#: few hundred KB of HTML at most, and a JSONL file of many articles is read line by line.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Bytes read first, to decide the format of standard input and to look for NUL bytes in HTML.
_SNIFF = 8192


@dataclass
class RawInput:
    """One article as read: ``kind`` is ``"text"`` or ``"html"``."""

    label: str
    kind: str
    content: str | bytes
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    html_field: str = "html"
    #: The character set of text and JSONL inputs; None (or "auto") detects it (see
    #: :mod:`newsclean.io.charset`). HTML pages are decoded by what they declare.
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    #: "auto" decides by file name ending (and by content for stdin); or "text", "html", "jsonl".
    input_format: str = "auto"


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Paths in the order given; a directory becomes its matching files, sorted, recursively
    (see :func:`newsclean.io.walk.walk`; a directory that cannot be listed is yielded as it is,
    for the reader to reject, and links are followed)."""
    for entry in walk(paths, follow_links=True):
        yield entry if isinstance(entry, str) else entry.input


def read_inputs(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Every article in ``paths`` ("-" is stdin), in order."""
    for path in expand(paths):
        if path == "-":
            yield from _read_stream("<stdin>", sys.stdin.buffer, options)
        else:
            yield from _read_file(path, options)


def _format_of(path: str, head: bytes, options: ReadOptions) -> str:
    if options.input_format != "auto":
        return options.input_format
    lower = path.lower().removesuffix(".gz")
    if lower.endswith(".jsonl"):
        return "jsonl"
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower == "<stdin>":
        start = head.lstrip()[:1]
        if start == b"{":
            return "jsonl"
        if start == b"<":
            return "html"
    return "text"


def _read_file(path: str, options: ReadOptions) -> Iterator[Item]:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end.
            yield Reject(path, "read", "not a regular file (a directory, pipe or device)")
            return
        jsonl = _format_of(path, b"", options) == "jsonl"
        # A JSONL file holds many articles and is read line by line; --max-bytes bounds each record.
        if info.st_size > options.max_bytes and not jsonl:
            yield Reject(
                path, "too-large", f"{info.st_size} bytes is over --max-bytes ({options.max_bytes})"
            )
            return
        with open(path, "rb") as handle:
            if path.lower().endswith(".gz"):
                yield from _read_gzip(path, handle, options)
            else:
                yield from _read_stream(path, handle, options)
    except FileNotFoundError:
        yield Reject(path, "not-found", "no such file (or a broken symbolic link)")
    except PermissionError:
        yield Reject(path, "read", "permission denied")
    except OSError as exc:
        yield Reject(path, "read", exc.strerror or str(exc))


def _read_gzip(label: str, handle: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    try:
        yield from _read_stream(label, gzip.GzipFile(fileobj=handle), options)  # type: ignore[arg-type]
    except (EOFError, OSError, zlib.error) as exc:
        yield Reject(label, "gzip", f"not a complete gzip file: {exc}")


def _read_stream(label: str, handle: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    # Never more than --max-bytes and one: a smaller read size than the first read's is no error.
    head = handle.read(min(_SNIFF, options.max_bytes + 1))
    forced = options.encoding if options.encoding not in (None, "auto") else None
    marked = bom_encoding(head)
    fmt = _format_of(label, _sniffable(head, marked), options)
    if fmt == "jsonl":
        source: BinaryIO | Utf8Reader = handle
        encoding = forced or marked
        if encoding is not None and not is_utf8(encoding):
            try:
                source, head = Utf8Reader(head, handle, encoding), b""
            except LookupError:
                yield Reject(label, "decode", f"unknown encoding {encoding!r}")
                return
        elif head.startswith(BOM_UTF8):
            head = head[len(BOM_UTF8) :]
        lines = numbered_lines(head, source, options.max_bytes)
        yield from _read_jsonl(label, lines, options)
        return
    data = head + handle.read(max(0, options.max_bytes + 1 - len(head)))
    if len(data) > options.max_bytes:
        yield Reject(label, "too-large", f"over --max-bytes ({options.max_bytes})")
        return
    if not data.strip():
        yield Reject(label, *_EMPTY)
        return
    if fmt == "html":
        # A page in UTF-16 or UTF-32 is full of NUL bytes, and decoded by its byte-order mark.
        if marked is None and b"\x00" in data[:_SNIFF]:
            yield Reject(label, *_BINARY)
        else:
            yield RawInput(label, "html", data)
        return
    try:
        text, encoding = decode_text(data, forced)
    except DecodeProblem as exc:
        # Bytes that are no text in any character set, with NUL bytes among them: binary.
        problem = _BINARY if b"\x00" in data[:_SNIFF] else ("decode", str(exc))
        yield Reject(label, *problem)
        return
    if "\x00" in text:
        yield Reject(label, *_BINARY)
    elif not text.strip():
        yield Reject(label, *_EMPTY)
    else:
        yield RawInput(label, "text", text, {} if encoding == UTF8 else {"encoding": encoding})


_EMPTY = ("empty", "the input is empty or only whitespace")
_BINARY = ("binary", "the input looks binary (it contains NUL bytes), not text or HTML")


def _sniffable(head: bytes, marked: str | None) -> bytes:
    """The start of a stream as UTF-8 without its byte-order mark, to decide its format by."""
    if marked is None:
        return head
    return head.decode(marked, "ignore").encode(UTF8, "ignore")


def _read_jsonl(
    label: str, lines: Iterable[tuple[int, bytes | None]], options: ReadOptions
) -> Iterator[JsonLine | Reject]:
    empty = True
    for number, raw in lines:
        where = f"{label}#{number}"
        if raw is None:
            empty = False
            yield Reject(where, "too-large", f"line is over --max-bytes ({options.max_bytes})")
            continue
        if not raw.strip():
            continue
        empty = False
        yield JsonLine(where, raw, options)
    if empty:
        yield Reject(label, *_EMPTY)


@dataclass
class JsonLine:
    """One line of a JSONL file, read but not yet parsed: parsing is left to whoever cleans it
    (a worker process), so that the process reading a corpus only splits it into lines."""

    label: str
    raw: bytes
    options: ReadOptions = ReadOptions()

    def read(self) -> RawInput | Reject:
        """The line's record as an input, or a reject saying why it is not one."""
        record = parse_line(self.label, self.raw)
        if isinstance(record, Reject):
            return record
        return from_record(self.label, record, self.options)


#: What the readers yield: an input, a reject, or a JSONL line still to be parsed.
Item = RawInput | Reject | JsonLine


def resolve(item: Item) -> RawInput | Reject:
    """``item`` as an input or a reject, a JSONL line parsed."""
    return item.read() if isinstance(item, JsonLine) else item


def from_record(
    where: str, record: dict[str, Any], options: ReadOptions = ReadOptions()
) -> RawInput | Reject:
    """One JSON-like record as an input: its ``text_field`` or ``html_field`` (HTML when only
    that one holds text), the other fields as metadata. Shared by the JSONL reader and the
    integrations that receive records from elsewhere (a Ray Dataset's rows), so that a record
    reads the same wherever it comes from. ``record`` is not changed."""
    record = dict(record)
    text, html = record.pop(options.text_field, None), record.pop(options.html_field, None)
    # HTML may also come as bytes (a binary column), decoded by trafilatura as a file's would be.
    has_html = isinstance(html, (str, bytes)) and bool(html.strip())
    if has_html and not (isinstance(text, str) and text.strip()):
        assert isinstance(html, (str, bytes))
        return RawInput(where, "html", html, record)
    if isinstance(text, str) and text.strip():
        return RawInput(where, "text", text, record)
    if text is None and html is None:
        return Reject(
            where,
            "missing-field",
            f"record has no {options.text_field!r} or {options.html_field!r} field",
        )
    return Reject(
        where,
        "empty",
        f"the {options.text_field!r}/{options.html_field!r} field is empty or not a string",
    )
