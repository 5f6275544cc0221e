"""Saved answers: written only on request, and a damaged or foreign file changes nothing."""

import json

import pytest

from trialfinder.answers_file import AnswersFileError, load_answers, save_answers
from trialfinder.screening.screener import load_screener

SCREENER = load_screener()
ANSWERS = {"age_years": 9, "sex": "female", "lvef_percent": "unsure", "calcinosis": "no",
           "creatinine_umol_l": 40, "height_cm": 130}


def test_round_trip(tmp_path):
    path = tmp_path / "a.json"
    save_answers(path, SCREENER, ANSWERS)
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "trialfinder-answers" and data["study"] == "NCT06686524"
    assert load_answers(path, SCREENER) == ANSWERS


@pytest.mark.parametrize(("content", "reason"), [
    (b"\xff\xfe garbage", "unreadable"),
    (b"{not json", "unreadable"),
    (b'{"age_years": 9}', "not_answers"),
    (b'{"format": "trialfinder-answers", "version": 1, "study": "NCT00000001", "answers": {}}',
     "other_study"),
    (b'{"format": "trialfinder-answers", "version": 99, "study": "NCT06686524", '
     b'"answers": {}}', "newer"),
    (b'{"format": "trialfinder-answers", "version": 1, "study": "NCT06686524", '
     b'"answers": {"age_years": 900}}', "bad_value"),
    (b'{"format": "trialfinder-answers", "version": 1, "study": "NCT06686524", '
     b'"answers": {"shoe_size": 3}}', "bad_value"),
    (b'{"format": "trialfinder-answers", "version": 1, "study": "NCT06686524", '
     b'"answers": [1]}', "not_answers"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(AnswersFileError) as caught:
        load_answers(path, SCREENER)
    assert caught.value.reason == reason


def test_missing_file(tmp_path):
    with pytest.raises(AnswersFileError) as caught:
        load_answers(tmp_path / "none.json", SCREENER)
    assert caught.value.reason == "unreadable"


def _v1_file(tmp_path, answers: dict):
    path = tmp_path / "v1.json"
    path.write_text(json.dumps({"format": "trialfinder-answers", "version": 1,
                                "study": "NCT06686524", "saved": "2026-11-01T10:00:00+00:00",
                                "answers": answers}), encoding="utf-8")
    return path


ORGANS = ("rapid_progression", "lung_involvement", "heart_involvement", "gut_involvement")


@pytest.mark.parametrize(("old", "expected"), [
    ("no", dict.fromkeys(ORGANS, "no")),
    ("unsure", dict.fromkeys(ORGANS, "unsure")),
    ("yes", {}),  # which one was meant is not known: asked again, never guessed
])
def test_a_version_1_file_opens_with_the_split_fact_renamed(tmp_path, old, expected):
    path = _v1_file(tmp_path, {"age_years": 9, "rapid_progression_or_organ_involvement": old})
    assert load_answers(path, SCREENER) == {"age_years": 9, **expected}


def test_files_are_saved_as_version_2_and_keep_dates(tmp_path):
    path = tmp_path / "a.json"
    answers = {**ANSWERS, "live_vaccine_within_4_weeks": "yes",
               "live_vaccine_date": "2026-01-05"}
    save_answers(path, SCREENER, answers)
    assert json.loads(path.read_text("utf-8"))["version"] == 2
    assert load_answers(path, SCREENER) == answers
