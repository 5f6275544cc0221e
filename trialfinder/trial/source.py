"""Which trial record the app shows: the newest of those it has, and what to warn about.

For now the records are the bundled one and a file named on the command line; the cache and
the live API join them later (issue 5).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from trialfinder.i18n.content import N_, _
from trialfinder.paths import resources_dir
from trialfinder.trial.model import TrialRecord
from trialfinder.trial.parser import load_study_file

BUNDLED = "bundled"
FILE = "file"

WARN_NOT_RECRUITING = N_(
    "The study is not recruiting now. You can still contact the study team with questions."
)
WARN_SITE_NOT_RECRUITING = N_(
    "The hospital in Hangzhou is not recruiting now. "
    "You can still contact the study team with questions."
)
WARN_CRITERIA_CHANGED = N_(
    "The study's eligibility criteria have changed since these questions were written. "
    "The questions may be out of date: please confirm with the study team."
)
WARN_OTHER_STUDY = N_("This record is for {nct_id}, not for the study this app screens for.")


class Warning_(NamedTuple):
    """A warning for the family: its message id (translated where shown) and its values."""

    message: str
    values: dict[str, str] | None = None

    def text(self) -> str:
        """The warning in the current language."""
        return _(self.message).format(**(self.values or {}))


class CurrentRecord:
    """The record the app shows, where it came from, and (worked out when first asked)
    what to warn the family about."""

    __slots__ = ("_warnings", "criteria_sha256", "nct_id", "record", "source")

    def __init__(self, record: TrialRecord, source: str, nct_id: str,
                 criteria_sha256: str) -> None:
        self.record = record
        self.source = source
        self.nct_id = nct_id
        self.criteria_sha256 = criteria_sha256
        self._warnings: tuple[Warning_, ...] | None = None

    @property
    def warnings(self) -> tuple[Warning_, ...]:
        if self._warnings is None:
            self._warnings = warnings_for(self.record, self.nct_id, self.criteria_sha256)
        return self._warnings


def bundled_record_path(nct_id: str = "NCT06686524") -> Path:
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
    if not record.recruiting:
        found.append(Warning_(WARN_NOT_RECRUITING))
    elif any(site.status and site.status != "RECRUITING" for site in record.sites):
        found.append(Warning_(WARN_SITE_NOT_RECRUITING))
    if criteria_sha256 and criteria_hash(record.eligibility_criteria) != criteria_sha256:
        found.append(Warning_(WARN_CRITERIA_CHANGED))
    return tuple(found)


def current_record(
    nct_id: str, criteria_sha256: str, record_file: Path | None = None
) -> CurrentRecord:
    """The record to show: a file the user named, else the newest the app has."""
    if record_file is not None:
        record, source = load_study_file(record_file), FILE
    else:
        record, source = load_study_file(bundled_record_path(nct_id)), BUNDLED
    return CurrentRecord(record, source, nct_id, criteria_sha256)
