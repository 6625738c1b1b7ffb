"""The lexicon schema: a misspelt table or key in a lexicon file is an error, and the schema lists
every list the code reads."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean.cleaners import DEFAULT_CLEANERS
from newsclean.cleaners._labels import LabelCleaner
from newsclean.cli import app
from newsclean.lexicon import Lexicon, _schema

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsclean"
#: Lexicon methods that read one list, ``(table, key)`` their first two arguments.
READERS = {"phrases", "labels", "label_set", "patterns", "never_headline"}


def _reads_in_code() -> set[tuple[str, str]]:
    """Every ``(table, key)`` the code names literally when it reads a list, and the lists every
    label cleaner reads (its labels and its pattern key)."""
    found: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            table, key = node.args[:2]
            if (
                name in READERS
                and isinstance(table, ast.Constant)
                and isinstance(key, ast.Constant)
            ):
                found.add((table.value, key.value))
    for cls in DEFAULT_CLEANERS:
        if issubclass(cls, LabelCleaner):
            found |= {(cls.name, "labels"), (cls.name, cls.pattern_key)}
    return found


def test_the_schema_lists_every_list_the_code_reads() -> None:
    schema = _schema()
    reads = _reads_in_code()
    assert len(reads) > 30  # the scan did find the reads
    missing = {
        (t, k) for t, k in reads if k not in schema.get(t, {}) and "*" not in schema.get(t, {})
    }
    assert missing == set()


def test_every_key_in_the_schema_is_read_or_bundled() -> None:
    # No dead entries: each key is read by the code, or holds bundled data (language codes).
    reads = _reads_in_code()
    bundled = Lexicon.load().tables
    for table, keys in _schema().items():
        for key in keys:
            if key != "*":
                assert (table, key) in reads or key in bundled.get(table, {}), (table, key)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[navigaton]\nlabels = ["X"]\n', "unknown table [navigaton] (did you mean [navigation]?)"),
        ('[navigation]\nlables = ["X"]\n', "navigation.lables (did you mean navigation.labels?)"),
        ('[navigation]\nteaser_pattern = ["x"]\n', "(did you mean navigation.teaser_patterns?)"),
        ('[site_header]\nsitename = ["X"]\n', "(did you mean site_header.sitenames?)"),
        ('[qwertyuiop]\nlabels = ["X"]\n', "unknown table [qwertyuiop]"),
        ('[navigation]\nlabels = ["Read on", " "]\n', "navigation.labels holds an empty phrase"),
    ],
)  # fmt: skip
def test_a_misspelt_table_or_key_is_an_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "outlet.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as error:
        Lexicon.load([path])
    assert str(error.value).startswith(f"lexicon file {path}: ")
    assert message in str(error.value)


def test_open_tables_take_any_key_and_known_extends_the_schema(tmp_path) -> None:
    path = tmp_path / "more.toml"
    path.write_text(
        '[meta]\nsource = "me"\n\n[language]\nsv = ["och", "att"]\n\n[sponsor]\nlabels = ["Ad"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"unknown table \[sponsor\]"):
        Lexicon.load([path])
    lexicon = Lexicon.load([path], known={"sponsor": ["labels"]})
    assert lexicon.phrases("language", "sv") == ["och", "att"]
    assert lexicon.phrases("sponsor", "labels") == ["Ad"]


def test_the_command_line_says_so_in_one_line(tmp_path) -> None:
    path = tmp_path / "outlet.toml"
    path.write_text('[navigation]\nlables = ["X"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--lexicon", str(path)]
    )
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"newsclean: lexicon file {path}: unknown key navigation.lables"
        " (did you mean navigation.labels?)"
    )
