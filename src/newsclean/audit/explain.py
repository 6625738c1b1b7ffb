"""One article explained in the terminal (``newsclean explain``): the kept text, with each removed
block struck through in its place, coloured by the cleaner that removed it and labelled with the
reason; each fix as before → after; the metadata found.

Records do not say where a removed block stood, so :func:`layout` places it by finding its text in
the input as read (a plain-text input, or the text of an HTML input's extraction when it is
found there); a block that cannot be found is shown after the text, under "removed elsewhere".
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsclean.records import METADATA_FIELDS, Article, Removal

__all__ = ["colour_of", "explain", "layout"]

#: Colours of the cleaners, taken in turn by name (16 standard ones: readable on dark and light).
_COLOURS = ("red", "magenta", "yellow", "cyan", "blue", "green", "bright_red", "bright_magenta")


def colour_of(cleaner: str, names: list[str]) -> str:
    """The colour of ``cleaner`` among ``names`` (the chain's, in order), the same on every run."""
    index = names.index(cleaner) if cleaner in names else sum(map(ord, cleaner))
    return _COLOURS[index % len(_COLOURS)]


def layout(article: Article, original: str) -> tuple[list[str | Removal], list[Removal]]:
    """The kept paragraphs and the removals that could be placed, in the order of ``original``;
    and the removals that could not be found there."""
    placed: list[tuple[int, int, str | Removal]] = []
    unplaced: list[Removal] = []
    taken: set[int] = set()
    for number, removal in enumerate(article.removed):
        at = original.find(removal.text) if removal.text else -1
        while at in taken:  # the same text removed twice: the next place it stands
            at = original.find(removal.text, at + 1)
        if at < 0:
            unplaced.append(removal)
            continue
        taken.add(at)
        placed.append((at, -1 - number, removal))  # at the same place, a removal comes first
    cursor = 0
    for number, paragraph in enumerate(p for p in article.text.split("\n\n") if p.strip()):
        found = original.find(paragraph[:60], cursor)
        while found in taken:  # a removed block starts the same way: the kept one is further on
            found = original.find(paragraph[:60], found + 1)
        cursor = found if found >= 0 else cursor
        placed.append((cursor, number, paragraph))
    placed.sort(key=lambda entry: (entry[0], entry[1]))
    return [entry for _, _, entry in placed], unplaced


def _removed(removal: Removal, names: list[str]) -> Text:
    colour = colour_of(removal.cleaner, names)
    line = Text()
    line.append(removal.text, style=f"strike {colour}")
    line.append(f"  [{removal.cleaner}: {removal.reason}]", style=f"bold {colour}")
    return line


def explain(article: Article, original: str, names: list[str], console: Console) -> None:
    """Print ``article`` (cleaned from ``original`` by a chain of ``names``) to ``console``."""
    console.rule(Text(article.title or "(no title)", style="bold"))
    blocks, unplaced = layout(article, original)
    for block in blocks:
        console.print(Text(block) if isinstance(block, str) else _removed(block, names))
        console.print()
    if unplaced:
        console.rule("removed elsewhere")
        for removal in unplaced:
            console.print(_removed(removal, names))
    if article.fixes:
        console.rule("fixes")
        for fix in article.fixes:
            line = Text(f"{fix.cleaner}: ", style=f"bold {colour_of(fix.cleaner, names)}")
            line.append(repr(fix.before), style="red")
            line.append(" → ")
            line.append(repr(fix.after), style="green")
            if fix.reason:
                line.append(f"  ({fix.reason})", style="dim")
            console.print(line)
    table = Table(title="metadata", show_header=False)
    for name in METADATA_FIELDS:
        value: Any = getattr(article, name)
        if value not in (None, [], ""):
            table.add_row(name, str(value))
    console.print(table)
    removed_words = sum(len(r.text.split()) for r in article.removed)
    console.print(
        f"{len(article.removed)} removals ({removed_words} words), {len(article.fixes)} fixes;"
        f" {article.word_count} words kept"
    )
