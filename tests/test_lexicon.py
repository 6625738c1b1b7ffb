from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import all_cases
from newsclean.cleaners import default_pipeline
from newsclean.cleaners.advertisement import Advertisement
from newsclean.cleaners.navigation import Navigation
from newsclean.lexicon import Derived, Lexicon, fullmatch_any, label_key, match_any, search_any
from newsclean.pipeline import default_lexicon
from newsclean.segment import render

USER_TOML = """
[meta]
description = "Extra phrases for an outlet the bundled data does not know"

[navigation]
labels = ["Weitere Nachrichten", "Zur Startseite"]
teaser_patterns = ['siehe dazu\\s*:\\s*\\S.*']

[advertisement]
labels = ["Reklame"]

[my_table]
phrases = ["only in the user file"]
"""
# The same phrases without the user's own table.
OUTLET_TOML = USER_TOML.split("[my_table]")[0]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  READ MORE » ", "read more"),
        ("Read more:", "read more"),
        ("→ Read more ←", "read more"),
        ("— Anzeige —", "anzeige"),
        ("«Mehr»", "mehr"),
        ("(dpa)", "dpa"),
        ("Don’t miss", "don't miss"),  # curly apostrophe straightened
        ("“Feel at home”: Shoigu", 'feel at home": shoigu'),  # inner punctuation kept
        ("Read   more", "read more"),  # inner spaces collapsed
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefolded
        ("Putin-Lukashenko plan", "putin-lukashenko plan"),
        ("2023-04-06", "2023-04-06"),
        ("***", ""),
        ("", ""),
    ],
)
def test_label_key(text, key):
    assert label_key(text) == key


def test_bundled_lexicon_has_every_cleaners_table():
    lexicon = Lexicon.load()
    for table in (
        "site_header",
        "timestamp",
        "photo_credit",
        "advertisement",
        "share_buttons",
        "newsletter_prompt",
        "navigation",
        "donation_appeal",
        "source_credit",
        "aggregator_footer",
    ):
        assert table in lexicon.tables
    # English and German lists are merged into one table.
    assert {"read more", "mehr zum thema"} <= lexicon.labels("navigation", "labels")
    assert {"advertisement", "anzeige"} <= lexicon.labels("advertisement", "labels")


def test_extra_file_extends_the_bundled_tables(tmp_path):
    extra = tmp_path / "outlet.toml"
    extra.write_text(USER_TOML, encoding="utf-8")
    # [my_table] is the table of a cleaner of the user's own: declared, so it is no typo.
    lexicon = Lexicon.load([extra], known={"my_table": ["phrases"]})
    bundled = Lexicon.load()

    labels = lexicon.phrases("navigation", "labels")
    assert labels[: len(bundled.phrases("navigation", "labels"))] == bundled.phrases(
        "navigation", "labels"
    )
    assert labels[-2:] == ["Weitere Nachrichten", "Zur Startseite"]
    assert {"read more", "weitere nachrichten"} <= lexicon.labels("navigation", "labels")
    assert len(lexicon.patterns("navigation", "teaser_patterns")) == (
        len(bundled.patterns("navigation", "teaser_patterns")) + 1
    )
    assert lexicon.phrases("my_table", "phrases") == ["only in the user file"]
    # The [meta] table describes the file; it is not phrase data.
    assert "meta" not in lexicon.tables


def test_extra_phrases_reach_the_cleaners(run_cleaner, tmp_path):
    extra = tmp_path / "outlet.toml"
    extra.write_text(OUTLET_TOML, encoding="utf-8")
    lexicon = Lexicon.load([extra])
    text = (
        "Lukaschenko traf Putin in Moskau.\n\nWeitere Nachrichten\n\n"
        "Siehe dazu: Belarus verlegt Truppen\n\nReklame\n\nDie Gespräche gehen weiter."
    )

    default = run_cleaner(Navigation, text)
    assert default.removed == []

    doc = run_cleaner(Navigation, text, lexicon=lexicon)
    assert [r.text for r in doc.removed] == [
        "Weitere Nachrichten",
        "Siehe dazu: Belarus verlegt Truppen",
    ]
    doc = run_cleaner(Advertisement, render(doc.blocks), lexicon=lexicon)
    assert render(doc.blocks) == "Lukaschenko traf Putin in Moskau.\n\nDie Gespräche gehen weiter."


