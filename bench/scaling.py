"""How time and memory grow with hostile input: every shape of issue 18 and of
``tests/test_linear_time.py``, at 0.4 and 0.8 MB.

    python bench/scaling.py [--sizes 400000,800000] [--only SUBSTRING]

For each shape and size a fresh process warms up on a small input of the shape, then cleans (or
reads) the measured one: CPU seconds, and how far the peak resident memory rose over the input
size. The ratio column is the time growth per doubling (linear work: about 2; the acceptance is
at most 2.3), the memory columns the rise over the input size at each size (acceptance: under
20; the same at both sizes means memory is linear). Sizes are of the bytes given to newsclean,
decompressed for the gzip shapes (a few KB of gzip can hold hundreds of MB; the last rows time
the issue's own small gzip files). A row ends in
``!`` when it misses either bound. The machine is shared and noisy: rerun a row that misses
(``--only``) before believing it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

MAX_RATIO = 2.3
MAX_MEMORY = 20
WARM_SIZE = 20_000


def _sentence(i: int) -> str:
    return f"Paragraph {i} of the article says something more about the talks in Minsk. "


GERMAN = (
    "Die Bürgermeisterin von Köln sagte am Montag, dass die Gebühren für die Straßenbahn im "
    "nächsten Jahr steigen würden. Größere Änderungen seien nicht geplant, hieß es.\n\n"
)

# name -> (kind, make(n) -> n bytes or characters of input). Kinds: "text" and "html" are given to
# clean(); the others are written to a file of that suffix, read with read_inputs and cleaned.
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "body split over many containers": lambda n: (
        "<html><body>"
        + "".join(
            f'<div class="body"><p>{_sentence(i) * 6}</p></div><aside>Ad</aside>'
            for i in range(n // 520)
        )
    ),
    "unclosed paragraphs in lower case": lambda n: (
        "<html><body>" + "".join(f"<p>and then {i} more words" for i in range(n // 24))
    ),
    "empty unclosed paragraphs": lambda n: "<html><body>" + "<p>" * (n // 3),
    "nested unclosed divs": lambda n: "<html><body>" + "<div><p>Some words here. " * (n // 24),
}
FILE_SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "Latin-1 German text file": (".txt", lambda n: (GERMAN * (n // len(GERMAN))).encode("latin-1")),
    "UTF-16 text file with a mark": (
        ".txt",
        lambda n: (GERMAN * (n // len(GERMAN) // 2)).encode("utf-16"),
    ),
    "JSONL: one long record": (
        ".jsonl",
        lambda n: json.dumps({"text": "".join(_sentence(i) for i in range(n // 80))}).encode(),
    ),
    "JSONL: {} lines (gzip)": (".jsonl.gz", lambda n: b"{}\n" * (n // 3)),
    "JSONL: blank lines (gzip)": (".jsonl.gz", lambda n: b"\n" * n),
    "JSONL: 5,000-digit numbers": (
        ".jsonl",
        lambda n: (b'{"text": "x", "n": ' + b"7" * 5000 + b"}\n") * (n // 5020),
    ),
    "JSONL: arrays nested 1,000 deep": (
        ".jsonl",
        lambda n: (b'{"a": ' + b"[" * 1000 + b"]" * 1000 + b"}\n") * (n // 2007),
    ),
}


def shapes() -> dict[str, str]:
    """Every shape's name and kind."""
    from test_linear_time import ADVERSARIAL

    found = {name: "text" for name in ADVERSARIAL}
    found.update({name: "html" for name in HTML_SHAPES})
    found.update({name: FILE_SHAPES[name][0] for name in FILE_SHAPES})
    return found


