"""Reading ClinicalTrials.gov API v2 study records into TrialRecord.

A valid record leaves out keys with no value (never null); lists may be missing or empty;
dates may be "2024", "2024-11" or "2024-11-13". Anything else is a RecordError that says
where and what.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from trialfinder.storage import JsonError, TooLarge, decode_json, read_regular
from trialfinder.trial.model import Contact, PartialDate, Site, TrialRecord

_NCT = re.compile(r"^NCT\d{8}$")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Unicode's direction controls (embeddings, overrides, isolates, marks): in a record's text
# they could turn what follows around on screen and on paper (a phone number read backwards).
_DIRECTION_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_RECORD_BYTES = 8 * 1024 * 1024
# Caps on what one record may hold; longer text is cut (ending in "…"), longer lists are cut.
MAX_SHORT_TEXT = 300  # a name, phone, e-mail, city, status
MAX_TITLE_TEXT = 1000  # the study's titles
MAX_LONG_TEXT = 40_000  # the summary, the description, the eligibility criteria
MAX_SITES = 200  # more than any study this app is for; the real records seen list up to 105
MAX_ITEMS = 100  # conditions, interventions, phases
MAX_CONTACTS = 10  # the central contacts, and the contacts of each site
MAX_ALL_CONTACTS = 50  # all contacts of all sites together
LONG_TEXT = {"briefSummary", "detailedDescription", "eligibilityCriteria", "description"}
TITLES = {"briefTitle", "officialTitle"}


def clean_text(text: str, cap: int) -> str:
    """Text as the app keeps it: lone surrogates (not encodable) replaced, direction
    controls removed, cut to ``cap``."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = without_direction_controls(text)
    return text if len(text) <= cap else text[: cap - 1] + "…"


def without_direction_controls(text: str) -> str:
    """``text`` without Unicode's direction controls (U+202E would draw "+86 571" as
    "175 68+")."""
    return _DIRECTION_CONTROLS.sub("", text)


class RecordError(ValueError):
    """Input that is not a ClinicalTrials.gov API v2 study record."""


class _Reader:
    def __init__(self, data: Any, path: str) -> None:
        self.data = data
        self.path = path

    def _get(self, key: str, kind: type | tuple[type, ...], what: str) -> Any:
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, bool) and kind is not bool:
            raise RecordError(f"{self.path}.{key} should be {what}, not true/false")
        if not isinstance(value, kind):
            raise RecordError(f"{self.path}.{key} should be {what}, not {_kind(value)}")
        return value

    def obj(self, key: str) -> _Reader:
        value = self._get(key, dict, "an object")
        return _Reader(value if value is not None else {}, f"{self.path}.{key}")

    def text(self, key: str) -> str:
        cap = (MAX_LONG_TEXT if key in LONG_TEXT else MAX_TITLE_TEXT if key in TITLES
               else MAX_SHORT_TEXT)
        return clean_text(self._get(key, str, "text") or "", cap)

    def flag(self, key: str) -> bool | None:
        return self._get(key, bool, "true or false")

    def integer(self, key: str) -> int | None:
        return self._get(key, int, "a whole number")

    def objects(self, key: str, most: int = MAX_ITEMS) -> list[_Reader]:
        items = (self._get(key, list, "a list") or [])[:most]
        readers = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise RecordError(f"{self.path}.{key}[{index}] should be an object")
            readers.append(_Reader(item, f"{self.path}.{key}[{index}]"))
        return readers

    def texts(self, key: str) -> tuple[str, ...]:
        items = (self._get(key, list, "a list") or [])[:MAX_ITEMS]
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise RecordError(f"{self.path}.{key}[{index}] should be text")
        return tuple(clean_text(item, MAX_SHORT_TEXT) for item in items)

    def date(self, key: str) -> PartialDate | None:
        struct = self.obj(key)
        text = struct.text("date")
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError as exc:
            raise RecordError(f"{struct.path}.date: {exc}") from exc


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "text", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _contact(reader: _Reader) -> Contact:
    return Contact(
        name=reader.text("name"),
        role=reader.text("role"),
        phone=reader.text("phone"),
        phone_ext=reader.text("phoneExt"),
        email=reader.text("email"),
    )


