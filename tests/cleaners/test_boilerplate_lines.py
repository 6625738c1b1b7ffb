"""boilerplate_lines: the rules around the classifier's scores, with small hand-made models, and
the shipped weights on an article composed for it."""

from __future__ import annotations

import json

from newsclean import clean, default_pipeline
from newsclean.cleaners._line_features import BUCKETS, hashed, text_features
from newsclean.cleaners._line_model import FORMAT, LineModel, bundled_model, load_model
from newsclean.cleaners.boilerplate_lines import BoilerplateLines

_BODY = [
    "The regional harbour authority on Tuesday approved plans for a new ferry terminal on the "
    "eastern side of the bay, ending a dispute that had delayed the project for three years.",
    "The terminal will replace the current pier, which was built in the 1960s and can no longer "
    "take the larger vessels that now serve the islands, the authority said.",
]


def _model(weights: dict[str, float], threshold: float = 0.9, prose: float = 0.999) -> LineModel:
    """A model that weighs only the given features, its neighbours not at all."""
    return LineModel.from_dict(
        {
            "format": FORMAT,
            "buckets": BUCKETS,
            "bias": -5.0,
            "index": sorted(hashed(f) for f in weights),
            "weight": [w for _, w in sorted((hashed(f), w) for f, w in weights.items())],
            "neighbours": [1.0, 0.0, 0.0, 0.0],
            "threshold": threshold,
            "prose_threshold": prose,
        }
    )


def _clean(text: str, model: LineModel):
    # Not in the default chain: added where docs/cleaners.md says to add it.
    pipeline = default_pipeline().with_cleaner(BoilerplateLines(model), after="duplicated_lede")
    return clean(text, pipeline=pipeline)


def test_a_line_over_the_threshold_is_removed_with_its_score_and_features() -> None:
    text = "\n\n".join([*_BODY, "Obituaries and classifieds"])
    article = _clean(text, _model({"w:obituaries": 9.0}))
    assert article.text == "\n\n".join(_BODY)
    [removal] = article.removed
    assert removal.cleaner == "boilerplate_lines"
    assert removal.reason.startswith("junk line, p=0.982 (w:obituaries +9.00")


def test_a_line_under_the_threshold_stays() -> None:
    text = "\n\n".join([*_BODY, "Obituaries and classifieds"])
    assert _clean(text, _model({"w:obituaries": 6.0})).text == text  # p = 0.73 < 0.9


def test_prose_needs_the_prose_threshold() -> None:
    # The first body paragraph is prose-shaped: long, a full stop, many function words.
    text = "\n\n".join(_BODY)
    assert _clean(text, _model({"w:harbour": 10.0})).text == text  # p = 0.993 < 0.999
    assert _clean(text, _model({"w:harbour": 13.0})).text == _BODY[1]  # p = 0.9997


def test_an_article_is_never_emptied() -> None:
    text = "Obituaries\n\nClassifieds"
    assert _clean(text, _model({"w:obituaries": 9.0, "w:classifieds": 9.0})).text == text


def test_short_lines_of_a_removed_lines_paragraph_go_with_it() -> None:
    menu = "Weather\nObituaries\nPuzzles"
    model = _model({"w:obituaries": 9.0, "w:weather": 5.0, "w:puzzles": 4.0})
    # Weather: p = 0.5, Puzzles: p = 0.27; only Obituaries is over the threshold.
    article = _clean("\n\n".join([*_BODY, menu]), model)
    assert [r.text for r in article.removed] == ["Weather", "Obituaries"]
    assert article.text.endswith("Puzzles")


def test_a_model_file_loads_as_written(tmp_path) -> None:
    data = {
        "format": FORMAT,
        "buckets": BUCKETS,
        "bias": -1.5,
        "index": [hashed("w:menu")],
        "weight": [2.25],
        "neighbours": [1.0, 0.5, 0.5, 0.0],
        "threshold": 0.95,
        "prose_threshold": 0.99,
    }
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    model = load_model(path)
    assert model.score(["w:menu", "w:other"]) == 2.25
    assert (model.bias, model.threshold, model.prose_threshold) == (-1.5, 0.95, 0.99)


def test_the_shipped_weights_rank_junk_above_prose() -> None:
    model = bundled_model()
    words: frozenset[str] = frozenset({"the", "on", "a", "for", "of", "that", "which", "can"})
    prose = model.bias + model.score(text_features(_BODY[0], words)[0])
    junk = model.bias + model.score(text_features("Loading comments...", words)[0])
    assert junk > 0 > prose
    assert 0.5 <= model.threshold < 1 and model.threshold <= model.prose_threshold


def test_the_shipped_weights_remove_a_section_menu_and_keep_the_article() -> None:
    menu = "\n".join(["Local", "Ferries", "Weather", "Obituaries", "Classifieds", "Puzzles"])
    article = _clean("\n\n".join([*_BODY, menu]), bundled_model())
    assert article.text == "\n\n".join(_BODY)
    assert {r.cleaner for r in article.removed} == {"boilerplate_lines"}
