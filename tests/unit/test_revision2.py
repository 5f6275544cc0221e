"""Criteria revision 2 (issue 10): each finding of the two clinical readings, through the
`evaluate` command run as a real process, as a family or a volunteer would use it.

Every case here gave another verdict (or was refused) before revision 2.
"""

import datetime as dt
import json
import re

import pytest

from tests.unit.screening_cases import with_changes
from tests.unit.test_cli import run
from trialfinder.screening.questionnaire import load_pages
from trialfinder.screening.screener import load_screener

SCREENER = load_screener()


def evaluate(answers: dict) -> dict:
    result = run("evaluate", "-", "--format", "json", stdin=json.dumps(answers))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def evaluate_text(answers: dict, lang: str = "en") -> str:
    result = run("evaluate", "-", "--lang", lang, stdin=json.dumps(answers))
    assert result.returncode == 0, result.stderr
    return result.stdout


# Finding 1: latent tuberculosis is asked, and excludes.
def test_finding1_latent_tb_excludes():
    out = evaluate(with_changes(latent_tb_infection="yes"))
    assert out["verdict"] == "likely_not_eligible"
    assert out["criteria"]["E3"] == "present"


def test_finding1_latent_tb_unknown_is_checked_at_screening():
    out = evaluate(with_changes(latent_tb_infection="unsure"))
    assert out["verdict"] == "likely_eligible"
    assert out["to_check_at_screening"] == ["latent_tb_infection"]


# Finding 2: the steroid dose is a rule, and IVIG is not an immunosuppressant on its own.
def test_finding2_steroids_below_the_full_dose_are_not_refractory():
    out = evaluate(with_changes(steroid_full_dose="no"))
    assert out["verdict"] == "likely_not_eligible"
    assert out["criteria"]["I3"] == "not_met"


def test_finding2_unknown_steroid_dose_is_a_question_for_the_doctor():
    out = evaluate(with_changes(steroid_full_dose=...))
    assert out["verdict"] == "possibly_eligible"
    assert out["ask_doctor"] == ["steroid_full_dose"]
    assert "1-2 mg per kg a day" in out["questions"]["steroid_full_dose"]


def test_finding2_methotrexate_and_ivig_is_for_the_study_team():
    out = evaluate(with_changes(immunosuppressants_failed=1, ivig_failed="yes"))
    assert out["verdict"] == "possibly_eligible"
    assert out["study_team_decides"] == ["ivig_counts_as_immunosuppressant"]
    assert out["for_you"] == [] and out["ask_doctor"] == []


def test_finding2_one_immunosuppressant_without_ivig_is_not_enough():
    out = evaluate(with_changes(immunosuppressants_failed=1, ivig_failed="no"))
    assert out["verdict"] == "likely_not_eligible"


# Finding 3: a raised bilirubin is not waived by the family's word.
def test_finding3_bilirubin_is_not_waived_by_the_liver_answer():
    out = evaluate(with_changes(bilirubin_x_uln=2.5, liver_values_explained_by_disease="yes"))
    assert out["verdict"] == "likely_not_eligible"
    assert out["criteria"]["I5"] == "not_met"


def test_finding3_bilirubin_put_down_to_the_disease_is_for_the_study_team():
    out = evaluate(with_changes(bilirubin_x_uln=2.5, bilirubin_explained_by_disease="yes"))
    assert out["verdict"] == "possibly_eligible"
    assert out["study_team_decides"] == ["bilirubin_from_disease_accepted"]


