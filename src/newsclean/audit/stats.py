"""Run statistics: totals over the records a run writes, kept as they are written, and
``stats.json`` beside them.

Every figure is a sum over the records in ``articles.jsonl`` and ``rejects.jsonl`` (so a run's
statistics can always be recounted from its files, which is what a resumed run does for the part
an interrupted run wrote), except ``seconds``, the time this process took, and ``resumed``, the
inputs an interrupted run had done. Removals, words removed and fixes are counted over the
articles written (an ``empty`` reject's removals are not counted: it is counted as a reject).
A run with ``--no-audit`` keeps no removals in its records and counts none.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["STATS_FILE", "Counts", "RunStats", "counts", "summary_lines"]

STATS_FILE = "stats.json"
#: Rows the end-of-run summary shows per table: the rest are in stats.json. Fits one screen.
SHOWN_ROWS = 8


#: What one record adds to the totals: its reject kind (``None`` for an article), its words, its
#: language, (cleaner, words removed) per removal, the cleaner of each fix.
Counts = tuple[str | None, int, str, tuple[tuple[str, int], ...], tuple[str, ...]]


def counts(record: Mapping[str, Any], *, reject: bool = False) -> Counts:
    """What ``record`` adds to the totals."""
    if reject:
        return str(record.get("error")), 0, "", (), ()
    metadata = record.get("metadata") or {}
    return (
        None,
        int(metadata.get("word_count") or 0),
        str(metadata.get("language") or "unknown"),
        tuple((r["cleaner"], len(r["text"].split())) for r in metadata.get("removed") or ()),
        tuple(f["cleaner"] for f in metadata.get("fixes") or ()),
    )


@dataclass
class RunStats:
    """Totals over records, fed one record at a time (:meth:`add`)."""

    articles: int = 0
    words: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    removals: Counter[str] = field(default_factory=Counter)
    words_removed: Counter[str] = field(default_factory=Counter)
    fixes: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)

    def add(self, record: Mapping[str, Any], *, reject: bool = False) -> None:
        """Count one record, as written to articles.jsonl (or rejects.jsonl when ``reject``)."""
        self.add_counts(counts(record, reject=reject))

    def add_counts(self, found: Counts) -> None:
        """Count one record's :func:`counts` (made where the record was, in a worker process)."""
        kind, words, language, removals, fixes = found
        if kind is not None:
            self.rejects[kind] += 1
            return
        self.articles += 1
        self.words += words
        self.languages[language] += 1
        for cleaner, removed in removals:
            self.removals[cleaner] += 1
            self.words_removed[cleaner] += removed
        for cleaner in fixes:
            self.fixes[cleaner] += 1

    def add_line(self, line: bytes, *, reject: bool = False) -> None:
        self.add(json.loads(line), reject=reject)

    @classmethod
    def recount(cls, articles: Path, rejects: Path) -> RunStats:
        """The totals over two JSONL files (a run's, or the part of one that is staged)."""
        stats = cls()
        for path, reject in ((articles, False), (rejects, True)):
            if path.exists():
                with open(path, "rb") as handle:
                    for line in handle:
                        if line.strip():
                            stats.add_line(line, reject=reject)
        return stats

    def to_dict(self, seconds: float = 0.0, resumed: int = 0) -> dict[str, Any]:
        """The content of ``stats.json``: counters sorted by name, so that the same records give
        the same file but for ``seconds``."""
        cleaners = sorted(set(self.removals) | set(self.fixes))
        return {
            "articles": self.articles,
            "words": self.words,
            "rejects": sum(self.rejects.values()),
            "rejects_by_kind": dict(sorted(self.rejects.items())),
            "cleaners": {
                name: {
                    "removals": self.removals[name],
                    "words_removed": self.words_removed[name],
                    "fixes": self.fixes[name],
                }
                for name in cleaners
            },
            "languages": dict(sorted(self.languages.items())),
            "seconds": round(seconds, 3),
            "resumed": resumed,
        }

    def to_json(self, seconds: float = 0.0, resumed: int = 0) -> bytes:
        text = json.dumps(self.to_dict(seconds, resumed), indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")


def summary_lines(stats: Mapping[str, Any]) -> list[str]:
    """The end-of-run summary of a ``stats.json`` content: one screen at most."""
    lines = [f"articles {stats['articles']} ({stats['words']} words), rejects {stats['rejects']}"]
    if stats["rejects_by_kind"]:
        kinds = ", ".join(f"{k} {n}" for k, n in stats["rejects_by_kind"].items())
        lines.append(f"  rejects by kind: {kinds}")
    cleaners = sorted(
        stats["cleaners"].items(), key=lambda kv: (-kv[1]["words_removed"], -kv[1]["fixes"], kv[0])
    )
    if cleaners:
        lines.append(f"  {'cleaner':<20} {'removals':>9} {'words removed':>14} {'fixes':>7}")
        for name, row in cleaners[:SHOWN_ROWS]:
            lines.append(
                f"  {name:<20} {row['removals']:>9} {row['words_removed']:>14} {row['fixes']:>7}"
            )
        if len(cleaners) > SHOWN_ROWS:
            lines.append(f"  … {len(cleaners) - SHOWN_ROWS} more cleaners in stats.json")
    languages = sorted(stats["languages"].items(), key=lambda kv: (-kv[1], kv[0]))
    if languages:
        shown = ", ".join(f"{k} {n}" for k, n in languages[:SHOWN_ROWS])
        more = f", … {len(languages) - SHOWN_ROWS} more" if len(languages) > SHOWN_ROWS else ""
        lines.append(f"  languages: {shown}{more}")
    return lines


def totals(records: Iterable[Mapping[str, Any]]) -> RunStats:
    """The totals over article records (for tests and callers holding records in memory)."""
    stats = RunStats()
    for record in records:
        stats.add(record)
    return stats
