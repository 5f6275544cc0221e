"""Fact sets shared by the engine tests."""

from trialfinder.screening.facts import check_answers
from trialfinder.screening.screener import load_screener
from trialfinder.screening.verdict import Outcome, screen

# Every fact known and on the study's side: a girl who has not started her periods, with
# refractory JDM by R1 + R2, all organ tests normal, nothing excluding her.
BASELINE = {
    "age_years": 9, "sex": "female", "can_become_pregnant": "no",
    "jdm_diagnosis": "yes", "imnm_diagnosis": "no", "anti_srp_positive": "no",
    "anti_hmgcr_positive": "no",
    "steroid_months": 8, "steroid_inadequate_or_not_tolerated": "yes",
    "steroid_full_dose": "yes", "immunosuppressants_failed": 2, "ivig_failed": "no",
    "rapid_progression": "yes", "lung_involvement": "no", "heart_involvement": "no",
    "gut_involvement": "no", "other_organ_involvement": "no",
    "calcinosis": "no", "recurrent_rash_or_ulcers": "no", "muscle_weakness_persistent": "no",
    "mri_diffuse_edema": "no", "cmas_score": 50, "phga_cm": 1, "ptga_cm": 1, "das_score": 1,
    "chaq_score": 0.1, "muscle_enzyme_x_uln": 1,
    "lvef_percent": 65, "ecg_significant_abnormality": "no", "egfr": 100, "ast_x_uln": 1,
    "alt_x_uln": 1, "bilirubin_x_uln": 1, "liver_values_explained_by_disease": "no",
    "bilirubin_explained_by_disease": "no", "latent_tb_infection": "no",
    "spo2_percent": 98, "pregnancy_urine_test_negative": "yes", "agrees_to_contraception": "yes",
    "consent_willing": "yes", "prior_cart": "no", "prior_cart_risk_cleared": "no",
    "immunodeficiency": "no", "active_infection": "no", "malignancy": "no",
    "congenital_heart_disease": "no", "recent_myocardial_infarction": "no",
    "severe_arrhythmia": "no", "pericardial_effusion_moderate_or_large": "no",
    "severe_myocarditis": "no", "needs_vasopressors": "no",
    "other_disease_needing_immunosuppression": "no", "transplant_within_3_months": "no",
    "gvhd_grade2_within_2_weeks": "no", "hbsag_positive": "no", "hbcab_positive": "no",
    "hbv_dna_above_normal": "no", "hcv_antibody_positive": "no", "hcv_rna_above_normal": "no",
    "hiv_positive": "no", "syphilis_positive": "no", "live_vaccine_within_4_weeks": "no",
    "pregnancy_blood_test_positive": "no", "other_trial_within_3_months": "no",
}

SCREENING_TESTS = [n for n, f in load_screener().facts.items() if f.is_screening_test]


def outcome_for(answers: dict) -> Outcome:
    screener = load_screener()
    return screen(screener, check_answers(screener, answers))


def with_changes(**changes: object) -> dict:
    answers = dict(BASELINE)
    for name, value in changes.items():
        if value is ...:
            answers.pop(name, None)
        else:
            answers[name] = value
    return answers
