"""The records cleaning returns: what was removed, what was fixed, the article itself, and the
reject that stands for an input that could not be cleaned."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The package's version, written into every record (``newsclean.__version__``).
__version__ = "0.1.0"


@dataclass(frozen=True)
class Removal:
    """A block of text a cleaner removed, and why."""

    cleaner: str
    reason: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """The fields by name, in order (``dataclasses.asdict`` without its deep copying, which
        costs more than the rest of writing the record)."""
        return {"cleaner": self.cleaner, "reason": self.reason, "text": self.text}


@dataclass(frozen=True)
class Fix:
    """A change a cleaner made inside the text: ``before`` became ``after``."""

    cleaner: str
    before: str
    after: str
    reason: str = ""

    def to_dict(self) -> dict[str, str]:
        """The fields by name, in order (as :meth:`Removal.to_dict`)."""
        return {
            "cleaner": self.cleaner,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


#: Metadata fields an :class:`Article` carries besides its text, in output order.
METADATA_FIELDS = (
    "title",
    "published",
    "sitename",
    "source",
    "author",
    "url",
    "description",
    "categories",
    "tags",
    "language",
    "language_confidence",
    "word_count",
)


@dataclass
class Article:
    """A cleaned article: canonical ``text``, what was learned about it, and the audit trail.

    ``to_dict()`` gives the JSONL record (``id``, ``text``, ``metadata``) that corpus tools read.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    language_confidence: float | None = None
    word_count: int = 0
    removed: list[Removal] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record: ``{"id", "text", "metadata": {...}}``."""
        metadata: dict[str, Any] = {name: getattr(self, name) for name in METADATA_FIELDS}
        for key, value in self.extra.items():
            metadata.setdefault(key, value)
        metadata["removed"] = [r.to_dict() for r in self.removed]
        metadata["fixes"] = [f.to_dict() for f in self.fixes]
        metadata["newsclean_version"] = __version__
        return {"id": self.id, "text": self.text, "metadata": metadata}


@dataclass
class Reject:
    """An input that could not be cleaned: where it came from, the kind of error, and a message."""

    input: str
    kind: str
    message: str
    #: More fields for the record, after ``message``: for an article that cleaning emptied
    #: (``empty``), its ``removed`` and ``fixes``, so that what was removed can be audited.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Where the input came from, named as every item names it."""
        return self.input

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "error": self.kind, "message": self.message, **self.extra}

    def line(self) -> str:
        """The one line a run prints for it."""
        return f"rejected: {self.input}: {self.kind}: {self.message}"
