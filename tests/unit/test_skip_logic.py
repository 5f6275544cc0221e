"""Questions that cannot apply are skipped; "not sure" never hides a question."""

from __future__ import annotations

import pytest

from trialfinder.screening.questionnaire import Questionnaire
from trialfinder.screening.screener import load_screener

QUESTIONNAIRE = Questionnaire(load_screener())


def shown(answers: dict) -> set[str]:
    return {q.fact for _page, questions in QUESTIONNAIRE.visible(answers) for q in questions}


NORMAL_LIVER = {"ast_value": 30, "ast_uln": 40, "alt_value": 20, "alt_uln": 40}


@pytest.mark.parametrize(("answers", "asked"), [
    (NORMAL_LIVER, False),  # every value within the limit: nothing to explain
    ({**NORMAL_LIVER, "ast_value": 121}, True),  # just above 3 times the upper limit
    ({**NORMAL_LIVER, "ast_value": 120}, False),  # exactly 3 times: within the limit
    ({**NORMAL_LIVER, "alt_value": "unsure"}, True),  # not known: asked
    ({}, True),  # nothing entered yet: asked
])
def test_the_liver_explanation_is_asked_only_when_ast_or_alt_may_be_raised(answers, asked):
    assert ("liver_values_explained_by_disease" in shown(answers)) is asked


@pytest.mark.parametrize(("answers", "asked"), [
    ({"bilirubin_value": 10, "bilirubin_uln": 20}, False),
    ({"bilirubin_value": 40, "bilirubin_uln": 20}, False),  # exactly 2 times
    ({"bilirubin_value": 41, "bilirubin_uln": 20}, True),
    ({"bilirubin_value": "unsure"}, True),
    ({}, True),
])
def test_the_bilirubin_explanation_is_asked_only_when_it_may_be_raised(answers, asked):
    assert ("bilirubin_explained_by_disease" in shown(answers)) is asked


def test_a_hidden_explanation_leaves_no_unknown_behind():
    from trialfinder.screening.verdict import LIKELY_NOT_ELIGIBLE

    outcome = QUESTIONNAIRE.outcome({**NORMAL_LIVER, "bilirubin_value": 10,
                                     "bilirubin_uln": 20, "age_years": 9})
    assert outcome.verdict != LIKELY_NOT_ELIGIBLE
    assert outcome.terms.get("I5") is not False
    assert "liver_values_explained_by_disease" not in outcome.ask_doctor
    assert "bilirubin_explained_by_disease" not in outcome.ask_doctor


def test_no_transplant_ever_skips_the_transplant_and_gvhd_questions_and_means_no():
    answers = {"transplant_ever": "no"}
    assert "transplant_within_3_months" not in shown(answers)
    assert "gvhd_grade2_within_2_weeks" not in shown(answers)
    counted = QUESTIONNAIRE.counted_answers(answers)
    assert counted["transplant_within_3_months"] == "no"
    assert counted["gvhd_grade2_within_2_weeks"] == "no"
    outcome = QUESTIONNAIRE.outcome(answers)
    assert outcome.terms["E7"] is False  # nothing unknown left behind by the skip
    # an answer given before "never" was chosen does not count once the question is hidden
    again = QUESTIONNAIRE.outcome({"transplant_ever": "no", "gvhd_grade2_within_2_weeks": "yes"})
    assert again.terms["E7"] is False


@pytest.mark.parametrize("ever", ["yes", "unsure", None])
def test_a_transplant_or_not_sure_asks_both(ever):
    answers = {} if ever is None else {"transplant_ever": ever}
    assert {"transplant_within_3_months", "gvhd_grade2_within_2_weeks"} <= shown(answers)
    assert QUESTIONNAIRE.outcome(answers).terms["E7"] is None  # not sure never counts as no


def test_both_pregnancy_questions_ask_whether_the_test_was_positive():
    from trialfinder.screening.answer_text import describe_answer
    from trialfinder.screening.questionnaire import as_asked

    pages = {q.fact: q for page in QUESTIONNAIRE.pages for q in page.questions}
    urine, blood = pages["pregnancy_urine_test_negative"], pages["pregnancy_blood_test_positive"]
    assert urine.ask.endswith("was it positive?") and blood.ask.endswith("was it positive?")
    # "Yes, it was positive" sets the fact "the urine test was negative" to no ...
    assert as_asked(urine, "yes") == "no" and as_asked(urine, "no") == "yes"
    assert as_asked(urine, "unsure") == "unsure"
    answers = {"sex": "female", "pregnancy_urine_test_negative": "no"}
    # ... is told back as the answer to the question asked ...
    assert describe_answer(QUESTIONNAIRE.screener, urine, answers, lambda s: s) == "Yes"
    # ... and counts as a positive test, whatever was said about periods (E10)
    answers["can_become_pregnant"] = "no"
    assert QUESTIONNAIRE.outcome(answers).terms["E10"] is True
