"""Timestamp: lifts a publication date line into ``published`` and removes it from the text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from newsclean.conventions import alternation
from newsclean.document import Document
from newsclean.lexicon import Derived, Lexicon, TextTest, fullmatch_any, label_key
from newsclean.pipeline import Cleaner

# A clock time with optional seconds, am/pm and zone ("12:41 GMT", "11.03 Uhr", "3:05 p.m.");
# {p} prefixes the group names so a time may stand before and after the date in one pattern.
_CLOCK = (
    r"(?P<{p}hh>\d{{1,2}})[:.](?P<{p}mi>\d{{2}})(?::(?P<{p}ss>\d{{2}}))?\s*(?P<{p}ampm>[ap]\.?m\.?)?"
    r"(?:\s*\(?(?P<{p}zone>h|uhr|[a-z]{{2,4}}(?:[+-]\d{{1,2}})?)\)?)?"
)


def iso_date(text: str) -> str | None:
    """Normalize ISO 8601: ``2023-04-06T11:03:23.682Z`` → ``2023-04-06T11:03:23.682+00:00``."""
    value = text.strip().replace(" ", "T", 1)
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    value = re.sub(r"[.,](\d{1,6})\d*(?=$|[+-])", lambda m: "." + m.group(1).ljust(6, "0"), value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if len(text.strip()) == 10:
        return parsed.date().isoformat()
    spec = "milliseconds" if parsed.microsecond % 1000 == 0 and parsed.microsecond else "auto"
    return parsed.isoformat(timespec=spec)


class _HumanDates:
    """Parses "6 April 2023", "April 6, 2023", "06.04.2023" with an optional time."""

    def __init__(self, lexicon: Lexicon):
        months: dict[str, int] = {}
        for n, entry in enumerate(lexicon.phrases("timestamp", "months")):
            for spelling in entry.split():
                months.setdefault(spelling.casefold(), n % 12 + 1)
        self.months = months
        self.zones: dict[str, timezone] = {}
        for entry in lexicon.phrases("timestamp", "zones"):
            name, offset = entry.split()
            sign = -1 if offset.startswith("-") else 1
            hours, minutes = offset.lstrip("+-").split(":")
            self.zones[name.casefold()] = timezone(
                sign * timedelta(hours=int(hours), minutes=int(minutes))
            )
        names = alternation(months)
        day_first = rf"(?P<d1>\d{{1,2}})\.?\s+(?P<m1>{names})\.?,?\s+(?P<y1>\d{{4}})"
        month_first = rf"(?P<m2>{names})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
        numeric = r"(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})"
        days = lexicon.phrases("timestamp", "weekdays")
        weekday = rf"(?:(?:{alternation(days)})\.?,?\s+)?" if days else ""
        date = rf"{weekday}(?:{day_first}|{month_first}|{numeric})"
        prefix_phrases = lexicon.phrases("timestamp", "prefixes")
        prefixes = alternation(prefix_phrases)
        prefix = rf"(?:(?:{prefixes})\s*:?\s*(?:on\s+|am\s+)?)?" if prefix_phrases else ""
        time_before = rf"(?:{_CLOCK.format(p='t_')}\s*,?\s*)?"
        time_after = rf"(?:,?\s*(?:at\s+|um\s+|-\s*)?{_CLOCK.format(p='')})?"
        self.pattern = re.compile(
            rf"{prefix}{time_before}{date}{time_after}\.?", re.IGNORECASE | re.UNICODE
        )
        # "Updated at 1:23 p.m. ET": a publication or update time with no date. The word before
        # it is required, so a bare time (a timetable's row, a score) is never taken.
        self.time_only = (
            re.compile(
                rf"(?:{prefixes})\s*:?\s*(?:at\s+|um\s+)?{_CLOCK.format(p='')}\.?",
                re.IGNORECASE | re.UNICODE,
            )
            if prefix_phrases
            else None
        )

    def is_time_only(self, text: str) -> bool:
        return self.time_only is not None and self.time_only.fullmatch(text.strip()) is not None

    def parse(self, text: str) -> str | None:
        found = self.pattern.fullmatch(text.strip())
        if not found:
            return None
        g = found.groupdict()
        year = g["y1"] or g["y2"] or g["y3"]
        day = g["d1"] or g["d2"] or g["d3"]
        month_raw = g["m1"] or g["m2"] or g["m3"]
        month = int(month_raw) if month_raw.isdigit() else self.months[month_raw.casefold()]
        try:
            stamp = datetime(int(year), month, int(day))
        except ValueError:
            return None
        hh, mi, ss = (
            g.get("hh") or g.get("t_hh"),
            g.get("mi") or g.get("t_mi"),
            g.get("ss") or g.get("t_ss"),
        )
        ampm = (g.get("ampm") or g.get("t_ampm") or "").replace(".", "").lower()
        if hh is None or mi is None:
            return stamp.date().isoformat()
        hour = int(hh) % 12 + (12 if ampm == "pm" else 0) if ampm else int(hh)
        name = (g.get("zone") or g.get("t_zone") or "").casefold()
        zone = self.zones.get(name)
        try:
            stamp = stamp.replace(hour=hour, minute=int(mi), second=int(ss or 0), tzinfo=zone)
        except ValueError:
            return stamp.date().isoformat()
        if zone is None and name in _US_ZONES:
            stamp = _us_local(stamp, name)
        return stamp.isoformat()


# US zones named without their season ("5:00 am ET"): standard time's offset and the offset in
# summer time, which US law has run from the second Sunday of March to the first Sunday of
# November (2 a.m. local) since 2007.
_US_ZONES = {"et": -5, "ct": -6, "mt": -7, "pt": -8}


def _us_local(stamp: datetime, name: str) -> datetime:
    """A local US time in a zone named without its season, with the offset of that day."""
    march, november = datetime(stamp.year, 3, 8), datetime(stamp.year, 11, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7, hours=2)
    end = november + timedelta(days=(6 - november.weekday()) % 7, hours=2)
    summer = stamp.year >= 2007 and start <= stamp.replace(tzinfo=None) < end
    return stamp.replace(tzinfo=timezone(timedelta(hours=_US_ZONES[name] + summer)))


_HUMAN_DATES = Derived("timestamp.human_dates", _HumanDates)


class _Line(NamedTuple):
    """What one short line says about dates and times, read once per text."""

    iso: bool  # a machine timestamp and nothing else
    iso_value: str | None  # its value, normalized (None if it is not a real date)
    human_value: str | None  # the date of a human date line (not a bare number), if it is one
    time_only: bool  # a publication or update time with no date, or a reading time


def _line_reader(lexicon: Lexicon) -> Callable[[str], _Line]:
    """What a short line says about dates and times (see :class:`_Line`), under ``lexicon``."""
    iso_patterns = lexicon.patterns("timestamp", "iso_patterns")
    human = lexicon.derived(_HUMAN_DATES)
    reading_time = lexicon.patterns("timestamp", "reading_time_patterns")

    def read(text: str) -> _Line:
        stripped = text.strip()
        iso = fullmatch_any(iso_patterns, stripped) is not None
        iso_value = iso_date(text) if iso else None
        human_value = None if iso or label_key(text).isdigit() else human.parse(text)
        time_only = human.is_time_only(text) or fullmatch_any(reading_time, stripped) is not None
        return _Line(iso, iso_value, human_value, time_only)

    return read


_LINE = TextTest("timestamp.line", _line_reader)


class Timestamp(Cleaner):
    """Removes a line that is only a publication date or timestamp, keeping it as ``published``.

    A machine timestamp alone on a line (``2023-04-06T11:03:23.682Z``) is never prose and is taken
    anywhere; a human date line ("Published: 6 April 2023", "Updated 12:41 GMT, April 6, 2023") only
    near the top, since a date alone deeper in the text may be a timeline subheading. The first date
    found wins. A line that only says when the article was published or updated without a date
    ("Updated at 1:23 p.m. ET", "Published 09:41 GMT") goes wherever it stands; a bare time
    without such a word stays (a timetable's row). So does a line that only gives the reading
    time ("5 min read", "Lesezeit: 4 Minuten"). Before: ``2023-04-06T11:03:23.682Z`` under the
    headline; after: gone, and ``published = "2023-04-06T11:03:23.682+00:00"``.
    """

    name = "timestamp"

    @dataclass(frozen=True)
    class Config:
        #: Human-readable date lines ("Published: 6 April 2023") are only taken in this many
        #: blocks at the top, where sites print them; deeper in the article a date alone on a
        #: line may be a timeline subheading.
        date_zone: int = 6
        #: A date or time line is short; a block longer than this, in characters, is prose
        #: that mentions one.
        max_line_chars: int = 80

    config: Config

    def apply(self, doc: Document) -> None:
        read = doc.lexicon.text_test(_LINE)
        drop, times = [], []
        for i, block in enumerate(doc.blocks):
            if len(block.text) > self.config.max_line_chars:
                continue
            line = read(block.text)
            value = (
                line.iso_value
                if line.iso
                else line.human_value
                if i < self.config.date_zone
                else None
            )
            if value is not None:
                doc.set_meta("published", value)
                drop.append(i)
            elif line.time_only:
                times.append(i)
        doc.remove(drop, self.name, "publication date line (kept as metadata.published)")
        kept = [i - sum(d < i for d in drop) for i in times]
        doc.remove(kept, self.name, "update time or reading time line (no date in it)")
