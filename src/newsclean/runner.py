"""The batch runner behind ``newsclean run``: read every input, clean it, write the outputs.

The runner is the only part that knows about many articles at once. One bad input becomes a
:class:`~newsclean.io.readers.Reject` and the run goes on; outputs are written atomically.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsclean.clean import clean
from newsclean.extract import ExtractionError
from newsclean.io.readers import RawInput, ReadOptions, Reject, read_inputs
from newsclean.io.writers import AtomicFile, dumps, write_text
from newsclean.pipeline import Pipeline, default_pipeline
from newsclean.records import Article

ARTICLES_FILE = "articles.jsonl"
REJECTS_FILE = "rejects.jsonl"


@dataclass
class RunSummary:
    written: int = 0
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0
    out_dir: Path = Path(".")

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def line(self) -> str:
        return (
            f"newsclean: {self.written} article{'s' * (self.written != 1)} written to "
            f"{self.out_dir / ARTICLES_FILE}, {self.rejected} rejected, {self.seconds:.2f} s"
        )


def clean_input(item: RawInput, pipeline: Pipeline) -> Article | Reject:
    """Clean one raw input; any failure becomes a reject naming the input."""
    metadata = {k: v for k, v in item.metadata.items() if v is not None}
    url = metadata.get("url") if isinstance(metadata.get("url"), str) else None
    try:
        if item.kind == "html":
            article = clean(html=item.content, url=url, pipeline=pipeline, metadata=metadata)
        else:
            assert isinstance(item.content, str)
            article = clean(item.content, url=url, pipeline=pipeline, metadata=metadata)
    except ExtractionError as exc:
        return Reject(item.label, "extract", str(exc))
    except Exception as exc:  # noqa: BLE001 - one article's failure must not end the run
        return Reject(item.label, "error", f"{type(exc).__name__}: {exc}")
    article.extra["input"] = item.label
    return article


def run(
    inputs: Iterable[str],
    out_dir: Path | str,
    *,
    pipeline: Pipeline | None = None,
    read_options: ReadOptions = ReadOptions(),
    txt: bool = False,
    on_reject: Callable[[Reject], None] | None = None,
) -> RunSummary:
    """Clean every article in ``inputs`` into ``out_dir/articles.jsonl`` (and ``<id>.txt`` files
    when ``txt``); rejects go to ``out_dir/rejects.jsonl``."""
    started = time.perf_counter()
    pipeline = pipeline if pipeline is not None else default_pipeline()
    out = Path(out_dir)
    summary = RunSummary(out_dir=out)
    with AtomicFile(out / ARTICLES_FILE) as articles, AtomicFile(out / REJECTS_FILE) as rejects:
        for item in read_inputs(inputs, read_options):
            result = item if isinstance(item, Reject) else clean_input(item, pipeline)
            if isinstance(result, Reject):
                summary.rejects.append(result)
                rejects.write(dumps(result.to_dict()) + "\n")
                if on_reject is not None:
                    on_reject(result)
                continue
            articles.write(dumps(result.to_dict()) + "\n")
            if txt:
                write_text(out / f"{result.id}.txt", to_txt(result))
            summary.written += 1
    summary.seconds = time.perf_counter() - started
    return summary


def to_txt(article: Article) -> str:
    """The plain-text form: the title, a blank line, the body; ends with one newline."""
    parts = [p for p in (article.title, article.text) if p]
    return "\n\n".join(parts) + "\n"
