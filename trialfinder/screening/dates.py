"""Dates a person typed or a file gave ("2026-11-03", "2026/11/3", "2026年11月3日"), which of
them an answer can give (``in_range``: the one check for the widgets and the facts files), and
the day a time limit ends."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
EARLIEST = dt.date(1900, 1, 1)


class NotADate(ValueError):
    """The text is not a date of the calendar, year first."""


def parse_date(text: str) -> dt.date | None:
    """A typed date, year first, or None for empty text. Raises NotADate for anything else."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return None
    match = _DATE.match(cleaned)
    if not match:
        raise NotADate(text)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise NotADate(text) from exc


def in_range(day: dt.date, today: dt.date | None = None) -> bool:
    """Whether a date can be a date of the past that an answer gives: from EARLIEST to today."""
    return EARLIEST <= day <= (today or dt.date.today())


def add_period(day: dt.date, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """A date plus calendar years and months (clipped to the month's last day), plus days."""
    month_index = day.month - 1 + months
    year = day.year + years + month_index // 12
    month = month_index % 12 + 1
    # the month's last day: the day before the next month's first (no calendar module,
    # whose import loads the locale module: this is on the start-up path)
    last = 31 if month == 12 else (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last)) + dt.timedelta(days=days)
