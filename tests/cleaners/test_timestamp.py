from __future__ import annotations

import pytest

from newsclean.cleaners.timestamp import Timestamp, iso_date
from newsclean.segment import render

DATE_ZONE = Timestamp.Config().date_zone

HEADLINE = "Putin back in Minsk after a long time"
BODY = "Belarusian ruler Alexander Lukashenko received Kremlin chief Vladimir Putin at the airport."
REASON = "publication date line (kept as metadata.published)"


def _article(date_line: str) -> str:
    return f"{HEADLINE}\n\n{date_line}\n\n{BODY}"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # Machine timestamps (seed 004 prints one under the headline).
        ("2023-04-06T11:03:23.682Z", "2023-04-06T11:03:23.682+00:00"),
        ("2023-04-06T11:03:23+0200", "2023-04-06T11:03:23+02:00"),
        ("2023-04-06T11:03:23+02:00", "2023-04-06T11:03:23+02:00"),
        ("2023-04-06", "2023-04-06"),
        # English-language date lines.
        ("Published: 6 April 2023", "2023-04-06"),
        ("Published 17 January 2024", "2024-01-17"),
        ("April 6, 2023", "2023-04-06"),
        ("Thursday, 6 April 2023", "2023-04-06"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("April 6th, 2023", "2023-04-06"),
        ("Posted on April 6, 2023 at 3:05 pm", "2023-04-06T15:05:00"),
        ("Published 3:05 p.m. April 6, 2023", "2023-04-06T15:05:00"),
        ("Last updated: 6 Apr 2023 - 14:30", "2023-04-06T14:30:00"),
        # A known zone after the clock time gives the offset.
        ("Updated 12:41 GMT, April 6, 2023", "2023-04-06T12:41:00+00:00"),
        ("Published: 6 April 2023, 14:30 BST", "2023-04-06T14:30:00+01:00"),
        ("Updated: 2 May 2024, 09:15 (CEST)", "2024-05-02T09:15:00+02:00"),
        # German date lines ("Uhr" is not a zone).
        ("06.04.2023", "2023-04-06"),
        ("Stand: 06.04.2023 11:03 Uhr", "2023-04-06T11:03:00"),
        ("Veröffentlicht am 6. April 2023", "2023-04-06"),
        ("6. März 2023, 11.03 Uhr", "2023-03-06T11:03:00"),
        ("Aktualisiert am 2. Mai 2024 um 09:15 Uhr", "2024-05-02T09:15:00"),
    ],
)
def test_date_line_is_removed_and_kept_as_published(run_cleaner, line, published):
    doc = run_cleaner(Timestamp, _article(line))
    assert render(doc.blocks) == f"{HEADLINE}\n\n{BODY}"
    assert doc.meta["published"] == published
    assert [(r.text, r.reason) for r in doc.removed] == [(line, REASON)]


def test_seed_iso_timestamp(run_cleaner, seed_text):
    doc = run_cleaner(Timestamp, seed_text("004"))
    assert doc.meta["published"] == "2023-04-06T11:03:23.682+00:00"
    assert [r.text for r in doc.removed] == ["2023-04-06T11:03:23.682Z"]
    assert "2023-04-06T11:03:23.682Z" not in render(doc.blocks)


def test_first_date_wins_and_every_date_line_goes(run_cleaner):
    text = f"{HEADLINE}\n\nPublished 17 January 2024\n\nUpdated 18 January 2024\n\n{BODY}"
    doc = run_cleaner(Timestamp, text)
    assert doc.meta["published"] == "2024-01-17"
    assert [r.text for r in doc.removed] == ["Published 17 January 2024", "Updated 18 January 2024"]
    assert render(doc.blocks) == f"{HEADLINE}\n\n{BODY}"


def test_given_published_wins_over_the_text(run_cleaner):
    doc = run_cleaner(Timestamp, _article("Published: 6 April 2023"), published="2023-04-05")
    assert doc.meta["published"] == "2023-04-05"
    assert [r.text for r in doc.removed] == ["Published: 6 April 2023"]


def test_machine_timestamp_is_taken_deep_in_the_text(run_cleaner):
    paragraphs = [f"Paragraph {n} of the report." for n in range(DATE_ZONE + 2)]
    text = "\n\n".join([HEADLINE, *paragraphs, "2023-04-07T10:00:00Z"])
    doc = run_cleaner(Timestamp, text)
    assert doc.meta["published"] == "2023-04-07T10:00:00+00:00"
    assert [r.text for r in doc.removed] == ["2023-04-07T10:00:00Z"]


