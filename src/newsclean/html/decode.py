"""An HTML page's bytes as text: byte-order mark, then UTF-8, then the charset the page declares."""

from __future__ import annotations

import codecs
import re

# A charset declared in the page: <meta charset="…"> or the http-equiv Content-Type meta tag.
_DECLARED = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
# How far into the page a declaration is looked for (browsers look at the first 1,024 bytes).
_DECLARATION_WINDOW = 4096
# Labels browsers read as windows-1252 (the WHATWG Encoding Standard): pages labelled Latin-1 are
# in practice Windows-1252, whose curly quotes and dashes Latin-1 reads as control characters.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}


def decode_html(data: bytes) -> str:
    """The page as text: a byte-order mark wins, then valid UTF-8, then the charset the page
    declares if the bytes decode with it, else the encoding trafilatura detects."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's, which begins it
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    found = _DECLARED.search(data[:_DECLARATION_WINDOW])
    if found:
        label = found.group(1).decode("ascii").lower()
        encoding = "cp1252" if label in _WINDOWS_1252 else label
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # unknown label, or the declaration is wrong: detect instead
    from trafilatura.utils import decode_file

    return decode_file(data)
