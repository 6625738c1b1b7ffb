"""Every record newsclean gives for the seeds, the fixtures and the benchmark pages, in one file.

    python bench/snapshot.py OUT.jsonl [--shared ../shared]

A refactoring must not change what newsclean outputs. Run this before and after it (for example
on a checkout of the commit before, with that checkout's ``src`` first on ``PYTHONPATH``) and
compare the two files with ``cmp``: they are byte-identical exactly when every record is. Each
line is ``{"input": ..., "record": ...}`` (the record as ``newsclean run`` writes it, without the
version field) or ``{"input": ..., "error": ...}`` for an input newsclean rejects. Benchmark pages
missing from ``--shared`` are skipped, and the script says how many inputs it covered.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def inputs(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(label, kind, content) for every input covered, in a fixed order."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", "text", path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "fixtures").glob("*/*/input.*")):
        kind = "html" if path.suffix in (".html", ".htm") else "text"
        yield str(path.relative_to(ROOT)), kind, path.read_text(encoding="utf-8")
    for path in sorted((shared / "bench" / "aeb" / "html").glob("*.html.gz")):
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield f"aeb/{path.name}", "html", page
    for path in sorted((shared / "bench" / "readability" / "pages").glob("*/source.html.gz")):
        yield (
            f"readability/{path.parent.name}",
            "html",
            gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    from newsclean import clean

    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for label, kind, content in inputs(args.shared):
            try:
                article = clean(html=content) if kind == "html" else clean(content)
            except Exception as exc:  # noqa: BLE001 - the snapshot records every outcome
                line = {"input": label, "error": f"{type(exc).__name__}: {exc}"}
            else:
                record = article.to_dict()
                record["metadata"].pop("newsclean_version", None)
                line = {"input": label, "record": record}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"snapshot: {count} inputs written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
