"""Load the independent junk bank (``bank/<lang>.toml``) and assign its dev / heldout halves.

Each language file holds ``[[junk]]`` groups (``kind``, ``position``, ``lines`` and/or ``blocks``:
a block is a run of junk lines that appears together, such as a donation appeal) and a
``[near_miss]`` table of body sentences that contain junk words and must be kept. See README.md.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BANK_DIR = Path(__file__).resolve().parent / "bank"
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk")
# top = above the headline, bottom = after the body, inline = between body paragraphs,
# any = the generator picks one of the three.
POSITIONS = ("top", "bottom", "inline", "any")
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class JunkItem:
    """One junk line, or a block of junk lines placed together."""

    language: str
    kind: str
    position: str
    lines: tuple[str, ...]

    @property
    def split(self) -> str:
        # A block goes to one half as a whole, by its first line.
        return split_of(self.lines[0])


def split_of(key: str) -> str:
    """The half ("dev" or "heldout") of a bank line or a page group: a fixed hash, no seed."""
    return SPLITS[hashlib.sha256(key.encode("utf-8")).digest()[0] & 1]


def load_language(language: str) -> tuple[list[JunkItem], list[str]]:
    """The junk items and the near-miss body lines of one language."""
    with (BANK_DIR / f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    if data.get("language") != language:
        raise ValueError(f"{language}.toml declares language {data.get('language')!r}")
    items: list[JunkItem] = []
    for group in data["junk"]:
        kind, position = group["kind"], group["position"]
        for line in group.get("lines", []):
            items.append(JunkItem(language, kind, position, (line,)))
        for block in group.get("blocks", []):
            items.append(JunkItem(language, kind, position, tuple(block)))
    return items, list(data["near_miss"]["lines"])


def load_bank() -> dict[str, tuple[list[JunkItem], list[str]]]:
    """Every language's junk items and near-miss lines."""
    return {
        language: load_language(language)
        for language in LANGUAGES
        if (BANK_DIR / f"{language}.toml").exists()
    }
