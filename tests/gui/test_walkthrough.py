"""Walking the questionnaire to each verdict, by keyboard alone and by mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from tests.gui.conftest import (
    FAVOURABLE,
    NOT_ELIGIBLE,
    POSSIBLY,
    choose_by_keyboard,
    press,
    tab_to,
)
from trialfinder.ui.answers import ChoiceAnswer, NumberAnswer
from trialfinder.ui.main_window import REVIEW, MainWindow
from trialfinder.ui.question_page import QuestionPage


def answer_page_by_keyboard(qtbot, page: QuestionPage, answers: dict) -> None:
    for card in page.visible_cards():
        value = answers.get(card.question.fact)
        if value is None or not card.isVisibleTo(page):  # hidden by an earlier answer
            continue
        widget = card.answer
        if isinstance(widget, ChoiceAnswer):
            choose_by_keyboard(qtbot, widget.buttons, value)
        elif isinstance(widget, NumberAnswer):
            edit = widget.fields[0].edit
            tab_to(qtbot, edit)
            qtbot.keyClicks(edit, value)


def answer_page_by_mouse(qtbot, page: QuestionPage, answers: dict) -> None:
    for card in page.visible_cards():
        value = answers.get(card.question.fact)
        if value is None or not card.isVisibleTo(page):  # hidden by an earlier answer
            continue
        widget = card.answer
        if isinstance(widget, ChoiceAnswer):
            qtbot.mouseClick(widget.buttons[value], Qt.MouseButton.LeftButton)
            assert widget.buttons[value].isChecked()
        elif isinstance(widget, NumberAnswer):
            edit = widget.fields[0].edit
            qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(edit, value)


def next_by_keyboard(qtbot, window: MainWindow) -> None:
    tab_to(qtbot, window.next_button)
    press(qtbot, Qt.Key.Key_Space)


def walk(qtbot, window: MainWindow, answers: dict, by: str) -> None:
    advance = (lambda: next_by_keyboard(qtbot, window)) if by == "keyboard" else (
        lambda: qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton))
    answer = answer_page_by_keyboard if by == "keyboard" else answer_page_by_mouse
    advance()  # welcome -> about
    assert window.current_name() == "about"
    advance()
    seen = 0
    while window.current_name() != REVIEW:
        page = window.stack.currentWidget()
        assert isinstance(page, QuestionPage), window.current_name()
        answer(qtbot, page, answers)
        advance()
        seen += 1
        assert seen < 40
    advance()  # review -> result
    assert window.current_name() == "result"


def texts(window: MainWindow, name: str) -> list[str]:
    """The visible labels of that name, with no-break spaces and hyphens read as plain."""
    page = window.stack.currentWidget()
    return [w.text().replace("\xa0", " ").replace("\u2011", "-")
            for w in page.findChildren(QLabel, name)
            if w.isVisibleTo(page)]


def group_of(window: MainWindow, criterion: str) -> str | None:
    """The group a criterion is shown in on the result screen ("against", "unknown",
    "fits"), or None when it is not shown."""
    page = window.stack.currentWidget()
    found = [w for w in page.findChildren(QFrame, f"criterion-{criterion}")
             if w.isVisibleTo(page)]
    return str(found[0].property("role")).removeprefix("card-") if found else None


def all_text(window: MainWindow) -> str:
    page = window.stack.currentWidget()
    return "\n".join(w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page))


def check_contact(window: MainWindow) -> None:
    text = all_text(window)
    assert "Children's Hospital Zhejiang University School of Medicine" in text
    assert "Hangzhou, Zhejiang, China" in text
    assert "This site is recruiting" in text
    # the registry's name once (it spells it two ways), the number never broken
    assert texts(window, "contact") == ["Lu Mei ping, M.D   +86 13685773988"]
    assert "NCT06686524" in texts(window, "ids")[0] and "PBC081" in texts(window, "ids")[0]
    # only the bundled record: never shown as current
    assert texts(window, "recruiting") == [
        "Last listed as recruiting on November 13, 2024 (2 years ago). Call the study team "
        "to check that it is still open."]
    assert "November 13, 2024" in texts(window, "record-date")[0]
    assert "Only the study team decides who can take part." in text


@pytest.mark.parametrize("by", ["keyboard", "mouse"])
def test_likely_eligible(qtbot, window, by):
    walk(qtbot, window, FAVOURABLE, by)
    assert texts(window, "verdict") == ["Likely eligible"]
    assert group_of(window, "I5") == "unknown"
    assert "if the tests at the screening visit are normal" in texts(window, "verdict-text")[0]
    check_list = texts(window, "to-check")[0]
    assert "Heart pumping strength (LVEF, from a heart ultrasound)" in check_list
    assert "Kidney function (eGFR)" in check_list
    for group in ("for_you", "ask_doctor", "study_team_decides"):
        assert texts(window, f"group-{group}") == []
    check_contact(window)
    assert window.outcome().verdict == "likely_eligible"


@pytest.mark.parametrize("by", ["keyboard", "mouse"])
def test_possibly_eligible(qtbot, window, by):
    walk(qtbot, window, POSSIBLY, by)
    assert texts(window, "verdict") == ["Possibly eligible"]
    # (rev 2) three groups, by who can answer, each item a question (never a bare label)
    assert texts(window, "group-for_you-heading") == ["Questions for you:"]
    assert texts(window, "group-for_you") == [
        "•  Would you be willing to sign the consent form, once the study team has explained "
        "everything?"]
    assert texts(window, "group-ask_doctor-heading") == ["Questions to ask your child's doctor:"]
    ask_doctor = texts(window, "group-ask_doctor")[0]
    assert "•  Did the disease get worse fast?" in ask_doctor
    assert "•  Does my child have calcium deposits (calcinosis)" in ask_doctor
    assert "Calcium deposits (calcinosis)" not in ask_doctor  # the bare label
    assert texts(window, "group-study_team_decides") == [
        "•  Will the study doctors judge the risks of the earlier CAR-T therapy to be gone?"]
    assert group_of(window, "I7") == "unknown"
    check_contact(window)


@pytest.mark.parametrize("by", ["keyboard", "mouse"])
def test_likely_not_eligible(qtbot, window, by):
    walk(qtbot, window, NOT_ELIGIBLE, by)
    assert texts(window, "verdict") == ["Likely not eligible"]
    text = all_text(window)
    assert "What stands in the way" in text
    assert "The study takes children who are 5 years old or older." in text
    assert "This can change: your child can be checked again after turning 5." in text
    assert "4 weeks after the vaccine, this no longer stands in the way." in text
    assert "If an answer was wrong, go back and change it." in text
    assert group_of(window, "I1") == "against"
    assert group_of(window, "E9") == "against"
    assert group_of(window, "E1") == "fits"
    assert group_of(window, "I4") is None  # the IMNM way, not the child's: never "Not met"
    assert "::" not in text and ": :" not in text
    # (rev 2) only time limits stand in the way: said so, and the date would say from when
    assert "Only a time limit stands in the way now." in text
    assert "If you give the date, we can tell you from which day" in text
    check_contact(window)
