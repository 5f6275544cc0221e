"""Questions by keyboard and at large text (issue 12): Tab order of a number and its
"Not sure", Enter on the focused button, a focus outline that never covers the text, marks and
targets that grow with the text, "CAR-T" on one line, messages that follow the language, and a
window that fits a 1366x768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from tests.gui.conftest import press
from trialfinder.ui.common import NON_BREAKING_HYPHEN, no_break
from trialfinder.ui.screenshots import SHOW_ALL
from trialfinder.ui.theme import FOCUS


def tab_sequence(qtbot, start: QWidget, count: int) -> list[QWidget]:
    start.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(count - 1):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_the_number_comes_before_its_not_sure_box_in_tab_order(qtbot, window):
    window.answers.update(SHOW_ALL)
    window.show_screen("liver_tests")
    page = window.stack.currentWidget()
    card = next(c for c in page.visible_cards() if c.question.kind == "ratio")
    answer = card.answer
    first = answer.fields[0].edit
    order = tab_sequence(qtbot, first, 3)
    assert order == [first, answer.fields[1].edit, answer.unsure]
    # Shift+Tab from "Not sure" goes back to the last number, not somewhere else
    answer.unsure.setFocus()
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is answer.fields[1].edit
    # ticking "Not sure" greys the numbers out; unticking brings back the very same order
    answer.unsure.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert answer.unsure.isChecked()
    after = tab_sequence(qtbot, answer.unsure, 2)
    assert after[0] is answer.unsure and after[1] is order_after(qtbot, answer.unsure)
    press(qtbot, Qt.Key.Key_Backtab)
    answer.unsure.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not answer.unsure.isChecked()
    assert tab_sequence(qtbot, first, 3) == order


def order_after(qtbot, widget: QWidget) -> QWidget:
    widget.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    found = QApplication.focusWidget()
    widget.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    return found


def test_the_kidney_question_tabs_height_creatinine_unit_then_not_sure(qtbot, window):
    window.answers.update(SHOW_ALL)
    page_id = next(p.id for p in window.questionnaire.pages
                   if any(q.kind == "egfr" for q in p.questions))
    window.show_screen(page_id)
    card = next(c for c in window.stack.currentWidget().visible_cards()
                if c.question.kind == "egfr")
    answer = card.answer
    order = tab_sequence(qtbot, answer.height.edit, 4)
    assert order == [answer.height.edit, answer.creatinine.edit, answer.unit, answer.unsure]


def test_enter_presses_the_focused_button(qtbot, window):
    window.next_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_name() == "about"
    window.back_button.setFocus()
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.current_name() == "welcome"


def focus_pixels_inside(widget: QWidget, inset: int) -> int:
    """Pixels of the focus colour further than ``inset`` px inside the widget's edge."""
    image = widget.grab().toImage()
    focus = QColor(FOCUS)
    count = 0
    for y in range(inset, image.height() - inset):
        for x in range(inset, image.width() - inset):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - focus.red()) + abs(pixel.green() - focus.green())
                    + abs(pixel.blue() - focus.blue())) < 40:
                count += 1
    return count


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_focus_outline_is_at_the_edge_never_over_the_text(qtbot, window, scale):
    window.text_scale.set_scale(scale)
    try:
        window.answers.update(SHOW_ALL)
        window.show_screen("child")
        page = window.stack.currentWidget()
        widgets: list[QWidget] = [window.next_button, page.cards[0].answer.fields[0].edit,
                                  page.cards[0].answer.unsure]
        sex = next(c for c in page.visible_cards() if c.question.fact == "sex").answer
        widgets.append(sex.buttons["female"])
        for widget in widgets:
            widget.setFocus()
            QApplication.processEvents()
            assert widget.hasFocus()
            border = focus_pixels_inside(widget, 0)
            assert border > 0, widget.objectName()  # the outline is there ...
            assert focus_pixels_inside(widget, 5) == 0, widget.objectName()  # ... at the edge
            # and the text has room: the focused control is not smaller than it needs
            assert widget.width() >= widget.sizeHint().width() or isinstance(widget, QLineEdit)
    finally:
        window.text_scale.set_scale(1.0)


