"""Every criterion at its exact boundaries: met / not met / unknown, as the registry says."""

import pytest

from tests.unit.screening_cases import BASELINE, outcome_for, with_changes
from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE

T, F, U = True, False, None
# R1 alone is not enough for I3: the baseline's R2 ("rapid progression") is switched off when
# testing R3-R5, so that each stands alone.
ONLY_R = {"rapid_progression": "no"}
R5_ON = {**ONLY_R, "muscle_weakness_persistent": "yes", "mri_diffuse_edema": "yes",
         "phga_cm": 2, "ptga_cm": 2}

CASES = [
    # I1: age_years >= 5
    ("I1", {"age_years": 5}, T), ("I1", {"age_years": 4.99}, F), ("I1", {"age_years": ...}, U),
    ("I1", {"age_years": 120}, T), ("I1", {"age_years": 0}, F),
    # I2
    ("I2", {"jdm_diagnosis": "yes"}, T), ("I2", {"jdm_diagnosis": "no"}, F),
    ("I2", {"jdm_diagnosis": "unsure"}, U),
    # R1 inside I3: steroid_months >= 6, immunosuppressants_failed >= 2
    ("I3", {"steroid_months": 6}, T), ("I3", {"steroid_months": 5.99}, F),
    ("I3", {"steroid_months": ...}, U),
    ("I3", {"immunosuppressants_failed": 2}, T), ("I3", {"immunosuppressants_failed": 1}, F),
    ("I3", {"immunosuppressants_failed": None}, U),
    ("I3", {"steroid_inadequate_or_not_tolerated": "no"}, F),
    ("I3", {"steroid_inadequate_or_not_tolerated": "unsure"}, U),
    # (rev 2) R1 needs the full steroid dose; IVIG counts only if the study team says so
    ("I3", {"steroid_full_dose": "no"}, F), ("I3", {"steroid_full_dose": "unsure"}, U),
    ("I3", {"immunosuppressants_failed": 1, "ivig_failed": "yes"}, U),
    ("I3", {"immunosuppressants_failed": 1, "ivig_failed": "yes",
            "ivig_counts_as_immunosuppressant": "yes"}, T),
    ("I3", {"immunosuppressants_failed": 1, "ivig_failed": "yes",
            "ivig_counts_as_immunosuppressant": "no"}, F),
    ("I3", {"immunosuppressants_failed": 1, "ivig_failed": "no"}, F),
    ("I3", {"immunosuppressants_failed": 0, "ivig_failed": "yes"}, F),
    # R2 (rev 2: organ by organ, the list open), R3, R4
    ("I3", {**ONLY_R}, F), ("I3", {"rapid_progression": "unsure"}, U),
    *[("I3", {**ONLY_R, organ: "yes"}, T) for organ in [
        "lung_involvement", "heart_involvement", "gut_involvement", "other_organ_involvement"]],
    ("I3", {**ONLY_R, "other_organ_involvement": "unsure"}, U),
    ("I3", {**ONLY_R, "calcinosis": "yes"}, T), ("I3", {**ONLY_R, "calcinosis": "unsure"}, U),
    ("I3", {**ONLY_R, "recurrent_rash_or_ulcers": "yes"}, T),
    # R5: weakness, and (MRI edema or CMAS < 48), and at least 2 of the 5 core measures
    ("I3", {**R5_ON}, T),
    ("I3", {**R5_ON, "muscle_weakness_persistent": "no"}, F),
    ("I3", {**R5_ON, "muscle_weakness_persistent": "unsure"}, U),
    ("I3", {**R5_ON, "mri_diffuse_edema": "no", "cmas_score": 47.9}, T),
    ("I3", {**R5_ON, "mri_diffuse_edema": "no", "cmas_score": 48}, F),
    ("I3", {**R5_ON, "mri_diffuse_edema": "no", "cmas_score": ...}, U),
    ("I3", {**R5_ON, "mri_diffuse_edema": "unsure", "cmas_score": 48}, U),
    ("I3", {**R5_ON, "phga_cm": 1.99}, F),
    ("I3", {**R5_ON, "ptga_cm": 1.99}, F),
    ("I3", {**R5_ON, "phga_cm": 1.99, "das_score": 2}, T),
    ("I3", {**R5_ON, "phga_cm": 1.99, "das_score": 1.99}, F),
    ("I3", {**R5_ON, "phga_cm": 1.99, "chaq_score": 0.25}, T),
    ("I3", {**R5_ON, "phga_cm": 1.99, "chaq_score": 0.24}, F),
    ("I3", {**R5_ON, "phga_cm": 1.99, "muscle_enzyme_x_uln": 1.5}, F),
    ("I3", {**R5_ON, "phga_cm": 1.99, "muscle_enzyme_x_uln": 1.51}, T),
    ("I3", {**R5_ON, "phga_cm": ...}, U),
    ("I3", {**R5_ON, "phga_cm": ..., "ptga_cm": ..., "das_score": 2, "chaq_score": 0.3}, T),
    # I4
    ("I4", {"imnm_diagnosis": "yes", "anti_srp_positive": "yes"}, T),
    ("I4", {"imnm_diagnosis": "yes", "anti_hmgcr_positive": "yes"}, T),
    ("I4", {"imnm_diagnosis": "yes"}, F),
    ("I4", {"imnm_diagnosis": "yes", "anti_srp_positive": "unsure"}, U),
    ("I4", {"imnm_diagnosis": "unsure", "anti_srp_positive": "yes"}, U),
    ("I4", {"imnm_diagnosis": "no", "anti_srp_positive": "yes"}, F),
    # the diagnosis path: all(I2, I3) or I4
    ("diagnosis_path", {"jdm_diagnosis": "no"}, F),
    ("diagnosis_path", {"jdm_diagnosis": "no", "imnm_diagnosis": "yes",
                        "anti_hmgcr_positive": "yes"}, T),
    ("diagnosis_path", {"jdm_diagnosis": "unsure"}, U),
    ("diagnosis_path", {"steroid_months": 3, "imnm_diagnosis": "unsure"}, F),
    ("diagnosis_path", {"steroid_months": 3, "imnm_diagnosis": "unsure",
                        "anti_srp_positive": "unsure"}, U),
    # I5: heart, kidney, liver, lung
    ("I5", {"lvef_percent": 55}, T), ("I5", {"lvef_percent": 54.9}, F),
    ("I5", {"lvef_percent": ...}, U),
    ("I5", {"ecg_significant_abnormality": "yes"}, F),
    ("I5", {"ecg_significant_abnormality": "unsure"}, U),
    ("I5", {"egfr": 30}, T), ("I5", {"egfr": 29.9}, F), ("I5", {"egfr": None}, U),
    ("I5", {"ast_x_uln": 3}, T), ("I5", {"ast_x_uln": 3.01}, F),
    ("I5", {"alt_x_uln": 3}, T), ("I5", {"alt_x_uln": 3.01}, F),
    ("I5", {"bilirubin_x_uln": 2}, T), ("I5", {"bilirubin_x_uln": 2.01}, F),
    ("I5", {"ast_x_uln": 8, "liver_values_explained_by_disease": "yes"}, T),
    ("I5", {"ast_x_uln": 8, "liver_values_explained_by_disease": "unsure"}, U),
    ("I5", {"ast_x_uln": ..., "liver_values_explained_by_disease": "yes"}, T),
    # (rev 2) a raised bilirubin is not waived by the family's word: the study team judges
    ("I5", {"bilirubin_x_uln": 3, "liver_values_explained_by_disease": "yes"}, F),
    ("I5", {"bilirubin_x_uln": 3, "bilirubin_explained_by_disease": "yes"}, U),
    ("I5", {"bilirubin_x_uln": 3, "bilirubin_explained_by_disease": "yes",
            "bilirubin_from_disease_accepted": "yes"}, T),
    ("I5", {"bilirubin_x_uln": 3, "bilirubin_explained_by_disease": "yes",
            "bilirubin_from_disease_accepted": "no"}, F),
    ("I5", {"ast_x_uln": 8, "liver_values_explained_by_disease": "yes",
            "bilirubin_x_uln": 2.01}, F),
    ("I5", {"spo2_percent": 92}, T), ("I5", {"spo2_percent": 91.9}, F),
    ("I5", {"spo2_percent": ...}, U),
    # I6
    ("I6", {"sex": "male", "can_become_pregnant": "unsure",
            "pregnancy_urine_test_negative": "no"}, T),
    ("I6", {"can_become_pregnant": "yes"}, T),
    ("I6", {"can_become_pregnant": "yes", "pregnancy_urine_test_negative": "no"}, F),
    ("I6", {"can_become_pregnant": "yes", "agrees_to_contraception": "no"}, F),
    ("I6", {"can_become_pregnant": "yes", "agrees_to_contraception": "unsure"}, U),
    ("I6", {"can_become_pregnant": "unsure", "agrees_to_contraception": "no"}, U),
    ("I6", {"sex": ..., "can_become_pregnant": "unsure", "agrees_to_contraception": "no"}, U),
    # I7
    ("I7", {"consent_willing": "yes"}, T), ("I7", {"consent_willing": "no"}, F),
    ("I7", {"consent_willing": "unsure"}, U),
    # E1
    ("E1", {"prior_cart": "yes", "prior_cart_risk_cleared": "no"}, T),
    ("E1", {"prior_cart": "yes", "prior_cart_risk_cleared": "yes"}, F),
    ("E1", {"prior_cart": "yes", "prior_cart_risk_cleared": ...}, U),
    ("E1", {"prior_cart": "unsure", "prior_cart_risk_cleared": ...}, U),
    ("E1", {"prior_cart": "no", "prior_cart_risk_cleared": ...}, F),
    # E2-E4, E6, E9, E11: one fact each
    *[(e, {fact: "yes"}, T) for e, fact in [
        ("E2", "immunodeficiency"), ("E3", "active_infection"), ("E4", "malignancy"),
        ("E6", "other_disease_needing_immunosuppression"),
        ("E9", "live_vaccine_within_4_weeks"), ("E11", "other_trial_within_3_months")]],
    *[(e, {fact: "unsure"}, U) for e, fact in [
        ("E2", "immunodeficiency"), ("E3", "active_infection"), ("E4", "malignancy"),
        ("E6", "other_disease_needing_immunosuppression"),
        ("E9", "live_vaccine_within_4_weeks"), ("E11", "other_trial_within_3_months")]],
    # E5: any of six
    *[("E5", {fact: "yes"}, T) for fact in [
        "congenital_heart_disease", "recent_myocardial_infarction", "severe_arrhythmia",
        "pericardial_effusion_moderate_or_large", "severe_myocarditis", "needs_vasopressors"]],
    ("E5", {"severe_myocarditis": "unsure"}, U), ("E5", {}, F),
    # E3 (rev 2): latent tuberculosis infection
    ("E3", {"latent_tb_infection": "yes"}, T), ("E3", {"latent_tb_infection": "unsure"}, U),
    # E7
    ("E7", {"transplant_within_3_months": "yes"}, T),
    ("E7", {"gvhd_grade2_within_2_weeks": "yes"}, T),
    ("E7", {"gvhd_grade2_within_2_weeks": "unsure"}, U),
    # E8: (HBsAg or HBcAb) and HBV DNA; HCV Ab and RNA; HIV; syphilis
    ("E8", {"hbsag_positive": "yes"}, F),
    ("E8", {"hbsag_positive": "yes", "hbv_dna_above_normal": "yes"}, T),
    ("E8", {"hbcab_positive": "yes", "hbv_dna_above_normal": "yes"}, T),
    ("E8", {"hbv_dna_above_normal": "yes"}, F),
    ("E8", {"hbcab_positive": "yes", "hbv_dna_above_normal": "unsure"}, U),
    ("E8", {"hcv_antibody_positive": "yes"}, F),
    ("E8", {"hcv_antibody_positive": "yes", "hcv_rna_above_normal": "yes"}, T),
    ("E8", {"hiv_positive": "yes"}, T), ("E8", {"syphilis_positive": "yes"}, T),
    ("E8", {"hiv_positive": "unsure"}, U),
    # E10
    ("E10", {"can_become_pregnant": "yes", "pregnancy_blood_test_positive": "yes"}, T),
    ("E10", {"sex": "male", "pregnancy_blood_test_positive": "yes"}, F),
    # (rev 2) a positive test counts whatever was said about periods
    ("E10", {"can_become_pregnant": "no", "pregnancy_blood_test_positive": "yes"}, T),
    ("E10", {"can_become_pregnant": "no", "pregnancy_urine_test_negative": "no"}, T),
    ("E10", {"can_become_pregnant": "yes", "pregnancy_urine_test_negative": "no"}, T),
    ("E10", {"sex": "male", "pregnancy_urine_test_negative": "no"}, F),
    ("E10", {"can_become_pregnant": "yes", "pregnancy_blood_test_positive": "unsure"}, U),
]


