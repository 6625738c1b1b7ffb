"""Killing ``newsclean run`` at a random moment and resuming it: one round, checked (used by
``tests/run/test_kill_resume.py`` and ``bench/kill_resume.py``).

A round runs ``newsclean run CORPUS --out OUT --format txt`` with ``--jobs 1`` or ``2``, sends
SIGKILL after a random delay to the main process, or first to one worker and then to the main
process, and checks that

- no file in view is ever half of what an uninterrupted run writes,
- every process the run started is gone within ``GRACE`` seconds of the kill,
- ``--resume`` then exits 0 with exactly the uninterrupted run's files, ``.txt`` ones included,
- nothing is left besides them but ``.newsclean/lock`` and ``.newsclean/manifest``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from helpers import FIXTURES, SEEDS
from newsclean.audit.stats import RunStats

#: Seconds the processes of a killed run get to end: a worker's watchdog answers at once.
GRACE = 5.0
#: Seconds a round that kills a worker waits for the workers to start.
WORKERS_UP = 20.0
#: What may be in the output directory besides the outputs: the lock and the published manifest.
STATE = {".newsclean": {"lock", "manifest"}}


def command(*args: str) -> list[str]:
    exe = shutil.which("newsclean")
    return [exe, *args] if exe else [sys.executable, "-m", "newsclean.cli", *args]


def make_corpus(root: Path) -> Path:
    """Some 65 inputs (enough for worker processes): the fixtures twice, the seeds, a JSONL file
    with a malformed line, and an empty file."""
    for n, path in enumerate(sorted(FIXTURES.glob("cases/*/input.txt")) * 2):
        (root / f"{n:03d}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, root / path.name)
    records = [
        json.dumps({"text": p.read_text(encoding="utf-8"), "n": i})
        for i, p in enumerate(sorted(SEEDS.glob("*.txt")))
    ]
    (root / "records.jsonl").write_text("\n".join([*records, "{broken"]) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def visible(out: Path) -> dict[str, bytes]:
    """The files in view, by name; ``stats.json`` without its two fields that differ from run to
    run (``seconds``, and ``resumed``: the inputs an interrupted run did), after checking that its
    totals are those of the records beside it."""
    files = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    if "stats.json" in files:
        stats = json.loads(files["stats.json"])
        recount = RunStats.recount(out / "articles.jsonl", out / "rejects.jsonl").to_dict()
        del stats["seconds"], stats["resumed"], recount["seconds"], recount["resumed"]
        if stats != recount:
            stats["mismatch"] = "stats.json does not match the records"
        files["stats.json"] = json.dumps(stats, sort_keys=True).encode()
    return files


def expected_output(corpus: Path, out: Path) -> dict[str, bytes]:
    """The files of an uninterrupted run, by name."""
    done = subprocess.run(
        command("run", str(corpus), "--out", str(out), "--format", "txt", "--allow-rejects"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return visible(out)


def processes() -> dict[int, tuple[int, str]]:
    """Every process: its parent and its start time (which tells a reused pid apart)."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z":  # a zombie has ended; only its exit status is left
            found[int(name)] = (int(fields[1]), fields[19])
    return found


def descendants(pid: int) -> dict[int, tuple[int, str]]:
    table = processes()
    found: dict[int, tuple[int, str]] = {}
    parents = {pid}
    while parents:
        children = {p for p, (ppid, _) in table.items() if ppid in parents and p not in found}
        found.update({p: table[p] for p in children})
        parents = children
    return found


def kill_round(
    corpus: Path, out: Path, expected: dict[str, bytes], rng: random.Random
) -> tuple[str, list[str]]:
    """One round (see the module docstring): what was killed, and the problems found (none if
    all is well)."""
    jobs = rng.choice([1, 2])
    kill_a_worker = jobs == 2 and rng.random() < 0.5
    args = command(
        *("run", str(corpus), "--out", str(out), "--format", "txt"),
        *("--allow-rejects", "--quiet", "--jobs", str(jobs)),
    )
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[int, tuple[int, str]] = {}

    def watch(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and process.poll() is None and not until():
            seen.update(descendants(process.pid))
            time.sleep(0.02)

    what = f"--jobs {jobs}, killed"
    if kill_a_worker:  # once the workers are up (the fork server's children), at a random moment
        watch(WORKERS_UP, until=lambda: bool(_workers(process.pid)))
        watch(rng.uniform(0.0, 1.0))
        if workers := _workers(process.pid):
            os.kill(rng.choice(workers), signal.SIGKILL)
            what += " a worker, then"
        watch(rng.uniform(0.1, 1.5))
    else:
        watch(rng.uniform(0.3, 3.0))
    what += " the main process" if process.poll() is None else " nothing (the run had ended)"
    process.send_signal(signal.SIGKILL)
    process.wait()
    problems: list[str] = []
    for name, content in visible(out).items() if out.exists() else ():
        if content != expected.get(name):
            problems.append(f"{name} in view is not the finished run's")
    deadline = time.monotonic() + GRACE
    while (left := _alive(seen)) and time.monotonic() < deadline:
        time.sleep(0.05)
    if left:
        problems.append(f"processes left {GRACE} s after the kill: {sorted(left)}")
        for pid in left:  # this round's processes: end them, so that a failure leaves none
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=600)
    if resumed.returncode != 0:
        return what, [*problems, f"--resume exited {resumed.returncode}: {resumed.stderr}"]
    got = visible(out)
    if got != expected:
        differ = sorted(n for n in set(got) | set(expected) if got.get(n) != expected.get(n))
        problems.append(f"after --resume these files differ: {differ[:5]}")
    hidden = {p.name for p in out.iterdir() if p.name.startswith(".")}
    state = {n: {p.name for p in (out / n).iterdir()} for n in hidden if (out / n).is_dir()}
    if not hidden <= set(STATE) or any(not state[n] <= STATE[n] for n in state):
        problems.append(f"left in the output directory: {hidden}, {state}")
    return what, problems


def _workers(pid: int) -> list[int]:
    return [p for p, (ppid, _) in descendants(pid).items() if ppid != pid]


def _alive(seen: dict[int, tuple[int, str]]) -> list[int]:
    now = processes()
    return [pid for pid, (_, started) in seen.items() if pid in now and now[pid][1] == started]
