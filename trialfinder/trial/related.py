"""Other studies a family could ask about: the registry search, its reply, and the list (no Qt).

The search asks ClinicalTrials.gov for recruiting and not-yet-recruiting studies with the
conditions and interventions of the trial's screener file (``[trial.related]``, handed in as
a RelatedQuery). Its condition search is fuzzy, so each study is re-ranked on its own
conditions and titles with the file's closeness words (a study that names none is dropped).
Ages are checked on each study's own limits here, on the machine: a study that gives no limit
is kept, and the child's age never goes to the network or to disk. Nothing here screens a
child: the list says what a study is and how to reach it, never that a child fits it.

Every remote string is cut to a length and every list to a size before anything keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from trialfinder.trial.model import Contact, TrialRecord
from trialfinder.trial.parser import RecordError, parse_study, without_direction_controls
from trialfinder.trial.related_query import RelatedQuery

STATUSES = ("RECRUITING", "NOT_YET_RECRUITING")
FIELDS = ("NCTId", "BriefTitle", "OfficialTitle", "OverallStatus", "Phase", "MinimumAge",
          "MaximumAge", "Condition", "InterventionName", "LocationFacility", "LocationCity",
          "LocationCountry", "LocationStatus", "CentralContactName", "CentralContactPhone",
          "CentralContactEMail", "LastUpdatePostDate")
PAGE_SIZE = 100
MAX_PAGES = 5

# Caps on what is kept from a remote study.
MAX_TEXT = 300
MAX_STUDIES = PAGE_SIZE * MAX_PAGES
MAX_CONDITIONS = 30
MAX_PLACES = 12
MAX_CONTACTS = 3
MAX_SITES_READ = 2000

_NCT = re.compile(r"^NCT\d{8}$")
_AGE = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.I)
_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25,
               "hour": 1 / (365.25 * 24), "minute": 1 / (365.25 * 24 * 60)}


def cut(text: Any, limit: int = MAX_TEXT) -> str:
    """Remote text, one line, at most ``limit`` characters (an ellipsis marks a cut)."""
    value = " ".join(without_direction_controls(str(text)).split()) if text else ""
    value = value.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
    return value if len(value) <= limit else value[: limit - 1] + "…"


def age_in_years(text: str) -> float | None:
    """A registry age ("5 Years", "6 Months") in years; None if none is given or unreadable."""
    match = _AGE.match(text or "")
    if not match:
        return None
    return float(match.group(1)) * _UNIT_YEARS[match.group(2).lower()]


def _age_limit_end(text: str) -> float | None:
    """Where a maximum age ends: the registry counts completed units, so "16 Years" takes a
    child up to the day before their 17th birthday."""
    match = _AGE.match(text or "")
    if not match:
        return None
    unit = _UNIT_YEARS[match.group(2).lower()]
    return (float(match.group(1)) + 1) * unit


@dataclass(frozen=True)
class RelatedStudy:
    """One other study, as the list shows it and as `related --format json` prints it."""

    nct_id: str
    title: str  # the registry's brief title
    status: str  # the study's overall status, as the registry gives it
    phases: tuple[str, ...] = ()
    min_age: str = ""  # "5 Years"; empty when the study gives no minimum
    max_age: str = ""
    countries: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    last_update: str = ""  # the registry's last update, or the day a listing was last seen
    source: str = ""  # "ClinicalTrials.gov", or the public listings a bundled row came from
    conditions: tuple[str, ...] = ()
    plain_titles: dict[str, str] = field(default_factory=dict)  # language -> plain title
    site_open: bool | None = None  # a site is recruiting (None: sites give no status)

    @property
    def url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    @property
    def open_now(self) -> bool:
        """Taking patients now: the study recruits and so does a site (where sites say)."""
        return self.status == "RECRUITING" and self.site_open is not False

    def takes_age(self, age: float | None) -> bool:
        """Whether the study's own age limits take this age; a limit not given takes any."""
        if age is None:
            return True
        low = age_in_years(self.min_age)
        end = _age_limit_end(self.max_age)
        return (low is None or age >= low) and (end is None or age < end)

    def plain_title(self, lang: str) -> str:
        """The plain-language title in ``lang``, or "" when there is none."""
        return self.plain_titles.get(lang, "")

    def rank(self, query: RelatedQuery) -> int:
        """How close the study's own conditions and titles are to the trial's (0: not close)."""
        return query.rank(" ".join((*self.conditions, self.title)))

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: the bundled file, the cache and the command line's output."""
        data: dict[str, Any] = {
            "nct_id": self.nct_id, "title": self.title, "status": self.status,
            "phases": list(self.phases), "min_age": self.min_age or None,
            "max_age": self.max_age or None, "countries": list(self.countries),
            "cities": list(self.cities), "contacts": [c.as_dict() for c in self.contacts],
            "last_update": self.last_update or None, "source": self.source,
            "conditions": list(self.conditions), "url": self.url,
            "site_open": self.site_open,
        }
        if self.plain_titles:
            data["plain_title"] = dict(self.plain_titles)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> RelatedStudy:
        """A study from the bundled file or the cache; RecordError if it is not one."""
        if not isinstance(data, dict):
            raise RecordError("a related study is a JSON object")
        nct_id = data.get("nct_id")
        if not isinstance(nct_id, str) or not _NCT.match(nct_id):
            raise RecordError(f"not an NCT number: {nct_id!r}")

        def text(key: str) -> str:
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise RecordError(f"{nct_id}.{key} should be text")
            return cut(value or "")

        def texts(key: str, limit: int) -> tuple[str, ...]:
            value = data.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RecordError(f"{nct_id}.{key} should be a list of text")
            return tuple(cut(v) for v in value[:limit])

        contacts = data.get("contacts") or []
        if not isinstance(contacts, list) or not all(isinstance(c, dict) for c in contacts):
            raise RecordError(f"{nct_id}.contacts should be a list of objects")
        plain = data.get("plain_title") or {}
        if not isinstance(plain, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in plain.items()):
            raise RecordError(f"{nct_id}.plain_title should map languages to text")
        site_open = data.get("site_open")
        if site_open is not None and not isinstance(site_open, bool):
            raise RecordError(f"{nct_id}.site_open should be true, false or null")
        status = text("status")
        if not status:
            raise RecordError(f"{nct_id}.status is missing")
        return cls(
            nct_id=nct_id, title=text("title"), status=status,
            phases=texts("phases", 4), min_age=text("min_age"), max_age=text("max_age"),
            countries=texts("countries", MAX_PLACES), cities=texts("cities", MAX_PLACES),
            contacts=tuple(_contact_from(c) for c in contacts[:MAX_CONTACTS]),
            last_update=text("last_update"), source=text("source"),
            conditions=texts("conditions", MAX_CONDITIONS),
            plain_titles={k: cut(v) for k, v in list(plain.items())[:4]},
            site_open=site_open,
        )


