"""Issue 18, the run's side: one writer per output directory, a journal that knows what it did,
outputs published together, workers that die with the run, emptied articles as rejects, input
trees walked safely, rejects streamed, usage errors in one line, strict JSON out."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import interrupted, records
from kill_rounds import GRACE, command, descendants, processes
from newsclean.cli import EXIT_FAILED, EXIT_REJECTS, app

runner = CliRunner()
ARTICLE = (
    "Kyiv lifts curfew for New Year\n\n"
    "The city administration said on Friday that the curfew would be lifted for one night.\n\n"
    "Residents were asked to stay close to shelters.\n\nRead more"
)
OTHER = (
    "Minsk closes two border crossings\n\n"
    "The border committee said on Monday that two crossings to Poland would close for repairs.\n\n"
    "Trucks were sent to the remaining crossings."
)


def invoke(*args: str | Path, input: bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def folder(path: Path, **files: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (path / name.replace("_", ".", 1) if "_" in name else path / name).write_text(text)
    return path


def seven(path: Path) -> Path:
    """Seven articles, a.txt … g.txt, each different."""
    path.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate("abcdefg"):
        (path / f"{name}.txt").write_text(ARTICLE + f"\n\nUpdate {n}: the curfew ends at {n} a.m.")
    return path


def one_line_usage_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclean: "), result.output
    return lines[0]


# -- 1. one writer per output directory -------------------------------------------------------


def test_a_second_run_into_the_same_out_is_refused_naming_the_first(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    texts = [json.dumps({"text": ARTICLE + f"\n\nItem {n}."}) for n in range(1500)]
    corpus.write_text("\n".join(texts) + "\n")
    out = tmp_path / "out"
    first = subprocess.Popen(
        command("run", str(corpus), "--out", str(out), "--jobs", "1", "--quiet"),
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not (out.exists() and any(out.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        assert first.poll() is None, "the first run ended before the second could start"
        second = invoke("run", corpus, "--out", out)
        line = one_line_usage_error(second)
        assert f"pid {first.pid}" in line and "in use" in line
    finally:
        first.kill()
        first.wait()
    # The first run's lock died with it: the directory is free again, and resumable.
    resumed = invoke("run", corpus, "--out", out, "--resume", "--jobs", "1", "--quiet")
    assert resumed.exit_code == 0, resumed.output
    assert len(records(out / "articles.jsonl")) == 1500


def test_a_lock_left_by_a_dead_run_is_taken(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".newsclean").mkdir(parents=True)
    (out / ".newsclean" / "lock").write_text("pid 999999 on elsewhere, since 2020-01-01\n")
    result = invoke("run", folder(tmp_path / "in", a_txt=ARTICLE), "--out", out)
    assert result.exit_code == 0, result.output


# -- 2. a journal that checks what it resumes; outputs published together ----------------------


def test_resume_with_other_inputs_is_refused_saying_which(tmp_path, monkeypatch) -> None:
    inputs, out = seven(tmp_path / "in"), tmp_path / "out"
    interrupted(inputs, out, monkeypatch)
    (inputs / "0_new.txt").write_text(OTHER)  # sorts first: every input moves down one place
    line = one_line_usage_error(invoke("run", inputs, "--out", out, "--resume"))
    assert "0_new.txt" in line and "a.txt" in line and "--overwrite" in line
    (inputs / "0_new.txt").unlink()
    (inputs / "b.txt").write_text(OTHER)  # the same name, other content
    line = one_line_usage_error(invoke("run", inputs, "--out", out, "--resume"))
    assert "b.txt" in line and "changed" in line
    (inputs / "b.txt").write_text(ARTICLE + "\n\nUpdate 1: the curfew ends at 1 a.m.")
    assert invoke("run", inputs, "--out", out, "--resume").exit_code == 0
    assert invoke("run", inputs, "--out", tmp_path / "whole").exit_code == 0
    assert (out / "articles.jsonl").read_bytes() == (tmp_path / "whole/articles.jsonl").read_bytes()


def test_resume_with_other_options_is_refused_saying_which(tmp_path, monkeypatch) -> None:
    inputs, out = seven(tmp_path / "in"), tmp_path / "out"
    interrupted(inputs, out, monkeypatch)
    line = one_line_usage_error(
        invoke("run", inputs, "--out", out, "--resume", "--disable", "navigation")
    )
    assert "cleaners" in line and "navigation" in line
    line = one_line_usage_error(invoke("run", inputs, "--out", out, "--resume", "-f", "txt"))
    assert "format" in line


def test_a_plain_rerun_over_an_interrupted_run_is_refused(tmp_path, monkeypatch) -> None:
    inputs, out = seven(tmp_path / "in"), tmp_path / "out"
    interrupted(inputs, out, monkeypatch)
    line = one_line_usage_error(invoke("run", inputs, "--out", out))
    assert "--resume" in line and "--overwrite" in line
    # --overwrite discards it and starts again.
    result = invoke("run", inputs, "--out", out, "--overwrite")
    assert result.exit_code == 0, result.output
    assert len(records(out / "articles.jsonl")) == 7


def test_a_rerun_replaces_a_finished_run_whole_txt_files_included(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = invoke("run", folder(tmp_path / "one", a_txt=ARTICLE), "--out", out, "-f", "txt")
    assert first.exit_code == 0, first.output
    (old,) = records(out / "articles.jsonl")
    assert (out / f"{old['id']}.txt").exists()
    second = invoke("run", folder(tmp_path / "two", b_txt=OTHER), "--out", out, "-f", "txt")
    assert second.exit_code == 0, second.output
    (new,) = records(out / "articles.jsonl")
    assert sorted(p.name for p in out.glob("*.txt")) == [f"{new['id']}.txt"]


def test_killed_between_the_two_renames_the_next_run_completes_the_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = invoke("run", folder(tmp_path / "one", a_txt=ARTICLE), "--out", out, "-f", "txt")
    assert first.exit_code == 0, first.output
    two = seven(tmp_path / "two")
    real_replace = os.replace

    def killed_at_rejects(src, dst, *a, **k):  # SIGKILL as rejects.jsonl is to be moved
        if str(dst).endswith("rejects.jsonl"):
            raise KeyboardInterrupt
        return real_replace(src, dst, *a, **k)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", killed_at_rejects)
        result = invoke("run", two, "--out", out, "-f", "txt")
    assert isinstance(result.exception, KeyboardInterrupt) or result.exit_code == 130
    # The next run, whatever it is, first completes the publication, then does its work.
    result = invoke("run", two, "--out", out, "-f", "txt", "--resume")
    assert result.exit_code == 0, result.output
    assert invoke("run", two, "--out", tmp_path / "whole", "-f", "txt").exit_code == 0
    for name in ("articles.jsonl", "rejects.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    ids = {r["id"] for r in records(out / "articles.jsonl")}
    assert {p.stem for p in out.glob("*.txt")} == ids
    assert sorted(p.name for p in (out / ".newsclean").iterdir()) == ["lock", "manifest"]


# -- 3. workers die with the run ---------------------------------------------------------------


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_the_run_however_it_ends(tmp_path: Path, how: signal.Signals) -> None:
    corpus = tmp_path / "big.jsonl"
    texts = [json.dumps({"text": ARTICLE + f"\n\nItem {n}."}) for n in range(20000)]
    corpus.write_text("\n".join(texts) + "\n")
    run = subprocess.Popen(
        command("run", str(corpus), "--out", str(tmp_path / "out"), "-j", "2", "--quiet"),
        stderr=subprocess.DEVNULL,
    )
    seen: dict[int, tuple[int, str]] = {}
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:  # until both workers are up
            seen.update(descendants(run.pid))
            if sum(1 for ppid, _ in seen.values() if ppid != run.pid) >= 2:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the workers did not start")
        run.send_signal(how)
        run.wait()
        deadline = time.monotonic() + GRACE
        while (left := _alive(seen)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not left, f"still running {GRACE} s after the run was killed: {left}"
    finally:
        run.kill()
        for pid in _alive(seen):  # the processes this test started, if the check failed
            os.kill(pid, signal.SIGKILL)


def _alive(seen: dict[int, tuple[int, str]]) -> list[int]:
    now = processes()
    return [pid for pid, (_, start) in seen.items() if pid in now and now[pid][1] == start]


# -- 4. an article that cleaning empties is a reject that keeps its removals --------------------


def test_an_all_junk_article_is_an_empty_reject_with_its_removals(tmp_path: Path) -> None:
    junk = "Advertisement\n\nShare on Facebook\n\nTweet\n\nRead more"
    inputs = folder(tmp_path / "in", a_txt=ARTICLE, junk_txt=junk)
    result = invoke("run", inputs, "--out", tmp_path / "out")
    assert result.exit_code == EXIT_REJECTS, result.output
    assert len(records(tmp_path / "out/articles.jsonl")) == 1
    (reject,) = records(tmp_path / "out/rejects.jsonl")
    assert reject["input"].endswith("junk.txt") and reject["error"] == "empty"
    assert [r["text"] for r in reject["removed"]] == junk.split("\n\n")


# -- 5. what is read of an input tree ----------------------------------------------------------


def test_a_directory_that_cannot_be_listed_is_a_reject(tmp_path, monkeypatch) -> None:
    inputs = folder(tmp_path / "in", a_txt=ARTICLE)
    locked = folder(inputs / "locked", b_txt=OTHER)
    real_scandir = os.scandir

    def scandir(path="."):  # root lists anything, so deny it here
        if isinstance(path, (str, Path)) and os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke("run", inputs, "--out", tmp_path / "out")
    assert result.exit_code == EXIT_REJECTS, result.output
    (reject,) = records(tmp_path / "out/rejects.jsonl")
    assert reject["input"] == str(locked) and "permission denied" in reject["message"]


def test_links_out_of_the_input_tree_are_rejects_unless_followed(tmp_path: Path) -> None:
    outside = folder(tmp_path / "elsewhere", secret_txt=OTHER)
    inputs = folder(tmp_path / "in", a_txt=ARTICLE)
    (inputs / "link.txt").symlink_to(outside / "secret.txt")
    (inputs / "dir").symlink_to(outside)
    (inputs / "inside.txt").symlink_to(inputs / "a.txt")  # inside the tree: read
    result = invoke("run", inputs, "--out", tmp_path / "out")
    assert result.exit_code == EXIT_REJECTS
    assert len(records(tmp_path / "out/articles.jsonl")) == 2
    rejects = records(tmp_path / "out/rejects.jsonl")
    assert sorted(Path(r["input"]).name for r in rejects) == ["dir", "link.txt"]
    assert all(r["error"] == "link" and "--follow-links" in r["message"] for r in rejects)
    followed = invoke("run", inputs, "--out", tmp_path / "out2", "--follow-links")
    assert followed.exit_code == 0, followed.output
    assert len(records(tmp_path / "out2/articles.jsonl")) == 4


def test_an_out_inside_the_input_directory_is_not_read_back(tmp_path: Path) -> None:
    inputs = seven(tmp_path / "in")
    for _ in range(2):
        result = invoke("run", inputs, "--out", inputs / "out", "-f", "txt")
        assert result.exit_code == 0, result.output
        assert len(records(inputs / "out/articles.jsonl")) == 7


# -- 6. rejects are streamed, and standard error does not repeat them all ----------------------


def test_many_rejects_are_counted_not_kept_nor_all_printed(tmp_path: Path) -> None:
    from newsclean.run.runner import KEPT_REJECTS, run

    source = tmp_path / "r.jsonl"
    source.write_text("{}\n" * 250)
    result = invoke("run", source, "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == EXIT_REJECTS
    assert result.output.count("rejected: ") == 100
    assert "and 150 more rejects, see" in result.output and "250 rejected" in result.output
    assert len(records(tmp_path / "out/rejects.jsonl")) == 250
    summary = run([str(source)], tmp_path / "out2")
    assert len(summary.rejects) == KEPT_REJECTS and summary.kinds == {"missing-field": 250}


# -- 7. usage errors in one line; strict JSON out ------------------------------------------------


@pytest.mark.parametrize(
    "option",
    [
        ("--time-budget", "-1"),
        ("--time-budget", "nan"),
        ("--time-budget", "inf"),
        ("--max-bytes", "-5"),
        ("--encoding", "klingon"),
        ("--encoding", "base64"),
        ("--jobs", "0"),
        ("--jobs", "-1"),
        ("--resume", "--overwrite"),
    ],
)
def test_bad_options_are_one_line_usage_errors(tmp_path: Path, option: tuple[str, str]) -> None:
    inputs = folder(tmp_path / "in", a_txt=ARTICLE)
    line = one_line_usage_error(invoke("run", inputs, "--out", tmp_path / "out", *option))
    assert option[0] in line
    assert not (tmp_path / "out").exists()


def test_an_out_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    inputs = folder(tmp_path / "in", a_txt=ARTICLE)
    assert "is a file" in one_line_usage_error(invoke("run", inputs, "--out", tmp_path / "file"))


def test_an_out_that_cannot_be_written_is_a_usage_error(tmp_path, monkeypatch) -> None:
    inputs = folder(tmp_path / "in", a_txt=ARTICLE)
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):  # root may write anywhere, so deny it here
        if str(self).startswith(str(tmp_path / "out")):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    line = one_line_usage_error(invoke("run", inputs, "--out", tmp_path / "out"))
    assert "Permission denied" in line


def test_a_full_disk_stops_the_run_cleanly_and_publishes_nothing(tmp_path, monkeypatch) -> None:
    inputs, out = seven(tmp_path / "in"), tmp_path / "out"

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full)
        result = invoke("run", inputs, "--out", out)
    assert result.exit_code == EXIT_FAILED, result.output
    assert "Traceback" not in result.output and "No space left" in result.output
    assert "--resume" in result.output
    assert not (out / "articles.jsonl").exists() and not (out / "rejects.jsonl").exists()
    assert invoke("run", inputs, "--out", out, "--resume").exit_code == 0
    assert len(records(out / "articles.jsonl")) == 7


def test_nan_and_infinity_in_metadata_are_written_as_null_with_a_fix(tmp_path: Path) -> None:
    source = tmp_path / "r.jsonl"
    source.write_text(f'{{"text": {json.dumps(ARTICLE)}, "score": NaN, "big": [1e999, 2]}}\n')
    result = invoke("run", source, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    line = (tmp_path / "out/articles.jsonl").read_text()

    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    (record,) = [json.loads(x, parse_constant=refuse) for x in line.splitlines()]
    assert record["metadata"]["score"] is None and record["metadata"]["big"] == [None, 2]
    fixed = [f for f in record["metadata"]["fixes"] if f["cleaner"] == "json"]
    assert [(f["before"], f["after"]) for f in fixed] == [("nan", "null"), ("inf", "null")]
