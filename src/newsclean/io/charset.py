"""The character set of a text input: a byte-order mark, then UTF-8, then a detector.

A text file is read as UTF-8 when it is valid UTF-8 (nearly every file is). Otherwise a
byte-order mark decides (UTF-8, UTF-16 or UTF-32), else charset-normalizer's best guess when it
is confident, else the input is rejected. ``--encoding`` (``ReadOptions.encoding``) forces one
character set instead. The character set used is recorded in the article's metadata as
``encoding`` when it is not UTF-8, so the records of UTF-8 inputs do not change.

NUL bytes make an input binary only once it is decoded: UTF-16 and UTF-32 text is full of them.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

UTF8 = "utf-8"
# Byte-order marks, the longer first: a UTF-32 little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The detector's confidence: at most this share of "mess" (charset-normalizer's measure of
# characters out of place) in its best decoding. Its own default is 0.2; on test texts the right
# decoding scored 0.0 and wrong ones (a Latin-1 text read as a Mac or DOS code page) 0.08–0.15.
_MAX_MESS = 0.1
# Bytes the detector reads at most (it samples them itself); the guess is then checked on all.
_DETECT_BYTES = 1 << 20
# The most common single-byte character set of Western text: when the detector's best decodings
# tie, and this is one of them, it is taken (charset-normalizer lists Windows-1250 first, which
# reads the French "à" as "ŕ").
_WESTERN = "cp1252"


class DecodeProblem(ValueError):
    """The input is not text in the character set given, or none was found for it."""


def bom_encoding(head: bytes) -> str | None:
    """The character set a byte-order mark at the start of ``head`` names, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def canonical_name(encoding: str) -> str:
    """Python's name for ``encoding`` ("latin-1" → "iso8859-1"), ``utf-8`` for UTF-8 with or
    without its mark. Raises LookupError for an unknown name."""
    name = codecs.lookup(encoding).name
    return UTF8 if name == "utf-8-sig" else name


def is_utf8(encoding: str | None) -> bool:
    return encoding is not None and canonical_name(encoding) == UTF8


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``data`` as text, and the canonical name of the character set it was read in; ``encoding``
    forces one. Raises :class:`DecodeProblem` saying why it could not be read."""
    if encoding is not None:
        try:
            codec = "utf-8-sig" if is_utf8(encoding) else encoding
            return data.decode(codec), canonical_name(encoding)
        except LookupError:
            raise DecodeProblem(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise DecodeProblem(f"not valid {encoding} at byte {exc.start}") from None
    marked = bom_encoding(data)
    if marked is not None:
        try:
            return data.decode(marked), canonical_name(marked)
        except UnicodeDecodeError as exc:
            raise DecodeProblem(
                f"not valid {canonical_name(marked)} at byte {exc.start} (it starts with that "
                "byte-order mark)"
            ) from None
    try:
        text = data.decode(UTF8)
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    else:
        if "\x00" not in text:
            return text, UTF8
        utf8_error = -1  # valid, but NUL bytes: perhaps UTF-16 without a mark
    guess = _detect(data)
    if guess is not None:
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            pass
        else:
            return text, canonical_name(guess)
    if utf8_error < 0:
        return data.decode(UTF8), UTF8  # the caller calls it binary
    raise DecodeProblem(
        f"not valid utf-8 at byte {utf8_error}, and no other character set fits it with "
        "confidence; pass --encoding if the file uses another character set"
    )


def _detect(data: bytes) -> str | None:
    """charset-normalizer's confident guess, Windows-1252 winning a tie."""
    from charset_normalizer import from_bytes

    sample = data[:_DETECT_BYTES]
    if len(data) > _DETECT_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # not in the middle of a character
    matches = list(from_bytes(sample, threshold=_MAX_MESS))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        tie = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tie and _WESTERN in match.could_be_from_charset:
            return _WESTERN
    return str(best.encoding)


class Utf8Reader:
    """A binary stream in another character set read as UTF-8, chunk by chunk (for JSONL files
    and standard input with a byte-order mark, or ``--encoding``). Bytes that are not valid in
    that character set become U+FFFD."""

    def __init__(self, head: bytes, handle: BinaryIO, encoding: str):
        self._chunks = self._utf8(head, handle, encoding)

    @staticmethod
    def _utf8(head: bytes, handle: BinaryIO, encoding: str) -> Iterator[bytes]:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        chunk = head
        while chunk:
            yield decoder.decode(chunk).encode(UTF8, "surrogatepass")
            chunk = handle.read(1 << 16)
        yield decoder.decode(b"", final=True).encode(UTF8, "surrogatepass")

    def read(self, size: int = -1) -> bytes:
        """About ``size`` bytes (whole chunks; what the line reader needs), ``b""`` at the end."""
        for chunk in self._chunks:
            if chunk:
                return chunk
        return b""
