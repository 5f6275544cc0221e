"""The evaluate and status commands, run as real processes with no display."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT
from tests.unit.screening_cases import BASELINE, with_changes

FIXTURES = sorted((DATA / "ctgov-v2").glob("*.json"))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the commands must not need Qt at all
    return subprocess.run(
        [sys.executable, "-m", "trialfinder", *args], input=stdin, capture_output=True,
        text=True, cwd=ROOT, env=env, timeout=60, check=False,
    )


def evaluate_json(answers: dict) -> dict:
    result = run("evaluate", "-", "--format", "json", stdin=json.dumps(answers))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_spec_example_keys_and_values():
    out = evaluate_json({"age_years": 9, "sex": "female", "jdm_diagnosis": "yes",
                         "cmas_score": None})
    assert out["verdict"] == "possibly_eligible"
    assert set(out["criteria"]) == {f"I{i}" for i in range(1, 8)} | {
        f"E{i}" for i in range(1, 12)}
    assert out["criteria"]["I1"] == "met" and out["criteria"]["I2"] == "met"
    assert out["criteria"]["E1"] == "unknown"
    assert out["diagnosis_path"] == "unknown"
    assert out["recruiting"] is True
    assert "lvef_percent" in out["to_check_at_screening"]
    assert "consent_willing" in out["to_find_out"]


def test_three_verdicts_from_files(tmp_path):
    cases = {
        "likely_eligible": with_changes(lvef_percent=None, egfr=...),
        "possibly_eligible": with_changes(consent_willing="unsure"),
        "likely_not_eligible": with_changes(age_years=4, active_infection="yes"),
    }
    for verdict, answers in cases.items():
        path = tmp_path / f"{verdict}.json"
        path.write_text(json.dumps(answers), encoding="utf-8")
        result = run("evaluate", str(path), "--format", "json")
        out = json.loads(result.stdout)
        assert out["verdict"] == verdict
    out = evaluate_json(cases["likely_not_eligible"])
    assert out["criteria"]["I1"] == "not_met" and out["criteria"]["E3"] == "present"
    assert out["criteria"]["E4"] == "absent"


def test_text_output_names_verdict_reasons_and_the_study_team():
    result = run("evaluate", "-", stdin=json.dumps(with_changes(age_years=4)))
    assert result.returncode == 0
    assert result.stdout.startswith("Likely not eligible")
    assert "The study takes children who are 5 years old or older." in result.stdout
    assert "your child can be checked again after turning 5" in result.stdout
    assert "Only the study team decides" in result.stdout
    assert "eligible" not in result.stdout.replace("Likely not eligible", "")


def test_text_output_in_chinese():
    result = run("evaluate", "-", "--lang", "zh_CN", stdin=json.dumps(with_changes(age_years=4)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("很可能不符合条件")
    assert "研究团队" in result.stdout


@pytest.mark.parametrize(("stdin", "fact"), [
    ('{"age_years": 200}', "age_years"),
    ('{"age_years": "nine"}', "age_years"),
    ('{"jdm_diagnosis": true}', "jdm_diagnosis"),
    ('{"sex": "boy"}', "sex"),
    ('{"shoe_size": 30}', "shoe_size"),
    ('{"spo2_percent": 101}', "spo2_percent"),
    ('{"egfr": NaN}', "egfr"),
    ('{"age_years": 1e26}', "age_years"),  # was a traceback (Babel could not round it)
    ('{"age_years": 1e308}', "age_years"),
])
def test_bad_facts_exit_2_naming_the_fact(stdin, fact):
    result = run("evaluate", "-", "--format", "json", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fact in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("stdin", ["[1, 2]", '"facts"', "{", "", "null", "[" * 50000])
def test_not_a_json_object_exits_2(stdin):
    result = run("evaluate", "-", stdin=stdin)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unreadable_files_exit_2(tmp_path):
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    for path in (tmp_path / "missing.json", tmp_path, binary):
        result = run("evaluate", str(path))
        assert result.returncode == 2, path
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_status_of_the_bundled_record():
    result = run("status", "--offline", "--format", "json")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert out["nct_id"] == "NCT06686524"
    assert out["overall_status"] == "RECRUITING" and out["recruiting"] is True
    assert out["last_update"] == "2024-11-13" and out["source"] == "bundled"
    assert out["sites"][0]["city"] == "Hangzhou"
    assert {"facility", "city", "state", "country", "status"} <= set(out["sites"][0])
    assert out["contacts"] == [{"name": "Lu Mei ping, M.D", "role": "CONTACT",
                                "phone": "+86 13685773988"}]
    assert out["warnings"] == []


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_status_reads_every_fixture(path):
    result = run("status", "--record", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert out["nct_id"] == data["protocolSection"]["identificationModule"]["nctId"]
    assert out["source"] == "file"
    assert out["recruiting"] is (out["overall_status"] == "RECRUITING")
    assert any("not for the study this app screens for" in w for w in out["warnings"])
    text = run("status", "--record", str(path))
    assert text.returncode == 0 and out["nct_id"] in text.stdout


def test_status_warns_when_the_study_stops_recruiting_or_criteria_change(tmp_path):
    data = json.loads((ROOT / "resources" / "records" / "NCT06686524.json").read_text("utf-8"))
    data["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    data["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] += "\n* (13) New."
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = json.loads(run("status", "--record", str(path), "--format", "json").stdout)
    assert out["recruiting"] is False
    assert len(out["warnings"]) == 2
    assert "not recruiting" in out["warnings"][0]
    assert "criteria have changed" in out["warnings"][1]


@pytest.mark.parametrize("content", ['{"studies": []}', "not json", "[]", '{"protocolSection": 1}'])
def test_status_rejects_files_that_are_not_records(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run("status", "--record", str(path))
    assert result.returncode == 2
    assert "not a trial record" in result.stderr
    assert "Traceback" not in result.stderr


def test_baseline_is_valid_input():
    assert evaluate_json(BASELINE)["verdict"] == "likely_eligible"
