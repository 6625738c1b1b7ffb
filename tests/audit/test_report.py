"""Issue 20, ``newsclean report``: one static HTML file, nothing external, the records embedded,
totals per cleaner matching stats.json, filters by cleaner and reject kind, removals in place;
under 20 MB for 1,000 articles."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_stats import corpus, invoke, records


class Page(HTMLParser):
    """What the tests look at: tags with their attributes, script contents, table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.rows: list[list[str]] = []
        self._in: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))
        if tag == "tr":
            self.rows.append([])
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._script = None if tag == "script" else self._script
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in and self._in[-1] in ("td", "th") and self.rows:
            self.rows[-1].append(data)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    out = root / "out"
    result = invoke("run", corpus(root / "in"), "--out", out, "-j", "1", "--allow-rejects")
    assert result.exit_code == 0, result.output
    return out


def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_the_report_is_self_contained_and_holds_the_run(out: Path) -> None:
    result = invoke("report", out)
    assert result.exit_code == 0, result.output
    page = parsed(out / "report.html")
    for tag, attrs in page.tags:  # nothing fetched: no src, no stylesheet link, no remote url
        assert "src" not in attrs and tag not in ("link", "iframe", "img", "object")
        assert not any(str(v).startswith(("http:", "https:", "//")) for v in attrs.values())
    [data] = [json.loads(text) for attrs, text in page.scripts if attrs.get("id") == "records"]
    articles = records(out / "articles.jsonl")
    assert [a["id"] for a in data["articles"]] == [a["id"] for a in articles]
    assert len(data["rejects"]) == len(records(out / "rejects.jsonl"))
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    table = {
        row[0]: [int(x) for x in row[1:]]
        for row in page.rows
        if row and row[0] in stats["cleaners"]
    }
    assert table == {
        n: [c["removals"], c["words_removed"], c["fixes"]] for n, c in stats["cleaners"].items()
    }
    options = {a.get("value") for t, a in page.tags if t == "option"}
    assert set(stats["cleaners"]) <= options and set(stats["rejects_by_kind"]) <= options
    for shown, article in zip(data["articles"], articles, strict=True):
        kept = [b for b in shown["blocks"] if isinstance(b, str)]
        assert "\n\n".join(kept) == article["text"]
        removed = [b for b in shown["blocks"] if not isinstance(b, str)] + shown["elsewhere"]
        assert sorted(map(tuple, removed)) == sorted(
            (r["cleaner"], r["reason"], r["text"]) for r in article["metadata"]["removed"]
        )
    # In place: for plain-text inputs, the removals are found in the input (but one whose text a
    # fix changed before it was removed, as curly quotes made straight).
    elsewhere = sum(len(a["elsewhere"]) for a in data["articles"])
    total = sum(len(a["metadata"]["removed"]) for a in articles)
    print(f"removals placed in the text: {total - elsewhere} of {total}")
    assert elsewhere <= 0.05 * total


def test_a_thousand_articles_stay_under_20_mb(out: Path, tmp_path: Path) -> None:
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big"
    big.mkdir()
    many = [json.loads(lines[n % len(lines)]) for n in range(1000)]
    for n, record in enumerate(many):
        record["id"] = f"{n:016x}"
    (big / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in many))
    assert invoke("report", big, "-o", tmp_path / "r.html").exit_code == 0
    size = (tmp_path / "r.html").stat().st_size
    print(f"report of 1,000 articles: {size / 1e6:.1f} MB")
    assert size < 20e6


def test_a_directory_without_a_run_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("report", tmp_path)
    assert result.exit_code == 2 and "no finished run" in result.output
