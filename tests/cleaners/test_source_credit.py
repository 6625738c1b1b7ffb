from __future__ import annotations

import pytest

from newsclean.cleaners.source_credit import SourceCredit
from newsclean.segment import render

BODY = (
    "Lukashenko came to Moscow on Wednesday for a two-day visit.\n\n"
    "It was initially not known whether the two would also comment on the question of soldiers."
)
REASON = "source or agency credit"


@pytest.mark.parametrize(
    ("credit", "source"),
    [
        ("(dpa)", "dpa"),
        ("(AFP)", "AFP"),
        ("(Reuters)", "Reuters"),
        ("(AFP/Reuters)", "AFP"),
        ("(mit dpa)", "dpa"),
        ("(jh/dpa)", "dpa"),
        ("(dpa-AFX)", "dpa-AFX"),
        ("(Ukrinform)", "Ukrinform"),
        ("Source: merkur", "merkur"),
        ("Source: Reuters", "Reuters"),
        ("Source: dpa", "dpa"),
        ("Via: Meduza", "Meduza"),
        ("Credit: Reuters", "Reuters"),
        ("Quelle: dpa", "dpa"),
        ("Mit Material von dpa", "dpa"),
    ],
)
def test_credit_line_is_removed_and_kept_as_source(run_cleaner, credit, source):
    doc = run_cleaner(SourceCredit, f"{BODY}\n\n{credit}")
    assert render(doc.blocks) == BODY
    assert doc.meta["source"] == source
    assert [(r.text, r.reason) for r in doc.removed] == [(credit, REASON)]


@pytest.mark.parametrize("initials", ["(as)", "(jh/ank)", "(AS)"])
def test_editors_initials_are_removed_without_metadata(run_cleaner, initials):
    doc = run_cleaner(SourceCredit, f"{BODY}\n\n{initials}")
    assert render(doc.blocks) == BODY
    assert "source" not in doc.meta
    assert [r.text for r in doc.removed] == [initials]


def test_seed_merkur_initials_and_source(run_cleaner, seed_text):
    doc = run_cleaner(SourceCredit, seed_text("004"))
    assert [r.text for r in doc.removed] == ["(as)", "Source: merkur"]
    assert doc.meta["source"] == "merkur"
    texts = [b.text for b in doc.blocks]
    assert "(as)" not in texts
    assert "Source: merkur" not in texts


@pytest.mark.parametrize(
    ("last", "kept", "source"),
    [
        ("The talks will continue next week. (dpa)", "The talks will continue next week.", "dpa"),
        ("The talks will continue next week. (AFP)", "The talks will continue next week.", "AFP"),
        ('"We will win," he said. (Reuters)', '"We will win," he said.', "Reuters"),
        (
            "The talks will continue next week. (dpa/jh)",
            "The talks will continue next week.",
            "dpa",
        ),
    ],
)
def test_agency_after_the_last_sentence_is_cut_off(run_cleaner, last, kept, source):
    doc = run_cleaner(SourceCredit, f"{BODY}\n\n{last}")
    assert render(doc.blocks) == f"{BODY}\n\n{kept}"
    assert doc.meta["source"] == source
    assert [(f.before, f.after, f.reason) for f in doc.fixes] == [
        (last, kept, "agency credit after the last sentence")
    ]
    assert doc.removed == []


def test_first_credit_wins_and_given_source_wins_over_all(run_cleaner):
    doc = run_cleaner(SourceCredit, f"{BODY}\n\n(AFP)\n\nSource: Reuters")
    assert doc.meta["source"] == "AFP"
    assert [r.text for r in doc.removed] == ["(AFP)", "Source: Reuters"]
    doc = run_cleaner(SourceCredit, f"{BODY}\n\n(AFP)", source="The Moscow Times")
    assert doc.meta["source"] == "The Moscow Times"
    assert [r.text for r in doc.removed] == ["(AFP)"]


@pytest.mark.parametrize(
    "line",
    [
        "Source: a senior official said the talks had stalled, speaking on condition of anonymity.",
        "Sources: two officials familiar with the matter told the agency the talks had stalled.",
        "The Russian agency (TASS) reported the meeting first.",
        "The talks will continue next week (dpa)",  # no sentence end before the agency
        "The talks will continue next week. (Video)",
        "(Updated)",
        "Quelle des Streits ist ein Vertrag aus dem Jahr 1999, sagte der Sprecher.",
    ],
)
def test_sentences_naming_a_source_stay(run_cleaner, assert_untouched, line):
    text = f"{BODY}\n\n{line}"
    assert_untouched(run_cleaner(SourceCredit, text), text)


def test_agency_in_parentheses_mid_text_is_only_cut_at_the_end(run_cleaner, assert_untouched):
    text = f"The talks will continue next week. (AFP)\n\n{BODY}"
    doc = run_cleaner(SourceCredit, text)
    assert_untouched(doc, text)
    assert doc.blocks[0].text == "The talks will continue next week. (AFP)"
    assert doc.fixes == []


@pytest.mark.parametrize(
    ("credit", "source"),
    [
        ("With material from Reuters", "Reuters"),
        ("With reporting from Reuters", "Reuters"),
    ],
)
def test_english_credit_without_colon(run_cleaner, credit, source):
    doc = run_cleaner(SourceCredit, f"{BODY}\n\n{credit}")
    assert render(doc.blocks) == BODY
    assert doc.meta["source"] == source