def measure(name: str, size: int) -> dict[str, float]:
    """In this process: warm up on the shape, then CPU seconds and peak memory rise for ``size``."""
    from newsclean import clean
    from test_linear_time import ADVERSARIAL

    if name in ADVERSARIAL:
        make: Callable[[int], object] = ADVERSARIAL[name]
        work: Callable[[object], object] = clean  # type: ignore[assignment]
    elif name in HTML_SHAPES:
        make = HTML_SHAPES[name]

        def work(page: object) -> object:
            return clean(html=page)  # type: ignore[arg-type]

    else:
        suffix, make_bytes = FILE_SHAPES[name]
        make, work = _file_work(suffix, make_bytes)
    _attempt(work, make(WARM_SIZE))
    data = make(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.process_time()
    _attempt(work, data)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": seconds, "memory": max(0, peak - before), "size": len(data)}  # type: ignore[arg-type]


def _attempt(work: Callable[[object], object], data: object) -> None:
    """``work(data)``; an input newsclean rejects (no text in a page) is an outcome too."""
    from newsclean.html.extract import ExtractionError

    try:
        work(data)
    except ExtractionError:
        pass


def _file_work(
    suffix: str, make_bytes: Callable[[int], bytes]
) -> tuple[Callable[[int], object], Callable[[object], object]]:
    from newsclean.cleaners import default_pipeline
    from newsclean.io.readers import RawInput, read_inputs, resolve
    from newsclean.run.runner import clean_input

    pipeline = default_pipeline()
    folder = Path(tempfile.mkdtemp(prefix="newsclean-scaling-"))

    def make(n: int) -> object:
        data = make_bytes(n)
        path = folder / f"input{n}{suffix}"
        path.write_bytes(gzip.compress(data, 1) if suffix.endswith(".gz") else data)
        return _Sized(str(path), len(data))

    def work(sized: object) -> object:
        assert isinstance(sized, _Sized)
        for item in read_inputs([sized.path]):
            item = resolve(item)
            if isinstance(item, RawInput):
                clean_input(item, pipeline, time_budget=None)
        return None

    return make, work


class _Sized:
    """A file written for a shape, and the size of what it holds (decompressed)."""

    def __init__(self, path: str, size: int):
        self.path, self.size = path, size

    def __len__(self) -> int:
        return self.size


_PATH = os.environ.get("PYTHONPATH", "")


def _in_subprocess(name: str, size: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", name, str(size)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), _PATH])},
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def _issue_cases() -> None:
    """The issue's own figures: 200,000 one-word paragraphs, and the small gzip files."""
    from newsclean import clean

    clean("warm up")
    text = "".join(f"word{i}\n\n" for i in range(200_000))
    started = time.process_time()
    clean(text)
    seconds = time.process_time() - started
    print(f"\n200,000 one-word paragraphs ({len(text):,} chars): {seconds:.2f} s (must be < 5 s)")
    from newsclean.io.readers import read_inputs, resolve

    with tempfile.TemporaryDirectory() as folder:
        for label, content in (
            ("blank lines", b"\n" * (260 << 20)),
            ("{} lines", b"{}\n" * (1 << 20)),
        ):
            path = Path(folder) / "in.jsonl.gz"
            path.write_bytes(gzip.compress(content, 9))
            started = time.process_time()
            count = sum(1 for item in read_inputs([str(path)]) if resolve(item))
            seconds = time.process_time() - started
            print(
                f"{path.stat().st_size / 1024:.1f} KB .jsonl.gz of {label} "
                f"({len(content) / 1e6:.0f} MB): read in {seconds:.2f} s, {count:,} items"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="400000,800000")
    parser.add_argument("--only", default="")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], int(args.measure[1]))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    header = "".join(f"{s / 1e6:>9.1f} MB" for s in sizes)
    print(f"{'shape':<42}{'kind':>10}{header}  per doubling  memory/input (each size)")
    for name, kind in shapes().items():
        if args.only.lower() not in name.lower():
            continue
        results = [_in_subprocess(name, size) for size in sizes]
        times = "".join(f"{r['seconds']:>10.3f} s" for r in results)
        ratio = max(
            (_per_doubling(a, b) for a, b in zip(results, results[1:], strict=False)), default=0.0
        )
        memory = [r["memory"] / r["size"] for r in results]
        bad = "!" if ratio > MAX_RATIO or max(memory) >= MAX_MEMORY else ""
        shown = " ".join(f"{m:.1f}x" for m in memory)
        print(f"{name:<42}{kind:>10}{times}  {ratio:>10.2f}x  {shown:>12} {bad}", flush=True)
    if not args.only:
        _issue_cases()


def _per_doubling(a: dict[str, float], b: dict[str, float]) -> float:
    """How many times the time grew per doubling of the size from ``a`` to ``b``."""
    import math

    grown = b["seconds"] / max(a["seconds"], 1e-3)  # a millisecond is noise
    return float(grown ** (1 / math.log2(b["size"] / a["size"])))


if __name__ == "__main__":
    main()
