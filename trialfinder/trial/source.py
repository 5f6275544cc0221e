"""Which trial record the app shows: the newest of live, cached and bundled, and what to warn
about (no Qt).

The bundled record came with the app; the cache holds the last good live record; a live
record replaces both whenever the API answers. Every record says where it came from and how
old it is, in plain words.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import NamedTuple

from trialfinder.i18n.content import N_, _
from trialfinder.paths import resources_dir
from trialfinder.trial import cache
from trialfinder.trial.model import TrialRecord
from trialfinder.trial.parser import load_study_file

log = logging.getLogger(__name__)

BUNDLED = "bundled"
FILE = "file"
CACHE = "cache"
LIVE = "live"

WARN_NOT_RECRUITING = N_(
    "The study is not recruiting now. You can still contact the study team with questions."
)
WARN_SITE_NOT_RECRUITING = N_(
    "No hospital in the study is recruiting now. "
    "You can still contact the study team with questions."
)
WARN_CRITERIA_CHANGED = N_(
    "The study's eligibility criteria have changed since these questions were written. "
    "The questions may be out of date: please confirm with the study team."
)
WARN_OTHER_STUDY = N_("This record is for {nct_id}, not for the study this app screens for.")

# Why a live check did not work, in plain words (keys are trialfinder.trial.client reasons).
FETCH_PROBLEMS = {
    "offline": N_("We could not reach ClinicalTrials.gov. Are you connected to the internet?"),
    "timeout": N_("ClinicalTrials.gov took too long to answer."),
    "not_found": N_("ClinicalTrials.gov did not find this study."),
    "rejected": N_("ClinicalTrials.gov did not accept the request."),
    "forbidden": N_("ClinicalTrials.gov refused the connection, even on a second try."),
    "busy": N_("ClinicalTrials.gov is busy. Please try again later."),
    "server_error": N_("ClinicalTrials.gov had a problem answering."),
    "too_large": N_("The answer from ClinicalTrials.gov was far too large to be a record."),
    "not_a_record": N_("The answer did not look like a trial record (perhaps a Wi-Fi login "
                       "page)."),
    "other_study": N_("ClinicalTrials.gov sent the record of a different study."),
    "insecure": N_("The connection was not secure, so it was not used."),
}
FELL_BACK = N_("{problem} Showing the newest record the app already has.")


class Warning_(NamedTuple):
    """A warning for the family: its message id (translated where shown) and its values."""

    message: str
    values: dict[str, str] | None = None

    def text(self) -> str:
        """The warning in the current language."""
        return _(self.message).format(**(self.values or {}))


class CurrentRecord:
    """The record the app shows, where it came from and when it was obtained, and (worked
    out when first asked) what to warn the family about."""

    __slots__ = ("_warnings", "criteria_sha256", "fetch_problem", "nct_id", "obtained_at",
                 "record", "source")

    def __init__(self, record: TrialRecord, source: str, nct_id: str, criteria_sha256: str,
                 obtained_at: dt.datetime | None = None, fetch_problem: str = "") -> None:
        self.record = record
        self.source = source
        self.nct_id = nct_id
        self.criteria_sha256 = criteria_sha256
        self.obtained_at = obtained_at
        self.fetch_problem = fetch_problem  # a client reason, if a live check just failed
        self._warnings: tuple[Warning_, ...] | None = None

    @property
    def warnings(self) -> tuple[Warning_, ...]:
        if self._warnings is None:
            self._warnings = warnings_for(self.record, self.nct_id, self.criteria_sha256)
        return self._warnings

    def with_problem(self, reason: str) -> CurrentRecord:
        return CurrentRecord(self.record, self.source, self.nct_id, self.criteria_sha256,
                             self.obtained_at, reason)

    def problem_text(self) -> str:
        if not self.fetch_problem:
            return ""
        problem = _(FETCH_PROBLEMS.get(self.fetch_problem, FETCH_PROBLEMS["offline"]))
        return _(FELL_BACK).format(problem=problem)


def bundled_record_path(nct_id: str) -> Path:
    """Where a bundled trial's record is by default (a screener file names its own)."""
    return resources_dir() / "records" / f"{nct_id}.json"


