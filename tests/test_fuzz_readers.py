"""Fuzzing the readers: arbitrary bytes as a .txt, .jsonl, .jsonl.gz or .html file are read and
cleaned without an exception, each article or reject naming its input (issue 18). Small enough to
run in CI in a few seconds; raise FUZZ_EXAMPLES to search longer."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.cleaners import default_pipeline
from newsclean.io.readers import RawInput, ReadOptions, read_inputs, resolve
from newsclean.records import Article, Reject
from newsclean.run.runner import clean_input

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
PIPELINE = default_pipeline()

# Bytes that reach the interesting branches: byte-order marks, NULs, line ends, JSON and markup.
PIECES = st.sampled_from(
    [
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\xff\xfe\x00\x00",
        b"\x00",
        b"\n",
        b"\r\n",
        b"  \n\n",
        b"{}",
        b'{"text": "',
        b'{"html": "<p>',
        b'", "title": NaN}',
        b"1e999999",
        b"[[[[",
        b"<p>",
        b"<div class=b>",
        b"Minsk talks resume. ",
        "Köln".encode("latin-1"),
        "Grüße".encode(),
        b"\xe9\x81\x8d",
    ]
)
CONTENT = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(PIECES, st.binary(max_size=12)), max_size=40).map(b"".join),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=CONTENT,
    suffix=st.sampled_from([".txt", ".jsonl", ".jsonl.gz", ".html", ".txt.gz"]),
    max_bytes=st.sampled_from([100, 5000, 1 << 20]),
)
def test_any_bytes_are_read_and_cleaned_without_an_exception(
    tmp_path_factory, content: bytes, suffix: str, max_bytes: int
) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(gzip.compress(content) if suffix.endswith(".gz") else content)
    results = []
    for item in read_inputs([str(path)], ReadOptions(max_bytes=max_bytes)):
        resolved = resolve(item)
        if isinstance(resolved, RawInput):
            results.append(clean_input(resolved, PIPELINE, time_budget=30))
        else:
            results.append(resolved)
    assert results
    for result in results:
        assert isinstance(result, (Article, Reject))
        label = result.input if isinstance(result, Reject) else result.extra["input"]
        assert label.startswith(str(path))
        if isinstance(result, Reject):
            assert result.kind != "timeout", result
            assert result.kind != "error", result  # an exception inside cleaning
