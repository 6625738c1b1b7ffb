"""BoilerplateLines: removes lines that no phrase list names but that read as page furniture."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsclean.cleaners._line_features import Shape, context_features, shape_of, text_features
from newsclean.cleaners._line_model import LineModel, bundled_model, load_model
from newsclean.document import Document
from newsclean.lexicon import Derived, Lexicon, TextTest
from newsclean.pipeline import Cleaner
from newsclean.segment import Block

__all__ = ["BoilerplateLines", "LineModel", "load_model"]


class BoilerplateLines(Cleaner):
    """Removes junk lines a trained classifier recognizes by their kind, not their phrasing:
    cookie notices, comment counters, tag lists, author bios, rights lines, menus, teasers.

    A logistic regression over features that name no site (the line's words, word pairs and
    character 4-grams, its length, punctuation, capitals, digits and counters, arrows, pipes,
    URLs, its share of function words, where it stands in the article and the shape of its
    neighbours), trained on lines of real pages labeled by alignment with their gold article
    bodies (``bench/lines``). The threshold was chosen so that at most 0.2% of the body lines of
    sites held out of training are lost; a line shaped like prose (15 words or more, ending a
    sentence, a fifth of them function words) needs a far higher score, prose of 20 words and
    two sentences is not scored at all, and the lines of an
    article are never all removed. A short line printed in one paragraph with a removed line (the
    other items of a menu) goes with it when it is more likely junk than not. The reason of each
    removal gives the score and the features that weighed most. See docs/cleaners.md for the
    features, the data and how to retrain.
    """

    name = "boilerplate_lines"

    def __init__(self, model: LineModel | None = None):
        self._model = model

    @property
    def model(self) -> LineModel:
        return self._model if self._model is not None else bundled_model()

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        if len(blocks) < 2:
            return  # a one-block article is all the text there is
        seen = [(block.text, block.para) for block in blocks]
        if doc.memo.get(self.name) == seen:
            return  # the chain's next pass shows it the blocks it kept whole last time
        model = self.model
        _MODELS.setdefault(model.key, model)
        own_text = doc.lexicon.text_test(_SCORER, model.key)
        scored = [own_text(block.text) for block in blocks]
        shapes = [shape for _, shape in scored]
        # Long prose keeps its fixed score: it is never removed, and leans to no neighbour.
        own = [
            z if z == _LONG_PROSE_SCORE else z + model.score_known(context_features(i, shapes))
            for i, (z, _) in enumerate(scored)
        ]
        chances = model.combine(own)
        drop = [
            i
            for i, p in enumerate(chances)
            if p >= model.threshold
            and (p >= model.prose_threshold or not shapes[i].is_prose())
            and not shapes[i].is_long_prose()
        ]
        drop = _with_runs(drop, blocks, chances, shapes)
        if not drop or len(drop) == len(blocks):
            doc.memo[self.name] = seen
            return  # nothing to do, or nothing would be left: keep the text when unsure
        words = doc.lexicon.derived(_FUNCTION_WORDS)
        reasons = []
        for i in drop:
            features = text_features(blocks[i].text, words)[0] + context_features(i, shapes)
            strongest = ", ".join(f"{f} {w:+.2f}" for f, w in model.strongest(features))
            reasons.append(f"junk line, p={chances[i]:.3f} ({strongest})")
        for removed, (i, reason) in enumerate(zip(drop, reasons, strict=True)):
            doc.remove([i - removed], self.name, reason)  # one at a time, each with its reason


def _function_words(lexicon: Lexicon) -> frozenset[str]:
    """Every language's function words from the lexicon's ``[language]`` table."""
    return frozenset(w for words in lexicon.tables.get("language", {}).values() for w in words)


_FUNCTION_WORDS = Derived("language.function_words", _function_words)
# The models scored with, by their digest: the key of their cached answers.
_MODELS: dict[str, LineModel] = {}


def _text_scorer(lexicon: Lexicon, key: str) -> Callable[[str], tuple[float, Shape]]:
    """A line's own score (and shape) under the model whose digest is ``key``."""
    model = _MODELS[key]
    words = lexicon.derived(_FUNCTION_WORDS)

    def own_score(text: str) -> tuple[float, Shape]:
        shape = shape_of(text, words)
        if shape.is_long_prose():
            return _LONG_PROSE_SCORE, shape
        return model.bias + model.score(text_features(text, words)[0]), shape

    return own_score


# The own score of long prose, not weighed: far under any threshold, and a neighbour's score
# only counts when it leans to junk, so its value changes nothing else.
_LONG_PROSE_SCORE = -10.0

# A line printed in one paragraph with a removed line (a menu, a list of links: one item per
# line), at most this many words long, and more likely junk than not, goes with it: the middle of
# a menu scores highest, its first and last items have fewer junk neighbours.
_RUN_MAX_WORDS = 4
_RUN_CHANCE = 0.5


def _with_runs(
    drop: list[int], blocks: Sequence[Block], chances: list[float], shapes: list[Shape]
) -> list[int]:
    found = set(drop)
    for start in drop:
        for step in (-1, 1):
            i = start + step
            while (
                0 <= i < len(blocks)
                and i not in found
                and blocks[i].para == blocks[start].para
                and shapes[i].words <= _RUN_MAX_WORDS
                and chances[i] >= _RUN_CHANCE
            ):
                found.add(i)
                i += step
    return sorted(found)


_SCORER = TextTest("boilerplate_lines.score", _text_scorer)
