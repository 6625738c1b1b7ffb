"""Issue 20, plugins: a cleaner from an installed package (entry-point group
``newsclean.cleaners``) or from ``--cleaner module:Class``, in the position asked, listed by
``newsclean cleaners``, running in ``newsclean run``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_stats import invoke, records

PLUGIN = '''
from newsclean.pipeline import Cleaner


class MarkerLine(Cleaner)
    """Removes lines saying PLUGIN-MARK (a test plugin)."""

    name = "marker_line"
    after = "navigation"

    def apply(self, doc):
        before = sorted({r.cleaner for r in doc.removed})
        drop = [i for i, b in enumerate(doc.blocks) if "PLUGIN-MARK" in b.text]
        doc.remove(drop, self.name, "marker; removed before: " + ",".join(before))


class NotACleaner:
    pass
'''.replace("(Cleaner)\n", "(Cleaner):\n")

ARTICLE = (
    "Kyiv lifts curfew for New Year\n\n"
    "The city administration said on Friday that the curfew would be lifted for one night.\n\n"
    "PLUGIN-MARK\n\n"
    "Residents were asked to stay close to shelters and to follow the alerts.\n\n"
    "Advertisement\n\n"
    "Read more: Kyiv metro hours"
)


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plugin module, and (for the entry point) a dist-info directory that
    importlib.metadata finds on sys.path, as pip would leave it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "nc_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "nc_test_plugin", raising=False)
    return site


def installed(site: Path) -> None:
    info = site / "nc_test_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nc-test-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[newsclean.cleaners]\nmarker = nc_test_plugin:MarkerLine\n"
    )


def listed(*args: str) -> list[str]:
    result = invoke("cleaners", *args)
    assert result.exit_code == 0, result.output
    return [line.split()[0] for line in result.output.splitlines() if line.strip()]


def test_an_installed_plugin_is_listed_and_runs_where_it_asks(package: Path, tmp_path: Path):
    plain = listed()
    assert "marker_line" not in plain
    installed(package)
    names = listed()
    assert names == [*plain[: plain.index("navigation") + 1], "marker_line",
                     *plain[plain.index("navigation") + 1 :]]  # fmt: skip
    assert "[plugin: nc_test_plugin]" in invoke("cleaners").output
    assert listed("--no-plugins") == plain
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("run", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    [article] = records(tmp_path / "out" / "articles.jsonl")
    assert "PLUGIN-MARK" not in article["text"]
    assert "Residents were asked" in article["text"]
    [marker] = [r for r in article["metadata"]["removed"] if r["cleaner"] == "marker_line"]
    ran_before = set(names[: names.index("marker_line")])
    seen = set(marker["reason"].split(": ", 1)[1].split(",")) - {""}
    assert "advertisement" in seen and seen <= ran_before  # the ad label went before it
    stats = json.loads((tmp_path / "out" / "stats.json").read_text())
    assert stats["cleaners"]["marker_line"]["removals"] == 1


def test_cleaner_option_places_a_class_before_or_after_a_name(package: Path, tmp_path: Path):
    plain = listed()
    names = listed("--cleaner", "nc_test_plugin:MarkerLine@before=text_fix")
    assert names == ["marker_line", *plain]
    names = listed("--cleaner", "nc_test_plugin:MarkerLine")  # its own after = "navigation"
    assert names.index("marker_line") == names.index("navigation") + 1
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    spec = "nc_test_plugin:MarkerLine@before=text_fix"
    result = invoke("run", tmp_path / "in", "--out", out, "-j", "1", "--cleaner", spec)
    assert result.exit_code == 0, result.output
    [article] = records(out / "articles.jsonl")
    [marker] = [r for r in article["metadata"]["removed"] if r["cleaner"] == "marker_line"]
    assert marker["reason"] == "marker; removed before: "  # first: nothing removed yet


@pytest.mark.parametrize(
    "spec, said",
    [
        ("nc_test_plugin", "write module:Class"),
        ("nc_test_plugin:Missing", "cannot load"),
        ("nc_test_plugin:NotACleaner", "not a newsclean Cleaner"),
        ("nc_test_plugin:MarkerLine@after=nowhere", "nowhere, which is not in the chain"),
        ("nc_test_plugin:MarkerLine@near=navigation", "before=NAME or after=NAME"),
    ],
)
def test_a_bad_cleaner_option_is_a_one_line_usage_error(
    package: Path, tmp_path: Path, spec: str, said: str
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("run", tmp_path / "a.txt", "--out", tmp_path / "out", "--cleaner", spec)
    assert result.exit_code == 2
    assert said in result.output and len(result.output.strip().splitlines()) == 1
