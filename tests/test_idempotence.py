"""clean(clean(x).text).text == clean(x).text for pages shaped like the harvested ones: a title
known from the page that the first line of the body is not a copy of."""

from __future__ import annotations

import pytest

from newsclean import clean

_PARAGRAPHS = (
    "<p>The regional harbour authority on Tuesday approved plans for a new ferry terminal on the "
    "eastern side of the bay, ending a dispute that had delayed the project for three years.</p>"
    "<p>The terminal will replace the current pier, which was built in the 1960s and can no "
    "longer take the larger vessels that now serve the islands, the authority said.</p>"
    "<p>Construction is expected to start next spring and to cost about 48 million euros, most of "
    "it paid by the national infrastructure fund, officials said on Tuesday.</p>"
)


def _page(title: str, first_line: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<p>{first_line}</p>{_PARAGRAPHS}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "first_line"),
    [
        # The page's title carries the site's name; the body opens with the bare headline.
        ("Harbour authority approves ferry terminal | Bay Herald", "Harbour authority approves"),
        # A kicker line the title does not hold.
        ("Harbour authority approves new ferry terminal", "Bay news in brief"),
    ],
)
def test_page_with_a_title_is_cleaned_to_a_fixed_point(title: str, first_line: str) -> None:
    first = clean(html=_page(title, first_line))
    assert "ferry terminal on the eastern side" in first.text  # the body is there
    assert clean(first.text).text == first.text


def test_a_second_reading_records_what_it_removed_and_keeps_the_title() -> None:
    """The line the reading as a new article takes for a headline is removed and recorded; the
    title stays the page's."""
    first = clean(html=_page("Harbour authority approves ferry terminal | Bay Herald", "Bay news"))
    assert [(r.cleaner, r.text) for r in first.removed] == [("headline", "Bay news")]
    assert first.title == "Harbour authority approves ferry terminal"
    assert first.text.startswith("The regional harbour authority")