def _contact_from(data: dict[str, Any]) -> Contact:
    def text(key: str) -> str:
        value = data.get(key)
        return cut(value, 120) if isinstance(value, str) else ""

    return Contact(name=text("name"), role=text("role"), phone=text("phone"),
                   phone_ext=text("phone_ext"), email=text("email"))


def _unique(values: list[str], limit: int) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        value = cut(value, 120)
        if value and value not in seen:
            seen[value] = None
        if len(seen) >= limit:
            break
    return tuple(seen)


def study_from_record(record: TrialRecord) -> RelatedStudy:
    """A registry record as a list entry: strings cut, lists capped, site status read."""
    sites = record.sites[:MAX_SITES_READ]
    statuses = [s.status for s in sites if s.status]
    open_sites = [s for s in sites if s.status in ("RECRUITING", "")]
    # The cities where a family could go now; if no site is open, every site listed.
    shown = open_sites if open_sites and statuses else list(sites)
    return RelatedStudy(
        nct_id=record.nct_id,
        title=cut(record.brief_title or record.official_title),
        status=cut(record.overall_status, 40),
        phases=tuple(cut(p, 20) for p in record.phases[:4]),
        min_age=cut(record.minimum_age, 30),
        max_age=cut(record.maximum_age, 30),
        countries=_unique([s.country for s in shown], MAX_PLACES),
        cities=_unique([s.city for s in shown], MAX_PLACES),
        contacts=tuple(Contact(*(cut(v, 120) for v in c))
                       for c in record.central_contacts[:MAX_CONTACTS]),
        last_update=record.last_update.iso() if record.last_update else "",
        source="ClinicalTrials.gov",
        conditions=tuple(cut(c, 120) for c in record.conditions[:MAX_CONDITIONS]),
        site_open=("RECRUITING" in statuses) if statuses else None,
    )


