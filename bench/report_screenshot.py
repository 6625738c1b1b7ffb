"""Render ``newsclean report`` in headless Chromium: save a screenshot and fail on console errors.

    python bench/report_screenshot.py OUT_DIR [--copies 1000] [--png report.png]

OUT_DIR is a finished run (``newsclean run seeds/ fixtures/cases --out OUT_DIR``). With
``--copies N`` the report is built from N articles, the run's repeated with new ids (the size and
the drawing of a 1,000-article run without cleaning one). Needs Debian's ``chromium`` package.
Prints the report's size, the console messages at error level, and where the PNG is.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from newsclean.audit.report import build_report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--copies", type=int, default=0)
    parser.add_argument("--png", type=Path, default=Path("report.png"))
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as tmp:
        source = args.out_dir
        if args.copies:
            lines = (source / "articles.jsonl").read_text(encoding="utf-8").splitlines()
            many = [json.loads(lines[n % len(lines)]) for n in range(args.copies)]
            for n, record in enumerate(many):
                record["id"] = f"{n:016x}"
            source = Path(tmp) / "run"
            source.mkdir()
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in many)
            (source / "articles.jsonl").write_text(text, encoding="utf-8")
            shutil.copy(args.out_dir / "rejects.jsonl", source / "rejects.jsonl")
        page = Path(tmp) / "report.html"
        page.write_text(build_report(source), encoding="utf-8")
        print(f"report: {page.stat().st_size / 1e6:.2f} MB")
        done = subprocess.run(
            [
                chromium,
                *("--headless", "--no-sandbox", "--disable-gpu"),
                *("--disable-background-networking", "--no-first-run"),
                f"--user-data-dir={tmp}/profile",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1280,1600",
                f"--screenshot={args.png.resolve()}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    errors = [line for line in console if re.search(r"error|Uncaught", line, re.I)]
    print(f"console messages: {len(console)}, errors: {len(errors)}")
    for line in errors:
        print("  " + line)
    print(f"screenshot: {args.png} ({'written' if args.png.exists() else 'MISSING'})")
    return 1 if errors or not args.png.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
