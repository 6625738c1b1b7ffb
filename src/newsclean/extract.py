"""HTML to text and metadata, with trafilatura."""

from __future__ import annotations

from typing import Any


class ExtractionError(ValueError):
    """trafilatura found no article text in the page."""


_FIELDS = ("title", "author", "date", "sitename", "url", "description")


def _metadata_option(version: str) -> dict[str, Any]:
    """How to ask this trafilatura version for the page's metadata.

    From 1.11, ``with_metadata=True`` asks for it. Before, ``bare_extraction`` always extracted
    it and ``with_metadata`` meant something else: in 1.8 and 1.9 "keep only pages that have a
    date, a title and a URL" (so pages without one were lost), in 1.10 an error."""
    parts = []
    for part in version.split(".")[:2]:
        digits = "".join(c for c in part if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return {"with_metadata": True} if tuple(parts) >= (1, 11) else {}


def extract_html(html: str | bytes, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (one paragraph per line) and its metadata, in newsclean's names."""
    import trafilatura
    from trafilatura import bare_extraction

    # 1.x returns a dict, 2.x a Document; both carry the same fields.
    result = bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        **_metadata_option(getattr(trafilatura, "__version__", "2")),
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
