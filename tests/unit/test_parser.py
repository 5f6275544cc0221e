"""The API v2 study-record parser, on real records and on broken ones."""

import copy
import json

import pytest

from tests.conftest import DATA, ROOT
from trialfinder.trial.model import PartialDate
from trialfinder.trial.parser import RecordError, load_study_file, parse_study, parse_study_bytes

FIXTURES = sorted((DATA / "ctgov-v2").glob("*.json"))
BUNDLED = ROOT / "resources" / "records" / "NCT06686524.json"


def bundled_data() -> dict:
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_reads_every_real_record(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    record = load_study_file(path)
    protocol = data["protocolSection"]
    assert record.nct_id == protocol["identificationModule"]["nctId"]
    assert record.overall_status == protocol["statusModule"]["overallStatus"]
    locations = protocol.get("contactsLocationsModule", {}).get("locations", [])
    assert len(record.sites) == len(locations)
    assert [s.city for s in record.sites] == [loc.get("city", "") for loc in locations]
    central = protocol.get("contactsLocationsModule", {}).get("centralContacts", [])
    assert [c.name for c in record.central_contacts] == [c.get("name", "") for c in central]
    assert record.last_update.iso() == protocol["statusModule"]["lastUpdatePostDateStruct"][
        "date"]


def test_fixture_statuses_cover_the_range():
    statuses = {load_study_file(p).overall_status for p in FIXTURES}
    assert {"COMPLETED", "WITHDRAWN", "UNKNOWN", "NOT_YET_RECRUITING"} <= statuses


def test_bundled_record_carries_every_registry_fact():
    record = load_study_file(BUNDLED)
    assert record.nct_id == "NCT06686524"
    assert record.org_study_id == "PBC081"
    assert record.brief_title.startswith("Clinical Study of CD19 Targeted Universal")
    assert record.overall_status == "RECRUITING" and record.recruiting
    assert record.start_date == PartialDate(2024, 11, 11)
    assert record.completion_date == PartialDate(2027, 11, 10)
    assert record.last_update == PartialDate(2024, 11, 13)
    assert (record.sponsor, record.sponsor_class) == ("Chongqing Precision Biotech Co., Ltd",
                                                      "INDUSTRY")
    assert "open-label, single-arm, dose-escalation" in record.brief_summary
    assert "1 × 10^7/kg, 3 × 10^7/kg, 6 × 10^7/kg" in record.detailed_description
    assert "9 to 18 patients" in record.detailed_description
    assert record.conditions == ("Dermatomyositis", "Juvenile Dermatomyositis")
    assert record.phases == ("PHASE1",) and record.enrollment == 18
    assert (record.study_type, record.allocation, record.intervention_model,
            record.primary_purpose, record.masking) == (
        "INTERVENTIONAL", "NA", "SINGLE_GROUP", "TREATMENT", "NONE")
    assert record.interventions[0][:2] == ("DRUG", "Anti-CD19 UCAR-T cells")
    assert "lymphodepletion chemotherapy" in record.interventions[0][2]
    assert record.eligibility_criteria.count("* (") == 19
    assert "score \\< 48" in record.eligibility_criteria
    assert (record.minimum_age, record.sex, record.healthy_volunteers) == ("5 Years", "ALL",
                                                                          False)
    assert record.central_contacts[0].name == "Lu Mei ping, M.D"
    assert record.central_contacts[0].phone == "+86 13685773988"
    site = record.sites[0]
    assert site.facility.startswith("Children's Hospital Zhejiang University School of Medicine")
    assert (site.city, site.state, site.country, site.status) == (
        "Hangzhou", "Zhejiang", "China", "RECRUITING")
    assert site.contacts[0].name == "Meiping Lu, M.D"
    assert site.contacts[0].phone == "+86 13685773988"


@pytest.mark.parametrize(("text", "iso"), [("2024", "2024"), ("2024-11", "2024-11"),
                                           ("2024-11-13", "2024-11-13")])
def test_partial_dates(text, iso):
    data = bundled_data()
    data["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = text
    assert parse_study(data).last_update.iso() == iso


def test_missing_or_empty_lists_and_modules_are_fine():
    data = bundled_data()
    del data["protocolSection"]["contactsLocationsModule"]
    data["protocolSection"]["conditionsModule"]["conditions"] = []
    del data["protocolSection"]["descriptionModule"]
    record = parse_study(data)
    assert record.sites == () and record.central_contacts == () and record.conditions == ()


def _broken(change) -> dict:
    data = copy.deepcopy(bundled_data())
    change(data)
    return data


BROKEN = {
    "not an object": [1, 2],
    "no protocol": {"studies": []},
    "protocol is a list": {"protocolSection": []},
    "no nct id": _broken(lambda d: d["protocolSection"]["identificationModule"].pop("nctId")),
    "bad nct id": _broken(lambda d: d["protocolSection"]["identificationModule"].update(
        nctId="NCT123")),
    "no status": _broken(lambda d: d["protocolSection"]["statusModule"].pop("overallStatus")),
    "null value": _broken(lambda d: d["protocolSection"]["identificationModule"].update(
        briefTitle=None)),
    "bad date": _broken(lambda d: d["protocolSection"]["statusModule"][
        "lastUpdatePostDateStruct"].update(date="13/11/2024")),
    "impossible date": _broken(lambda d: d["protocolSection"]["statusModule"][
        "lastUpdatePostDateStruct"].update(date="2024-02-30")),
    "locations not a list": _broken(lambda d: d["protocolSection"][
        "contactsLocationsModule"].update(locations={"city": "Hangzhou"})),
    "location not an object": _broken(lambda d: d["protocolSection"][
        "contactsLocationsModule"].update(locations=["Hangzhou"])),
    "count as text": _broken(lambda d: d["protocolSection"]["designModule"][
        "enrollmentInfo"].update(count="18")),
    "flag as text": _broken(lambda d: d["protocolSection"]["eligibilityModule"].update(
        healthyVolunteers="No")),
    "phone as number": _broken(lambda d: d["protocolSection"]["contactsLocationsModule"][
        "centralContacts"][0].update(phone=8613685773988)),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_rejects_what_is_not_a_record(name):
    with pytest.raises(RecordError) as caught:
        parse_study(BROKEN[name])
    assert str(caught.value)


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe", b"<html>portal</html>",
                                 b"[" * 100000 + b"]" * 100000, b"null", b'"text"'])
def test_rejects_bytes_that_are_not_a_record(raw):
    with pytest.raises(RecordError):
        parse_study_bytes(raw)


def test_unreadable_file(tmp_path):
    with pytest.raises(RecordError):
        load_study_file(tmp_path / "missing.json")
    with pytest.raises(RecordError):
        load_study_file(tmp_path)  # a folder


def test_direction_controls_are_taken_out_of_a_records_text():
    """U+202E after a contact's name drew "+86 571 1234 5678" as "8765 4321 175 68+", on
    screen and in the PDF."""
    from trialfinder.trial.related import cut

    data = bundled_data()
    module = data["protocolSection"]["contactsLocationsModule"]
    module["centralContacts"][0]["name"] = "Dr Wang\u202e"
    module["centralContacts"][0]["phone"] = "\u2066+86 571 1234 5678\u2069\u200f"
    module["locations"][0]["city"] = "Hang\u202bzhou\u061c\u200e"
    record = parse_study(data)
    contact = record.central_contacts[0]
    assert (contact.name, contact.phone) == ("Dr Wang", "+86 571 1234 5678")
    assert record.sites[0].city == "Hangzhou"
    assert cut("Dr\u202d Wang\u202c") == "Dr Wang"  # the other studies' text too
