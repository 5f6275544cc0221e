"""The QR code with the study team's contact and the study's address (segno; no Qt, no disk)."""

from __future__ import annotations

import io

from trialfinder.trial.model import TrialRecord, dialable


def study_url(nct_id: str) -> str:
    return f"https://clinicaltrials.gov/study/{nct_id}"


def contact_payload(record: TrialRecord) -> str:
    """A MECARD (phones offer to save it as a contact): the team's name and phone, the study's
    ClinicalTrials.gov address, and its NCT ID."""
    import segno.helpers

    contacts = record.contacts_by_phone()
    names, contact = contacts[0] if contacts else ([], None)
    # MECARD reads a comma in N as "last, first": keep the registry's name in one piece
    name = (names[0] if names else record.nct_id).replace(",", "")
    phone = dialable(contact.phone) if contact else ""  # "": no phone to dial
    return segno.helpers.make_mecard_data(
        name=name, phone=phone or None, url=study_url(record.nct_id),
        memo=f"{record.nct_id} {record.org_study_id}".strip())


def contact_qr_png(record: TrialRecord, scale: int = 6) -> bytes:
    """The contact QR code; if the contact is too long for a QR code, it degrades to the
    study's address alone (which always fits), never an error."""
    import segno

    for payload in (contact_payload(record), study_url(record.nct_id)):
        try:
            return qr_png(payload, scale)
        except segno.DataOverflowError:
            continue
    return qr_png(study_url(record.nct_id)[:100], scale)


def qr_png(payload: str, scale: int = 6) -> bytes:
    """The QR code as PNG bytes, in memory."""
    import segno

    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
