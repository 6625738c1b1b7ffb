from __future__ import annotations

import pytest

from newsclean.cleaners.rule_line import RuleLine

BEFORE = "Emergency crews closed two bridges over the swollen river on Wednesday, the county said."
AFTER = "Associated Press writer Tom Keller in Vienna contributed to this report."


@pytest.mark.parametrize("line", ["___", "-----", "======", "~~~", "— — —", "____ ____", "–––"])
def test_rule_line_goes(run_between, line):
    doc = run_between(RuleLine, line, BEFORE, AFTER)
    assert [(r.reason, r.text) for r in doc.removed] == [("horizontal rule (no words)", line)]


@pytest.mark.parametrize(
    "line",
    [
        "* * *",  # a writer's section break
        "***",
        "--",  # too short to be a rule
        "— Anna Berg",
        "___ words in a line ___",
        "2-1",
        "- Bridges closed",
    ],
)
def test_section_breaks_and_lines_with_words_stay(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(RuleLine, text), text)