def parse_study(data: Any) -> TrialRecord:
    """Build a TrialRecord from a decoded API v2 study object, or raise RecordError."""
    if not isinstance(data, dict):
        raise RecordError(f"a study record is a JSON object, not {_kind(data)}")
    root = _Reader(data, "study")
    if "protocolSection" not in data:
        raise RecordError("not a ClinicalTrials.gov study record: it has no protocolSection")
    protocol = root.obj("protocolSection")
    ident = protocol.obj("identificationModule")
    nct_id = ident.text("nctId")
    if not _NCT.match(nct_id):
        raise RecordError(
            f"{ident.path}.nctId should be an NCT number like NCT06686524, not {nct_id!r}"
        )
    status = protocol.obj("statusModule")
    overall = status.text("overallStatus")
    if not overall:
        raise RecordError(f"{status.path}.overallStatus is missing")
    sponsors = protocol.obj("sponsorCollaboratorsModule")
    lead = sponsors.obj("leadSponsor")
    description = protocol.obj("descriptionModule")
    design = protocol.obj("designModule")
    design_info = design.obj("designInfo")
    eligibility = protocol.obj("eligibilityModule")
    locations = protocol.obj("contactsLocationsModule")
    arms = protocol.obj("armsInterventionsModule")
    root.flag("hasResults")
    return TrialRecord(
        nct_id=nct_id,
        overall_status=overall,
        brief_title=ident.text("briefTitle"),
        official_title=ident.text("officialTitle"),
        org_study_id=ident.obj("orgStudyIdInfo").text("id"),
        last_update=status.date("lastUpdatePostDateStruct"),
        start_date=status.date("startDateStruct"),
        completion_date=status.date("completionDateStruct"),
        sponsor=lead.text("name"),
        sponsor_class=lead.text("class"),
        brief_summary=description.text("briefSummary"),
        detailed_description=description.text("detailedDescription"),
        conditions=protocol.obj("conditionsModule").texts("conditions"),
        study_type=design.text("studyType"),
        phases=design.texts("phases"),
        enrollment=design.obj("enrollmentInfo").integer("count"),
        allocation=design_info.text("allocation"),
        intervention_model=design_info.text("interventionModel"),
        primary_purpose=design_info.text("primaryPurpose"),
        masking=design_info.obj("maskingInfo").text("masking"),
        interventions=tuple(
            (i.text("type"), i.text("name"), i.text("description"))
            for i in arms.objects("interventions")
        ),
        eligibility_criteria=eligibility.text("eligibilityCriteria"),
        minimum_age=eligibility.text("minimumAge"),
        maximum_age=eligibility.text("maximumAge"),
        sex=eligibility.text("sex"),
        healthy_volunteers=eligibility.flag("healthyVolunteers"),
        central_contacts=tuple(
            _contact(c) for c in locations.objects("centralContacts", MAX_CONTACTS)),
        sites=_sites(locations),
    )


def _sites(locations: _Reader) -> tuple[Site, ...]:
    """The sites, each with at most MAX_CONTACTS contacts and MAX_ALL_CONTACTS in all."""
    budget = MAX_ALL_CONTACTS
    sites = []
    for loc in locations.objects("locations", MAX_SITES):
        contacts = tuple(_contact(c) for c in loc.objects("contacts", min(MAX_CONTACTS,
                                                                          budget)))
        budget -= len(contacts)
        sites.append(Site(facility=loc.text("facility"), city=loc.text("city"),
                          state=loc.text("state"), country=loc.text("country"),
                          status=loc.text("status"), contacts=contacts))
    return tuple(sites)


def parse_study_bytes(raw: bytes) -> TrialRecord:
    """Decode JSON bytes and parse them as a study record."""
    if len(raw) > MAX_RECORD_BYTES:
        raise RecordError(f"the file is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB")
    try:
        data = decode_json(raw)
    except JsonError as exc:
        raise RecordError({"utf8": "the file is not UTF-8 text",
                           "nesting": "the file's JSON is nested too deeply",
                           "number": "the file holds a number far too long to be real"}.get(
            exc.kind, f"the file is not valid JSON ({exc})")) from exc
    return parse_study(data)


def load_study_file(path: Path) -> TrialRecord:
    """Read a study record file, or raise RecordError (also for an unreadable file, a FIFO
    or device, or one over MAX_RECORD_BYTES: never more than that is read)."""
    try:
        raw = read_regular(path, MAX_RECORD_BYTES)
    except TooLarge as exc:
        raise RecordError(
            f"the file is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB") from exc
    except OSError as exc:
        raise RecordError(f"cannot read the file: {exc.strerror or exc}") from exc
    return parse_study_bytes(raw)