def indicator_size(widget: QRadioButton | QCheckBox) -> int:
    option = QStyleOptionButton()
    widget.initStyleOption(option) if hasattr(widget, "initStyleOption") else None
    option.initFrom(widget)
    element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(widget, QRadioButton)
               else QStyle.SubElement.SE_CheckBoxIndicator)
    return widget.style().subElementRect(element, option, widget).height()


def test_at_200_percent_marks_padding_and_targets_grow_with_the_text(qtbot, window):
    window.answers.update(SHOW_ALL)
    window.show_screen("child")
    page = window.stack.currentWidget()
    radio = next(c for c in page.visible_cards() if c.question.fact == "sex").answer.buttons[
        "female"]
    box = page.cards[0].answer.unsure
    sizes = {}
    for scale in (1.0, 2.0):
        window.text_scale.set_scale(scale)
        QApplication.processEvents()
        sizes[scale] = (indicator_size(radio), indicator_size(box), radio.height(),
                        window.next_button.height(), window.next_button.sizeHint().width())
    window.text_scale.set_scale(1.0)
    small, large = sizes[1.0], sizes[2.0]
    assert large[0] >= 1.8 * small[0] and large[1] >= 1.8 * small[1]  # the marks
    assert large[2] >= 1.8 * small[2]  # the radio button's target
    assert large[3] >= 1.8 * small[3]  # a button's height
    assert large[4] >= 1.8 * small[4]  # its width: text and padding


def test_a_ticked_box_shows_a_mark_not_only_a_colour(qtbot, window):
    window.show_screen("child")
    box = window.stack.currentWidget().cards[0].answer.unsure
    before = box.grab().toImage()
    box.setChecked(True)
    QApplication.processEvents()
    after = box.grab().toImage()
    side = indicator_size(box)
    top = (box.height() - side) // 2
    left = box.contentsRect().left() + 12
    whites = sum(1 for y in range(top, top + side) for x in range(left, left + side)
                 if after.pixelColor(x, y).lightness() > 200)
    assert whites > 5, "a white tick on the blue box"
    assert before != after


def lines_of(text: str, width: int) -> list[str]:
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_car_t_never_breaks_across_lines(qtbot, window, lang):
    window.set_language(lang)
    window.text_scale.set_scale(2.0)
    try:
        title = window.screens["welcome"].title
        assert NON_BREAKING_HYPHEN in title.text() and "CAR-T" not in title.text()
        for width in range(60, 700, 7):
            for line in lines_of(title.text(), width):
                assert not line.rstrip().endswith(("CAR" + NON_BREAKING_HYPHEN, "CAR-")), width
        # the plain text (catalogs, PDF, saved files) keeps the ordinary hyphen
        assert "CAR-T" in window.screens["welcome"].tr(
            "Could this CAR-T study be right for my child?")
        window.show_screen("about")
        shown = [w.text() for w in window.stack.currentWidget().findChildren(QWidget)
                 if hasattr(w, "text") and "CAR" in str(w.text())]
        assert shown and all("CAR-T" not in text for text in shown)
    finally:
        window.text_scale.set_scale(1.0)


def test_no_break_changes_only_car_t():
    assert no_break("UCAR-T and CAR-T, a well-known X-ray") == (
        "UCAR\u2011T and CAR\u2011T, a well-known X-ray")


def test_an_error_message_switches_language_with_the_rest(qtbot, window):
    window.show_screen("child")
    field = window.stack.currentWidget().cards[0].answer.fields[0]
    field.edit.setText("abc")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "child"
    english = field.error.text()
    assert english == "Please enter a number, like 3.5, using digits."
    window.set_language("zh_CN")
    chinese = field.error.text()
    assert chinese != english and any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
    assert field.edit.accessibleDescription() == chinese
    window.set_language("en")
    assert field.error.text() == english
    field.edit.setText("500")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    window.set_language("zh_CN")
    assert "0" in field.error.text() and "120" in field.error.text()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in field.error.text())