def test_default_pipeline_takes_lexicon_files(tmp_path):
    extra = tmp_path / "outlet.toml"
    extra.write_text(OUTLET_TOML, encoding="utf-8")
    pipeline = default_pipeline(lexicon_files=[extra])
    assert "reklame" in pipeline.lexicon.labels("advertisement", "labels")
    assert "reklame" not in default_pipeline().lexicon.labels("advertisement", "labels")
    assert default_pipeline().lexicon is default_lexicon()


def test_bundled_false_loads_only_the_given_files(tmp_path):
    extra = tmp_path / "only.toml"
    extra.write_text('[navigation]\nlabels = ["Nur dies"]\n', encoding="utf-8")
    lexicon = Lexicon.load([extra], bundled=False)
    assert lexicon.tables == {"navigation": {"labels": ["Nur dies"]}}


def test_several_extra_files_extend_in_order(tmp_path):
    first = tmp_path / "a.toml"
    second = tmp_path / "b.toml"
    first.write_text('[navigation]\nlabels = ["A"]\n', encoding="utf-8")
    second.write_text('[navigation]\nlabels = ["B"]\n', encoding="utf-8")
    lexicon = Lexicon.load([first, str(second)], bundled=False)
    assert lexicon.phrases("navigation", "labels") == ["A", "B"]


@pytest.mark.parametrize(
    "content",
    [
        "[navigation\nlabels = []\n",  # unclosed table header
        '[navigation]\nlabels = ["unterminated]\n',
        "[navigation]\nlabels = [\n",
    ],
)
def test_bad_toml_is_a_value_error_naming_the_file(tmp_path, content):
    bad = tmp_path / "broken-outlet.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(bad))):
        Lexicon.load([bad])


def test_file_that_is_not_utf8_is_a_value_error_naming_the_file(tmp_path):
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[navigation]\nlabels = ["Zurück"]\n'.encode("latin-1"))
    with pytest.raises(ValueError, match=re.escape(str(bad))):
        Lexicon.load([bad])


@pytest.mark.parametrize(
    ("content", "mentions"),
    [
        ("[navigation]\nteaser_patterns = ['(unclosed']\n", "navigation.teaser_patterns"),
        ('[navigation]\nlabels = "Read more"\n', "navigation.labels"),
        ("[navigation]\nlabels = [1, 2]\n", "navigation.labels"),
        ('navigation = "not a table"\n', "[navigation]"),
    ],
)
def test_malformed_data_is_a_value_error_naming_file_and_key(tmp_path, content, mentions):
    bad = tmp_path / "outlet.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as excinfo:
        Lexicon.load([bad])
    assert str(bad) in str(excinfo.value)
    assert mentions in str(excinfo.value)


def test_patterns_are_compiled_once_and_case_insensitive_by_default():
    lexicon = Lexicon({"t": {"patterns": ["read more"]}})
    first = lexicon.patterns("t", "patterns")
    assert lexicon.patterns("t", "patterns") is first
    assert first[0].fullmatch("READ MORE")
    assert not lexicon.patterns("t", "patterns", ignore_case=False)[0].fullmatch("READ MORE")


def test_phrases_and_tables_are_copies():
    lexicon = Lexicon({"t": {"labels": ["One"]}})
    lexicon.phrases("t", "labels").append("Two")
    lexicon.tables["t"]["labels"].append("Three")
    assert lexicon.phrases("t", "labels") == ["One"]
    assert lexicon.labels("t", "labels") == frozenset({"one"})
    assert lexicon.phrases("missing", "labels") == []