def criteria_hash(text: str) -> str:
    """sha256 of the eligibility criteria exactly as the API sends them."""
    import hashlib  # loads OpenSSL: only when a record is checked, not at start-up

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def warnings_for(record: TrialRecord, nct_id: str, criteria_sha256: str) -> tuple[Warning_, ...]:
    """What a family should know about this record before trusting the questions."""
    if record.nct_id != nct_id:
        return (Warning_(WARN_OTHER_STUDY, {"nct_id": record.nct_id}),)
    found: list[Warning_] = []
    if record.overall_status != "RECRUITING":
        found.append(Warning_(WARN_NOT_RECRUITING))
    elif not record.recruiting:
        found.append(Warning_(WARN_SITE_NOT_RECRUITING))
    if criteria_sha256 and criteria_hash(record.eligibility_criteria) != criteria_sha256:
        found.append(Warning_(WARN_CRITERIA_CHANGED))
    return tuple(found)


def _bundled_date(record: TrialRecord) -> dt.datetime:
    day = record.last_update.earliest() if record.last_update else dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def stored_record(nct_id: str, criteria_sha256: str, bundled_path: Path | None = None
                  ) -> CurrentRecord:
    """The newest record the app has without going to the network: cached or bundled (the
    trial's record file: ``bundled_path``, by default the one named for its id)."""
    bundled = load_study_file(bundled_path or bundled_record_path(nct_id))
    best = CurrentRecord(bundled, BUNDLED, nct_id, criteria_sha256, _bundled_date(bundled))
    cached = cache.load(nct_id)
    if cached is not None and _newer(cached.record, cached.fetched_at, best):
        best = CurrentRecord(cached.record, CACHE, nct_id, criteria_sha256, cached.fetched_at)
    return best


def _newer(record: TrialRecord, obtained: dt.datetime, than: CurrentRecord) -> bool:
    """Whether a record is newer: by the registry's last update, then by when obtained."""
    mine = record.last_update.earliest() if record.last_update else dt.date.min
    theirs = than.record.last_update.earliest() if than.record.last_update else dt.date.min
    if mine != theirs:
        return mine > theirs
    return than.obtained_at is None or obtained >= than.obtained_at


def current_record(nct_id: str, criteria_sha256: str, record_file: Path | None = None,
                   bundled_path: Path | None = None) -> CurrentRecord:
    """The record to show without the network: a file the user named, else the newest kept."""
    if record_file is not None:
        return CurrentRecord(load_study_file(record_file), FILE, nct_id, criteria_sha256)
    return stored_record(nct_id, criteria_sha256, bundled_path)


def live_record(nct_id: str, criteria_sha256: str, api_base: str | None = None,
                bundled_path: Path | None = None) -> CurrentRecord:
    """Ask the API; on success keep the record in the cache and return it; otherwise return
    the newest stored record with the reason the live check failed. Never raises for network
    trouble, and never overwrites the cache with a bad answer."""
    from trialfinder.trial.client import DEFAULT_API_BASE, FetchError, StudyClient

    client = StudyClient(api_base or DEFAULT_API_BASE)
    try:
        fetched = client.fetch(nct_id)
    except FetchError as error:
        return stored_record(nct_id, criteria_sha256, bundled_path).with_problem(error.reason)
    now = dt.datetime.now(dt.UTC)
    try:
        cache.save(nct_id, fetched.raw, now)
    except OSError as exc:  # a full or read-only disk: the live record is still shown
        log.warning("could not cache the trial record: %s", exc)
    return CurrentRecord(fetched.record, LIVE, nct_id, criteria_sha256, now)