def test_the_pair_message_switches_language_too(qtbot, window):
    window.answers.update(SHOW_ALL)
    window.show_screen("liver_tests")
    page = window.stack.currentWidget()
    card = next(c for c in page.visible_cards() if c.question.kind == "ratio")
    card.answer.fields[0].edit.setText("50")
    card.answer.fields[1].edit.setText("")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    message = card.answer.fields[1].error
    assert "both numbers" in message.text()
    window.set_language("zh_CN")
    assert "both numbers" not in message.text()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.text())


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_window_fits_a_1366_by_768_screen(qtbot, window, scale):
    window.text_scale.set_scale(scale)
    try:
        for name in ("welcome", "child", "liver_tests", "review"):
            window.answers.update(SHOW_ALL)
            window.show_screen(name)
            QApplication.processEvents()
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 - 16 and hint.height() <= 768 - 48, (name, hint)
    finally:
        window.text_scale.set_scale(1.0)
    window.show_screen("welcome")
    QApplication.processEvents()
    window.resize(1600, 1000)
    window.fit_screen()
    free = QApplication.primaryScreen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height() - 40


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_header_buttons_do_not_push_the_window_wider_at_200_percent(qtbot, window, lang):
    """At 200% the top bar's buttons (Start again, Save, three languages) made the window
    1248 px wide, past the edge of the screen: now they wrap onto a second row."""
    free = QApplication.primaryScreen().availableGeometry()
    width = window.width()
    window.set_language(lang)
    window.text_scale.set_scale(2.0)
    try:
        window.answers.update(SHOW_ALL)
        for name in ("child", "result"):
            window.show_screen(name)
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= free.width(), name
            assert window.width() == width, name  # it did not grow
            for item in (window.restart_button, window.save_button, *window.lang_buttons.values()):
                if item.isVisibleTo(window):
                    right = item.mapTo(window, QPoint(item.width(), 0)).x()
                    assert right <= window.width(), item.objectName()
                    top = item.mapTo(window, QPoint(0, 0)).y()
                    assert top < window.stack.mapTo(window, QPoint(0, 0)).y()  # above the page
        assert isinstance(window.save_button, QPushButton)
    finally:
        window.text_scale.set_scale(1.0)
        window.set_language("en")


def test_at_200_percent_the_focused_control_of_every_page_is_in_view(qtbot, window):
    """At 200% text the first control to get the focus was below the visible part of the
    page: only the top of its focus frame showed."""
    from PySide6.QtCore import QPoint

    window.set_language("zh_TW")
    window.text_scale.set_scale(2.0)
    window.resize(1000, 740)  # a 1366x768 laptop's, less the title bar
    try:
        window.answers.update({"age_years": 3})  # the birth date question shows too
        checked = 0
        for name in window.sequence()[2:-2]:
            window.show_screen(name)
            qtbot.wait(10)  # the layout settles (reveal scrolls again then)
            screen = window.stack.currentWidget()
            target = QApplication.focusWidget()
            if target is None or not screen.content.isAncestorOf(target):
                continue
            viewport = screen.scroll.viewport()
            top = target.mapTo(viewport, QPoint(0, 0)).y()
            assert top >= 0 and top + target.height() <= viewport.height(), (name, top)
            checked += 1
        assert checked >= 10
        window.show_screen("result")  # not a question page: it opens at its top (the verdict)
        qtbot.wait(10)
        assert window.stack.currentWidget().scroll.verticalScrollBar().value() == 0
    finally:
        window.text_scale.set_scale(1.0)
        window.set_language("en")



def test_a_wrong_field_and_the_page_show_the_focus_too(qtbot, window):
    """A field marked wrong kept its red frame with the focus (a focused wrong field looked
    like an unfocused one), and the page's scroll area took the focus with no mark at all."""
    window.show_screen("child")
    page = window.stack.currentWidget()
    edit = page.cards[0].answer.fields[0].edit
    edit.setText("abc")
    assert not page.cards[0].answer.fields[0].read()[0]  # marked wrong
    assert edit.property("invalid") in (True, "true")
    edit.setFocus()
    QApplication.processEvents()
    assert focus_pixels_inside(edit, 0) > 0  # the focus colour, not only the error's
    window.next_button.setFocus()
    QApplication.processEvents()
    assert focus_pixels_inside(edit, 0) == 0
    page.scroll.setFocus()
    QApplication.processEvents()
    assert page.scroll.hasFocus() and focus_pixels_inside(page.scroll, 0) > 0
