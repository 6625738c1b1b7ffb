"""Cleaner settings: set from Python, from a TOML file, from pyproject.toml; listed by
``newsclean cleaners --verbose``; every unknown name or wrong value an error."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean import clean, default_pipeline
from newsclean.cleaners import DEFAULT_CLEANERS
from newsclean.cleaners.donation_appeal import DonationAppeal
from newsclean.cleaners.newsletter_prompt import NewsletterPrompt
from newsclean.cleaners.settings import (
    ConfigError,
    configs,
    merged,
    read_config_file,
    settings_of,
)
from newsclean.cleaners.timestamp import Timestamp
from newsclean.cli import app

# An appeal of 16 words between two paragraphs of prose: removed under the default limit (120).
APPEAL = "If you value our journalism, please consider making a contribution to our newsroom today."
ARTICLE = (
    "The talks will continue in Moscow next week, officials in Minsk said on Monday.\n\n"
    f"{APPEAL}\n\n"
    "Belarus relies financially and politically on its key ally Russia, the ministry added."
)
runner = CliRunner()


def test_every_cleaner_has_a_frozen_config_with_documented_defaults() -> None:
    for cls in DEFAULT_CLEANERS:
        config = cls.Config()
        assert dataclasses.is_dataclass(config), cls.name
        for f in dataclasses.fields(config):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(config, f.name, 1)
    assert settings_of(DonationAppeal) == {"max_appeal_words": 120, "max_trailing_words": 6}
    assert settings_of(NewsletterPrompt) == {"max_words": 45}  # its own default, not 30


def test_a_setting_from_python_changes_what_the_cleaner_does() -> None:
    pipeline = default_pipeline()
    assert APPEAL not in clean(ARTICLE, pipeline=pipeline).text
    strict = DonationAppeal(config=DonationAppeal.Config(max_appeal_words=10))
    kept = clean(ARTICLE, pipeline=pipeline.without("donation_appeal").with_cleaner(strict))
    assert APPEAL in kept.text
    # The default cleaner, asked again on the same lexicon, still removes it (its test of a block
    # is kept apart from the one built under other settings).
    assert APPEAL not in clean(ARTICLE, pipeline=pipeline).text


def test_default_pipeline_takes_settings_by_name() -> None:
    pipeline = default_pipeline(config={"donation_appeal": {"max_appeal_words": 10}})
    assert pipeline["donation_appeal"].config == DonationAppeal.Config(max_appeal_words=10)
    assert pipeline["timestamp"].config == Timestamp.Config()
    assert APPEAL in clean(ARTICLE, pipeline=pipeline).text
    given = Timestamp.Config(date_zone=0)
    assert default_pipeline(config={"timestamp": given})["timestamp"].config is given


def test_the_wrong_config_class_is_refused() -> None:
    with pytest.raises(TypeError, match="DonationAppeal.Config"):
        DonationAppeal(config=Timestamp.Config())  # type: ignore[arg-type]


NUMBER = "must be a whole number >= 0, not"


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        (
            {"donation_apeal": {"max_appeal_words": 1}},
            "unknown cleaner 'donation_apeal' (did you mean 'donation_appeal'?)",
        ),
        (
            {"donation_appeal": {"max_apeal_words": 1}},
            "donation_appeal has no setting 'max_apeal_words' (did you mean 'max_appeal_words'?",
        ),
        ({"headline": {"window": 1}}, "headline has no setting 'window' (its settings: none)"),
        ({"timestamp": {"date_zone": "6"}}, f"timestamp.date_zone {NUMBER} '6'"),
        ({"timestamp": {"date_zone": -1}}, f"timestamp.date_zone {NUMBER} -1"),
        ({"timestamp": {"date_zone": True}}, f"timestamp.date_zone {NUMBER} True"),
        ({"timestamp": 6}, "[timestamp] must be a table of settings"),
    ],
)
def test_unknown_names_and_wrong_values_are_errors(tables: dict, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        configs(tables, DEFAULT_CLEANERS, "cfg.toml")
    assert str(error.value).startswith("cfg.toml: ")
    assert message in str(error.value)


def test_layers_merge_setting_by_setting() -> None:
    low = {"photo_credit": {"max_credit_words": 20, "max_bare_credit_words": 4}}
    high = {"photo_credit": {"max_credit_words": 30}, "timestamp": {"date_zone": 2}}
    assert merged(low, high) == {
        "photo_credit": {"max_credit_words": 30, "max_bare_credit_words": 4},
        "timestamp": {"date_zone": 2},
    }
    assert low["photo_credit"]["max_credit_words"] == 20  # the layers are not changed


def _setting_lines(output: str, cleaner: str) -> list[str]:
    """The ``key = value`` lines listed under ``cleaner`` by ``cleaners --verbose``."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{cleaner} "))
    found = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        found.append(" ".join(line.split()))
    return found


