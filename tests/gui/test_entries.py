"""Bad entries get a kind message at the field and lose nothing; hidden pages stop counting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from trialfinder.ui.main_window import MainWindow


def go_to(window: MainWindow, page_id: str):
    window.show_screen(page_id)
    return window.question_page(page_id)


def test_invalid_number_shows_a_message_and_keeps_other_answers(qtbot, window):
    page = go_to(window, "child")
    age, sex = page.cards[0].answer, page.cards[1].answer
    qtbot.mouseClick(sex.buttons["female"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(age.fields[0].edit, "nine")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "child"  # stays, nothing lost
    error = age.fields[0].error
    assert error.isVisible()
    assert error.text() == "Please enter a number, like 3.5, using digits."
    assert age.fields[0].edit.text() == "nine"
    assert age.fields[0].edit.accessibleDescription() == error.text()
    assert window.answers["sex"] == "female"
    assert sex.buttons["female"].isChecked()

    age.fields[0].edit.clear()
    qtbot.keyClicks(age.fields[0].edit, "130")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "child"
    assert "from 0 to 120 years" in error.text()

    age.fields[0].edit.clear()
    ime = QInputMethodEvent("", [])
    ime.setCommitString("１２")  # full-width digits, as a Chinese input method commits them
    QApplication.sendEvent(age.fields[0].edit, ime)
    assert not error.isVisible()  # the message goes as soon as the entry is right
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "diagnosis"
    assert window.answers["age_years"] == 12
    assert window.answers["sex"] == "female"


def test_the_message_is_in_the_users_language(qtbot, window):
    window.set_language("zh_CN")
    page = go_to(window, "treatment")
    count = next(c for c in page.cards if c.question.fact == "immunosuppressants_failed").answer
    qtbot.keyClicks(count.fields[0].edit, "2.5")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert count.fields[0].error.text() == "请输入0到20之间的整数。"


def test_back_keeps_an_unfinished_entry(qtbot, window):
    window.answers["imnm_diagnosis"] = "no"  # so the antibody page is not shown
    page = go_to(window, "treatment")
    edit = page.cards[0].answer.fields[0].edit
    qtbot.keyClicks(edit, "abc")
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "diagnosis"
    window.go_next()
    assert window.current_name() == "treatment"
    assert edit.text() == "abc"


def test_lab_pair_shows_the_ratio_and_needs_both_numbers(qtbot, window):
    page = go_to(window, "liver_tests")
    ast = page.cards[0].answer
    qtbot.keyClicks(ast.value.edit, "140")
    qtbot.keyClicks(ast.upper.edit, "40")
    assert ast.computed.isVisible()
    assert ast.computed.text() == "About 3.5 times the upper limit of normal."
    ast.upper.edit.clear()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "liver_tests"
    assert "both numbers" in ast.upper.error.text()
    qtbot.keyClicks(ast.upper.edit, "40")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert (window.answers["ast_value"], window.answers["ast_uln"]) == (140, 40)
    assert window.outcome().values["ast_x_uln"] == 3.5


def test_height_and_creatinine_in_either_unit(qtbot, window):
    page = go_to(window, "kidney_tests")
    egfr = page.cards[0].answer
    qtbot.keyClicks(egfr.height.edit, "130")
    qtbot.keyClicks(egfr.creatinine.edit, "0.5")
    assert not egfr.computed.isVisible() or "eGFR" in egfr.computed.text()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    # 0.5 umol/L is below the range for umol/L: the message says so, kindly, at the field
    assert window.current_name() == "kidney_tests"
    assert "µmol/L" in egfr.creatinine.error.text()
    egfr.unit.setCurrentIndex(1)  # mg/dL
    assert egfr.computed.text() == "Estimated kidney function (eGFR): about 107 mL/min/1.73 m²."
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "liver_tests"
    assert window.answers["creatinine_mg_dl"] == 0.5
    assert "creatinine_umol_l" not in window.answers
    assert round(window.outcome().values["egfr"], 1) == round(0.413 * 130 / 0.5, 1)


def test_not_sure_on_numbers_counts_as_unknown(qtbot, window):
    page = go_to(window, "heart_tests")
    lvef = page.cards[0].answer
    qtbot.keyClicks(lvef.fields[0].edit, "40")
    qtbot.mouseClick(lvef.unsure, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.answers["lvef_percent"] == "unsure"
    assert "lvef_percent" not in window.outcome().values
    assert "lvef_percent" in window.outcome().to_check_at_screening


def test_hiding_a_page_drops_its_facts_from_the_verdict(qtbot, window):
    window.answers.update({"muscle_weakness_persistent": "yes"})
    page = go_to(window, "muscle_tests")
    qtbot.keyClicks(page.cards[1].answer.fields[0].edit, "40")
    window.go_next()
    assert window.answers["cmas_score"] == 40
    assert window.outcome().values.get("cmas_score") == 40
    symptoms = go_to(window, "symptoms")
    weakness = symptoms.cards[3].answer
    qtbot.mouseClick(weakness.buttons["no"], Qt.MouseButton.LeftButton)
    assert "muscle_tests" not in window.sequence()
    assert "cmas_score" not in window.outcome().values
    assert "cmas_score" not in window.questionnaire.counted_answers(window.answers)
    # "Not sure" is never "no": the muscle pages come back
    qtbot.mouseClick(weakness.buttons["unsure"], Qt.MouseButton.LeftButton)
    assert "muscle_tests" in window.sequence()


def test_a_question_hides_on_its_own_page(qtbot, window):
    page = go_to(window, "child")
    periods = page.cards[2]
    qtbot.mouseClick(page.cards[1].answer.buttons["female"], Qt.MouseButton.LeftButton)
    assert periods.isVisibleTo(window)
    qtbot.mouseClick(periods.answer.buttons["yes"], Qt.MouseButton.LeftButton)
    assert "pregnancy" in window.sequence()
    qtbot.mouseClick(page.cards[1].answer.buttons["male"], Qt.MouseButton.LeftButton)
    assert not periods.isVisibleTo(window)
    assert "pregnancy" not in window.sequence()
    assert "can_become_pregnant" not in window.questionnaire.counted_answers(window.answers)


def test_review_lists_answers_and_change_goes_back(qtbot, window):
    window.answers.update({"age_years": 7, "sex": "male", "lvef_percent": "unsure"})
    window.show_screen("review")
    review = window.stack.currentWidget()
    labels = {w.objectName(): w.text() for w in review.findChildren(type(review.title))}
    assert labels["review-answer-age_years"] == "7 years"
    assert labels["review-answer-sex"] == "Boy"
    assert labels["review-answer-lvef_percent"] == "Not sure"
    assert labels["review-answer-calcinosis"] == "Not answered"
    change = next(b for b in review.change_buttons if b.objectName() == "change-calcinosis")
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    assert window.current_name() == "symptoms"
    assert window.review_button.isVisible()


def test_the_urine_pregnancy_question_asks_positive_and_yes_means_positive(qtbot, window):
    """Both pregnancy questions are asked as "positive?"; "Yes" on the urine test's question
    stores the fact "the urine test was negative" as no."""
    from PySide6.QtCore import Qt

    window.answers.update({"sex": "female", "can_become_pregnant": "yes"})
    window.show_screen("pregnancy")
    page = window.stack.currentWidget()
    card = next(c for c in page.visible_cards()
                if c.question.fact == "pregnancy_urine_test_negative")
    buttons = card.answer.buttons
    assert [b.text() for b in buttons.values()] == ["Yes", "No", "Not sure"]
    assert buttons["no"].text() == "Yes"  # the button that sets "not negative" says Yes
    qtbot.mouseClick(buttons["no"], Qt.MouseButton.LeftButton)
    window.show_screen("review")
    assert window.answers["pregnancy_urine_test_negative"] == "no"
    assert window.outcome().terms["E10"] is True


def test_a_number_that_is_not_whole_is_not_counted_while_typing(qtbot, window):
    """What a page counts as typed so far is what it would store: 2.5 for a count of medicines
    is not (so that nothing reads it as an answer before the message is shown)."""
    page = go_to(window, "treatment")
    count = next(c for c in page.cards if c.question.fact == "immunosuppressants_failed").answer
    qtbot.keyClicks(count.fields[0].edit, "2.5")
    assert count.quiet_values() == {}
    assert "immunosuppressants_failed" not in page.typed()
    count.fields[0].edit.clear()
    qtbot.keyClicks(count.fields[0].edit, "2")
    assert count.quiet_values() == {"immunosuppressants_failed": 2}


def test_the_computed_egfr_is_the_verdicts(qtbot, window):
    page = go_to(window, "kidney_tests")
    egfr = page.cards[0].answer
    qtbot.keyClicks(egfr.height.edit, "141")
    qtbot.keyClicks(egfr.creatinine.edit, "61")  # µmol/L
    assert egfr.computed.isVisible()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "liver_tests"
    value = window.outcome().values["egfr"]
    assert value == pytest.approx(0.413 * 141 / (61 / 88.4))
    assert egfr.computed.text() == (
        f"Estimated kidney function (eGFR): about {round(value)} mL/min/1.73 m².")
