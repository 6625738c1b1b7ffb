"""The weights of the ``boilerplate_lines`` classifier and its pure-Python scoring.

A model is a logistic regression over hashed features (``_line_features``): a line's *own score*
is the bias plus the weights of its text and context features, summed in the order the features
are listed (so every run adds the same floats in the same order); its final score adds its
neighbours' own scores where they lean to junk (a neighbour that is prose says nothing about a
line: one junk line between paragraphs is still junk), with the three weights of
``neighbours``, and the probability is the logistic of that. ``bench/lines/train.py`` writes
the file; ``load_model`` reads it.

File format (JSON): ``{"format": 1, "buckets": 262144, "bias": b, "index": [...], "weight":
[...], "neighbours": [own, previous, next, bias], "threshold": t, "prose_threshold": t2,
"trained": "what it was trained on"}`` — ``index``/``weight`` list the buckets that have a
weight, in increasing order.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsclean.caches import once
from newsclean.cleaners._line_features import BUCKETS, hashed

FORMAT = 1


@dataclass(frozen=True)
class LineModel:
    bias: float
    weights: dict[int, float]
    neighbours: tuple[float, float, float, float]
    #: Remove a line whose probability of being junk is at least this.
    threshold: float
    #: ... or at least this when the line has the shape of prose (see ``Shape.is_prose``).
    prose_threshold: float
    #: A digest of the weights: the key of this model's cached answers.
    key: str
    trained: str = ""
    #: The weight of each context feature asked for: a few hundred strings, asked on every pass.
    _known: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def score(self, features: list[str]) -> float:
        """The weights of ``features``, summed in their order (without the bias)."""
        weights = self.weights
        total = 0.0
        for feature in features:
            total += weights.get(hashed(feature), 0.0)
        return total

    def score_known(self, features: list[str]) -> float:
        """:meth:`score` of features from a small vocabulary (context), each weight looked up
        once: the same sum, in the same order."""
        known = self._known
        total = 0.0
        for feature in features:
            weight = known.get(feature)
            if weight is None:
                weight = known[feature] = self.weights.get(hashed(feature), 0.0)
            total += weight
        return total

    def strongest(self, features: list[str], count: int = 3) -> list[tuple[str, float]]:
        """The features that weigh most toward junk, strongest first (ties by name)."""
        weights = self.weights
        found = {f: weights.get(hashed(f), 0.0) for f in features}
        ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
        return [(f, w) for f, w in ranked[:count] if w > 0]

    def combine(self, own: list[float]) -> list[float]:
        """Each line's probability of being junk, from its own score and its neighbours'."""
        a, before, after, bias = self.neighbours
        last = len(own) - 1
        return [
            probability(
                bias
                + a * z
                + (before * max(own[i - 1], 0.0) if i > 0 else 0.0)
                + (after * max(own[i + 1], 0.0) if i < last else 0.0)
            )
            for i, z in enumerate(own)
        ]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        if data.get("format") != FORMAT or data.get("buckets") != BUCKETS:
            raise ValueError("not a boilerplate_lines model of this version")
        digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
        n1, n2, n3, n4 = (float(x) for x in data["neighbours"])
        return cls(
            bias=float(data["bias"]),
            weights=dict(zip(data["index"], map(float, data["weight"]), strict=True)),
            neighbours=(n1, n2, n3, n4),
            threshold=float(data["threshold"]),
            prose_threshold=float(data["prose_threshold"]),
            key=digest,
            trained=str(data.get("trained", "")),
        )


def probability(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    e = math.exp(score)
    return e / (1.0 + e)


def load_model(path: str | Path | None = None) -> LineModel:
    """A model file written by ``bench/lines/train.py``; the bundled one without ``path``."""
    if path is None:
        return bundled_model()
    return LineModel.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@once
def bundled_model() -> LineModel:
    text = resources.files("newsclean").joinpath("data/boilerplate_lines.json").read_text("utf-8")
    return LineModel.from_dict(json.loads(text))
