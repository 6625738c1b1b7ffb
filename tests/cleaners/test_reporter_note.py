from __future__ import annotations

import pytest

from newsclean.cleaners.reporter_note import ReporterNote

BEFORE = "The harbour authority said the ferry would resume service on Thursday."
AFTER = "Passengers with tickets for cancelled crossings can claim a refund online."


@pytest.mark.parametrize(
    "note",
    [
        "Maria Lopez contributed reporting from Lisbon.",
        "Associated Press writers Anna Berg, Tom Hale and Lee Park contributed to this report.",
        "The Daily Record's Sam Cole contributed to this story.",
        "(Reporting by Jan Novak; Editing by Paul Grant)",
        "Reporting by Jan Novak; additional reporting by Eva Hart; Editing by Paul Grant",
        "(Reporting by Jan Novak in Prague)",
        "Contributing: Kim Lee",
        "Write to Jan Novak at jan.novak@example.com",
        "Email Jan Novak at jnovak@example.com or follow him @jnovak.",
        "Reach the reporter on Twitter at https://twitter.com/jnovak",
        "Have a tip? Jan Novak may be reached at jnovak@example.com.",
        "jan.novak@example.com twitter.com/jnovak",
    ],
)
def test_reporter_note_is_removed(run_between, note):
    doc = run_between(ReporterNote, note, BEFORE, AFTER)
    assert [(r.text, r.reason) for r in doc.removed] == [
        (note, "contributor credit or reporter contact line")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "By Jan Novak",
        "Reporting by Jan Novak",  # a byline, left to the byline cleaner
        "The fund contributed $5 million to the report's cost.",
        "Residents contributed to the clean-up for weeks, the mayor said.",
        "Contributing factors included fog and a faulty radar, the inquiry found.",
        "Email records show the minister was warned twice.",
        "Reach for the stars, the coach told his players before the final.",
        '"Write to me at home," she told the court he had said.',
        "Investigators reached the wreck at dawn on Tuesday and recovered the recorder from a "
        "depth of forty metres, officials said in a statement on the agency's website at noon.",
    ],
)
def test_prose_that_looks_like_a_note_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(ReporterNote, text), text)
