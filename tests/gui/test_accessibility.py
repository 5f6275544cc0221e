"""Keyboard reach, accessible names, target sizes, contrast and text scaling on every screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from tests.gui.conftest import press
from trialfinder.ui.main_window import ABOUT, RESULT, REVIEW, WELCOME, MainWindow
from trialfinder.ui.screenshots import SHOW_ALL, VERDICT_ANSWERS
from trialfinder.ui.theme import CONTRAST_PAIRS, contrast_ratio

CONTROLS = (QAbstractButton, QLineEdit, QComboBox)


def every_screen(window: MainWindow):
    """Show each screen in turn (all question pages shown), yielding its name."""
    for name in (WELCOME, ABOUT):
        window.show_screen(name)
        yield name
    window.answers.update(SHOW_ALL)
    for page in window.questionnaire.pages:
        window.show_screen(page.id)
        yield page.id
    window.show_screen(REVIEW)
    yield REVIEW
    for verdict, answers in VERDICT_ANSWERS.items():
        window.answers.clear()
        window.answers.update(answers)
        window.show_screen(RESULT)
        yield f"result-{verdict}"


def visible_controls(window: MainWindow) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(window) and w.isEnabled()]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_control_has_an_accessible_name_and_a_large_target(window, lang):
    window.set_language(lang)
    for name in every_screen(window):
        QApplication.processEvents()
        for control in visible_controls(window):
            assert control.accessibleName().strip(), (name, control.objectName(), control)
            if not isinstance(control, QRadioButton):
                # a radio group is one tab stop; arrow keys move inside it (walkthrough tests)
                assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, (
                    name, control.objectName())
            size = control.size()
            assert size.height() >= 44, (name, control.objectName(), size)
            assert size.width() >= 44, (name, control.objectName(), size)


def test_tab_reaches_every_control_on_a_question_page_in_order(qtbot, window):
    window.answers.update(SHOW_ALL)
    window.show_screen("liver_tests")
    controls = [c for c in visible_controls(window)]
    reached: list[QWidget] = []
    for _ in range(len(controls) * 3):
        widget = QApplication.focusWidget()
        if widget not in reached:
            reached.append(widget)
        press(qtbot, Qt.Key.Key_Tab)
    missing = [c.objectName() or type(c).__name__ for c in controls if c not in reached]
    # Radio buttons of one group share a single tab stop (arrow keys move inside it).
    missing = [m for m in missing if "-" not in m or m.rsplit("-", 1)[1] not in ("no", "unsure")]
    assert missing == []
    page = window.stack.currentWidget()
    first_card_edit = page.cards[0].answer.fields[0].edit
    # the page starts at its first answer, and content comes before the navigation buttons
    assert reached[0] is first_card_edit
    assert reached.index(window.next_button) > reached.index(first_card_edit)


@pytest.mark.parametrize("pair", list(CONTRAST_PAIRS))
def test_text_contrast_is_at_least_4_5(pair):
    foreground, background = CONTRAST_PAIRS[pair]
    assert contrast_ratio(foreground, background) >= 4.5


def test_contrast_formula_against_known_values():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48


def test_ctrl_plus_and_minus_scale_the_text(qtbot, window):
    title = window.screens[WELCOME].title
    before = title.fontInfo().pointSizeF()
    body = QApplication.font().pointSizeF()
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert QApplication.font().pointSizeF() == pytest.approx(body * 1.5)
    assert title.fontInfo().pointSizeF() > before * 1.3
    press(qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(body * 1.25)
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(body)


@pytest.mark.slow
def test_at_double_text_size_labels_wrap_instead_of_clipping(qtbot, window):
    window.text_scale.set_scale(2.0)
    try:
        for name in every_screen(window):
            for _ in range(3):  # let nested height-for-width layouts settle
                QApplication.processEvents()
            page = window.stack.currentWidget()
            width = page.scroll.viewport().width()
            assert page.content.width() <= width + 1, name  # no sideways scrolling
            for text in page.findChildren(QLabel):
                if text.isVisibleTo(page) and text.text():
                    assert text.width() <= width, (name, text.text()[:30])
                    if text.wordWrap():
                        assert text.height() >= text.heightForWidth(text.width()) - 1, (
                            name, text.text()[:30])
    finally:
        window.text_scale.set_scale(1.0)


def test_focus_is_visible(window):
    sheet = QApplication.instance().styleSheet()
    for kind in ("QPushButton:focus", "QRadioButton:focus", "QLineEdit:focus"):
        assert kind in sheet
