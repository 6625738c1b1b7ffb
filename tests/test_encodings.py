"""Text inputs in other character sets than UTF-8 are read right with no option (issue 18):
a byte-order mark, then valid UTF-8, then charset-normalizer's confident guess; ``encoding``
forces one. NUL bytes mean binary only after decoding (UTF-16 and UTF-32 are full of them).
Each test here failed before encoding detection."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsclean.io.readers import RawInput, ReadOptions, read_inputs, resolve
from newsclean.records import Reject

GERMAN = (
    "Köln erhöht die Gebühren\n\n"
    "Die Bürgermeisterin von Köln sagte am Montag, dass die Gebühren für die Straßenbahn im "
    "nächsten Jahr steigen würden. Größere Änderungen seien nicht geplant, hieß es aus dem "
    "Rathaus.\n\nÜbrigens öffnet die Bäckerei am Dom wieder früh.\n"
)
FRENCH = (
    "Le président français a déclaré lundi que les négociations reprendraient à Genève, "
    "où les délégations se retrouveront dès la semaine prochaine.\n"
)


def read_one(path: Path, **options: object) -> RawInput | Reject:
    items = [resolve(item) for item in read_inputs([str(path)], ReadOptions(**options))]  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def article(path: Path, **options: object) -> RawInput:
    item = read_one(path, **options)
    assert isinstance(item, RawInput), item
    return item


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_german_file_comes_out_right(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "de.txt"
    path.write_bytes(GERMAN.encode(codec))
    item = article(path)
    assert item.content == GERMAN
    assert item.metadata == {"encoding": "cp1252"}


def test_a_tie_between_western_code_pages_goes_to_windows_1252(tmp_path: Path) -> None:
    # charset-normalizer ranks Windows-1250 first here, which reads "à" as "ŕ".
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    assert article(path).content == FRENCH


def test_cyrillic_in_windows_1251(tmp_path: Path) -> None:
    text = "Президент заявил в понедельник, что переговоры в Минске продолжатся.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    item = article(path)
    assert item.content == text and item.metadata == {"encoding": "cp1251"}


@pytest.mark.parametrize(
    ("codec", "name"),
    [("utf-16", "utf-16"), ("utf-32", "utf-32"), ("utf-16-le", None), ("utf-16-be", None)],
)
def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path: Path, codec: str, name: str) -> None:
    path = tmp_path / "u.txt"
    data = GERMAN.encode(codec)
    if name is None:  # the mark written by hand, in the byte order of the codec
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data, name = bom + data, "utf-16"
    path.write_bytes(data)
    item = article(path)
    assert item.content == GERMAN
    assert item.metadata == {"encoding": name}


def test_utf16_forced_with_encoding(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(GERMAN.encode("utf-16"))
    assert article(path, encoding="utf-16").content == GERMAN


def test_utf16_without_a_mark_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(GERMAN.encode("utf-16-le"))
    assert article(path).content == GERMAN


def test_utf8_records_are_unchanged(tmp_path: Path) -> None:
    # No "encoding" field for UTF-8, with or without its byte-order mark.
    for name, data in (("a.txt", GERMAN.encode()), ("b.txt", codecs.BOM_UTF8 + GERMAN.encode())):
        (tmp_path / name).write_bytes(data)
        item = article(tmp_path / name)
        assert item.content == GERMAN and item.metadata == {}


def test_binary_is_still_binary_after_decoding(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(b"\xff\xfe" + bytes(range(256)) * 10)  # a UTF-16 mark, then NULs
    item = read_one(path)
    assert isinstance(item, Reject) and item.kind == "binary"


def test_forced_encoding_that_does_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(GERMAN.encode("latin-1"))
    item = read_one(path, encoding="utf-8")
    assert isinstance(item, Reject) and item.kind == "decode" and "utf-8" in item.message


def test_html_in_utf16_with_a_mark_is_not_binary(tmp_path: Path) -> None:
    from newsclean import clean

    page = (
        "<html><head><title>Köln</title></head><body><article><p>"
        + GERMAN.replace("\n\n", "</p><p>")
        + "</p></article></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("utf-16"))
    item = article(path)
    assert "Die Bürgermeisterin von Köln" in clean(html=item.content).text


def jsonl(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


RECORDS = [{"text": GERMAN, "n": "1"}, {"text": FRENCH, "n": "2"}]


@pytest.mark.parametrize(
    ("codec", "suffix"),
    [("utf-8-sig", ".jsonl"), ("utf-16", ".jsonl"), ("utf-8-sig", ".jsonl.gz")],
)
def test_jsonl_starting_with_a_byte_order_mark_loses_nothing(
    tmp_path: Path, codec: str, suffix: str
) -> None:
    data = jsonl(RECORDS).encode(codec)
    path = tmp_path / f"r{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    items = [resolve(i) for i in read_inputs([str(path)])]
    assert [(i.label.rsplit("#")[1], i.content) for i in items] == [  # type: ignore[union-attr]
        ("1", GERMAN),
        ("2", FRENCH),
    ]


def test_stdin_starting_with_a_byte_order_mark_is_sniffed_as_jsonl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(jsonl(RECORDS).encode("utf-8-sig")))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = [resolve(i) for i in read_inputs(["-"])]
    assert [i.content for i in items] == [GERMAN, FRENCH]  # type: ignore[union-attr]
