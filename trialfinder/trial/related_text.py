"""The list of other studies in words, for the screen, the PDF and the command line (no Qt).

Each function takes the current language by default, or a gettext function and a language
for a document in another language. Remote text (titles, places, names) is returned as it
is: whoever shows it keeps it plain text (labels) or escapes it (the PDF's HTML). The link to
the whole search on ClinicalTrials.gov is the trial's (its screener file's ``search_url``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from trialfinder.i18n.content import N_, _
from trialfinder.i18n.formatting import format_ago, format_number
from trialfinder.trial.display import place_name, record_date, status_word
from trialfinder.trial.model import PartialDate
from trialfinder.trial.related import _AGE, RelatedStudy
from trialfinder.trial.related_source import BUNDLED, CACHE, RelatedList
from trialfinder.trial.source import FETCH_PROBLEMS

Gettext = Callable[[str], str]

MAX_SHOWN = 8  # on the screen and in the PDF; the command line prints every one

HEADING = N_("Other studies you could ask your child's doctor about")
NOT_CHECKED = N_("TrialFinder has not checked your child against these studies. Only each "
                 "study's team decides who can take part.")
FOR_AGE = N_("Only studies that take your child's age ({age}) are shown.")
ANY_AGE = N_("Your child's age is not known yet, so studies for every age are shown.")
GROUP_OPEN = N_("Recruiting now")
GROUP_LATER = N_("Not recruiting yet: ask when it will start")
NONE_FOR_AGE = N_("None of the studies in this list takes your child's age ({age}).")
NONE_AT_ALL = N_("No other studies were found.")
MORE = N_("{count} more in this list are not shown here. Search all of them on "
          "ClinicalTrials.gov: {url}")
FROM_LIVE = N_("From a search of ClinicalTrials.gov just now.")
FROM_CACHE = N_("From a search of ClinicalTrials.gov {ago}.")
FROM_BUNDLED = N_("From public trial listings that came with the app, last known {date}. "
                  "A study may have changed since: ask its team.")
FELL_BACK = N_("{problem} Showing the list the app already has.")
REGISTRY_TITLE = N_("Registry title: {title}")
IN_ENGLISH = N_("In English: {title}")
STATUS_PHASE = N_("{status}. {phase}.")
AGES = N_("Ages: {ages}.")
AGES_RANGE = N_("{low} to {high}")
AGES_FROM = N_("{low} and over")
AGES_UP_TO = N_("up to {high}")
AGES_ANY = N_("no age limit given")
WHERE = N_("Where: {places}.")
WHERE_UNKNOWN = N_("Where: not given in the listing.")
CITIES_IN = N_("{cities} ({countries})")
CONTACT = N_("Contact: {contact}")
SITES_NOT_OPEN = N_("The study says it is recruiting, but none of its sites is recruiting yet.")
LAST_KNOWN = N_("Last known {date}, from {source}.")
LAST_UPDATE = N_("Last updated on ClinicalTrials.gov: {date}.")

PHASES = {
    "EARLY_PHASE1": N_("Early phase 1"), "PHASE1": N_("Phase 1"), "PHASE2": N_("Phase 2"),
    "PHASE3": N_("Phase 3"), "PHASE4": N_("Phase 4"),
}
PHASE_NONE = N_("Phase not applicable")
PHASE_UNKNOWN = N_("Phase not given")
UNITS = {
    "year": (N_("1 year"), N_("{n} years")), "month": (N_("1 month"), N_("{n} months")),
    "week": (N_("1 week"), N_("{n} weeks")), "day": (N_("1 day"), N_("{n} days")),
}


class Line(NamedTuple):
    """One line of the list: a role for the look ("title", "muted", "warn", "link" or ""),
    the text, and whether it holds text from a listing or the registry as it is (a registry
    title, places, names, sources), which no catalog translates."""

    role: str
    text: str
    remote: bool = False


def age_words(text: str, t: Gettext = _, lang: str | None = None) -> str:
    """A registry age ("5 Years") in words ("5 years", "5岁"); unknown units as given."""
    match = _AGE.match(text or "")
    if not match or match.group(2).lower() not in UNITS:
        return text
    one, many = UNITS[match.group(2).lower()]
    number = float(match.group(1))
    if number == 1:
        return t(one)
    return t(many).format(n=format_number(number, 1, lang))


def ages_text(study: RelatedStudy, t: Gettext = _, lang: str | None = None) -> str:
    low, high = (age_words(a, t, lang) for a in (study.min_age, study.max_age))
    if low and high:
        ages = t(AGES_RANGE).format(low=low, high=high)
    elif low:
        ages = t(AGES_FROM).format(low=low)
    elif high:
        ages = t(AGES_UP_TO).format(high=high)
    else:
        ages = t(AGES_ANY)
    return t(AGES).format(ages=ages)


def phase_text(phases: tuple[str, ...], t: Gettext = _) -> str:
    if not phases:
        return t(PHASE_UNKNOWN)
    if all(p == "NA" for p in phases):
        return t(PHASE_NONE)
    return " / ".join(t(PHASES[p]) if p in PHASES else p for p in phases if p != "NA")


def places_text(study: RelatedStudy, t: Gettext = _) -> str:
    cities = ", ".join(place_name(c, t) for c in study.cities)
    countries = ", ".join(place_name(c, t) for c in study.countries)
    if not cities and not countries:
        return t(WHERE_UNKNOWN)
    places = (t(CITIES_IN).format(cities=cities, countries=countries) if cities and countries
              else cities or countries)
    return t(WHERE).format(places=places)


def _date(text: str, t: Gettext, lang: str | None) -> str:
    try:
        return record_date(PartialDate.parse(text), t, lang) if text else record_date(None, t)
    except ValueError:
        return text


def study_lines(study: RelatedStudy, t: Gettext = _, lang: str | None = None
                ) -> list[Line]:
    """Everything the list says about one study, in order."""
    from trialfinder.i18n.content import language

    plain = study.plain_title(lang or language())
    lines = [Line("title", plain or study.title, True)]  # the study's own names stay as they are
    if plain and study.title and study.title != plain:
        # a bundled row's title is the registry's only where it differs from its plain one
        registry = study.source == "ClinicalTrials.gov" or study.title != study.plain_title("en")
        template = REGISTRY_TITLE if registry else IN_ENGLISH
        lines.append(Line("muted", t(template).format(title=study.title), True))
    lines.append(Line("", t(STATUS_PHASE).format(status=status_word(study.status, t).capitalize(),
                                                 phase=phase_text(study.phases, t))))
    if study.status == "RECRUITING" and study.site_open is False:
        lines.append(Line("warn", t(SITES_NOT_OPEN)))
    lines.append(Line("", ages_text(study, t, lang)))
    lines.append(Line("", places_text(study, t), bool(study.cities or study.countries)))
    for contact in study.contacts:
        parts = [p for p in (contact.name, contact.phone, contact.email) if p]
        if parts:
            lines.append(Line("", t(CONTACT).format(contact="   ".join(parts)), True))
    if study.source == "ClinicalTrials.gov":
        lines.append(Line("muted", t(LAST_UPDATE).format(
            date=_date(study.last_update, t, lang))))
    else:
        lines.append(Line("muted", t(LAST_KNOWN).format(
            date=_date(study.last_update, t, lang), source=study.source), True))
    lines.append(Line("link", study.url, True))
    return lines


def age_number(age: object) -> float | None:
    """The child's age as a number, or None (not answered, not sure, not a number)."""
    if isinstance(age, bool):
        return None
    if isinstance(age, int | float):
        return float(age) if 0 <= age < 200 else None
    try:
        value = float(str(age).strip())
    except (TypeError, ValueError):
        return None
    return value if 0 <= value < 200 else None


