"""Dates written by people and feeds, to ISO 8601 (``"2020-09-03"``).

``parse_date`` reads a date at the start of a value (header lines, JSONL fields, feed
dates): ISO, ``19/05/2017`` (day first unless impossible), ``Sept. 3, 2020``,
``3 September 2020``, with an optional weekday, and RFC 822 feed dates.
``dateline_date`` finds a full date in a news dateline at the very start of a text
("19/05/2017 - CANNES 2017:", "VENICE, Sept. 3, 2020 —"); a dateline without a full date
("BERLIN (Reuters) -") gives None.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:18|19|20|21)\d\d)"

_PATTERNS = [
    re.compile(_WEEKDAY + _YEAR + r"[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)", re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.]" + _YEAR + r"(?!\d)", re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"(?!\d)", re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.I),
]

# An optional dateline place: "VENICE", "LOS ANGELES", "CANNES, France", "BERLIN (Reuters)",
# or a title-case place that must end in a comma ("Venice,").
_REGION = r"(?:,\s*(?!(?i:" + _MONTH_NAMES + r")\b)[A-Z][a-z]+)?\s*(?:\([^)\n]{1,40}\))?"
_PLACES = (
    re.compile(r"[A-Z][A-Z.'’ -]{1,40}" + _REGION + r"\s*,?\s+"),
    re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}" + _REGION + r"\s*,\s+"),
)
# A time may follow the date ("SEPTEMBER 11, 2023 10:30AM PT") before the separator.
_SEPARATOR = re.compile(r"(?:\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*(?:[-—–:|(]|\n|$)", re.I)


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year, day = int(groups["year"]), int(groups["day"])
    if groups.get("month"):
        month = MONTHS[groups["month"].lower()]
    else:
        month = int(groups["mnum"])
        # Day first (19/05/2017), unless only month first makes a date (05/19/2017).
        if month > 12 >= day:
            day, month = month, day
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _match_at(text: str, pos: int) -> tuple[str, int] | None:
    for pattern in _PATTERNS:
        match = pattern.match(text, pos)
        if match:
            iso = _to_iso(match)
            if iso:
                return iso, match.end()
    return None


def parse_date(value: str | None) -> str | None:
    """The ISO date a value starts with, or None ("2021-05-19T10:00Z" -> "2021-05-19")."""
    if not value:
        return None
    value = value.strip()
    found = _match_at(value, 0)
    if found:
        return found[0]
    try:  # anything else ISO-like that Python understands
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full date anywhere in a short piece of text ("By Ines Okafor-Lind | 3 November 2023")."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso:
                return iso
    return None


def dateline_date(text: str) -> str | None:
    """The full date of a dateline at the very start of ``text``, or None."""
    head = text.lstrip()[:160]
    starts = [0]
    for pattern in _PLACES:
        place = pattern.match(head)
        if place:
            starts.append(place.end())
    for start in starts:
        found = _match_at(head, start)
        if found and _SEPARATOR.match(head, found[1]):
            return found[0]
    return None