def test_date_subheading_deep_in_a_timeline_stays(run_cleaner, assert_untouched):
    paragraphs = [f"Paragraph {n} of the timeline." for n in range(DATE_ZONE)]
    text = "\n\n".join(
        [
            HEADLINE,
            *paragraphs,
            "6 April 2023",
            "Putin and Lukashenko met in Moscow.",
            "7 April 2023",
            "The talks ended without a joint statement.",
        ]
    )
    assert_untouched(run_cleaner(Timestamp, text), text)


def test_same_date_line_is_judged_by_where_it_stands_in_each_article(run_cleaner):
    # What a line says is read once and kept; where it stands is still each article's own.
    paragraphs = [f"Paragraph {n} of the timeline." for n in range(DATE_ZONE)]
    deep = "\n\n".join([HEADLINE, *paragraphs, "8 April 2023", "The talks went on."])
    for _ in range(2):
        assert run_cleaner(Timestamp, deep).removed == []
        top = run_cleaner(Timestamp, _article("8 April 2023"))
        assert [r.text for r in top.removed] == ["8 April 2023"]
        assert top.meta["published"] == "2023-04-08"


@pytest.mark.parametrize(
    "line",
    [
        "Monday, 11 March",  # a timeline subheading without a year
        "On 6 April 2023 the two leaders met in Moscow.",  # a sentence with a date in it
        "Published: 31 February 2023",  # no such day
        "2023-02-31",
        "1994",  # a year alone
        "April 2023",
        "12:41",
        "Lukashenko has been in power in Belarus since 1994, longer than any other leader.",
    ],
)
def test_lines_that_are_not_a_publication_date_stay(run_cleaner, assert_untouched, line):
    text = _article(line)
    assert_untouched(run_cleaner(Timestamp, text), text)


@pytest.mark.parametrize("line", ["Born 2 March 1931", "Died 30 August 2022"])
def test_life_dates_in_an_obituary_are_not_publication_dates(run_cleaner, assert_untouched, line):
    text = f"Mikhail Gorbachev, last Soviet leader, dies at 91\n\n{line}\n\n{BODY}"
    assert_untouched(run_cleaner(Timestamp, text), text)


@pytest.mark.parametrize(
    ("value", "normalized"),
    [
        ("2023-04-06T11:03:23.682Z", "2023-04-06T11:03:23.682+00:00"),
        ("2023-04-06T11:03:23.123456Z", "2023-04-06T11:03:23.123456+00:00"),
        ("2023-04-06T11:03:23,5Z", "2023-04-06T11:03:23.500+00:00"),
        ("2023-04-06T11:03:23+0200", "2023-04-06T11:03:23+02:00"),
        ("2023-04-06 11:03", "2023-04-06T11:03:00"),
        ("2023-04-06", "2023-04-06"),
        ("2023-02-31", None),
    ],
)
def test_iso_date(value, normalized):
    assert iso_date(value) == normalized


TIME_REASON = "update time or reading time line (no date in it)"


@pytest.mark.parametrize(
    "line",
    [
        "Updated at 1:23 p.m. ET",
        "Published 09:41 GMT",
        "Last updated: 11:05 am",
        "Posted at 7:30",
        "5 min read",
        "Reading time: 3 minutes",
        "Lesezeit: 4 Minuten",
        "Tempo de leitura: 1 minuto",
        "3-minute read",
    ],
)
def test_time_only_update_line_goes_anywhere_without_setting_published(run_cleaner, line):
    text = (
        f"{_article('Published: 6 April 2023')}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{line}\n\n{BODY}"
    )
    doc = run_cleaner(Timestamp, text)
    assert doc.meta["published"] == "2023-04-06"
    assert [(r.reason, r.text) for r in doc.removed][-1] == (TIME_REASON, line)
    assert line not in render(doc.blocks)


@pytest.mark.parametrize(
    "line",
    [
        "10:30 Trains resume on the northern line.",  # a timetable row
        "12:41",
        "Updated at 1:23 p.m. ET, the figures showed a rise.",  # a sentence
        "The market updated at 9:00 as usual.",
        "Reading time for children rose to 25 minutes a day, the survey found.",
        "5 minutes",
    ],
)
def test_a_time_without_an_update_word_or_inside_a_sentence_stays(
    run_cleaner, assert_untouched, line
):
    text = f"{BODY}\n\n{line}\n\n{BODY}"
    assert_untouched(run_cleaner(Timestamp, text), text)
