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
