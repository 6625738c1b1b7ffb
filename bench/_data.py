"""Where the benchmarks find the data they do not ship: ``../shared`` beside the checkout.

The article-extraction benchmark's pages and the Readability.js test pages live outside the
repository (they are other people's pages). Scripts that need them take ``--shared DIR`` (the
folder holding ``bench/aeb`` and ``bench/readability``) or ``--bench DIR`` (the AEB folder
itself), and stop with one line saying what is missing and exit status 2 when it is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"


def add_data_options(parser: argparse.ArgumentParser) -> None:
    """``--shared`` and ``--bench`` (default: ``SHARED/bench/aeb``)."""
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="the shared data folder, holding bench/aeb (default: ../shared beside the checkout)",
    )
    parser.add_argument(
        "--bench", type=Path, default=None, help="the AEB folder (default: SHARED/bench/aeb)"
    )


def aeb_folder(args: argparse.Namespace) -> Path:
    """The AEB folder the options name (not checked)."""
    return args.bench if args.bench is not None else args.shared / "bench" / "aeb"


def require(path: Path, what: str) -> Path:
    """``path`` if it exists; otherwise say so in one line and exit with status 2."""
    if not path.exists():
        print(
            f"{Path(sys.argv[0]).name}: {what} not found at {path} (pass --shared or --bench)",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return path


def require_aeb(args: argparse.Namespace) -> Path:
    """The AEB folder, with its ground truth, or exit 2 (see :func:`require`)."""
    folder = aeb_folder(args)
    require(folder / "ground-truth.json", "the article-extraction benchmark (ground-truth.json)")
    return folder
