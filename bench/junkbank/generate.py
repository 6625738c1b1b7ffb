"""Inject the junk bank into real article bodies from ``../shared`` (nothing of it is committed).

    python bench/junkbank/generate.py [--shared /work/shared] [--seed 15] [--reps 2]
        [--split all|dev|heldout] [--out DIR] [--dump-bank dev]

Bodies: the AEB gold bodies (``bench/aeb/ground-truth.json``) and the Readability.js expected
outputs of the real pages listed in ``bodies.READABILITY_PAGES`` (``expected.html.gz`` turned into
one line per paragraph, list item or heading; figures and captions dropped). Each case is a
headline, then the body, with 1-4 junk items of one language placed by their position class and
0-2 near-miss lines inserted between body paragraphs; paragraphs are separated by blank lines.
Everything is deterministic for a given seed. ``--out DIR`` writes ``cases.jsonl`` there (use a
temporary directory: the cases hold text from ../shared); ``--dump-bank dev`` prints the dev
half of the bank, the only half a classifier developer may read.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from bank import JunkItem, load_bank, split_of
from bodies import Body, load_bodies, shared_dir


def _place(rng: random.Random, item: JunkItem) -> str:
    return rng.choice(("top", "inline", "bottom")) if item.position == "any" else item.position


def make_case(
    rng: random.Random,
    body: Body,
    items: list[JunkItem],
    near: list[str],
    language: str,
    number: int,
) -> dict[str, Any]:
    """One case: the body with its headline, the junk placed, the near-miss lines inserted."""
    middle: list[tuple[str, str]] = [(p, "body") for p in body.paragraphs]
    for line in near:  # between two body paragraphs, never first or last
        middle.insert(rng.randint(1, len(middle) - 1), (line, "near_miss"))
    top: list[tuple[str, str]] = []
    bottom: list[tuple[str, str]] = []
    junk = []
    for item in items:
        where = _place(rng, item)
        block = [(line, "junk") for line in item.lines]
        if where == "top":
            top.extend(block)
        elif where == "bottom":
            bottom.extend(block)
        else:
            at = rng.randint(1, len(middle) - 1)
            middle[at:at] = block
        for line in item.lines:
            junk.append(
                {"text": line, "kind": item.kind, "position": item.position, "placed": where}
            )
    lines = [*top, (body.title, "headline"), *middle, *bottom]
    return {
        "id": f"{language}-{number:04d}",
        "language": language,
        "body_language": body.language,
        "split": body.split,
        "group": body.group,
        "source": body.source,
        "headline": body.title,
        "text": "\n\n".join(text for text, _ in lines),
        "body": [text for text, role in lines if role == "body"],
        "near_miss": near,
        "junk": junk,
    }


def generate(
    shared: Path, seed: int = 15, reps: int = 2, split: str = "all"
) -> list[dict[str, Any]]:
    """All cases: every junk item of a half appears ``reps`` times, on bodies of the same half."""
    bodies = load_bodies(shared)
    bank = load_bank()
    cases: list[dict[str, Any]] = []
    for half in ("dev", "heldout"):
        if split not in ("all", half):
            continue
        pool = [b for b in bodies if b.split == half]
        for language in bank:
            rng = random.Random(f"{seed}:{half}:{language}")
            items = [i for i in bank[language][0] if i.split == half]
            near = [line for line in bank[language][1] if split_of(line) == half]
            # Bodies in the junk's language when this half has any, else English ones.
            same = [b for b in pool if b.language == language]
            hosts = same or [b for b in pool if b.language == "en"]
            queue: list[JunkItem] = []
            for _ in range(reps):
                queue.extend(rng.sample(items, len(items)))
            near_queue = [line for _ in range(reps) for line in rng.sample(near, len(near))]
            while queue:
                take = rng.randint(1, 4)
                chosen, queue = queue[:take], queue[take:]
                extra = rng.randint(0, 2)
                picked, near_queue = near_queue[:extra], near_queue[extra:]
                body = hosts[rng.randrange(len(hosts))]
                cases.append(make_case(rng, body, chosen, picked, language, len(cases)))
    return cases


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="the shared data folder (default: ../shared of the repo)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--reps", type=int, default=2, help="times each junk item is injected")
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--out", help="write cases.jsonl into this (temporary) folder")
    parser.add_argument("--dump-bank", choices=("dev",), help="print the dev half of the bank")
    args = parser.parse_args(argv)
    if args.dump_bank:
        for language, (items, near) in load_bank().items():
            for item in items:
                if item.split == "dev":
                    for line in item.lines:
                        print(
                            json.dumps(
                                {
                                    "language": language,
                                    "kind": item.kind,
                                    "position": item.position,
                                    "text": line,
                                },
                                ensure_ascii=False,
                            )
                        )
            for line in near:
                if split_of(line) == "dev":
                    print(
                        json.dumps(
                            {"language": language, "kind": "near_miss", "text": line},
                            ensure_ascii=False,
                        )
                    )
        return
    cases = generate(shared_dir(args.shared), args.seed, args.reps, args.split)
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        with (out / "cases.jsonl").open("w", encoding="utf-8") as handle:
            for case in cases:
                handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
