"""HTML to text and metadata, with trafilatura."""

from __future__ import annotations

import codecs
import re
from typing import Any


class ExtractionError(ValueError):
    """trafilatura found no article text in the page."""


_FIELDS = ("title", "author", "date", "sitename", "url", "description")
# Fields trafilatura gives as lists of labels (from meta tags and the page's category links).
_LIST_FIELDS = ("categories", "tags")


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

    ``html`` may be bytes: trafilatura then decodes it with the charset the page declares (HTTP-
    equivalent meta tag or ``<meta charset>``), and detects the encoding when the declaration is
    missing or does not decode the page."""
    from trafilatura import bare_extraction

    if isinstance(html, bytes):
        html = decode_html(html)
    result = bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if result is None:
        raise ExtractionError("no article text found in the HTML")
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise ExtractionError("no article text found in the HTML")
    meta = {key: data.get(key) for key in _FIELDS if data.get(key)}
    for key in _LIST_FIELDS:
        labels = _labels(data.get(key))
        if labels:
            meta[key] = labels
    if "date" in meta:
        meta["published"] = meta.pop("date")
    return text, meta


def _labels(value: Any) -> list[str]:
    """A list of distinct, non-empty labels, in page order."""
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    seen: dict[str, None] = {}
    for item in items:
        for part in str(item).split(","):  # keywords come as one comma-separated string
            label = " ".join(part.split())
            if label:
                seen.setdefault(label, None)
    return list(seen)
