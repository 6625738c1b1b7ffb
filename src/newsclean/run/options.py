"""The options of ``newsclean run`` checked before anything is read, and the files among them
described by content, for a resume to compare."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any


def usage_problem(
    out: Path,
    encoding: str | None,
    max_bytes: int,
    time_budget: float,
    jobs: int | None,
    resume: bool = False,
    overwrite: bool = False,
) -> str | None:
    """What makes these options unusable, in one line, or ``None``."""
    if out.exists() and not out.is_dir():
        return f"--out {out} is a file; it must be a directory (created if missing)"
    try:
        if encoding not in (None, "auto"):
            b"a".decode(encoding, "replace")  # an unknown name, or a codec not for text (base64)
    except LookupError:
        return f"--encoding {encoding}: not a text encoding Python knows"
    if max_bytes < 1:
        return f"--max-bytes {max_bytes}: must be a number of bytes, 1 or more"
    if not math.isfinite(time_budget) or time_budget < 0:
        return f"--time-budget {time_budget}: must be a number of seconds, 0 for no limit"
    if jobs is not None and jobs < 1:
        return f"--jobs {jobs}: must be 1 or more (leave it out for one per core)"
    if resume and overwrite:
        return "--resume and --overwrite contradict each other: give one"
    return None


def file_identities(paths: list[Path]) -> list[list[str]]:
    """Each file by name and content (SHA-256)."""
    found = []
    for path in paths:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 16), b""):
                digest.update(chunk)
        found.append([str(path), digest.hexdigest()])
    return found


def described(
    lexicon: list[Path], names: list[Path], bundled_names: bool, english_variants: bool
) -> dict[str, object]:
    """The options that shape the pipeline beyond its cleaners' names, for a resume to compare."""
    return {
        "lexicon": file_identities(lexicon),
        "names": file_identities(names),
        "bundled_names": bundled_names,
        "english_variants": english_variants,
    }


def _differences(then: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What differs between two identities, one phrase per key."""
    found = []
    for key in sorted(set(then) | set(now)):
        old, new = then.get(key), now.get(key)
        if old == new:
            continue
        if isinstance(old, list) and isinstance(new, list):
            gone = [x for x in old if x not in new]
            added = [x for x in new if x not in old]
            if gone or added:
                found.append(f"{key}: without {_short(gone)} now, with {_short(added)}")
            else:
                found.append(f"{key}: in another order now ({_short(new)})")
        else:
            found.append(f"{key} was {_short(old)}, now {_short(new)}")
    return found


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."