def test_cleaners_verbose_lists_every_setting_with_its_value(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no pyproject.toml here
    result = runner.invoke(app, ["cleaners", "--verbose"])
    assert result.exit_code == 0, result.output
    for cls in DEFAULT_CLEANERS:
        expected = [f"{k} = {v!r}" for k, v in settings_of(cls).items()]
        assert _setting_lines(result.output, cls.name) == expected
    assert _setting_lines(result.output, "donation_appeal") == [
        "max_appeal_words = 120",
        "max_trailing_words = 6",
    ]
    plain = runner.invoke(app, ["cleaners"]).output
    assert "max_appeal_words" not in plain


def test_config_file_and_pyproject_precedence(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.newsclean.photo_credit]\n'
        "max_credit_words = 20\nmax_bare_credit_words = 4\n",
        encoding="utf-8",
    )
    (tmp_path / "cfg.toml").write_text("[photo_credit]\nmax_credit_words = 30\n", encoding="utf-8")
    from_pyproject = runner.invoke(app, ["cleaners", "-v"])
    assert _setting_lines(from_pyproject.output, "photo_credit") == [
        "max_credit_words = 20",
        "max_bare_credit_words = 4",
        "max_bare_phrase_words = 15",
    ]
    both = runner.invoke(app, ["cleaners", "-v", "--config", "cfg.toml"])
    assert _setting_lines(both.output, "photo_credit") == [
        "max_credit_words = 30",  # --config wins
        "max_bare_credit_words = 4",  # pyproject.toml, where --config says nothing
        "max_bare_phrase_words = 15",  # the default
    ]


def test_run_with_config_changes_the_output(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "cfg.toml").write_text("[donation_appeal]\nmax_appeal_words = 10\n", "utf-8")
    texts = []
    for extra in ([], ["--config", "cfg.toml"]):
        out = tmp_path / f"out{len(extra)}"
        result = runner.invoke(app, ["run", "a.txt", "-o", str(out), "-q", "-j", "1", *extra])
        assert result.exit_code == 0, result.output
        (line,) = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        texts.append(json.loads(line)["text"])
    assert APPEAL not in texts[0]
    assert APPEAL in texts[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[navigaton]\nmax_words = 3\n", "unknown cleaner 'navigaton' (did you mean 'navigation'"),
        ("[navigation]\nmax_word = 3\n", "navigation has no setting 'max_word'"),
        ("[navigation\n", "config file cfg.toml: "),
    ],
)
def test_a_bad_config_file_is_a_one_line_usage_error(tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cfg.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    commands = (["run", "a.txt", "-o", "out"], ["cleaners"])
    for args in (command + ["--config", "cfg.toml"] for command in commands):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert message in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_bad_pyproject_section_is_an_error_too(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.newsclean.bylien]\nbyline_zone = 2\n", "utf-8")
    result = runner.invoke(app, ["cleaners"])
    assert result.exit_code == 2
    assert (
        "pyproject.toml [tool.newsclean]: unknown cleaner 'bylien' (did you mean 'byline'?)"
        in result.output
    )


def test_the_readme_example_is_a_valid_config(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    after = readme.split("newsclean cleaners --verbose` lists", 1)[1]
    example = after.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "example.toml").write_text(example, encoding="utf-8")
    found = configs(read_config_file(tmp_path / "example.toml"), DEFAULT_CLEANERS, "README")
    assert found["timestamp"] == Timestamp.Config(date_zone=10)
    assert found["donation_appeal"] == DonationAppeal.Config(max_appeal_words=150)


def test_a_cleaner_of_ones_own_needs_no_config() -> None:
    from newsclean.pipeline import Cleaner

    class Shout(Cleaner):
        """Upper-cases every block (a test cleaner)."""

        name = "shout"

        def __init__(self) -> None:  # does not call Cleaner.__init__
            self.calls = 0

        def apply(self, doc) -> None:  # type: ignore[no-untyped-def]
            for i, block in enumerate(doc.blocks):
                doc.fix(i, block.text.upper(), self.name)

    shout = Shout()
    assert settings_of(shout) == {}
    article = clean("Kyiv is calm.", pipeline=default_pipeline().with_cleaner(shout))
    assert article.text == "KYIV IS CALM."
