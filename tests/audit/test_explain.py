"""Issue 20, ``newsclean explain``: one article in the terminal, kept text with every removal in
its place (labelled with cleaner and reason, struck through), fixes as before → after, the
metadata found."""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path

from rich.console import Console
from test_stats import invoke

from helpers import FIXTURES, SEEDS
from newsclean import clean
from newsclean.audit.explain import explain, layout
from newsclean.cleaners import default_pipeline


def test_explain_shows_the_text_the_removals_in_place_the_fixes_and_the_metadata() -> None:
    seed = next(p for p in sorted(SEEDS.glob("*.txt")) if clean(p.read_text()).fixes)
    original = seed.read_text(encoding="utf-8")
    article = clean(original)
    result = invoke("explain", seed, "--width", "5000")
    assert result.exit_code == 0, result.output
    shown = result.output
    for paragraph in article.text.split("\n\n"):
        assert paragraph in shown
    for removal in article.removed:
        assert f"{removal.text}  [{removal.cleaner}: {removal.reason}]" in shown
    for fix in article.fixes:
        assert f"{fix.cleaner}: {fix.before!r} → {fix.after!r}" in shown
    assert article.title and article.title in shown
    assert re.search(rf"word_count\s*│\s*{article.word_count}\s", shown)
    # In place: the blocks come in the order the input has them.
    order = [shown.index(r.text + "  [") for r in article.removed if r.text in original]
    starts = sorted(original.index(r.text) for r in article.removed if r.text in original)
    assert [original.index(r.text) for r in sorted(article.removed, key=lambda r: shown.index(
        r.text + "  ["))] == starts, order  # fmt: skip
    first_kept = article.text.split("\n\n")[0][:60]
    before = [r for r in article.removed if original.index(r.text) < original.index(first_kept)]
    assert all(shown.index(r.text + "  [") < shown.index(first_kept) for r in before)


def test_removed_blocks_are_struck_through_in_the_cleaners_colour() -> None:
    case = next(p for p in sorted(FIXTURES.glob("cases/*/input.txt")))
    original = case.read_text(encoding="utf-8")
    article = clean(original)
    assert article.removed
    console = Console(
        record=True, width=200, force_terminal=True, color_system="standard", file=io.StringIO()
    )
    explain(article, original, default_pipeline().names, console)
    html = console.export_html(inline_styles=True)
    for removal in article.removed:
        text = escape(removal.text[:30])
        styles = re.findall(r'<span style="([^"]*)">' + re.escape(text), html)
        assert any("line-through" in style for style in styles), removal
        label = re.findall(
            r'<span style="([^"]*)">' + re.escape(escape(f"  [{removal.cleaner}")), html
        )
        assert label and not any("line-through" in style for style in label)


def test_layout_puts_unfound_removals_aside() -> None:
    article = clean("Putin in Minsk\n\nThe Kremlin chief landed in Minsk on Monday.\n\nRead more")
    blocks, unplaced = layout(article, "something else entirely")
    assert unplaced == article.removed and blocks == [article.text]


def test_explain_of_a_missing_article_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Putin in Minsk\n\nThe Kremlin chief landed on Monday.")
    result = invoke("explain", tmp_path / "a.txt", "--index", "2")
    assert result.exit_code == 2 and "fewer than 2 articles" in result.output
