"""HTML to text and metadata, with trafilatura."""

from __future__ import annotations

from typing import Any


class ExtractionError(ValueError):
    """trafilatura found no article text in the page."""


_FIELDS = ("title", "author", "date", "sitename", "url", "description")


def extract_html(html: str | bytes, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (one paragraph per line) and its metadata, in newsclean's names."""
    from trafilatura import bare_extraction

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
    if "date" in meta:
        meta["published"] = meta.pop("date")
    return text, meta
