"""Hostile inputs: each becomes one reject with a clear kind, and every other input is written."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import time
from pathlib import Path

import pytest

import newsclean.io.readers as readers
import newsclean.run.workers as workers_module
from newsclean.io.readers import ReadOptions
from newsclean.run.runner import ARTICLES_FILE, REJECTS_FILE, run

GOOD = (
    "Minsk talks resume\n\nDelegations from both countries met again in Minsk on Tuesday, "
    "officials said, and agreed to continue next week.\n"
)


def run_with(tmp_path: Path, name: str, content: bytes | None = None, **options: object):
    """Run over a folder holding a good article and the hostile input ``name``."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    if content is not None:
        (folder / name).write_bytes(content)
    out = tmp_path / "out"
    summary = run([str(folder)], out, read_options=ReadOptions(**options))  # type: ignore[arg-type]
    articles = [json.loads(x) for x in (out / ARTICLES_FILE).read_text().splitlines()]
    rejects = [json.loads(x) for x in (out / REJECTS_FILE).read_text().splitlines()]
    assert [a["metadata"]["input"] for a in articles][:1] == [str(folder / "a_good.txt")]
    return summary, articles, rejects


def only_reject(rejects: list[dict], kind: str) -> dict:
    assert len(rejects) == 1, rejects
    assert rejects[0]["error"] == kind, rejects
    assert rejects[0]["message"]
    return rejects[0]


def test_binary_file(tmp_path: Path) -> None:
    _, _, rejects = run_with(tmp_path, "b.txt", bytes(range(256)) * 40)
    only_reject(rejects, "binary")


def test_text_in_no_character_set(tmp_path: Path) -> None:
    # Not UTF-8, and no character set fits it with confidence. (Before encoding detection, any
    # text not in UTF-8 was this reject; Latin-1 is now read: tests/test_encodings.py.)
    draw = random.Random(18)
    noise = bytes(draw.randrange(1, 256) for _ in range(3000))  # no NUL byte
    _, _, rejects = run_with(tmp_path, "b.txt", noise)
    assert "--encoding" in only_reject(rejects, "decode")["message"]


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    _, _, rejects = run_with(tmp_path, "b.txt", content)
    only_reject(rejects, "empty")


