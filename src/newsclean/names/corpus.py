"""Corpus mode for names: find spelling variants across many articles, for an editor to review.

``learn()`` reads cleaned articles, counts every capitalized word, groups the spellings that are
romanization variants of each other (the same test ``name_variants`` applies within one article)
and writes them as a names file (``newsclean names learn … -o names.toml``) with counts and a short
context for each spelling. After review it is applied with ``newsclean run --names names.toml``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsclean.names.gazetteer import NAME, Gazetteer
from newsclean.names.variants import (
    bundled_gazetteer,
    candidate_forms,
    choose_canonical,
    clusters,
    never_names,
)
from newsclean.pipeline import default_lexicon

# Characters of context kept on each side of a spelling's first occurrence.
_CONTEXT = 40


@dataclass
class Cluster:
    canonical: str
    variants: list[str]
    counts: dict[str, int]
    contexts: dict[str, str] = field(default_factory=dict)


@dataclass
class NameStats:
    """Counts and first contexts of capitalized words over a corpus."""

    counts: Counter[str] = field(default_factory=Counter)
    contexts: dict[str, str] = field(default_factory=dict)
    articles: int = 0

    def add(self, text: str, where: str) -> None:
        self.articles += 1
        for found in NAME.finditer(text):
            word = found.group(0)
            self.counts[word] += 1
            if word not in self.contexts:
                start, end = max(0, found.start() - _CONTEXT), found.end() + _CONTEXT
                snippet = " ".join(text[start:end].split())
                self.contexts[word] = f"…{snippet}… ({where})"


def learn(stats: NameStats, gazetteer: Gazetteer | None = None) -> list[Cluster]:
    """The variant clusters in ``stats``, most frequent first."""
    gazetteer = gazetteer if gazetteer is not None else bundled_gazetteer()
    stop = never_names(default_lexicon())  # the cleaner's stop list: names and function words
    found = []
    for cluster in clusters(candidate_forms(stats.counts, stop, set())):
        canonical = choose_canonical(cluster, stats.counts, gazetteer)
        if canonical is None:
            continue
        variants = [f for f in cluster if f != canonical]
        counts = {f: stats.counts[f] for f in [canonical, *variants]}
        contexts = {f: stats.contexts[f] for f in [canonical, *variants] if f in stats.contexts}
        found.append(Cluster(canonical, variants, counts, contexts))
    found.sort(key=lambda c: (-sum(c.counts.values()), c.canonical))
    return found


def to_toml(found: Iterable[Cluster], articles: int) -> str:
    """A names file in the gazetteer's TOML format, with counts and contexts for review."""
    lines = [
        f"# Name variants found by `newsclean names learn` in {articles} articles.",
        "# Review each entry: delete entries or variants that are different names, fix canonical",
        "# forms, then apply with `newsclean run --names THIS_FILE`.",
    ]
    for cluster in found:
        lines += [
            "",
            "[[name]]",
            f"canonical = {json.dumps(cluster.canonical, ensure_ascii=False)}",
            f"variants = {json.dumps(cluster.variants, ensure_ascii=False)}",
            "counts = { "
            + ", ".join(
                f"{json.dumps(k, ensure_ascii=False)} = {v}" for k, v in cluster.counts.items()
            )
            + " }",
            "[name.contexts]",
        ]
        lines += [
            f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
            for k, v in cluster.contexts.items()
        ]
    return "\n".join(lines) + "\n"
