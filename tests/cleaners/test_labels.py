"""The screen shared by the label cleaners answers as each cleaner's own test would."""

from __future__ import annotations

from helpers import all_cases
from newsclean.cleaners._labels import SCREEN, LabelCleaner, _label_cleaners, _Screen
from newsclean.document import Document
from newsclean.lexicon import Lexicon
from newsclean.pipeline import default_lexicon
from newsclean.segment import segment


def _unscreened(cleaner: LabelCleaner, lexicon: Lexicon):
    """The cleaner's own test, as if the screen did not cover it."""
    covers = _Screen.covers
    _Screen.covers = lambda self, c: False  # type: ignore[method-assign]
    try:
        return cleaner._decider(lexicon)
    finally:
        _Screen.covers = covers  # type: ignore[method-assign]


def test_the_screen_never_hides_what_a_label_cleaner_takes():
    lexicon = default_lexicon()
    texts = {b.text for case in all_cases() for b in segment(case.read_input())}
    texts |= {t.upper() for t in texts}
    cleaners = [cls() for cls in _label_cleaners()]
    assert {c.name for c in cleaners} >= {"advertisement", "navigation", "share_buttons"}
    taken = 0
    for cleaner in cleaners:
        screened, own = cleaner._decider(lexicon), _unscreened(cleaner, lexicon)
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


def test_a_label_cleaner_defined_after_the_screen_runs_its_own_test():
    lexicon = _sponsored_lexicon()
    screen = lexicon.derived(SCREEN)  # built before the cleaner exists

    class Sponsored(LabelCleaner):
        name = "sponsored_test_only"
        reason = "sponsor label"

    assert not screen.covers(Sponsored())
    expected = ["The council met.", "Sponsored content matters."]
    assert _cleaned(Sponsored(), lexicon) == expected
    # A lexicon whose screen is built now covers the cleaner, with the same answer.
    later = _sponsored_lexicon()
    assert later.derived(SCREEN).covers(Sponsored())
    assert _cleaned(Sponsored(), later) == expected
