"""HTML to text and metadata, with trafilatura."""

from __future__ import annotations

import codecs
import re
from typing import Any


class ExtractionError(ValueError):
    """trafilatura found no article text in the page."""


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


def extract_html(html: str | bytes, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (one paragraph per line) and its metadata, in newsclean's names.

    ``html`` may be bytes, decoded by :func:`decode_html`. The page is parsed once: its declared
    metadata is read from the tree (:mod:`newsclean.page_meta`), then trafilatura extracts the
    main text from the same tree."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    from newsclean.page_meta import page_metadata

    if isinstance(html, bytes):
        html = decode_html(html)
    tree = load_html(html)
    if tree is None:
        raise ExtractionError("not an HTML page (the parser found no document in it)")
    meta = page_metadata(tree, url)
    # with_metadata stays at its default (off in 2.x): the metadata is read above. Before 1.11 the
    # option meant something else (1.8 and 1.9: keep only pages with a date, a title and a URL;
    # 1.10: an error), so it is never passed.
    result = bare_extraction(tree, url=url, include_comments=False, include_tables=True)
    if result is None:
        raise ExtractionError("no article text found in the HTML")
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise ExtractionError("no article text found in the HTML")
    return text, meta