# Finding 4: step 2 does not assume a test normal when another answer points to it.
@pytest.mark.parametrize(("changes", "held"), [
    ({"hbsag_positive": "yes", "hbv_dna_above_normal": ...}, ["hbv_dna_above_normal"]),
    ({"hbcab_positive": "yes", "hbv_dna_above_normal": "unsure"}, ["hbv_dna_above_normal"]),
    ({"hbv_dna_above_normal": "yes", "hbsag_positive": ..., "hbcab_positive": ...},
     ["hbsag_positive", "hbcab_positive"]),
    ({"hcv_antibody_positive": "yes", "hcv_rna_above_normal": ...}, ["hcv_rna_above_normal"]),
    ({"hcv_rna_above_normal": "yes", "hcv_antibody_positive": ...}, ["hcv_antibody_positive"]),
    ({"heart_involvement": "yes", "lvef_percent": ..., "ecg_significant_abnormality": ...},
     ["lvef_percent", "ecg_significant_abnormality"]),
    ({"lung_involvement": "yes", "spo2_percent": ...}, ["spo2_percent"]),
])
def test_finding4_a_test_pointed_to_is_not_assumed_normal(changes, held):
    out = evaluate(with_changes(**changes))
    assert out["verdict"] == "possibly_eligible"
    assert out["ask_doctor"] == held
    assert all(out["questions"][f].endswith("?") for f in held)


def test_finding4_without_a_pointer_the_tests_are_still_assumed_normal():
    out = evaluate(with_changes(hbsag_positive=..., hbv_dna_above_normal=..., lvef_percent=...,
                                spo2_percent=...))
    assert out["verdict"] == "likely_eligible"


# Finding 5: E10 counts a positive pregnancy test whatever was said about periods.
@pytest.mark.parametrize("changes", [
    {"can_become_pregnant": "no", "pregnancy_urine_test_negative": "no"},
    {"can_become_pregnant": "no", "pregnancy_blood_test_positive": "yes"},
    {"can_become_pregnant": "unsure", "pregnancy_urine_test_negative": "no"},
])
def test_finding5_a_positive_pregnancy_test_excludes(changes):
    out = evaluate(with_changes(**changes))
    assert out["verdict"] == "likely_not_eligible"
    assert out["criteria"]["E10"] == "present"


def test_finding5_no_pregnancy_tests_listed_for_a_girl_without_periods():
    out = evaluate(with_changes(pregnancy_urine_test_negative=...,
                                pregnancy_blood_test_positive=...))
    assert out["verdict"] == "likely_eligible"
    assert out["to_check_at_screening"] == []


# Finding 6: not stricter than the registry.
def test_finding6_a_ppd_only_positive_is_not_sure_and_does_not_exclude():
    question = next(q for p in load_pages(SCREENER) for q in p.questions
                    if q.fact == "latent_tb_infection")
    assert "PPD" in question.help and "Not sure" in question.help
    out = evaluate(with_changes(latent_tb_infection="unsure"))
    assert out["verdict"] == "likely_eligible"


def test_finding6_pulses_capped_dose_and_intolerance_count_as_the_full_dose():
    question = next(q for p in load_pages(SCREENER) for q in p.questions
                    if q.fact == "steroid_full_dose")
    for words in ("1 to 2 mg", "60 mg", "methylprednisolone", "side effects"):
        assert words in question.help


def test_finding6_the_organ_list_is_open():
    out = evaluate(with_changes(rapid_progression="no", other_organ_involvement="yes"))
    assert out["verdict"] == "likely_eligible"
    out = evaluate(with_changes(rapid_progression="no", gut_involvement="yes"))
    assert out["verdict"] == "likely_eligible"


# Finding 7: unknowns are grouped by who can answer them, each as a question.
def test_finding7_consent_contraception_ptga_and_earlier_cart_are_not_for_the_doctor():
    answers = with_changes(consent_willing="unsure", can_become_pregnant="yes",
                           agrees_to_contraception="unsure", prior_cart="yes",
                           prior_cart_risk_cleared=...)
    out = evaluate(answers)
    assert out["verdict"] == "possibly_eligible"
    assert out["for_you"] == ["agrees_to_contraception", "consent_willing"]
    assert out["study_team_decides"] == ["prior_cart_risk_cleared"]
    assert out["ask_doctor"] == []
    text = evaluate_text(answers)
    assert "Questions for you:" in text and "What the study team decides:" in text
    assert "Would you be willing to sign the consent form" in text
    assert "Willingness to sign the consent form" not in text  # the bare label


