"""Names from the trial record that have an official translation (content catalog).

The registry gives names in English only. Known ones (the ``[trial.site_names]`` of the
screener file, added when it loads) are translated; anything else (a changed record, another
site) is shown exactly as the record has it. People's names are never translated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from trialfinder.i18n.content import N_, _
from trialfinder.i18n.formatting import format_ago, format_date, format_partial_date
from trialfinder.trial.model import PartialDate
from trialfinder.trial.names import KNOWN_NAMES
from trialfinder.trial.record_text import NOT_RECRUITING_NOW, RECORD_FROM, RECRUITING_NOW

if TYPE_CHECKING:
    from trialfinder.trial.source import CurrentRecord

Gettext = Callable[[str], str]


STATUS_WORDS = {
    "RECRUITING": N_("recruiting"),
    "NOT_YET_RECRUITING": N_("not yet recruiting"),
    "ACTIVE_NOT_RECRUITING": N_("active, not recruiting"),
    "ENROLLING_BY_INVITATION": N_("enrolling by invitation"),
    "COMPLETED": N_("completed"),
    "SUSPENDED": N_("suspended"),
    "TERMINATED": N_("terminated"),
    "WITHDRAWN": N_("withdrawn"),
    "UNKNOWN": N_("status unknown"),
}


PLACE_LINE = N_("{city}, {province}, {country}")
UNKNOWN_DATE = N_("an unknown date")


# Each function takes the current language by default, or a gettext function and a language
# for a document in another language (the summary, in one language or both).


def place_line(city: str, province: str, country: str, t: Gettext = _,
               lang: str | None = None) -> str:
    """A city, province and country in the order the language writes them."""
    if city and province and country:
        return t(PLACE_LINE).format(city=place_name(city, t), province=place_name(province, t),
                                    country=place_name(country, t))
    return ", ".join(place_name(p, t) for p in (city, province, country) if p)


def place_name(text: str, t: Gettext = _) -> str:
    """A facility, city, province or country in the language, where known."""
    known = KNOWN_NAMES.get(text)
    return t(known) if known else text


def status_word(status: str, t: Gettext = _) -> str:
    """A registry status (RECRUITING, COMPLETED, ...) in plain words."""
    known = STATUS_WORDS.get(status)
    return t(known) if known else status.replace("_", " ").lower()


def record_date(date: PartialDate | None, t: Gettext = _, lang: str | None = None) -> str:
    """A record's date in words."""
    if date is None:
        return t(UNKNOWN_DATE)
    if date.day is None:
        return format_partial_date(date.year, date.month, lang)
    return format_date(date.earliest(), lang)


def record_source_text(current: CurrentRecord, now: dt.datetime | None = None,
                       t: Gettext = _, lang: str | None = None) -> str:
    """Which record this is and how old, in plain words ("checked just now", "last checked
    3 days ago", "from the copy that came with the app, dated 13 November 2024")."""
    ago = ""
    if current.source == "cache" and current.obtained_at is not None:
        ago = format_ago((now or dt.datetime.now(dt.UTC)) - current.obtained_at, lang)
    return t(RECORD_FROM[current.source]).format(
        date=record_date(current.record.last_update, t, lang), ago=ago)


# A record checked with the registry within this long is "current"; anything older (the copy
# that came with the app, a file, an old cache) is told as "last listed", with its age.
FRESH_FOR = dt.timedelta(days=7)
LAST_LISTED_RECRUITING = N_(
    "Last listed as recruiting on {date} ({ago}). Call the study team to check that it is "
    "still open.")
LAST_LISTED_OTHER = N_(
    "Last listed as {status} on {date} ({ago}). You can still contact the study team with "
    "questions.")


def is_fresh(current: CurrentRecord, now: dt.datetime | None = None) -> bool:
    """Whether the record was checked with the registry recently enough to call current."""
    if current.source == "live":
        return True
    if current.source != "cache" or current.obtained_at is None:
        return False
    age = (now or dt.datetime.now(dt.UTC)) - current.obtained_at
    return dt.timedelta(0) <= age <= FRESH_FOR


def status_line(current: CurrentRecord, now: dt.datetime | None = None, t: Gettext = _,
                lang: str | None = None) -> tuple[str, str]:
    """The study's recruiting status as far as the app knows it, and a style for it: "good"
    (recruiting, checked recently), "warn" (not recruiting) or "neutral" (recruiting when
    last listed, not checked recently: never shown as if current)."""
    record = current.record
    if is_fresh(current, now):
        if record.recruiting:
            return t(RECRUITING_NOW), "good"
        return t(NOT_RECRUITING_NOW), "warn"
    now = now or dt.datetime.now(dt.UTC)
    date = record_date(record.last_update, t, lang)
    if record.last_update is None:
        ago = t(UNKNOWN_DATE)
    else:
        listed = dt.datetime.combine(record.last_update.earliest(), dt.time(), dt.UTC)
        ago = format_ago(max(now - listed, dt.timedelta(0)), lang)
    if record.recruiting:
        return t(LAST_LISTED_RECRUITING).format(date=date, ago=ago), "neutral"
    return t(LAST_LISTED_OTHER).format(
        status=status_word(record.overall_status, t), date=date, ago=ago), "warn"
