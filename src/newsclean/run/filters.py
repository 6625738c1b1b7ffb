"""What a run keeps of its cleaned articles: filters that turn an article into a reject, and
whether the records carry their audit trail (removals and fixes).

- ``languages``: an article whose detected language is not one of these becomes a ``language``
  reject (one whose language could not be told, too);
- ``min_words``: an article of fewer words (its ``word_count``) becomes a ``too_short`` reject;
- ``audit=False`` leaves ``removed`` and ``fixes`` out of every record (``--no-audit``): the
  records get smaller, and nothing can be audited afterwards.

A filter's reject keeps the article's title, language and word count, so that what was dropped
can be found again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsclean.records import Article, Reject

__all__ = ["Filters", "parse_languages"]

#: A language code as the detector gives it: "en", "de", "zh-cn".
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z]{2,4})?")


def parse_languages(text: str) -> tuple[str, ...]:
    """``"en, DE"`` → ``("de", "en")``; raises ValueError naming a code that is not one."""
    codes = sorted({code.strip().lower() for code in text.split(",") if code.strip()})
    for code in codes:
        if not _LANGUAGE.fullmatch(code):
            raise ValueError(f"--language {text}: {code!r} is not a language code (en, de, …)")
    if not codes:
        raise ValueError(f"--language {text!r}: give one or more codes, as en,de")
    return tuple(codes)


@dataclass(frozen=True)
class Filters:
    languages: tuple[str, ...] = ()
    min_words: int = 0
    audit: bool = True

    def described(self) -> dict[str, Any]:
        """For the journal: a resume with other filters is refused."""
        return {"languages": list(self.languages), "min_words": self.min_words, "audit": self.audit}

    def check(self, article: Article, label: str) -> Article | Reject:
        """The article, or the reject a filter makes of it."""
        kept = {"title": article.title, "language": article.language}
        if self.languages and article.language not in self.languages:
            found = article.language or "not detected"
            return Reject(
                label,
                "language",
                f"language {found}, not one of {', '.join(self.languages)} (--language)",
                {**kept, "word_count": article.word_count},
            )
        if article.word_count < self.min_words:
            return Reject(
                label,
                "too_short",
                f"{article.word_count} words, fewer than {self.min_words} (--min-words)",
                {**kept, "word_count": article.word_count},
            )
        return article

    def record(self, result: Article | Reject) -> dict[str, Any]:
        """The record of a result: without ``removed`` and ``fixes`` when ``audit`` is off."""
        record = result.to_dict()
        if not self.audit:
            held = record if isinstance(result, Reject) else record["metadata"]
            held.pop("removed", None)
            held.pop("fixes", None)
        return record