def test_finding7_the_groups_in_chinese():
    answers = with_changes(consent_willing="unsure", prior_cart="yes",
                           prior_cart_risk_cleared=..., steroid_full_dose=...)
    text = evaluate_text(answers, "zh_CN")
    assert "需要您回答的问题：" in text
    assert "可以问孩子主治医生的问题：" in text
    assert "由研究团队决定：" in text
    assert "Would you" not in text


# Finding 8: two values for one quantity must agree.
@pytest.mark.parametrize(("changes", "named"), [
    ({"egfr": ..., "height_cm": 130, "creatinine_umol_l": 40, "creatinine_mg_dl": 3.0},
     ("40", "3")),
    ({"egfr": 100, "height_cm": 130, "creatinine_mg_dl": 2.0}, ("100", "26.8")),
])
@pytest.mark.parametrize("command", ["evaluate", "summary"])
def test_finding8_disagreeing_values_are_bad_input(tmp_path, changes, named, command):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(with_changes(**changes)), encoding="utf-8")
    args = ["evaluate", str(path)] if command == "evaluate" else [
        "summary", str(path), "--out", str(tmp_path / "s.pdf")]
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert all(value in lines[0] for value in named), lines[0]
    assert not (tmp_path / "s.pdf").exists()


def test_finding8_values_within_5_percent_agree():
    # 40 µmol/L is 0.4525 mg/dL
    out = evaluate(with_changes(egfr=..., height_cm=130, creatinine_umol_l=40,
                                creatinine_mg_dl=0.44))
    assert out["verdict"] == "likely_eligible"
    out = evaluate(with_changes(egfr=52, height_cm=130, creatinine_mg_dl=1.0))  # 53.7
    assert out["verdict"] == "likely_eligible"


# Finding 9: a screening test the family knows is asked, and a positive result counts.
def test_finding9_every_fact_but_the_study_teams_is_asked():
    asked = {f for p in load_pages(SCREENER) for q in p.questions
             for f in (q.fact, *q.answer_facts)}
    for name, spec in SCREENER.facts.items():
        if spec.role == "fact" and spec.source != "study_team":
            assert name in asked, name
        if spec.source == "study_team":
            assert name not in asked, name


@pytest.mark.parametrize("changes", [
    {"latent_tb_infection": "yes"},
    {"hbsag_positive": "yes", "hbv_dna_above_normal": "yes"},
])
def test_finding9_a_known_positive_screening_test_counts(changes):
    assert evaluate(with_changes(**changes))["verdict"] == "likely_not_eligible"


# Failure reasons name the value; time limits say from when.
def test_a_failed_value_is_named():
    out = evaluate(with_changes(egfr=25))
    assert out["failed_values"] == {"I5": [{"fact": "egfr", "value": 25, "rule": ">= 30"}]}
    text = evaluate_text(with_changes(egfr=25))
    assert "Kidney function (eGFR): 25 mL/min/1.73 m² is below 30 mL/min/1.73 m²." in text
    zh = "肾功能（估算肾小球滤过率eGFR）：25 mL/min/1.73 m²，低于30 mL/min/1.73 m²。"
    assert zh in evaluate_text(with_changes(egfr=25), "zh_CN")


def test_a_time_limit_alone_says_from_which_date():
    recent = dt.date.today() - dt.timedelta(days=10)
    out = evaluate(with_changes(live_vaccine_within_4_weeks="yes",
                                live_vaccine_date=recent.isoformat()))
    assert out["verdict"] == "likely_not_eligible"
    assert out["time_limit_only"] is True
    clears = recent + dt.timedelta(days=28)
    assert out["no_longer_in_the_way_from"] == {"E9": clears.isoformat()}
    text = evaluate_text(with_changes(live_vaccine_within_4_weeks="yes",
                                      live_vaccine_date=recent.isoformat()))
    assert "Only a time limit stands in the way now." in text
    assert f"From {clears.strftime('%B')} {clears.day}, {clears.year}, this would no longer" in text


