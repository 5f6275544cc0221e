"""Criteria revision 2 (issue 10) through the screens: each finding walked by mouse from the
first page to the result, as a parent would, in English and in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.gui.conftest import FAVOURABLE
from trialfinder.ui.answers import (
    ChoiceAnswer,
    DateAnswer,
    EgfrAnswer,
    NumberAnswer,
    RatioAnswer,
)
from trialfinder.ui.main_window import REVIEW, MainWindow
from trialfinder.ui.question_page import QuestionPage
from trialfinder.ui.screenshots import VERDICT_ANSWERS


def answer_page(qtbot, page: QuestionPage, answers: dict) -> None:
    for card in page.visible_cards():
        value = answers.get(card.question.fact)
        if value is None:
            continue
        widget = card.answer
        if isinstance(widget, ChoiceAnswer):
            qtbot.mouseClick(widget.buttons[value], Qt.MouseButton.LeftButton)
            assert widget.buttons[value].isChecked()
        elif isinstance(widget, RatioAnswer | EgfrAnswer):
            for field, text in zip(widget.fields, value, strict=True):
                qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
                qtbot.keyClicks(field.edit, text)
        elif isinstance(widget, NumberAnswer):
            qtbot.mouseClick(widget.fields[0].edit, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(widget.fields[0].edit, value)
        elif isinstance(widget, DateAnswer):
            qtbot.mouseClick(widget.edit, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(widget.edit, value)


def walk(qtbot, window: MainWindow, answers: dict) -> str:
    """From the welcome screen to the result; returns all the result's visible text."""
    def advance():
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)

    advance()
    advance()
    seen = 0
    while window.current_name() != REVIEW:
        page = window.stack.currentWidget()
        assert isinstance(page, QuestionPage), window.current_name()
        answer_page(qtbot, page, answers)
        advance()
        seen += 1
        assert seen < 40
    advance()
    assert window.current_name() == "result"
    page = window.stack.currentWidget()
    return "\n".join(w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page))


def group(window: MainWindow, key: str) -> str:
    page = window.stack.currentWidget()
    found = [w.text().replace("\u2011", "-") for w in page.findChildren(QLabel, f"group-{key}")
             if w.isVisibleTo(page)]
    return found[0] if found else ""


def verdict(window: MainWindow) -> str:
    return window.stack.currentWidget().findChild(QLabel, "verdict").text()


RECENT = (dt.date.today() - dt.timedelta(days=10))
CLEARS = RECENT + dt.timedelta(days=28)

CASES = [
    # finding 1 and 9: a known latent TB infection counts
    ("latent_tb", {"latent_tb_infection": "yes"}, "Likely not eligible",
     ["What stands in the way", "Serious or active infection"]),
    # finding 2: the steroid dose, and IVIG
    ("steroid_dose", {"steroid_full_dose": "no"}, "Likely not eligible", []),
    ("mtx_and_ivig", {"immunosuppressants_failed": "1", "ivig_failed": "yes"},
     "Possibly eligible", []),
    # finding 3: bilirubin above 2x ULN, the AST/ALT answer does not waive it
    ("bilirubin", {"bilirubin_x_uln": ("50", "20"), "liver_values_explained_by_disease": "yes",
                   "bilirubin_explained_by_disease": "no"},
     "Likely not eligible",
     ["Total bilirubin compared with its upper limit: 2.5 times the upper limit is above 2 "
      "times the upper limit."]),
    # finding 4: a test that another answer points to is not assumed normal
    ("hbsag", {"hbsag_positive": "yes", "hbv_dna_above_normal": "unsure"},
     "Possibly eligible", []),
    ("heart", {"heart_involvement": "yes"}, "Possibly eligible", []),
    # finding 5: a positive urine test counts whatever was said about periods
    ("pregnancy", {"sex": "female", "can_become_pregnant": "no",
                   "pregnancy_urine_test_negative": "no"}, "Likely not eligible",
     ["What stands in the way", "Pregnancy"]),
    # finding 6: the organ list is open
    ("other_organ", {"rapid_progression": "no", "other_organ_involvement": "yes"},
     "Likely eligible", []),
    # finding 9: a known hepatitis B result counts
    ("hepatitis_b", {"hbsag_positive": "yes", "hbv_dna_above_normal": "yes"},
     "Likely not eligible", []),
    # a failed value is named
    ("egfr", {"egfr": ("100", "221")}, "Likely not eligible",
     ["Kidney function (eGFR): 16.52 mL/min/1.73 m² is below 30 mL/min/1.73 m²."]),
    # finding 3, the other way: put down to the disease, the study team judges
    ("bilirubin_team", {"bilirubin_x_uln": ("50", "20"), "bilirubin_explained_by_disease": "yes"},
     "Possibly eligible", []),
    # a time limit alone, with its date
    ("vaccine", {"live_vaccine_within_4_weeks": "yes",
                 "live_vaccine_date": RECENT.isoformat()}, "Likely not eligible",
     ["Only a time limit stands in the way now.",
      f"From {CLEARS:%B} {CLEARS.day}, {CLEARS.year}, this would no longer stand in the way."]),
]


