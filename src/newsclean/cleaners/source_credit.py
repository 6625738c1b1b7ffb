"""SourceCredit: removes agency and source credit lines, keeping the credited source."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsclean.cleaners._shapes import word_count
from newsclean.conventions import alternation
from newsclean.document import Document
from newsclean.lexicon import Derived, Lexicon, TextTest, fullmatch_any
from newsclean.pipeline import Cleaner

# Editors' initials in parentheses: "(as)", "(jh/ank)"; optionally with an agency: "(jh/dpa)".
_INITIALS = r"[a-zäöüß]{1,4}(?:\s*/\s*[a-zäöüß]{1,4})*"


class _Agencies:
    def __init__(self, lexicon: Lexicon):
        names = sorted(lexicon.phrases("source_credit", "agencies"), key=len, reverse=True)
        self.canonical = {n.casefold(): n for n in names}
        agencies = alternation(names)
        # "(dpa)", "(AFP/Reuters)", "(mit dpa)", "(jh/dpa)", "(as)".
        self.standalone = re.compile(
            rf"\((?:with |mit |nach |from )?"
            rf"(?:(?P<agency>(?:{agencies})(?:\s*/\s*(?:{agencies}))*)"
            rf"|{_INITIALS}\s*/\s*(?P<agency2>{agencies})|(?P<initials>{_INITIALS}))\)\.?",
            re.IGNORECASE,
        )
        # "… said on Sunday. (dpa)" at the end of the last paragraph.
        self.trailing = re.compile(
            rf"(?<=[.!?\"”])\s*\((?P<agency>{agencies})(?:\s*/\s*[a-zäöüß]{{1,4}})?\)$",
            re.IGNORECASE,
        )

    def name(self, found: str) -> str:
        first = re.split(r"\s*/\s*", found)[0]
        return self.canonical.get(first.casefold(), first)


_AGENCIES = Derived("source_credit.agencies", _Agencies)


class SourceCredit(Cleaner):
    """Removes source and agency credits ("Source: merkur", "(dpa)") and editors' initials ("(as)").

    Wire copy and aggregated articles end with who supplied them. A credit alone on a line, or an
    agency in parentheses after the last sentence, is removed and the publisher is kept as
    ``source``. Editors' initials in parentheses are removed without becoming metadata. A
    sentence that names a source ("Source: a senior official said…") is longer than a credit and
    stays. Before: ``…in Belarus.`` / ``(as)`` / ``Source: merkur``; after: ``…in Belarus.``,
    ``source = "merkur"``.
    """

    name = "source_credit"

    @dataclass(frozen=True)
    class Config:
        #: A source credit names a publisher or agency in a few words; more is a sentence.
        max_source_words: int = 4

    config: Config

    def apply(self, doc: Document) -> None:
        agencies = doc.lexicon.derived(_AGENCIES)
        credit = doc.lexicon.text_test(_CREDIT, self.config.max_source_words)
        drop: list[int] = []
        for i, block in enumerate(doc.blocks):
            is_credit, source = credit(block.text)
            if is_credit:
                doc.set_meta("source", source)
                drop.append(i)
        doc.remove(drop, self.name, "source or agency credit")
        if doc.blocks:
            last = len(doc.blocks) - 1
            found = agencies.trailing.search(doc.blocks[last].text)
            if found:
                doc.set_meta("source", agencies.name(found.group("agency")))
                doc.fix(
                    last,
                    doc.blocks[last].text[: found.start()].rstrip(),
                    self.name,
                    "agency credit after the last sentence",
                )


def _credit_test(lexicon: Lexicon, max_words: int) -> Callable[[str], tuple[bool, str | None]]:
    """Whether a block is a source or agency credit, and the source it names (None if none)."""
    agencies = lexicon.derived(_AGENCIES)
    patterns = lexicon.patterns("source_credit", "patterns")

    def credit(text: str) -> tuple[bool, str | None]:
        found = agencies.standalone.fullmatch(text)
        if found:
            agency = found.group("agency") or found.group("agency2")
            return True, agencies.name(agency) if agency else None
        found = fullmatch_any(patterns, text)
        if found and word_count(found.group("source")) <= max_words:
            return True, agencies.name(found.group("source").strip(" ,"))
        return False, None

    return credit


_CREDIT = TextTest("source_credit.credit", _credit_test)
