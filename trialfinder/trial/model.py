"""The trial record as the app uses it."""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Where a phone field's first number ends: a second number, or an extension.
_PHONE_END = re.compile(r"[/,;#]|\bor\b|\bext\b|(?<![a-z])x\s*(?=\d)|转|分机|分機",
                        re.IGNORECASE)
_PHONE_DIGITS = re.compile(r"[0-9]")


def dialable(phone: str) -> str:
    """The number a phone can dial from a registry's phone field, "+8657188873888": its
    first number only (not a second one after "/", nor an extension), ASCII digits and a
    leading +; "" if that is not a phone number (fewer than 5 or more than 17 digits, or
    digits of another script mixed in)."""
    first = _PHONE_END.split(phone, maxsplit=1)[0].strip()
    digits = "".join(_PHONE_DIGITS.findall(first))
    if not 5 <= len(digits) <= 17 or any(c.isdigit() and not c.isascii() for c in first):
        return ""
    return ("+" if first.startswith("+") else "") + digits


class PartialDate(NamedTuple):
    """A registry date: "2024", "2024-11" or "2024-11-13"."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _DATE.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a date like 2024, 2024-11 or 2024-11-13")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        _dt.date(year, month or 1, day or 1)  # raises ValueError for 2024-13 or 2024-02-30
        return cls(year, month, day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> _dt.date:
        """The first day the date can mean (for ordering and ages)."""
        return _dt.date(self.year, self.month or 1, self.day or 1)


class Contact(NamedTuple):
    name: str = ""
    role: str = ""
    phone: str = ""
    phone_ext: str = ""
    email: str = ""

    def as_dict(self) -> dict[str, str]:
        data = {"name": self.name, "role": self.role, "phone": self.phone, "email": self.email}
        if self.phone_ext:
            data["phone_ext"] = self.phone_ext
        return {k: v for k, v in data.items() if v}


class Site(NamedTuple):
    facility: str = ""
    city: str = ""
    state: str = ""
    country: str = ""
    status: str = ""
    contacts: tuple[Contact, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "facility": self.facility,
            "city": self.city,
            "state": self.state,
            "country": self.country,
            "status": self.status,
            "contacts": [c.as_dict() for c in self.contacts],
        }


class TrialRecord(NamedTuple):
    nct_id: str
    overall_status: str
    brief_title: str = ""
    official_title: str = ""
    org_study_id: str = ""
    last_update: PartialDate | None = None
    start_date: PartialDate | None = None
    completion_date: PartialDate | None = None
    sponsor: str = ""
    sponsor_class: str = ""
    brief_summary: str = ""
    detailed_description: str = ""
    conditions: tuple[str, ...] = ()
    study_type: str = ""
    phases: tuple[str, ...] = ()
    enrollment: int | None = None
    allocation: str = ""
    intervention_model: str = ""
    primary_purpose: str = ""
    masking: str = ""
    interventions: tuple[tuple[str, str, str], ...] = ()  # (type, name, description)
    eligibility_criteria: str = ""  # raw, as the API sends it (markdown)
    minimum_age: str = ""
    maximum_age: str = ""
    sex: str = ""
    healthy_volunteers: bool | None = None
    central_contacts: tuple[Contact, ...] = ()
    sites: tuple[Site, ...] = ()

    @property
    def recruiting(self) -> bool:
        """Open to new patients: the study is recruiting, and so is a site (where the record
        gives the sites' statuses)."""
        if self.overall_status != "RECRUITING":
            return False
        statuses = [site.status for site in self.sites if site.status]
        return not statuses or "RECRUITING" in statuses

    def contacts_by_phone(self) -> list[tuple[list[str], Contact]]:
        """Each phone number once, with every name the record gives for it (the registry
        spells one person's name two ways), central contacts first."""
        groups: dict[str, tuple[list[str], Contact]] = {}
        result = []
        for contact in self.all_contacts():
            key = contact.phone or contact.email or contact.name
            if key in groups:
                names = groups[key][0]
                if contact.name and contact.name not in names:
                    names.append(contact.name)
                continue
            groups[key] = ([contact.name] if contact.name else [], contact)
            result.append(groups[key])
        return result

    def all_contacts(self) -> list[Contact]:
        """Central contacts first, then each site's, without repeats."""
        seen: set[tuple[str, str]] = set()
        result = []
        for contact in (*self.central_contacts, *(c for s in self.sites for c in s.contacts)):
            key = (contact.name, contact.phone)
            if key not in seen:
                seen.add(key)
                result.append(contact)
        return result
