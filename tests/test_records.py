"""The JSONL record of an article: every field of its removals and fixes, by name and in order."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from newsclean import clean
from newsclean.records import Fix, Removal

texts = st.text(max_size=30)


@given(st.builds(Removal, texts, texts, texts))
def test_a_removal_record_holds_every_field_in_order(removal: Removal) -> None:
    assert list(removal.to_dict().items()) == list(dataclasses.asdict(removal).items())


@given(st.builds(Fix, texts, texts, texts, texts))
def test_a_fix_record_holds_every_field_in_order(fix: Fix) -> None:
    assert list(fix.to_dict().items()) == list(dataclasses.asdict(fix).items())


def test_an_article_record_lists_its_removals_and_fixes() -> None:
    article = clean(
        "Peskow said on Tuesday that talks would resume in Minsk next week, and that the "
        "delegations had agreed on an agenda.\n\nPeskov added that no date was set.\n\nRead more:"
        " Talks in Minsk"
    )
    assert article.removed and article.fixes
    metadata = article.to_dict()["metadata"]
    assert metadata["removed"] == [dataclasses.asdict(r) for r in article.removed]
    assert metadata["fixes"] == [dataclasses.asdict(f) for f in article.fixes]
