"""The verdict's three steps and its lists, on whole fact sets."""

import pytest

from tests.unit.screening_cases import BASELINE, SCREENING_TESTS, outcome_for, with_changes
from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE, POSSIBLY_ELIGIBLE


def test_unknown_screening_tests_alone_still_give_likely_eligible():
    answers = {k: v for k, v in BASELINE.items() if k not in SCREENING_TESTS}
    outcome = outcome_for(answers)
    assert outcome.verdict == LIKELY_ELIGIBLE
    assert set(outcome.to_check_at_screening) == {
        "lvef_percent", "ecg_significant_abnormality", "egfr", "ast_x_uln", "alt_x_uln",
        "bilirubin_x_uln", "spo2_percent", "latent_tb_infection", "hbsag_positive",
        "hbcab_positive",
        "hbv_dna_above_normal", "hcv_antibody_positive", "hcv_rna_above_normal", "hiv_positive",
        "syphilis_positive",
    }  # no pregnancy tests: she cannot become pregnant
    assert outcome.to_find_out == ()
    assert outcome.status("I5") is None  # the criteria stay as given: unknown


def test_an_unknown_family_fact_gives_possibly_eligible_and_a_question_for_the_doctor():
    outcome = outcome_for(with_changes(cmas_score=None, calcinosis="unsure",
                                       rapid_progression="unsure"))
    assert outcome.verdict == POSSIBLY_ELIGIBLE
    assert outcome.to_find_out == ("rapid_progression", "calcinosis")
    assert outcome.ask_doctor == outcome.to_find_out
    assert outcome.to_check_at_screening == ()


def test_unknown_liver_values_ask_the_screening_test_not_the_doctor():
    outcome = outcome_for(with_changes(ast_x_uln=..., liver_values_explained_by_disease=...))
    assert outcome.verdict == LIKELY_ELIGIBLE
    assert outcome.to_check_at_screening == ("ast_x_uln",)
    assert outcome.to_find_out == ()


def test_a_raised_liver_value_not_explained_asks_the_doctor():
    outcome = outcome_for(with_changes(ast_x_uln=5, liver_values_explained_by_disease="unsure"))
    assert outcome.verdict == POSSIBLY_ELIGIBLE
    assert outcome.to_find_out == ("liver_values_explained_by_disease",)


def test_prior_cart_needs_the_study_team():
    outcome = outcome_for(with_changes(prior_cart="yes", prior_cart_risk_cleared=...))
    assert outcome.verdict == POSSIBLY_ELIGIBLE
    assert outcome.to_find_out == ("prior_cart_risk_cleared",)
    assert outcome.study_team_decides == ("prior_cart_risk_cleared",)
    assert outcome.ask_doctor == () and outcome.for_you == ()


def test_a_girl_who_may_become_pregnant_gets_both_pregnancy_tests_checked():
    answers = with_changes(can_become_pregnant="yes", pregnancy_urine_test_negative=...,
                           pregnancy_blood_test_positive=...)
    outcome = outcome_for(answers)
    assert outcome.verdict == LIKELY_ELIGIBLE
    assert outcome.to_check_at_screening == ("pregnancy_urine_test_negative",
                                             "pregnancy_blood_test_positive")


def test_empty_answers_give_possibly_eligible_with_both_lists():
    outcome = outcome_for({})
    assert outcome.verdict == POSSIBLY_ELIGIBLE
    assert "age_years" in outcome.to_find_out
    assert "lvef_percent" in outcome.to_check_at_screening
    assert not set(outcome.to_find_out) & set(SCREENING_TESTS)  # nothing held back
    assert set(outcome.for_you) == {"consent_willing", "ptga_cm", "age_years", "sex",
                                    "can_become_pregnant", "agrees_to_contraception"}
    assert set(outcome.study_team_decides) == {"prior_cart_risk_cleared",
                                               "ivig_counts_as_immunosuppressant"}


def test_imnm_path_without_jdm():
    outcome = outcome_for(with_changes(jdm_diagnosis="no", imnm_diagnosis="yes",
                                       anti_srp_positive="yes", steroid_months=1))
    assert outcome.verdict == LIKELY_ELIGIBLE
    assert outcome.status("I2") is False
    assert outcome.status("I3") is False
    assert outcome.status("diagnosis_path") is True


def test_several_reasons_are_all_named():
    outcome = outcome_for(with_changes(age_years=3, live_vaccine_within_4_weeks="yes",
                                       consent_willing="unsure"))
    assert outcome.verdict == LIKELY_NOT_ELIGIBLE
    assert outcome.blocking == ("I1", "E9")


def test_derived_egfr_from_height_and_creatinine_in_umol():
    answers = with_changes(egfr=..., height_cm=130, creatinine_umol_l=150)
    outcome = outcome_for(answers)
    # 0.413 * 130 / (150 / 88.4) = 31.64 -> kidney met
    assert round(outcome.values["egfr"], 2) == 31.64
    assert outcome.status("I5") is True
    outcome = outcome_for(with_changes(egfr=..., height_cm=130, creatinine_umol_l=160))
    assert outcome.status("I5") is False  # 29.66


def test_a_given_egfr_wins_over_the_computed_one():
    outcome = outcome_for(with_changes(egfr=90, height_cm=130, creatinine_mg_dl=5))
    assert outcome.values["egfr"] == 90
    assert outcome.status("I5") is True


def test_derived_ratio_from_value_and_upper_limit():
    outcome = outcome_for(with_changes(ast_x_uln=..., ast_value=121, ast_uln=40))
    assert outcome.values["ast_x_uln"] == 121 / 40
    assert outcome.status("I5") is False
    outcome = outcome_for(with_changes(ast_x_uln=..., ast_value=120, ast_uln=40))
    assert outcome.status("I5") is True


@pytest.mark.parametrize(("changes", "listed"), [
    ({"sex": "male", "can_become_pregnant": None}, False),  # a boy: no pregnancy test
    ({"sex": "female", "can_become_pregnant": "no"}, False),  # periods not started
    ({"sex": "female", "can_become_pregnant": "yes"}, True),
    ({"sex": "female", "can_become_pregnant": None}, True),  # not known: listed
    ({"sex": None, "can_become_pregnant": None}, True),
])
def test_pregnancy_tests_are_listed_to_check_only_when_pregnancy_is_possible(changes, listed):
    """From the screener file's [not_checked] rules (no longer a list in verdict.py)."""
    answers = with_changes(**changes, pregnancy_urine_test_negative=...,
                           pregnancy_blood_test_positive=...)
    answers = {k: v for k, v in answers.items() if v is not None}
    checked = outcome_for(answers).to_check_at_screening
    assert ("pregnancy_urine_test_negative" in checked) is listed
    assert ("pregnancy_blood_test_positive" in checked) is listed