def test_derived_structures_are_built_once():
    lexicon = Lexicon({})
    calls = []

    def build(lex: Lexicon) -> list[str]:
        calls.append(lex)
        return ["built"]

    key = Derived("key", build)
    assert lexicon.derived(key) == ["built"]
    assert lexicon.derived(key) == ["built"]
    assert len(calls) == 1
    # Another key is another structure, even under the same name: keys are objects, not strings.
    assert lexicon.derived(Derived("key", build)) == ["built"]
    assert len(calls) == 2
    with pytest.raises(AttributeError):
        lexicon.derived("key")  # type: ignore[arg-type]


def test_match_helpers():
    patterns = (re.compile("read more"), re.compile("more"))
    assert fullmatch_any(patterns, "more").re.pattern == "more"
    assert fullmatch_any(patterns, "read more please") is None
    assert match_any(patterns, "read more please").re.pattern == "read more"
    assert match_any(patterns, "please read more") is None
    assert search_any(patterns, "please read more").re.pattern == "read more"
    assert search_any((), "anything") is None


def test_joined_patterns_answer_as_the_patterns_one_by_one():
    # Every bundled pattern list joins into one expression; on every line of every fixture, and
    # on the variants a case-insensitive list must accept, it matches exactly where one of the
    # patterns does, and the helpers still return the first pattern's own match.
    lexicon = default_lexicon()
    lines = {
        line.strip()
        for case in all_cases()
        for line in case.read_input().splitlines()
        if line.strip()
    }
    lines = set(sorted(lines)[::2])  # half of them is plenty, and keeps the test quick
    lines |= {line.upper() for line in lines} | {line[: len(line) // 2] for line in lines}
    lists = [
        (table, key)
        for table, keys in lexicon.tables.items()
        for key in keys
        if key.endswith("patterns") and len(keys[key]) > 1
    ]
    assert len(lists) >= 8
    hits = 0
    for table, key in lists:
        patterns = lexicon.patterns(table, key)
        assert patterns.either is not None, (table, key)
        for line in lines:
            for how, helper in (
                ("fullmatch", fullmatch_any),
                ("match", match_any),
                ("search", search_any),
            ):
                one_by_one = next((m for p in patterns if (m := getattr(p, how)(line))), None)
                assert (getattr(patterns.either, how)(line) is not None) == (
                    one_by_one is not None
                ), (table, key, how, line)
                found = helper(patterns, line)
                assert (found and (found.re, found.span())) == (
                    one_by_one and (one_by_one.re, one_by_one.span())
                )
                hits += one_by_one is not None
    assert hits > 50  # the comparison met matches, not only misses


@pytest.mark.parametrize(
    ("sources", "joined"),
    [
        (["(?P<site>a+)", "(?P<site>b+)"], True),  # a group name used twice
        ([r"(a)\1", "b"], False),  # a back-reference counts groups
        (["(?P<x>a)(?P=x)", "b"], False),
        (["(?i)a", "b"], False),  # global flags are allowed only at the start
        (["one"], False),  # nothing to join
    ],
)
def test_patterns_join_only_where_meaning_is_kept(sources, joined):
    lexicon = Lexicon({"t": {"patterns": sources}})
    patterns = lexicon.patterns("t", "patterns")
    assert (patterns.either is not None) == joined
    for text in ("aa", "bb", "A", "b", "one", "ab"):
        expected = next((m for p in patterns if (m := p.fullmatch(text))), None)
        found = fullmatch_any(patterns, text)
        assert (found and found.re) == (expected and expected.re)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("aZ9_ .,:-»«“”’'\u00a0\t→|é\u0301x") | st.characters(), max_size=30))
def test_label_key_strips_the_edges_as_the_rule_says(text):
    # The rule: casefolded, quotes straightened, every character at either edge that is not a
    # letter or digit stripped, spaces collapsed.
    quotes = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
    folded = re.sub(r"^[\s\W_]+|[\s\W_]+$", "", text.translate(quotes).casefold())
    assert label_key(text) == " ".join(folded.split())
