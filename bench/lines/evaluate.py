"""How well ``boilerplate_lines`` generalizes: scores on sites held out of training only.

    python bench/lines/harvest.py
    python bench/lines/evaluate.py [--lines FILE] [--chain] [--shared /work/shared]

Grouped k-fold by site (``train.FOLDS`` = 5) over every harvested line: for each fold, a model is
trained by ``train.train`` on the other folds' sites alone (its threshold chosen there, by its own
inner grouped folds) and scores the held-out sites' lines. Reported, per document source and for
the extractors' documents together: junk-line recall (junk lines it would remove) and body-line
loss (body lines it would remove), from the held-out lines' probabilities and the cleaner's rule
(threshold, prose threshold). With ``--chain``, each held-out page is also cleaned whole by
``newsclean.clean(html=...)`` without the cleaner and with the fold's model in its place, and the
output's lines are labeled against the gold as the harvest labels them: junk lines left, body
lines kept, and whether cleaning the output again (as a new article) changes it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harvest  # noqa: E402
import train  # noqa: E402

from newsclean import clean  # noqa: E402
from newsclean.cleaners import default_pipeline  # noqa: E402
from newsclean.cleaners._line_model import LineModel  # noqa: E402
from newsclean.cleaners.boilerplate_lines import BoilerplateLines  # noqa: E402


def held_out_probabilities(
    lines: train.Lines, data: dict, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities of the lines of ``rows`` under a model's file data, and whether the cleaner's
    rule removes them (whole documents are in ``rows``, so neighbours are there too)."""
    weights = np.zeros(train.BUCKETS)
    weights[data["index"]] = data["weight"]
    own = np.full(len(lines.rows), 0.0)
    own[rows] = lines.matrix[rows] @ weights + data["bias"]
    a, before, after, bias = data["neighbours"]
    columns = lines.neighbour_columns(own)[rows]
    probs = 1.0 / (1.0 + np.exp(-(columns @ np.array([a, before, after]) + bias)))
    prose = lines.prose_shaped[rows]
    removed = (probs >= data["threshold"]) & ((probs >= data["prose_threshold"]) | ~prose)
    removed &= ~np.array(lines.long_prose)[rows]  # never scored by the cleaner
    return probs, removed


def report_lines(lines: train.Lines, removed: np.ndarray) -> None:
    sources = np.array([r["source"] for r in lines.rows])
    groups = [("extractors", lines.chain)] + [(s, sources == s) for s in sorted(set(sources))]
    groups.append(("all", np.ones(len(sources), dtype=bool)))
    print(f"{'documents':<12} {'junk':>7} {'recall':>7} {'body':>7} {'lost':>6} {'loss':>7}")
    for name, mask in groups:
        junk = mask & (lines.label == 1)
        body = mask & (lines.label == 0)
        recall = removed[junk].mean() if junk.any() else float("nan")
        loss = removed[body].mean() if body.any() else float("nan")
        print(
            f"{name:<12} {junk.sum():>7} {recall:>7.3f} {body.sum():>7} "
            f"{int(removed[body].sum()):>6} {loss:>7.3%}"
        )


def chain_scores(shared: Path, models: dict[str, LineModel]) -> None:
    """Whole pages of held-out sites through clean(), without and with the fold's cleaner."""
    before = default_pipeline().without("boilerplate_lines")
    counts: Counter[str] = Counter()
    for site, _page, html, gold_text in harvest.pages(shared):
        gold = harvest.Gold(gold_text)
        cleaner = BoilerplateLines(models[site])
        after = before.with_cleaner(cleaner, before=_NEXT)
        for name, pipeline in (("before", before), ("after", after)):
            article = clean(html=html, pipeline=pipeline)
            for line in article.text.splitlines():
                label = gold.label(line) if line.strip() else None
                counts[f"{name} {label}"] += 1
            again = clean(article.text, pipeline=pipeline)  # as a user cleans it again
            counts[f"{name} pages"] += 1
            counts[f"{name} idempotent"] += again.text == article.text
    for name in ("before", "after"):
        print(
            f"chain {name:<6}: junk lines left {counts[f'{name} junk']}, body lines kept "
            f"{counts[f'{name} body']}, unlabeled {counts[f'{name} None']}; idempotent "
            f"{counts[f'{name} idempotent']}/{counts[f'{name} pages']}"
        )
    lost = counts["before body"] - counts["after body"]
    print(
        f"junk lines removed by the cleaner: {counts['before junk'] - counts['after junk']} of "
        f"{counts['before junk']}; body lines lost: {lost} of {counts['before body']} "
        f"({lost / max(1, counts['before body']):.3%})"
    )


# The cleaner's place in the default chain: before this one.
_NEXT = "broken_wraps"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=Path, default=train.ROOT / "bench/lines/out/lines.jsonl")
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    parser.add_argument("--chain", action="store_true", help="also clean the held-out pages")
    parser.add_argument("--max-body-loss", type=float, default=0.002)
    parser.add_argument("--max-prose-loss", type=float, default=0.0005)
    args = parser.parse_args()
    lines = train.Lines(train.read_lines(args.lines))
    removed = np.zeros(len(lines.rows), dtype=bool)
    models: dict[str, LineModel] = {}
    sites = np.array([r["site"] for r in lines.rows])
    everything = np.arange(len(lines.rows))
    for fold, (learn, score) in enumerate(
        GroupKFold(n_splits=train.FOLDS).split(everything, groups=lines.group)
    ):
        data = train.train(lines, learn, args.max_body_loss, args.max_prose_loss)
        _, removed[score] = held_out_probabilities(lines, data, score)
        model = LineModel.from_dict(data)
        models.update({site: model for site in set(sites[score])})
        print(
            f"fold {fold}: {len(set(sites[score]))} held-out sites, threshold "
            f"{data['threshold']}, prose threshold {data['prose_threshold']}"
        )
    report_lines(lines, removed)
    if args.chain:
        chain_scores(args.shared, models)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
