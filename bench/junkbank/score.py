"""Score ``newsclean.clean()`` on the junk-bank cases: junk removed, body kept, idempotence.

    export PYTHONPATH=$PWD/src
    python bench/junkbank/score.py [--shared /work/shared] [--split all|dev|heldout] [--json]
        [--seed 15] [--reps 2] [--failures N] [--limit N]

Per case (see generate.py): a junk line is *kept* when its canonical text is still in the
output, else *removed* (a line whose text also occurs inside a body line counts as kept only
when an output line equals it). *Body tokens kept*: the share of the body's ``\\w+`` tokens
(as a multiset) still in the output, not counting tokens of junk lines the output kept. The
*reference* figure is the same share when the page's headline and body alone are cleaned (no
junk, no near-miss): the body loss that is not caused by the injected junk. *Near-miss kept*: the
share of near-miss lines whose text is in the output. *Idempotent*: ``clean(clean(x).text).text
== clean(x).text``. *Title ok*: the output's title is the injected headline. Canonical text:
NFC, straight quotes, single spaces (as newsclean writes its output). ``--failures N`` prints N
junk lines kept (use it with ``--split dev`` only: the held-out half is not for tuning).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from bodies import shared_dir
from generate import generate

from newsclean import clean

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "\u00a0": " "}
)


def canonical(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTES).split())


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", canonical(text)))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 1.0


def _junk_kept(junk: str, out_lines: list[str], body_lines: list[str]) -> bool:
    if any(junk in line for line in body_lines):  # the text is also part of the body
        return junk in out_lines
    return any(junk in line for line in out_lines)


def _residue(junk: str, out_lines: list[str], body: set[str]) -> bool:
    """Part of a removed junk line is left: a line not in the body holds half its words or more."""
    words = set(tokens(junk))
    if len(words) < 2:
        return False
    return any(
        len(words & set(tokens(line))) * 2 >= len(words) for line in out_lines if line not in body
    )


def score_case(case: dict[str, Any], reference: dict[str, float]) -> dict[str, Any]:
    first = clean(case["text"])
    second = clean(first.text)
    out_lines = [canonical(line) for line in first.text.split("\n") if line.strip()]
    out_text = "\n".join(out_lines)
    body_lines = [canonical(line) for line in [*case["body"], *case["near_miss"]]]
    junk = []
    kept_junk_tokens: Counter[str] = Counter()
    for entry in case["junk"]:
        kept = _junk_kept(canonical(entry["text"]), out_lines, body_lines)
        residue = not kept and _residue(entry["text"], out_lines, set(body_lines))
        junk.append((entry, kept, residue))
        if kept:
            kept_junk_tokens += tokens(entry["text"])
    body_tokens = tokens("\n".join(case["body"]))
    out_tokens = tokens(out_text) - kept_junk_tokens
    kept_tokens = sum(min(n, out_tokens[t]) for t, n in body_tokens.items())
    if case["source"] not in reference:
        pure = clean("\n\n".join([case["headline"], *case["body"]])).text
        pure_tokens = tokens(pure)
        pure_kept = sum(min(n, pure_tokens[t]) for t, n in body_tokens.items())
        reference[case["source"]] = _ratio(pure_kept, sum(body_tokens.values()))
    return {
        "junk": junk,
        "body_tokens": sum(body_tokens.values()),
        "body_kept": kept_tokens,
        "reference": reference[case["source"]],
        "near_total": len(case["near_miss"]),
        "near_kept": sum(canonical(n) in out_text for n in case["near_miss"]),
        "idempotent": second.text == first.text,
        "title_ok": canonical(first.title or "") == canonical(case["headline"]),
        "same_language": case["body_language"] == case["language"],
    }


class Tally:
    def __init__(self) -> None:
        self.junk = self.removed = self.residue = self.tokens = self.kept = self.near = (
            self.near_kept
        ) = 0
        self.cases = self.idempotent = self.title_ok = self.same_language = 0
        self.reference = 0.0

    def add_case(self, r: dict[str, Any]) -> None:
        self.cases += 1
        self.tokens += r["body_tokens"]
        self.kept += r["body_kept"]
        self.reference += r["reference"] * r["body_tokens"]
        self.near += r["near_total"]
        self.near_kept += r["near_kept"]
        self.idempotent += r["idempotent"]
        self.title_ok += r["title_ok"]
        self.same_language += r["same_language"]

    def add_junk(self, kept: bool, residue: bool) -> None:
        self.junk += 1
        self.removed += not kept
        self.residue += residue

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "junk_lines": self.junk,
            "junk_removed": round(_ratio(self.removed, self.junk), 4),
            "junk_removed_whole": round(_ratio(self.removed - self.residue, self.junk), 4),
        }
        if self.cases:
            out |= {
                "cases": self.cases,
                "body_tokens_kept": round(_ratio(self.kept, self.tokens), 4),
                "body_tokens_kept_reference": round(_ratio(self.reference, self.tokens), 4),
                "near_miss_kept": round(_ratio(self.near_kept, self.near), 4),
                "near_miss_lines": self.near,
                "idempotent": round(_ratio(self.idempotent, self.cases), 4),
                "title_is_headline": round(_ratio(self.title_ok, self.cases), 4),
                "body_in_junk_language": round(_ratio(self.same_language, self.cases), 4),
            }
        return out


def run(cases: list[dict[str, Any]], failures: int) -> dict[str, Any]:
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    reference: dict[str, float] = {}
    missed: list[tuple[str, str, str]] = []
    for case in cases:
        result = score_case(case, reference)
        keys = [("overall", "all"), ("split", case["split"]), ("language", case["language"])]
        keys.append(("split_language", f"{case['split']}/{case['language']}"))
        for group, key in keys:
            tallies[group][key].add_case(result)
        for entry, kept, residue in result["junk"]:
            for group, key in [
                *keys,
                ("kind", entry["kind"]),
                ("placed", entry["placed"]),
                ("split_kind", f"{case['split']}/{entry['kind']}"),
                ("kind_language", f"{entry['kind']}/{case['language']}"),
            ]:
                tallies[group][key].add_junk(kept, residue)
            if kept and len(missed) < failures:
                missed.append((case["language"], entry["kind"], entry["text"]))
    for language, kind, text in missed:
        print(f"kept  {language} {kind:15} {text}", file=sys.stderr)
    return {
        group: {key: t.summary() for key, t in sorted(by.items())} for group, by in tallies.items()
    }


def print_table(summary: dict[str, Any]) -> None:
    for group in ("overall", "split", "language", "split_language", "placed", "kind", "split_kind"):
        if group not in summary:
            continue
        print(f"\n== {group}")
        print(
            f"{'':18} {'junk':>6} {'removed':>8} {'whole':>6} {'body_kept':>9} {'ref_kept':>8} "
            f"{'near_kept':>9} {'idempotent':>10} {'title_ok':>8} {'same_lang':>9}"
        )
        for key, s in summary[group].items():
            cells = [
                f"{s.get(name, ''):>{width}}"
                for name, width in (
                    ("body_tokens_kept", 9),
                    ("body_tokens_kept_reference", 8),
                    ("near_miss_kept", 9),
                    ("idempotent", 10),
                    ("title_is_headline", 8),
                    ("body_in_junk_language", 9),
                )
            ]
            removed = f"{s['junk_removed']:>8} {s['junk_removed_whole']:>6}"
            print(f"{key:18} {s['junk_lines']:>6} {removed} " + " ".join(cells))
    matrix = summary.get("kind_language", {})
    languages = sorted({key.split("/")[1] for key in matrix})
    print("\n== junk removed by kind (rows) and language (columns)")
    print(f"{'':18} " + " ".join(f"{language:>5}" for language in languages))
    for kind in sorted({key.split("/")[0] for key in matrix}):
        cells = [matrix.get(f"{kind}/{language}", {}).get("junk_removed") for language in languages]
        print(f"{kind:18} " + " ".join(f"{'' if c is None else f'{c:.2f}':>5}" for c in cells))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="the shared data folder (default: ../shared of the repo)")
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--failures", type=int, default=0, help="print N junk lines kept")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N cases")
    args = parser.parse_args(argv)
    if args.failures and args.split != "dev":
        parser.error("--failures shows junk lines: use it with --split dev only")
    cases = generate(shared_dir(args.shared), args.seed, args.reps, args.split)
    if args.limit:
        cases = cases[: args.limit]
    start = time.perf_counter()
    summary = run(cases, args.failures)
    summary["run"] = {
        "cases": len(cases),
        "seed": args.seed,
        "reps": args.reps,
        "split": args.split,
        "seconds": round(time.perf_counter() - start, 1),
    }
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        print_table(summary)


if __name__ == "__main__":
    main()
