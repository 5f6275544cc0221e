"""Proof 2: a second trial is a file. The made-up trial NCT00000000 (tests/data/trials: three
facts, two criteria, one page, and its record) runs through evaluate and summary with
``--trial``, with no Python change; a missing or bad trial is one line and exit status 2."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import DATA
from tests.unit.test_cli import run
from tests.unit.test_summary import pdf_text

MADE_UP = DATA / "trials" / "NCT00000000.toml"
FITS = {"age_years": 8, "has_sunflower_allergy": "yes", "had_surgery_this_year": "no"}


def test_evaluate_json_screens_for_the_made_up_trial():
    result = run("evaluate", "--trial", str(MADE_UP), "--format", "json", "-",
                 stdin=json.dumps(FITS))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["verdict"] == "likely_eligible"
    assert out["criteria"] == {"I1": "met", "E1": "absent"}
    assert out["recruiting"] is True and out["record_last_update"] == "2026-01-15"
    too_young = run("evaluate", "-", "--format", "json", "--trial", str(MADE_UP),
                    stdin=json.dumps({**FITS, "age_years": 3}))
    assert json.loads(too_young.stdout)["verdict"] == "likely_not_eligible"


def test_evaluate_text_names_the_made_up_criteria_and_record():
    result = run("--trial", str(MADE_UP), "evaluate", "-", stdin=json.dumps(
        {"age_years": 8, "had_surgery_this_year": "yes"}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Likely not eligible")
    assert "I1 Age and allergy" in result.stdout and "E1 No operation this year" in result.stdout
    assert "Children who had an operation this year cannot take part" in result.stdout
    assert "January 15, 2026" in result.stdout
    assert "dermatomyositis" not in result.stdout and "I2-I4" not in result.stdout


def test_a_fact_of_the_other_trial_is_bad_input_for_this_one():
    result = run("evaluate", "--trial", str(MADE_UP), "-", stdin='{"jdm_diagnosis": "yes"}')
    assert result.returncode == 2 and "jdm_diagnosis" in result.stderr


def test_summary_pdf_names_the_made_up_trial(tmp_path):
    out = tmp_path / "made-up.pdf"
    result = run("summary", "-", "--out", str(out), "--lang", "en", "--trial", str(MADE_UP),
                 stdin=json.dumps(FITS))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for words in ("Summary: the made-up sunflower study", "NCT00000000", "MADEUP-1",
                  "Dr Test Sunflower", "Sunflower Test Hospital",
                  "A made-up study: nobody takes part in it."):
        assert words.replace(" ", "") in text, words
    # nothing of the bundled trial, and no list of other studies (its file asks for none)
    for words in ("Summary: the CAR-T study", "PBC081", "Hangzhou", "dermatomyositis",
                  "Other studies"):
        assert words.replace(" ", "").lower() not in text.lower(), words


def test_help_describes_the_trial_asked_for():
    made_up = run("--trial", str(MADE_UP), "--help")
    assert made_up.returncode == 0
    assert "Might the made-up study NCT00000000 fit a child?" in made_up.stdout
    bundled = run("--help")
    assert "Might the CAR-T study NCT06686524 fit a child" in bundled.stdout
    assert "--trial TRIAL" in bundled.stdout
    assert run("--trial", "NCT06686524", "evaluate", "-", stdin="{}").returncode == 0


@pytest.mark.parametrize(("trial", "message"), [
    ("NCT12345678", "NCT12345678: not a bundled trial (NCT06686524) nor a .toml screener file"),
    ("absent.toml", "absent.toml: cannot read"),
    ("BAD", "NCT00000000.toml: pages[0].questions[0].fact: unknown fact 'age'"),
    ("BAD RECORD", "NCT00000000.json (trial.record) is not a trial record: not a "
                   "ClinicalTrials.gov study record: it has no protocolSection"),
])
@pytest.mark.parametrize("command", [("evaluate", "-"), ("summary", "-", "--out", "x.pdf"),
                                     ("status", "--offline"), ()])
def test_a_bad_trial_is_one_line_and_exit_2(tmp_path, trial, message, command):
    if trial == "BAD":
        shutil.copy(MADE_UP.with_suffix(".json"), tmp_path)
        bad = tmp_path / "NCT00000000.toml"
        bad.write_text(MADE_UP.read_text("utf-8").replace(
            'fact = "age_years"\nkind', 'fact = "age"\nkind', 1), "utf-8")
        trial = str(bad)
    elif trial == "BAD RECORD":
        shutil.copy(MADE_UP, tmp_path)
        (tmp_path / "NCT00000000.json").write_text('{"studies": []}', "utf-8")
        trial = str(tmp_path / "NCT00000000.toml")
    elif trial.endswith(".toml"):
        trial = str(tmp_path / trial)
    result = run(*command, "--trial", trial, stdin=json.dumps(FITS))
    assert result.returncode == 2
    assert result.stderr == f"trialfinder: error: {message}\n" or (
        result.stderr.startswith("trialfinder: error: ") and message in result.stderr
        and result.stderr.count("\n") == 1), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_the_last_trial_given_is_the_one_used():
    from trialfinder.app import requested_trial

    assert requested_trial(["--trial", "A", "evaluate", "-", "--trial=B"]) == "B"
    assert requested_trial(["evaluate", "-"]) is None
    result = run("--trial", "NCT12345678", "evaluate", "--trial", str(MADE_UP), "--format",
                 "json", "-", stdin=json.dumps(FITS))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["criteria"] == {"I1": "met", "E1": "absent"}