class NotASearchReply(ValueError):
    """An answer that is not a page of the registry's study search."""


@dataclass(frozen=True)
class SearchPage:
    studies: tuple[RelatedStudy, ...]
    next_token: str | None
    skipped: int  # studies in the page that could not be read


def parse_search_page(data: Any, query: RelatedQuery) -> SearchPage:
    """One page of `GET /api/v2/studies`: {"studies": [...], "nextPageToken": ...}. A study
    that cannot be read is skipped (and counted); a page that is not a reply, or whose
    studies are all unreadable, raises."""
    if not isinstance(data, dict) or not isinstance(data.get("studies", None), list):
        raise NotASearchReply("the answer has no list of studies")
    token = data.get("nextPageToken")
    if token is not None and (not isinstance(token, str) or len(token) > 500):
        raise NotASearchReply("the next page token is not a short text")
    studies, skipped = [], 0
    for item in data["studies"][:MAX_STUDIES]:
        try:
            record = parse_study(item)
        except (RecordError, RecursionError):
            skipped += 1
            continue
        # query.intr is fuzzy too: keep the studies whose own words name the therapy
        if query.names_therapy(" ".join((record.brief_title, record.official_title,
                                         *(name for _kind, name, _d in record.interventions)))):
            studies.append(study_from_record(record))
    if skipped and skipped == len(data["studies"][:MAX_STUDIES]):
        # not one study readable: not an empty answer (that would replace the kept list)
        raise NotASearchReply(f"none of its {skipped} studies could be read")
    return SearchPage(tuple(studies), token or None, skipped)


def search_params(query: RelatedQuery, page_token: str | None = None) -> dict[str, str]:
    """The query: the trial file's conditions and interventions, open or about to open.
    No age is sent: ages are checked on each study's own limits (see takes_age)."""
    params = {
        "query.cond": query.conditions,
        "query.intr": query.interventions,
        "filter.overallStatus": ",".join(STATUSES),
        "fields": ",".join(FIELDS),
        "pageSize": str(PAGE_SIZE),
        "format": "json",
    }
    if page_token:
        params["pageToken"] = page_token
    else:
        params["countTotal"] = "true"
    return params


def select(studies: list[RelatedStudy] | tuple[RelatedStudy, ...], age: float | None,
           query: RelatedQuery) -> list[RelatedStudy]:
    """The studies to show for an age (None: any), closest to the trial first, open ones
    before those not open yet, then the most recently updated; the screened study and studies
    whose own conditions and titles name none of the closeness words are left out."""
    seen: set[str] = set()
    chosen = []
    for study in studies:
        if study.nct_id == query.screened_id or study.nct_id in seen:
            continue
        seen.add(study.nct_id)
        if study.rank(query) > 0 and study.takes_age(age):
            chosen.append(study)
    chosen.sort(key=lambda s: s.last_update, reverse=True)
    chosen.sort(key=lambda s: (-s.rank(query), not s.open_now))
    return chosen


def with_plain_titles(studies: list[RelatedStudy], known: dict[str, dict[str, str]]
                      ) -> list[RelatedStudy]:
    """Live studies keep the bundled plain-language titles of the studies the app knows."""
    return [replace(s, plain_titles=known[s.nct_id]) if s.nct_id in known and
            not s.plain_titles else s for s in studies]
