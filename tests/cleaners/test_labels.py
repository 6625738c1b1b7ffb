"""The screen shared by the label cleaners answers as each cleaner's own test would."""

from __future__ import annotations

from helpers import all_cases
from newsclean.cleaners import DEFAULT_CLEANERS
from newsclean.cleaners._labels import _SCREENED, SCREEN, LabelCleaner, _Screen, screened
from newsclean.document import Document
from newsclean.lexicon import Lexicon
from newsclean.pipeline import default_lexicon
from newsclean.segment import segment


def _unscreened(cleaner: LabelCleaner, lexicon: Lexicon):
    """The cleaner's own test, as if the screen did not cover it."""
    covers = _Screen.covers_settings
    _Screen.covers_settings = lambda self, *settings: False  # type: ignore[method-assign]
    try:
        return cleaner._decider(lexicon, cleaner.config)
    finally:
        _Screen.covers_settings = covers  # type: ignore[method-assign]


def test_the_screen_never_hides_what_a_label_cleaner_takes():
    lexicon = default_lexicon()
    texts = {b.text for case in all_cases() for b in segment(case.read_input())}
    texts |= {t.upper() for t in texts}
    cleaners = [cls() for cls in _SCREENED.values()]
    assert {c.name for c in cleaners} >= {"advertisement", "navigation", "share_buttons"}
    taken = 0
    for cleaner in cleaners:
        screened = cleaner._decider(lexicon, cleaner.config)
        own = _unscreened(cleaner, lexicon)
        for text in texts:
            assert screened(text) == own(text), (cleaner.name, text)
            taken += own(text)
    assert taken > 30  # the fixtures hold such lines, so both answers were met


def _sponsored_lexicon() -> Lexicon:
    return Lexicon(
        {
            **default_lexicon().tables,
            "sponsored_test_only": {"labels": ["Sponsored"], "patterns": ["paid post:"]},
        }
    )


_TEXT = "Sponsored\n\nPaid post: a new car.\n\nThe council met.\n\nSponsored content matters."


def _cleaned(cleaner: LabelCleaner, lexicon: Lexicon) -> list[str]:
    doc = Document(segment(_TEXT), lexicon)
    cleaner.apply(doc)
    return [b.text for b in doc.blocks]


def test_every_bundled_label_cleaner_is_registered_with_the_screen():
    bundled = {cls.name for cls in DEFAULT_CLEANERS if issubclass(cls, LabelCleaner)}
    assert set(_SCREENED) == bundled
    screen = default_lexicon().derived(SCREEN)
    assert all(screen.covers(cls()) for cls in _SCREENED.values())


class Sponsored(LabelCleaner):
    name = "sponsored_test_only"
    reason = "sponsor label"


def test_an_unregistered_label_cleaner_runs_its_own_test():
    lexicon = _sponsored_lexicon()
    screen = lexicon.derived(SCREEN)
    assert not screen.covers(Sponsored())  # defined, but not registered
    expected = ["The council met.", "Sponsored content matters."]
    assert _cleaned(Sponsored(), lexicon) == expected


def test_a_registered_label_cleaner_is_covered_with_the_same_answer(monkeypatch):
    monkeypatch.setitem(_SCREENED, Sponsored.name, Sponsored)
    assert screened(Sponsored) is Sponsored
    lexicon = _sponsored_lexicon()
    assert lexicon.derived(SCREEN).covers(Sponsored())
    assert _cleaned(Sponsored(), lexicon) == ["The council met.", "Sponsored content matters."]
    # Under other settings the cleaner is not what the screen was built with: its own test runs.
    loose = Sponsored(config=Sponsored.Config(max_words=1))
    assert not lexicon.derived(SCREEN).covers(loose)