def test_file_over_max_bytes_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big = folder / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # 200 MB, sparse: nothing is written to disk
    started = time.perf_counter()
    _, _, rejects = run_with(tmp_path, "huge.txt")
    assert time.perf_counter() - started < 30
    assert "209715200 bytes" in only_reject(rejects, "too-large")["message"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    locked = folder / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded_open(path, *args, **kwargs):  # root reads anything, so deny it here
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    locked.chmod(0)
    monkeypatch.setattr(readers, "open", guarded_open, raising=False)
    _, _, rejects = run_with(tmp_path, "locked.txt")
    assert only_reject(rejects, "read")["message"] == "permission denied"


def test_broken_symlink(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    _, _, rejects = run_with(tmp_path, "gone.txt")
    assert "symbolic link" in only_reject(rejects, "not-found")["message"]


def test_named_pipe_does_not_block(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    _, _, rejects = run_with(tmp_path, "pipe.txt")
    only_reject(rejects, "read")


def test_malformed_jsonl_line_and_missing_field(tmp_path: Path) -> None:
    lines = [json.dumps({"text": GOOD}), '{"text": "no end', json.dumps({"body": GOOD}), "[1, 2]"]
    _, articles, rejects = run_with(tmp_path, "r.jsonl", "\n".join(lines).encode())
    assert len(articles) == 2
    assert [(r["input"].rsplit("#", 1)[1], r["error"]) for r in rejects] == [
        ("2", "json"),
        ("3", "missing-field"),
        ("4", "json"),
    ]


def test_lone_surrogates_from_json_escapes_are_written_not_a_crash(tmp_path: Path) -> None:
    # A JSON string may escape half of a surrogate pair ("\ud800"), which no UTF-8 text can
    # hold: in the text, the title and a field carried along, the run writes the article.
    record = {
        "text": "The city administration said on Friday \ud800 that the curfew would be lifted.",
        "title": "Kyiv lifts curfew \udc00",
        "note": "kept \udbff as given",
    }
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="ascii")  # the escapes as written
    out = tmp_path / "out"
    summary = run([str(path)], out, txt=True)
    assert summary.written == 1 and not summary.rejects
    line = (out / ARTICLES_FILE).read_bytes().decode("utf-8")  # valid UTF-8
    article = json.loads(line)
    assert article["metadata"]["title"] == record["title"]  # read back as the same strings
    assert article["metadata"]["note"] == record["note"]
    assert "\ud800" not in article["text"]  # the text fixer replaced it, and says so
    assert any("\ud800" in fix["before"] for fix in article["metadata"]["fixes"])
    text_file = (out / f"{article['id']}.txt").read_text(encoding="utf-8")
    assert text_file.startswith("Kyiv lifts curfew \ufffd\n\n")


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    # A name of bytes that are not UTF-8 reaches Python as lone surrogates (os.fsdecode); the
    # records that name the input are still written, and valid UTF-8.
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"\xff_good.txt")).write_text(GOOD, encoding="utf-8")
        (folder / os.fsdecode(b"\xfe_empty.txt")).write_text("", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    summary = run([str(folder)], tmp_path / "out")
    assert summary.written == 1 and len(summary.rejects) == 1
    article = json.loads((tmp_path / "out" / ARTICLES_FILE).read_bytes().decode("utf-8"))
    reject = json.loads((tmp_path / "out" / REJECTS_FILE).read_bytes().decode("utf-8"))
    assert article["metadata"]["input"] == str(folder / os.fsdecode(b"\xff_good.txt"))
    assert reject["input"] == str(folder / os.fsdecode(b"\xfe_empty.txt"))


def test_gzip_input_and_truncated_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(GOOD.encode())
    _, articles, rejects = run_with(tmp_path, "z_ok.txt.gz", whole)
    assert len(articles) == 2 and not rejects
    _, _, rejects = run_with(tmp_path, "z_ok.txt.gz", whole[: len(whole) // 2])
    only_reject(rejects, "gzip")


def test_jsonl_is_read_line_by_line_and_max_bytes_bounds_each_record(tmp_path: Path) -> None:
    # The file is far over --max-bytes, but each record is not: all are read, except the one
    # over-long line, which becomes a reject; the lines after it are still read.
    record = json.dumps({"text": GOOD})
    lines = [record] * 30 + [json.dumps({"text": GOOD * 20})] + [record] * 5
    content = "\n".join(lines).encode()
    assert len(content) > 4 * 1024
    _, articles, rejects = run_with(tmp_path, "many.jsonl", content, max_bytes=1024)
    assert len(articles) == 1 + 35
    assert [(r["input"].rsplit("#", 1)[1], r["error"]) for r in rejects] == [("31", "too-large")]


def test_jsonl_lines_longer_than_a_read_chunk(tmp_path: Path) -> None:
    long_text = GOOD + "\n\n" + " ".join(["Officials met again in Minsk on Tuesday."] * 4000)
    lines = [json.dumps({"text": long_text, "n": i}) for i in range(3)]
    _, articles, rejects = run_with(tmp_path, "long.jsonl", "\n".join(lines).encode())
    assert not rejects
    assert [a["metadata"].get("n") for a in articles[1:]] == [0, 1, 2]


def test_truncated_jsonl_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    records = [json.dumps({"text": GOOD, "n": i}) for i in range(2000)]
    whole = gzip.compress("\n".join(records).encode())
    _, articles, rejects = run_with(tmp_path, "z.jsonl.gz", whole[: len(whole) * 3 // 4])
    only_reject(rejects, "gzip")
    assert 1 < len(articles) < 2001


def test_html_nested_100000_deep(tmp_path: Path) -> None:
    page = b"<html><body>" + b"<div>" * 100_000 + b"Deep." + b"</div>" * 100_000 + b"</body></html>"
    started = time.perf_counter()
    _, _, rejects = run_with(tmp_path, "deep.html", page)
    assert time.perf_counter() - started < 60
    only_reject(rejects, "extract")


def test_wrong_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café owners protest</title></head><body>'
        "<article><p>The owners of the Café Tavares in Lisbon said on Monday that the new rent "
        "would close the café, which has served coffee since 1931, within a year.</p>"
        "<p>They asked the council for help.</p></article></body></html>"
    ).encode()
    _, articles, rejects = run_with(tmp_path, "p.html", page)
    assert not rejects
    assert "Café Tavares" in articles[1]["text"]


def test_time_budget_turns_a_slow_input_into_a_reject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = workers_module.clean

    def slow(text=None, **options):  # the budget must fire inside cleaning itself
        if text is not None and "SLOW" in text:
            while True:  # a pathological document
                time.sleep(0.01)
        return real(text, **options)

    monkeypatch.setattr(workers_module, "clean", slow)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "slow.txt").write_text(GOOD + "SLOW\n", encoding="utf-8")
    summary = run([str(folder)], tmp_path / "out", time_budget=0.5)
    assert summary.written == 1
    assert [r.kind for r in summary.rejects] == ["timeout"]


def test_no_external_entities_and_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from newsclean import clean

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("newsclean opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://example.org/x">]>'
        "<html><body><article><p>The council met on Monday and agreed a new budget for the "
        "city's schools, officials said. &xxe; &net;</p><p>Teachers welcomed the decision."
        "</p></article></body></html>"
    )
    article = clean(html=page, url="https://example.org/news/1")
    assert "root:" not in article.text
    assert "new budget" in article.text


def test_output_names_come_from_ids_only(tmp_path: Path) -> None:
    from newsclean.io.readers import ReadOptions as Options

    folder = tmp_path / "in"
    folder.mkdir()
    record = {"text": GOOD, "title": "../../etc/passwd", "url": "../../x"}
    (folder / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run([str(folder)], out, read_options=Options(), txt=True)
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    names.remove("stats.json")  # (the run's statistics, issue 20)
    assert len(names) == 3 and all(n.endswith((".jsonl", ".txt")) for n in names)
    assert not (tmp_path / "etc").exists()


# Issue 18: inputs that stopped, hung or flooded a run.


def test_jsonl_numbers_and_nesting_python_cannot_read_are_rejects_of_their_line(
    tmp_path: Path,
) -> None:
    lines = [
        '{"text": "x", "n": ' + "7" * 5000 + "}",  # over Python's 4,300-digit limit
        '{"text": "x", "a": ' + "[" * 1000 + "]" * 1000 + "}",  # past the recursion limit
        '{"text": "x", "a": ' + "[" * 300 + "]" * 300 + "}",  # readable, but not writable back
        json.dumps({"text": GOOD, "n": 4}),
    ]
    summary, articles, rejects = run_with(tmp_path, "r.jsonl", "\n".join(lines).encode())
    assert [(r["input"].rsplit("#", 1)[1], r["error"]) for r in rejects] == [
        ("1", "json"),
        ("2", "json"),
        ("3", "json"),
    ]
    assert articles[-1]["metadata"]["n"] == 4


def test_nan_and_infinity_in_a_record_are_read_and_never_a_title() -> None:
    from newsclean.cleaners import default_pipeline
    from newsclean.io.readers import JsonLine
    from newsclean.run.runner import clean_input

    fields = '"title": NaN, "author": 1e999999, "x": -Infinity'
    raw = f'{{"text": {json.dumps(GOOD)}, {fields}}}'
    item = JsonLine("r.jsonl#1", raw.encode()).read()
    assert not isinstance(item, readers.Reject)
    article = clean_input(item, default_pipeline())
    assert article.title == "Minsk talks resume"  # from the text, not "nan"
    assert article.author is None


def test_gzip_of_blank_lines_is_read_at_c_speed(tmp_path: Path) -> None:
    # 32 MB of blank lines in 32 KB of gzip took about 12 s (a generator step per line).
    blank = gzip.compress(b"\n" * (32 << 20), 1)
    path = tmp_path / "blank.jsonl.gz"
    path.write_bytes(blank + gzip.compress(b" \t\r\n" * 1000 + json.dumps({"text": GOOD}).encode()))
    started = time.process_time()
    items = list(readers.read_inputs([str(path)]))
    assert time.process_time() - started < 2  # and now 0.3 s
    assert [i.label for i in items] == [f"{path}#{(32 << 20) + 1001}"]


def test_many_small_records_are_read_lazily_in_little_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "empty.jsonl.gz"
    path.write_bytes(gzip.compress(b"{}\n" * 20_000))
    tracemalloc.start()
    try:
        count = sum(1 for item in readers.read_inputs([str(path)]) if readers.resolve(item))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 4 << 20  # the items are not kept: a few read chunks at a time


@pytest.mark.parametrize("name", ["small.txt.gz", "-"])
def test_max_bytes_below_the_first_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # --max-bytes under 8,192 (the first read) made gzip and standard input raise ValueError
    # (a negative read size) for an input between the two.
    for limit, copies, kind in ((1000, 40, "Reject"), (6000, 20, "RawInput")):
        data = (GOOD * copies).encode()
        if name == "-":
            stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]
            monkeypatch.setattr("sys.stdin", stdin)
            paths = ["-"]
        else:
            (tmp_path / name).write_bytes(gzip.compress(data))
            paths = [str(tmp_path / name)]
        items = list(readers.read_inputs(paths, ReadOptions(max_bytes=limit)))
        assert [type(i).__name__ for i in items] == [kind], items


@pytest.mark.parametrize(
    "line",
    [
        # A photo credit with "/ . " repeated: the agency pattern backtracked exponentially.
        "x / Reuters" + "/ . " * 20 + "!",
        # An e-mail line with " @a" repeated: the reporter's address pattern did.
        "jane@example.com" + " @a" * 40 + "!",
    ],
)
def test_short_lines_that_backtracked_exponentially(line: str) -> None:
    from newsclean import clean

    started = time.process_time()
    clean(f"{GOOD}\n\n{line}\n", time_budget=30)  # before: minutes, now milliseconds
    assert time.process_time() - started < 2


def test_broken_wraps_records_stay_the_size_of_the_text() -> None:
    # 16,000 one-word paragraphs (117 KB) gave a 1.5 GB record: each join recorded the whole
    # paragraph grown so far.
    from newsclean import clean

    text = "".join(f"word{i}\n\n" for i in range(16_000))
    article = clean(text, time_budget=30)
    recorded = sum(len(f.before) + len(f.after) for f in article.fixes)
    assert recorded <= 2 * len(text)
    assert article.text.startswith("word0 word1 word2")


def test_a_time_budget_shorter_than_importing_trafilatura(tmp_path: Path) -> None:
    # The first page's clock ran out inside `import trafilatura`, and every later page failed
    # with "AttributeError: module 'urllib3' has no attribute 'util'".
    body = GOOD.replace("\n\n", "</p><p>")
    page = f"<html><body><article><p>{body}</p></article></body></html>"
    for i in range(4):
        (tmp_path / f"p{i}.html").write_text(page, encoding="utf-8")
    script = (  # text cleaning warmed up first (its profiles take a second to load)
        "import json, sys\n"
        "from newsclean import clean\n"
        "from newsclean.run.runner import run\n"
        f"clean({GOOD!r})\n"
        "s = run([sys.argv[1]], sys.argv[2], time_budget=0.3)\n"
        "print(json.dumps([r.kind for r in s.rejects]))\n"
    )
    import subprocess
    import sys as system

    done = subprocess.run(
        [system.executable, "-c", script, str(tmp_path), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    kinds = json.loads(done.stdout.splitlines()[-1])
    assert "error" not in kinds, done.stdout
    assert len(kinds) <= 1  # the first page may still run out of time, never the later ones


def test_clean_from_python_says_which_argument_is_wrong() -> None:
    from newsclean import clean

    for call, words in (
        (lambda: clean(html=123), "html must be str or bytes, not int"),
        (lambda: clean(GOOD, metadata="abc"), "metadata must be a mapping"),
        (lambda: clean(html="<p>x</p>", url=123), "url must be str or None, not int"),
        (lambda: clean(123), "text must be str, not int"),
    ):
        with pytest.raises(TypeError, match=words):
            call()  # type: ignore[no-untyped-call]
    for budget in (-1, 0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="time_budget"):
            clean(GOOD, time_budget=budget)


def test_clean_from_python_has_a_time_budget() -> None:
    from newsclean import clean
    from newsclean.run.budget import TimeBudgetExceeded

    started = time.perf_counter()
    with pytest.raises(TimeBudgetExceeded):
        clean("Paragraph. " * 300_000, time_budget=0.2)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("option", ["lexicon", "names"])
def test_data_files_that_are_devices_or_pipes(tmp_path: Path, option: str) -> None:
    # /dev/zero was read until MemoryError; a FIFO hung.
    import threading

    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo), str(tmp_path)):
        outcome: list[BaseException] = []
        thread = threading.Thread(target=_load, args=(option, path, outcome), daemon=True)
        thread.start()
        thread.join(10)
        assert not thread.is_alive(), f"--{option} {path} hangs"
        assert isinstance(outcome[0], ValueError) and "not a regular file" in str(outcome[0])


def _load(option: str, path: str, outcome: list[BaseException]) -> None:
    from newsclean.cleaners import default_pipeline

    try:
        default_pipeline(**{f"{option}_files": [path]})  # type: ignore[arg-type]
    except BaseException as exc:  # noqa: BLE001 - recorded for the test
        outcome.append(exc)
