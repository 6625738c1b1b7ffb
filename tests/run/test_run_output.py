"""RunOutput's journal: how far an interrupted run got, written now and then rather than after
every input, and brought up to date when the run stops between two inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsclean.run.outdir import RunOutput

# Not ASCII: the journal counts bytes, which a character count would get wrong.
LINES = [f'{{"n": {i}, "text": "article {i} – “Kyjiw”"}}' for i in range(40)]
REJECTED = {7, 19}


def add_all(output: RunOutput, lines: list[str], start: int = 0) -> None:
    for n, line in enumerate(lines[start:], start):
        output.add(line.encode(), reject=n in REJECTED)


def expected() -> tuple[str, str]:
    kept = [line for n, line in enumerate(LINES) if n not in REJECTED]
    rejected = [line for n, line in enumerate(LINES) if n in REJECTED]
    return "".join(f"{x}\n" for x in kept), "".join(f"{x}\n" for x in rejected)


def finished(out: Path) -> tuple[str, str]:
    return (out / "a.jsonl").read_text(encoding="utf-8"), (out / "r.jsonl").read_text("utf-8")


def resume_to_the_end(out: Path) -> tuple[int, int, int]:
    """Resume the interrupted run in ``out`` and finish it; the inputs, articles and rejects the
    journal counted as done."""
    with RunOutput(out, "a.jsonl", "r.jsonl", resume=True) as output:
        found = (output.done, output.articles, output.rejects)
        add_all(output, LINES, start=output.done)
        output.finish()
    return found


def test_the_journal_is_not_written_after_every_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RunOutput, "CHECKPOINT_SECONDS", 3600.0)
    with RunOutput(tmp_path, "a.jsonl", "r.jsonl") as output:
        add_all(output, LINES)
        journal = output.journal_path.read_text(encoding="utf-8").splitlines()
        # The options, then the first input only: the next line is an hour away. (An input
        # without a digest and name takes 5 bytes in the list of inputs done: '- ""', newline.)
        assert journal == ["{}", f"1 1 0 {len(LINES[0].encode()) + 1} 0 5 0"]
        output.finish()
    assert finished(tmp_path) == expected()
    assert not output.staging.exists()


def test_a_killed_run_resumes_from_the_last_journal_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RunOutput, "CHECKPOINT_SECONDS", 3600.0)
    killed = tmp_path / "killed"
    with RunOutput(tmp_path / "run", "a.jsonl", "r.jsonl") as output:
        add_all(output, LINES[:25])
        output._files[0].flush()  # some lines reached the file, beyond what the journal counts
        # What SIGKILL would leave: the files as they are on disk now, nothing flushed later.
        shutil.copytree(tmp_path / "run", killed)
    # The journal's only line counts the first input: everything after it is done again.
    assert resume_to_the_end(killed)[0] == 1
    assert finished(killed) == expected()


def test_stopping_between_inputs_brings_the_journal_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RunOutput, "CHECKPOINT_SECONDS", 3600.0)
    with pytest.raises(KeyboardInterrupt), RunOutput(tmp_path, "a.jsonl", "r.jsonl") as output:
        add_all(output, LINES[:25])
        raise KeyboardInterrupt
    assert resume_to_the_end(tmp_path) == (25, 23, 2)
    assert finished(tmp_path) == expected()


def test_stopping_inside_an_add_does_not_count_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RunOutput, "CHECKPOINT_SECONDS", 0.0)  # a journal line after each input
    with pytest.raises(KeyboardInterrupt), RunOutput(tmp_path, "a.jsonl", "r.jsonl") as output:
        add_all(output, LINES[:10])
        # Ctrl-C lands while the eleventh input's line is being written.
        output._adding = True
        output._files[0].write(LINES[10].encode()[:-4])  # ends inside a character
        raise KeyboardInterrupt
    assert resume_to_the_end(tmp_path)[0] == 10
    assert finished(tmp_path) == expected()


def test_an_unfinished_journal_line_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RunOutput, "CHECKPOINT_SECONDS", 0.0)  # a journal line after each input
    with pytest.raises(KeyboardInterrupt), RunOutput(tmp_path, "a.jsonl", "r.jsonl") as output:
        for n, line in enumerate(LINES[:10]):
            output.add(line.encode(), reject=n in REJECTED, txt=(f"{n:02d}.txt", line))
        raise KeyboardInterrupt
    journal = output.journal_path.read_text(encoding="utf-8")
    last = journal.splitlines()[-1]
    assert journal.endswith("\n") and last.endswith(" 70")  # ten names, 7 bytes each
    # Killed (or out of disk space) while writing a journal line: the line is cut short, here in
    # its last number (70 becomes 7), which claims a smaller size than the list of .txt files has.
    output.journal_path.write_text(journal + last[:-1], encoding="utf-8")
    with RunOutput(tmp_path, "a.jsonl", "r.jsonl", resume=True) as output:
        assert output.done == 10
        for n, line in enumerate(LINES[10:], 10):
            output.add(line.encode(), reject=n in REJECTED, txt=(f"{n:02d}.txt", line))
        output.finish()
    assert finished(tmp_path) == expected()
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == [f"{n:02d}.txt" for n in range(40)]
