"""``newsclean`` on the command line: outputs, rejects, atomic writes, stdin and JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import SEEDS
from newsclean import __version__, default_pipeline
from newsclean.cli import EXIT_FAILED, EXIT_REJECTS, app
from newsclean.run.runner import ARTICLES_FILE, REJECTS_FILE

runner = CliRunner()
ARTICLE = (
    "Kyiv lifts curfew for New Year\n\n"
    "The city administration said on Friday that the curfew would be lifted for one night.\n\n"
    "Residents were asked to stay close to shelters.\n\nRead more"
)


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"newsclean {__version__}"


def test_cleaners_lists_every_cleaner_with_a_description() -> None:
    result = invoke("cleaners")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == default_pipeline().names
    assert all(len(line.split(maxsplit=1)[1]) > 20 for line in lines)


def test_txt_format_writes_title_and_body(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    result = invoke("run", str(src), "--out", str(tmp_path / "out"), "--format", "txt")
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(tmp_path / "out" / ARTICLES_FILE)
    txt = (tmp_path / "out" / f"{record['id']}.txt").read_text(encoding="utf-8")
    assert txt == f"Kyiv lifts curfew for New Year\n\n{record['text']}\n"
    assert "Read more" not in txt


def test_bad_inputs_are_rejected_and_the_rest_written(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (folder / "e_latin1.txt").write_bytes("Gr\xfc\xdfe aus K\xf6ln".encode("latin-1"))
    (folder / "f_records.jsonl").write_text(
        json.dumps({"text": ARTICLE, "feed": "wire"})
        + "\n"
        + '{"text": "unterminated\n'
        + json.dumps({"body": "no text field"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = invoke("run", str(folder), "--out", str(out))
    assert result.exit_code == EXIT_REJECTS
    written = read_jsonl(out / ARTICLES_FILE)
    assert [r["metadata"]["input"] for r in written] == [
        str(folder / "a_good.txt"),
        str(folder / "e_latin1.txt"),
        f"{folder / 'f_records.jsonl'}#1",
    ]
    # Not UTF-8: its character set is detected and recorded, and the text comes out right.
    assert written[1]["text"] == "Grüße aus Köln"
    assert written[1]["metadata"]["encoding"] == "cp1252"
    assert written[2]["metadata"]["feed"] == "wire"
    rejects = {r["input"]: r for r in read_jsonl(out / REJECTS_FILE)}
    assert rejects[str(folder / "b_binary.txt")]["error"] == "binary"
    assert rejects[str(folder / "c_empty.txt")]["error"] == "empty"
    assert rejects[str(folder / "d_blank.txt")]["error"] == "empty"
    assert rejects[f"{folder / 'f_records.jsonl'}#2"]["error"] == "json"
    assert rejects[f"{folder / 'f_records.jsonl'}#3"]["error"] == "missing-field"
    assert len(rejects) == 5
    for reject in rejects.values():
        assert f"rejected: {reject['input']}: {reject['error']}: " in result.output
    assert "3 articles written" in result.output and "5 rejected" in result.output


def test_allow_rejects_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = invoke(
        "run", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "--allow-rejects"
    )
    assert result.exit_code == 0


def test_encoding_option_reads_other_charsets(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(
        "Grüße aus Köln, sagte der Bürgermeister.".encode("latin-1")
    )
    result = invoke(
        "run", str(tmp_path / "latin1.txt"), "--out", str(tmp_path / "o"), "--encoding", "latin-1"
    )
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(tmp_path / "o" / ARTICLES_FILE)
    assert record["text"] == "Grüße aus Köln, sagte der Bürgermeister."


def test_missing_file_is_a_reject(tmp_path: Path) -> None:
    result = invoke("run", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert result.exit_code == EXIT_REJECTS
    assert "not-found" in result.output


def test_stdin(tmp_path: Path) -> None:
    result = invoke("run", "-", "--out", str(tmp_path / "o"), input=ARTICLE.encode())
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(tmp_path / "o" / ARTICLES_FILE)
    assert record["metadata"]["input"] == "<stdin>"
    assert record["metadata"]["title"] == "Kyiv lifts curfew for New Year"


def test_jsonl_field_names_can_be_changed(tmp_path: Path) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text(
        json.dumps({"body": ARTICLE, "url": "https://example.org/a"}) + "\n", encoding="utf-8"
    )
    result = invoke("run", str(src), "--out", str(tmp_path / "o"), "--text-field", "body")
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(tmp_path / "o" / ARTICLES_FILE)
    assert record["metadata"]["url"] == "https://example.org/a"
    assert record["metadata"]["input"] == f"{src}#1"


def test_disable_unknown_cleaner_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("run", str(SEEDS), "--out", str(tmp_path / "o"), "--disable", "no_such")
    assert result.exit_code == 2
    assert "no_such" in result.output


def test_disable_cleaner(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    result = invoke("run", str(src), "--out", str(tmp_path / "o"), "--disable", "headline")
    assert result.exit_code == 0
    (record,) = read_jsonl(tmp_path / "o" / ARTICLES_FILE)
    assert record["metadata"]["title"] is None
    assert record["text"].startswith("Kyiv lifts curfew for New Year\n\n")


def test_interrupted_run_leaves_previous_output_whole(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "o"
    assert invoke("run", str(SEEDS), "--out", str(out)).exit_code == 0
    before = (out / ARTICLES_FILE).read_bytes()

    import newsclean.run.runner as runner_module
    import newsclean.run.workers as workers_module

    real = workers_module.clean_input
    calls = {"n": 0}

    def dies_on_third(item, pipeline, time_budget):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C mid-run
        return real(item, pipeline, time_budget)

    monkeypatch.setattr(workers_module, "clean_input", dies_on_third)
    with pytest.raises(KeyboardInterrupt):
        runner_module.run([str(SEEDS)], out)
    assert (out / ARTICLES_FILE).read_bytes() == before
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert visible == [ARTICLES_FILE, REJECTS_FILE, "stats.json"]
    # The interrupted run resumes where it stopped and ends as an uninterrupted run would.
    monkeypatch.setattr(workers_module, "clean_input", real)
    summary = runner_module.run([str(SEEDS)], out, resume=True)
    assert summary.resumed == 2
    assert (out / ARTICLES_FILE).read_bytes() == before
    # Besides the outputs, only the lock and the list of files published (issue 18: the run's
    # state lives in .newsclean/; nothing temporary is left).
    listed = sorted(p.name for p in out.iterdir())
    assert listed == [".newsclean", ARTICLES_FILE, REJECTS_FILE, "stats.json"]
    assert sorted(p.name for p in (out / ".newsclean").iterdir()) == ["lock", "manifest"]


def test_address_without_the_ray_engine_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    result = invoke("run", str(src), "--out", str(tmp_path / "out"), "--address", "auto")
    assert result.exit_code == 2
    assert "--engine ray" in result.output
    assert not (tmp_path / "out").exists()


def test_ray_engine_without_ray_installed_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "newsclean.integrations.ray", None)  # import fails
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    result = invoke("run", str(src), "--out", str(tmp_path / "out"), "--engine", "ray")
    assert result.exit_code == 2
    assert "pip install 'newsclean[ray]'" in result.output


def test_workers_that_cannot_start_end_the_run_with_its_own_status(
    tmp_path: Path, monkeypatch
) -> None:
    import newsclean.run.runner
    from newsclean.run.parallel import WorkersUnavailable

    def unavailable(*args: object, **kwargs: object) -> None:
        raise WorkersUnavailable("worker processes die as they start.")

    monkeypatch.setattr(newsclean.run.runner, "run", unavailable)
    result = invoke("run", str(SEEDS), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert result.exit_code == EXIT_FAILED
    assert "worker processes die as they start." in result.output
    assert "--resume" in result.output