@pytest.mark.parametrize(("term", "changes", "expected"), CASES,
                         ids=[f"{t}-{i}" for i, (t, _c, _e) in enumerate(CASES)])
def test_term_at_boundary(term, changes, expected):
    outcome = outcome_for(with_changes(**changes))
    assert outcome.status(term) is expected


def test_baseline_is_likely_eligible():
    outcome = outcome_for(BASELINE)
    assert outcome.verdict == LIKELY_ELIGIBLE
    assert outcome.to_check_at_screening == ()
    assert outcome.to_find_out == ()


@pytest.mark.parametrize(("term", "changes", "expected"),
                         [c for c in CASES if c[0][0] != "E" and c[0] != "I4" and c[2] is False])
def test_a_failed_term_gives_likely_not_eligible(term, changes, expected):
    outcome = outcome_for(with_changes(**changes))
    assert outcome.verdict == LIKELY_NOT_ELIGIBLE
    assert term in outcome.blocking or term in ("I2", "I3")


@pytest.mark.parametrize("exclusion", [f"E{i}" for i in range(1, 12)])
def test_a_present_exclusion_gives_likely_not_eligible(exclusion):
    present = [c for c in CASES if c[0] == exclusion and c[2] is True]
    assert present
    for _term, changes, _ in present:
        outcome = outcome_for(with_changes(**changes))
        assert outcome.verdict == LIKELY_NOT_ELIGIBLE
        assert exclusion in outcome.blocking
