"""The one explanation of an outcome: its parts, their order, and its words in any language."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.unit.screening_cases import outcome_for, with_changes
from trialfinder.i18n.content import gettext_for
from trialfinder.screening.explanation import Words, explain
from trialfinder.screening.screener import load_screener
from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE, POSSIBLY_ELIGIBLE

SCREENER = load_screener()
ELIGIBLE = with_changes()
POSSIBLY = with_changes(consent_willing="unsure", steroid_full_dose="unsure",
                        lvef_percent=None)
NOT_ELIGIBLE = with_changes(age_years=4, active_infection="yes", egfr=25)


def told(answers, today=None):
    return explain(SCREENER, outcome_for(answers), today)


@pytest.mark.parametrize(("answers", "verdict", "parts"), [
    (ELIGIBLE, LIKELY_ELIGIBLE,
     ("lead", "contact", "decides", "questions", "to_check", "related", "criteria", "record",
      "judgment", "closing")),
    (POSSIBLY, POSSIBLY_ELIGIBLE,
     ("lead", "contact", "decides", "questions", "to_check", "related", "criteria", "record",
      "judgment", "closing")),
    (NOT_ELIGIBLE, LIKELY_NOT_ELIGIBLE,
     ("lead", "contact", "decides", "standing", "related", "questions", "to_check",
      "criteria", "record", "judgment", "closing")),
])
def test_the_parts_in_the_result_pages_order(answers, verdict, parts):
    explanation = told(answers)
    assert explanation.verdict == verdict
    assert explanation.parts == parts
    assert bool(explanation.standing) == (verdict == LIKELY_NOT_ELIGIBLE)


def test_it_is_built_once_and_cannot_change():
    explanation = told(NOT_ELIGIBLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        explanation.verdict = LIKELY_ELIGIBLE  # type: ignore[misc]
    assert hash(explanation) == hash(told(NOT_ELIGIBLE))  # message ids, no words yet


def test_the_meaning_says_if_the_screening_tests_are_normal():
    assert told(ELIGIBLE).meaning.startswith("From your answers, your child seems to fit")
    unchecked = told(with_changes(lvef_percent=None))
    assert unchecked.verdict == LIKELY_ELIGIBLE
    assert "if the tests at the screening visit are normal" in unchecked.meaning
    assert "lvef_percent" not in unchecked.to_check  # labels, not fact names
    assert SCREENER.facts["lvef_percent"].label in unchecked.to_check


def test_what_stands_in_the_way_names_the_failed_value_then_what_may_change():
    standing = {item.criterion: item for item in told(NOT_ELIGIBLE).standing}
    assert list(standing) == ["I1", "I5", "E3"]
    age = standing["I1"]
    assert [line.text() for line in age.failed] == ["Your child's age: 4 years is below 5 years."]
    assert [line.text() for line in age.may_change] == [
        "This can change: your child can be checked again after turning 5."]
    assert [line.text() for line in standing["I5"].lines] == [
        "Kidney function (eGFR): 25 mL/min/1.73 m² is below 30 mL/min/1.73 m²."]


def test_one_explanation_renders_in_every_language():
    line = told(NOT_ELIGIBLE).standing[0].failed[0]
    english = line.text(gettext_for("en"), "en")
    simplified = line.text(gettext_for("zh_CN"), "zh_CN")
    traditional = line.text(gettext_for("zh_TW"), "zh_TW")
    assert english == "Your child's age: 4 years is below 5 years."
    assert "4" in simplified and "5" in simplified and simplified != english
    assert "4" in traditional and traditional not in (english, simplified)


@pytest.mark.parametrize(("given", "today", "expected"), [
    (None, None, "If you give the date, we can tell you from which day"),
    ("2026-03-01", dt.date(2026, 3, 10), "From March 29, 2026, this would no longer"),
    ("2026-03-01", dt.date(2026, 4, 10), "By the date you gave, this time limit has already"),
])
def test_a_time_limit_says_from_when(given, today, expected):
    answers = with_changes(live_vaccine_within_4_weeks="yes")
    if given:
        answers["live_vaccine_date"] = given
    explanation = told(answers, today)
    assert explanation.time_limit_only.startswith("Only a time limit stands in the way now")
    (item,) = explanation.standing
    assert any(line.text().startswith(expected) for line in item.may_change), [
        line.text() for line in item.may_change]


def test_the_criteria_grouped_by_state_without_the_way_not_taken():
    groups = {group.style: group for group in told(NOT_ELIGIBLE).criteria}
    assert list(groups) == ["against", "fits"]
    assert [c.id for c in groups["against"].criteria] == ["I1", "I5", "E3"]
    shown = {c.id for group in groups.values() for c in group.criteria}
    assert "I4" not in shown  # the IMNM way, for a child with JDM
    assert {"I2", "I3", "diagnosis_path"} <= shown
    unknown = {group.style: group for group in told(POSSIBLY).criteria}["unknown"]
    assert unknown.heading == "Not known yet" and unknown.icon == POSSIBLY_ELIGIBLE


def test_the_questions_by_who_can_answer_them():
    groups = {group.key: group for group in told(POSSIBLY).questions}
    assert SCREENER.facts["consent_willing"].ask in groups["for_you"].items
    assert SCREENER.facts["steroid_full_dose"].ask in groups["ask_doctor"].items
    assert told(ELIGIBLE).questions == ()


def test_words_take_nested_words_amounts_and_dates():
    words = Words("{a} {b} {c} {d}", (("a", Words("Yes")), ("b", 3), ("c", dt.date(2026, 1, 2)),
                                       ("d", "as is")))
    assert words.text(gettext_for("en"), "en") == "Yes 3 January 2, 2026 as is"
    assert words.text(gettext_for("zh_CN"), "zh_CN") == "是 3 2026年1月2日 as is"