def source_text(found: RelatedList, t: Gettext = _, lang: str | None = None,
                now: dt.datetime | None = None) -> str:
    """Which list this is and how old it is, in plain words (and why not live, if so)."""
    if found.source == BUNDLED:
        text = t(FROM_BUNDLED).format(date=_date(found.listed, t, lang))
    elif found.source == CACHE and found.obtained_at is not None:
        ago = format_ago((now or dt.datetime.now(dt.UTC)) - found.obtained_at, lang)
        text = t(FROM_CACHE).format(ago=ago)
    else:
        text = t(FROM_LIVE)
    if found.problem:
        problem = t(FETCH_PROBLEMS.get(found.problem, FETCH_PROBLEMS["offline"]))
        text = t(FELL_BACK).format(problem=problem) + " " + text
    return text


def age_text(age: float | None, t: Gettext = _, lang: str | None = None) -> str:
    if age is None:
        return t(ANY_AGE)
    return t(FOR_AGE).format(age=years(age, t, lang))


def years(age: float, t: Gettext = _, lang: str | None = None) -> str:
    one, many = UNITS["year"]
    return t(one) if age == 1 else t(many).format(n=format_number(age, 1, lang))


class Section(NamedTuple):
    """The whole list in words: the heading lines, then each group with its studies."""

    intro: list[Line]
    groups: list[tuple[str, list[list[Line]]]]
    outro: list[Line]


def section(found: RelatedList, age: float | None, t: Gettext = _, lang: str | None = None,
            limit: int | None = MAX_SHOWN) -> Section:
    """The list for a child's age: open studies first, those not open yet apart."""
    studies = found.for_age(age)
    shown = studies if limit is None else studies[:limit]
    intro = [Line("heading", t(HEADING)), Line("note", t(NOT_CHECKED)),
             Line("", age_text(age, t, lang)), Line("muted", source_text(found, t, lang))]
    groups = []
    for title, members in ((GROUP_OPEN, [s for s in shown if s.open_now]),
                           (GROUP_LATER, [s for s in shown if not s.open_now])):
        if members:
            groups.append((t(title), [study_lines(s, t, lang) for s in members]))
    outro = []
    if not studies:
        outro.append(Line("", t(NONE_AT_ALL) if age is None else t(NONE_FOR_AGE).format(
            age=years(age, t, lang))))
    if len(studies) > len(shown):
        outro.append(Line("", t(MORE).format(count=len(studies) - len(shown),
                                             url=found.query.search_url)))
    return Section(intro, groups, outro)
