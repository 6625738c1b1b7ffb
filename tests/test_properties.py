"""Properties of cleaning, over generated noisy articles, arbitrary text and arbitrary bytes.

The number of examples comes from the Hypothesis profile: ``ci`` (300 per property, the default)
or ``soak`` (``pytest tests/test_properties.py --hypothesis-profile=soak``), see ``conftest.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from helpers import all_cases, run_with_hash_seed
from newsclean import clean
from newsclean.run.runner import run
from newsclean.segment import canonical_inline
from strategies import Composed, any_text, noisy_articles

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_WORD = re.compile(r"\w+")


def assert_canonical(text: str) -> None:
    assert text == unicodedata.normalize("NFC", text)
    assert not _INVISIBLE.search(text)
    assert "\r" not in text and "\t" not in text
    assert "\n\n\n" not in text
    assert text == text.strip()
    for paragraph in text.split("\n\n") if text else []:
        assert paragraph and "\n" not in paragraph
        assert "  " not in paragraph and paragraph == paragraph.strip()
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in text)


@given(any_text)
@example("\x00")
@example("\u2028\u2029")
@example("Ä\u0308")  # a letter and a combining mark that NFC composes
@example("\n\n".join(["Belarus rejects the participation of its own troops in the war."] * 3))
def test_clean_never_raises_and_output_is_canonical(text: str) -> None:
    article = clean(text)
    assert_canonical(article.text)
    if article.title is not None:
        assert "\n" not in article.title


@given(any_text)
@example("(dpa)\n\nBelarus rejects the war.\n\nBelarus rejects the war.")  # credit above a lede
@example("0\n\nRead more\n\n(dpa)\n\n.")  # a fragment left next to removed junk
def test_cleaning_is_idempotent(text: str) -> None:
    first = clean(text)
    second = clean(first.text, metadata={"title": first.title})
    assert second.text == first.text


@given(any_text)
@example("Putin in Minsk\n\nA short line\n\nThe Kremlin chief landed in Minsk on Monday.")
def test_cleaning_the_output_again_changes_nothing(text: str) -> None:
    """Idempotence as users mean it: the output, cleaned again as a new article (nothing known
    about it), is the output."""
    first = clean(text)
    assert clean(first.text).text == first.text


_GERMAN = (
    "Kremlsprecher Dmitri Peskow sagte in Moskau, zusätzliche Lieferungen würden nichts ändern. "
    "Peskow warf der EU zugleich vor, den Krieg zu verlängern."
)
_ENGLISH = "The mayor said in a video address that he took personal responsibility for the outages."


@given(noisy_articles())
# A German paragraph inside an English article kept its German name spellings.
@example(Composed(f"{_ENGLISH}\n\n{_GERMAN}", [_ENGLISH, _GERMAN], [], None))
# Mojibake of a letter whose UTF-8 bytes Windows-1252 leaves undefined (č: C4 8D).
@example(Composed("President Aleksandar VuÄ\x8diÄ‡ spoke.\n\nRead more", [], ["Read more"], None))
def test_body_kept_and_junk_removed(article: Composed) -> None:
    cleaned = clean(article.text)
    paragraphs = cleaned.text.split("\n\n")
    for body in article.body:
        assert body in paragraphs, body
    for junk in article.junk:
        assert canonical_inline(junk) not in paragraphs, junk
    if article.headline:
        assert cleaned.title == article.headline


@given(any_text)
def test_every_word_is_accounted_for(text: str) -> None:
    """Each word of the input is in the output, in the title, or in a removal or fix record."""
    article = clean(text)
    seen = set(_WORD.findall(article.text)) | set(_WORD.findall(article.title or ""))
    for record in article.removed:
        seen |= set(_WORD.findall(record.text))
    for fix in article.fixes:
        seen |= set(_WORD.findall(fix.before))
    visible = canonical_inline(text.replace("\r", " ").replace("\n", " "), keep_c1=True)
    missing = set(_WORD.findall(visible)) - seen
    assert not missing, missing


@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".jsonl", ".txt.gz"]))
@example(b"\x1f\x8b\x08\x00", ".txt.gz")  # a gzip header and nothing else
def test_any_bytes_through_the_runner(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        summary = run([str(source)], Path(tmp) / "out", time_budget=30)
        lines = (Path(tmp) / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        assert summary.written == len(lines)
        for line in lines:
            record = json.loads(line)
            assert_canonical(record["text"])
        assert summary.written + summary.rejected >= (
            1 if data.strip() and suffix != ".jsonl" else 0
        )


_DIGEST_SCRIPT = """
import hashlib, json, sys
from newsclean import clean
texts = json.loads(sys.stdin.read())
for t in texts:
    record = clean(t).to_dict()
    print(hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest())
"""


def test_same_output_in_processes_with_different_hash_seeds() -> None:
    texts = [c.read_input() for c in all_cases()]
    texts += ["Read more\r\n\r\nPeskow said it.\u00a0", "donâ€™t &amp; café", "新闻 🙂 Новости"]
    outputs = [
        run_with_hash_seed(_DIGEST_SCRIPT, json.dumps(texts), seed) for seed in ("0", "1", "4242")
    ]
    assert outputs[0] == outputs[1] == outputs[2]
    # And the same as this process gives, whatever its own hash seed: the digests are those of
    # the records, not of something that merely repeats within one seed.
    here = [
        hashlib.sha256(json.dumps(clean(t).to_dict(), sort_keys=True).encode()).hexdigest()
        for t in texts
    ]
    assert outputs[0].split() == here