@pytest.mark.parametrize(("name", "changes", "expected", "shown"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_finding_through_the_screens(qtbot, window, name, changes, expected, shown):
    text = walk(qtbot, window, {**FAVOURABLE, **changes})
    for fact, value in changes.items():  # each was asked on a screen and answered there
        if not isinstance(value, tuple):
            assert str(window.answers.get(fact)).removesuffix(".0") == value, fact
    assert verdict(window) == expected
    for words in shown:
        assert words in text, words
    if name == "mtx_and_ivig":
        assert group(window, "study_team_decides") == (
            "•  Will the study team count IVIG as one of the two immunosuppressants?")
    if name == "bilirubin_team":
        assert group(window, "study_team_decides") == (
            "•  Will the study team accept that the raised bilirubin comes from the myositis?")
    if name == "hbsag":
        assert group(window, "ask_doctor") == (
            "•  Was the hepatitis B virus DNA level above the normal range?")
    if name == "heart":
        assert "heart's pumping strength (LVEF)" in group(window, "ask_doctor")
        assert "heart tracing (ECG)" in group(window, "ask_doctor")


def test_the_three_groups_in_chinese(qtbot, window):
    window.set_language("zh_CN")
    walk(qtbot, window, {**FAVOURABLE, "consent_willing": "unsure", "prior_cart": "yes",
                         "steroid_full_dose": "unsure"})
    assert verdict(window) == "有可能符合条件"
    page = window.stack.currentWidget()
    headings = [w.text() for w in page.findChildren(QLabel) if w.objectName().endswith(
        "-heading") and w.objectName().startswith("group-")]
    assert headings == ["需要您回答的问题：", "可以问孩子主治医生的问题：", "由研究团队决定："]
    assert group(window, "for_you") == "•  在研究团队把一切讲清楚之后，您愿意签署知情同意书吗？"
    assert "激素是否曾用到每天每公斤约1到2毫克" in group(window, "ask_doctor")
    assert group(window, "study_team_decides") == (
        "•  研究医生会不会判断之前CAR-T治疗的风险已经消除？")


def test_a_date_that_is_not_a_date_gets_a_kind_message_and_nothing_is_lost(qtbot, window):
    window.answers.update({**VERDICT_ANSWERS["likely_eligible"],
                           "live_vaccine_within_4_weeks": "yes"})
    window.show_screen("recent")
    page = window.question_page("recent")
    card = next(c for c in page.visible_cards() if c.question.fact == "live_vaccine_date")
    qtbot.keyClicks(card.answer.edit, "next Tuesday")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "recent"
    assert card.answer.error.text() == (
        "Please write the date year first, like 2026-03-31, or leave it empty.")
    assert card.answer.edit.text() == "next Tuesday"
    card.answer.edit.setText("2026年1月5日")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.answers["live_vaccine_date"] == "2026-01-05"
