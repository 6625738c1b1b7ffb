"""Train the ``boilerplate_lines`` classifier on harvested lines and write its weights.

    python bench/lines/harvest.py                      # writes bench/lines/out/lines.jsonl
    python bench/lines/train.py [--lines FILE] [--out src/newsclean/data/boilerplate_lines.json]

Needs scikit-learn (a development dependency only; inference is pure Python). The labeled-line
file is JSONL, one line of an article per object, articles' lines consecutive and in order:
``{"site": ..., "page": ..., "source": ..., "text": ..., "label": "body" | "junk" | other}``;
lines labeled neither body nor junk (``null``, ``"title"``) are not learned from but still count
as neighbours and positions. Lines of one ``(page, source)`` pair form one document.

Training, in three steps, all grouped by ``site`` (no site is ever both learned from and scored):
1. out-of-fold own scores: a logistic regression over the hashed features of ``_line_features``
   (L2, ``ALPHA``, fitted by SGD), fitted ``FOLDS`` times on four fifths of the sites, scoring
   the fifth;
2. the neighbour weights: a logistic regression of the labels on each line's out-of-fold own
   score and its neighbours' (the scores unseen sites will get);
3. the thresholds, from the out-of-fold probabilities: ``threshold`` is the lowest at which at
   most ``--max-body-loss`` (0.2%) of the body lines are removed, in all documents and in the
   extractors' documents alone (the harder of the two); ``prose_threshold`` the lowest at which
   at most ``--max-prose-loss`` (0.05%) of the prose-shaped body lines are.
The shipped weights are then fitted on every line, and weights under ``PRUNE`` dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, diags
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from newsclean.cleaners._line_features import (  # noqa: E402
    BUCKETS,
    context_features,
    hashed,
    text_features,
)
from newsclean.cleaners._line_model import FORMAT, LineModel  # noqa: E402
from newsclean.cleaners.boilerplate_lines import _function_words  # noqa: E402
from newsclean.pipeline import default_lexicon  # noqa: E402

# L2 strength and passes over the lines of the SGD fit. On two held-out folds, junk recall at
# 0.3% body loss was 0.14-0.18 with alpha 1e-5, 0.24-0.36 with 1e-4, 0.28-0.44 with 3e-4.
ALPHA = 3e-4
EPOCHS = 20
# A feature seen on fewer sites than this is learned from no site at all: what a word, n-gram or
# shape means on one or two sites is those sites' layout, not a kind of junk (it also keeps the
# weights file small: ~40k of the ~190k features seen are kept).
MIN_SITES = 5
FOLDS = 5
# Weights this small change no line's score by more than a few hundredths; dropping them keeps the
# data file small.
PRUNE = 0.004
# Extractors' documents: what the chain is given (the "dom" documents hold the whole page).
CHAIN_SOURCES = ("newsclean", "recall")


class Lines:
    """Harvested lines with their hashed features, labels and groups."""

    def __init__(self, rows: list[dict[str, Any]]):
        words = _function_words(default_lexicon())
        self.rows = rows
        indices: list[list[int]] = []
        self.prose: list[bool] = []
        self.long_prose: list[bool] = []
        self.prev: list[int] = []
        self.next: list[int] = []
        for start, end in _documents(rows):
            parts = [text_features(rows[i]["text"], words) for i in range(start, end)]
            shapes = [shape for _, shape in parts]
            for k, (features, shape) in enumerate(parts):
                row = start + k
                feats = features + context_features(k, shapes)
                indices.append(sorted({hashed(f) for f in feats}))
                self.prose.append(shape.is_prose())
                self.long_prose.append(shape.is_long_prose())
                self.prev.append(row - 1 if k > 0 else -1)
                self.next.append(row + 1 if row + 1 < end else -1)
        self.matrix = _matrix(indices)
        self.label = np.array([{"junk": 1, "body": 0}.get(r["label"], -1) for r in rows])
        sites = sorted({r["site"] for r in rows})
        self.group = np.array([sites.index(r["site"]) for r in rows])
        self.chain = np.array([r["source"] in CHAIN_SOURCES for r in rows])
        self.prose_shaped = np.array(self.prose)

    def neighbour_columns(self, own: np.ndarray) -> np.ndarray:
        """Each line's own score and its neighbours' where they lean to junk (as
        ``LineModel.combine`` reads them)."""
        prev = np.array([max(own[j], 0.0) if j >= 0 else 0.0 for j in self.prev])
        nxt = np.array([max(own[j], 0.0) if j >= 0 else 0.0 for j in self.next])
        return np.column_stack([own, prev, nxt])


def _documents(rows: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or (rows[i]["page"], rows[i]["source"]) != (
            rows[start]["page"],
            rows[start]["source"],
        ):
            yield start, i
            start = i


def _matrix(indices: list[list[int]]) -> csr_matrix:
    indptr = np.cumsum([0] + [len(x) for x in indices])
    cols = np.fromiter((c for x in indices for c in x), dtype=np.int64, count=int(indptr[-1]))
    data = np.ones(len(cols), dtype=np.float64)
    return csr_matrix((data, cols, indptr), shape=(len(indices), BUCKETS))


def _fit(lines: Lines, rows: np.ndarray) -> SGDClassifier:
    """Logistic regression by averaged stochastic gradient descent (a fixed seed: the same
    weights every run; ten times faster than liblinear here for the same held-out scores), over
    the features seen on at least ``MIN_SITES`` sites of ``rows``."""
    use = rows[lines.label[rows] >= 0]
    coo = lines.matrix[use].tocoo()
    pairs = np.unique(np.stack([coo.col, lines.group[use][coo.row]]), axis=1)
    common = (np.bincount(pairs[0], minlength=BUCKETS) >= MIN_SITES).astype(np.float64)
    model = SGDClassifier(
        loss="log_loss", alpha=ALPHA, max_iter=EPOCHS, tol=None, average=True, random_state=0
    )
    model.fit(lines.matrix[use] @ diags(common), lines.label[use])
    model.coef_[0] *= common  # a feature left out has no weight
    return model


def out_of_fold(lines: Lines, rows: np.ndarray) -> np.ndarray:
    """Own scores of ``rows``, each from a model that never saw its site (NaN elsewhere)."""
    own = np.full(len(lines.rows), np.nan)
    folds = GroupKFold(n_splits=FOLDS)
    for learn, score in folds.split(rows, groups=lines.group[rows]):
        model = _fit(lines, rows[learn])
        own[rows[score]] = model.decision_function(lines.matrix[rows[score]])
    return own


def lowest_threshold(probs: np.ndarray, body: np.ndarray, max_loss: float) -> float:
    """The lowest probability threshold that removes at most ``max_loss`` of the ``body`` lines."""
    scores = np.sort(probs[body])[::-1]
    allowed = int(max_loss * len(scores))  # body lines that may score at or above it
    if allowed >= len(scores):
        return 0.5
    return float(max(0.5, np.nextafter(scores[allowed], 1.0)))


def train(lines: Lines, rows: np.ndarray, max_body_loss: float, max_prose_loss: float) -> dict:
    """A model (as its file's dict) trained on ``rows`` only."""
    own = out_of_fold(lines, rows)
    columns = lines.neighbour_columns(np.nan_to_num(own))[rows]
    labeled = lines.label[rows] >= 0
    stack = LogisticRegression(C=1.0, max_iter=500)
    stack.fit(columns[labeled], lines.label[rows][labeled])
    probs = stack.predict_proba(columns)[:, 1]
    body = lines.label[rows] == 0
    chain = lines.chain[rows]
    threshold = max(
        lowest_threshold(probs, body, max_body_loss),
        lowest_threshold(probs, body & chain, max_body_loss),
    )
    prose = lowest_threshold(probs, body & lines.prose_shaped[rows], max_prose_loss)
    final = _fit(lines, rows)
    weights = final.coef_[0]
    kept = np.nonzero(np.abs(weights) >= PRUNE)[0]
    return {
        "format": FORMAT,
        "buckets": BUCKETS,
        "bias": round(float(final.intercept_[0]), 4),
        "index": [int(i) for i in kept],
        "weight": [round(float(weights[i]), 4) for i in kept],
        "neighbours": [round(float(x), 4) for x in list(stack.coef_[0]) + [stack.intercept_[0]]],
        "threshold": round(threshold, 4),
        "prose_threshold": round(max(threshold, prose), 4),
        "trained": f"{int(labeled.sum())} labeled lines of {len(set(lines.group[rows]))} sites",
    }


def read_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=Path, default=ROOT / "bench/lines/out/lines.jsonl")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src/newsclean/data/boilerplate_lines.json"
    )
    parser.add_argument("--max-body-loss", type=float, default=0.002)
    parser.add_argument("--max-prose-loss", type=float, default=0.0005)
    args = parser.parse_args()
    lines = Lines(read_lines(args.lines))
    data = train(lines, np.arange(len(lines.rows)), args.max_body_loss, args.max_prose_loss)
    LineModel.from_dict(data)  # it loads
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{args.out}: {len(data['index'])} weights, threshold {data['threshold']}, "
        f"prose threshold {data['prose_threshold']}, {data['trained']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
