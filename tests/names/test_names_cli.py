"""Names on the command line: --names, --no-bundled-names, --english-variants, names learn."""

from __future__ import annotations

import json
from pathlib import Path

import tomllib
from typer.testing import CliRunner

from helpers import SEEDS
from newsclean.cli import app

runner = CliRunner()
ARTICLE = (
    "Zaporizhzhia plant loses power again\n\n"
    "The Zaporizhzhia nuclear plant lost external power for the third time this year, the "
    "operator said on Tuesday. Inspectors from Kiev were on their way, and Olexandr Ussyk, "
    "the station's deputy director, said that the diesel generators had started.\n\n"
    "Ussyk said the reserves would last ten days."
)


def run(tmp_path: Path, *options: str) -> dict:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    return json.loads((out / "articles.jsonl").read_text(encoding="utf-8"))


def test_user_names_file(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("canonical,variant\nUsyk,Ussyk\n", encoding="utf-8")
    record = run(tmp_path, "--names", str(names))
    assert "Ussyk" not in record["text"] and record["text"].count("Usyk") == 2
    fixes = [(f["before"], f["after"]) for f in record["metadata"]["fixes"]]
    assert ("Ussyk", "Usyk") in fixes


def test_english_variants_are_opt_in(tmp_path: Path) -> None:
    assert "Kiev" in run(tmp_path)["text"]
    assert "Kyiv" in run(tmp_path, "--english-variants")["text"]


def test_no_bundled_names(tmp_path: Path) -> None:
    text = (
        "Peace talks stall\n\n"
        "Chrenin said on Monday that the talks had stalled again, and that no date was set."
    )  # (not Peskow: the German-spelling converter turns it to Peskov without the gazetteer)
    src = tmp_path / "b.txt"
    src.write_text(text, encoding="utf-8")
    for options, expected in (([], "Khrenin said"), (["--no-bundled-names"], "Chrenin said")):
        out = tmp_path / f"out{len(options)}"
        assert runner.invoke(app, ["run", str(src), "--out", str(out), *options]).exit_code == 0
        assert expected in json.loads((out / "articles.jsonl").read_text(encoding="utf-8"))["text"]


def test_names_learn_finds_variants_across_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Talks in Minsk\n\nKremlin spokesman Dmitry Peskov said the talks in Minsk would go on "
        "for another week, and Tsymbaliuk agreed.",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "More talks\n\nThe talks went on, said Peskow. The envoy Zymbaljuk said the same thing "
        "to reporters in the evening.",
        encoding="utf-8",
    )
    output = tmp_path / "names.toml"
    result = runner.invoke(app, ["names", "learn", str(corpus), str(SEEDS), "-o", str(output)])
    assert result.exit_code == 0, result.output
    learned = {e["canonical"]: e for e in tomllib.loads(output.read_text(encoding="utf-8"))["name"]}
    assert learned["Peskov"]["variants"] == ["Peskow"]
    assert learned["Peskov"]["counts"]["Peskow"] == 2  # one in the corpus, one in seed 003
    assert "said Peskow" in learned["Peskov"]["contexts"]["Peskow"]
    assert learned["Tsymbaliuk"]["variants"] == ["Zymbaljuk"]
    assert "Shoigu" not in learned  # one spelling only: nothing to review
    # The learned file applies as it is.
    applied = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "run",
            str(corpus / "b.txt"),
            "--out",
            str(applied),
            "--names",
            str(output),
            "--no-bundled-names",
        ],
    )
    assert result.exit_code == 0, result.output
    text = json.loads((applied / "articles.jsonl").read_text(encoding="utf-8"))["text"]
    assert "Peskov" in text and "Tsymbaliuk" in text