def test_a_time_limit_without_a_date_asks_for_it():
    text = evaluate_text(with_changes(age_years=4))
    assert "If you give the date, we can tell you" in text
    out = evaluate(with_changes(age_years=4, birth_date="2022-03-31"))
    assert out["no_longer_in_the_way_from"] == {"I1": "2027-03-31"}


def test_a_time_limit_beside_another_reason_is_not_alone():
    out = evaluate(with_changes(live_vaccine_within_4_weeks="yes", malignancy="yes"))
    assert out["time_limit_only"] is False


@pytest.mark.parametrize("value", ["2999-01-01", "31/12/2025", "yesterday", 20250101])
def test_a_bad_date_is_bad_input(value):
    result = run("evaluate", "-", stdin=json.dumps({"live_vaccine_date": value}))
    assert result.returncode == 2
    assert "live_vaccine_date" in result.stderr and "2026-03-31" in result.stderr


# Each finding through the summary PDF (the `summary` command, as the app writes it).
PDF_CASES = [
    ("latent_tb", {"latent_tb_infection": "yes"}, "Likelynoteligible"),
    ("steroid_dose", {"steroid_full_dose": "no"}, "Likelynoteligible"),
    ("mtx_and_ivig", {"immunosuppressants_failed": 1, "ivig_failed": "yes"},
     "Possiblyeligible"),
    ("bilirubin", {"bilirubin_x_uln": ..., "bilirubin_value": 50, "bilirubin_uln": 20,
                   "liver_values_explained_by_disease": "yes"}, "Likelynoteligible"),
    ("hbsag", {"hbsag_positive": "yes", "hbv_dna_above_normal": "unsure"}, "Possiblyeligible"),
    ("heart", {"heart_involvement": "yes", "lvef_percent": ...}, "Possiblyeligible"),
    ("pregnancy", {"can_become_pregnant": "no", "pregnancy_urine_test_negative": "no"},
     "Likelynoteligible"),
    ("other_organ", {"rapid_progression": "no", "other_organ_involvement": "yes"},
     "Likelyeligible"),
    ("hepatitis_b", {"hbsag_positive": "yes", "hbv_dna_above_normal": "yes"},
     "Likelynoteligible"),
]


@pytest.mark.parametrize(("name", "changes", "expected"), PDF_CASES,
                         ids=[c[0] for c in PDF_CASES])
def test_each_finding_through_the_summary_pdf(tmp_path, name, changes, expected):
    from tests.unit.test_summary import pdf_text

    source = tmp_path / "facts.json"
    source.write_text(json.dumps(with_changes(**changes)), encoding="utf-8")
    out = tmp_path / "s.pdf"
    result = run("summary", str(source), "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    verdicts = re.findall(r"(Likelynoteligible|Possiblyeligible|Likelyeligible)", text)
    assert verdicts[0] == expected
    if name == "mtx_and_ivig":
        assert "Whatthestudyteamdecides:" in text
        assert "WillthestudyteamcountIVIGasoneofthetwoimmunosuppressants?" in text
    if name == "bilirubin":
        assert "2.5timestheupperlimitisabove2timestheupperlimit." in text


def test_the_summary_pdf_carries_the_groups_and_the_short_about_in_chinese(tmp_path):
    from tests.unit.test_summary import pdf_text

    source = tmp_path / "facts.json"
    source.write_text(json.dumps(with_changes(consent_willing="unsure", prior_cart="yes",
                                              prior_cart_risk_cleared=...,
                                              steroid_full_dose="unsure")), encoding="utf-8")
    out = tmp_path / "s.pdf"
    assert run("summary", str(source), "--out", str(out), "--lang", "zh_CN").returncode == 0
    text = pdf_text(out)
    for words in ("需要您回答的问题：", "可以问孩子主治医生的问题：", "由研究团队决定：",
                  "研究简介", "淋巴细胞清除化疗", "1000万", "细胞因子释放综合征（CRS）",
                  "移植物抗宿主病", "9到18名孩子", "输注后满一年"):
        assert words in text, words
    assert "回输" not in text
