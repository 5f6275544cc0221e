"""Kiosk blockers (issue 12): no close but the staff exit, fast taps never skip a page, the
number pad only for number fields and never over the question, touch scrolling, finger-sized
scroll bars, a PIN pad without ".", and words for the person standing at the kiosk."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QScroller, QWidget

from tests.gui.conftest import forget_and_allow_close
from trialfinder.i18n.content import set_language
from trialfinder.screening.wording import countdown_sentence
from trialfinder.site_config import KioskConfig, hash_pin
from trialfinder.ui import kiosk
from trialfinder.ui.launch import build_window
from trialfinder.ui.main_window import MainWindow
from trialfinder.ui.screenshots import SHOW_ALL
from trialfinder.ui.tap_guard import SETTLE_MS


def make_kiosk(qtbot, config: KioskConfig) -> MainWindow:
    _app, win = build_window("en", config.text_scale, "kiosk")
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.kiosk = kiosk.install(win, config)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def booth(qtbot) -> Iterator[MainWindow]:
    win = make_kiosk(qtbot, KioskConfig(kiosk=True, idle_seconds=600,
                                        pin=hash_pin("2468", iterations=1000)))
    yield win
    QApplication.instance().removeEventFilter(win.kiosk)
    win.may_close = True
    win.close()


def tap_at(widget: QWidget, stamp: int) -> None:
    """A tap (press and release) on the widget's middle, with the window system's time."""
    middle = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(QPoint(int(middle.x()), int(middle.y()))))
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, middle, where, Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        event.setTimestamp(stamp if kind == QEvent.Type.MouseButtonPress else stamp + 40)
        QApplication.sendEvent(widget, event)


def test_a_close_request_is_refused_even_with_a_pin(qtbot, booth):
    booth.close()  # what Alt+F4 and the window manager's close button ask for
    QApplication.processEvents()
    assert booth.isVisible()
    booth.kiosk.staff_exit()  # the staff exit, with its PIN, still ends the kiosk
    booth.kiosk.pin.setText("2468")
    booth.kiosk.check_pin()
    assert not booth.isVisible()


def test_enter_in_the_pin_field_tries_the_pin(qtbot, booth):
    booth.kiosk.staff_exit()
    booth.kiosk.pin.setText("1111")
    QTest.keyClick(booth.kiosk.pin, Qt.Key.Key_Return)
    assert booth.kiosk.staff_message.text() == "That PIN is not right."
    assert booth.isVisible()


def test_fast_double_and_triple_taps_never_skip_a_page(qtbot, booth):
    start = 100_000
    tap_at(booth.next_button, start)  # Start
    tap_at(booth.next_button, start + 120)  # the second tap of a double tap
    assert booth.current_name() == "about"
    base = start + 1000
    for n in range(3):  # a triple tap on Next
        tap_at(booth.next_button, base + n * 110)
    assert booth.current_name() == "child"
    assert booth.tap_guard.ignored >= 6  # press and release of each repeated tap
    # a deliberate tap a moment later goes on as usual
    tap_at(booth.next_button, base + 2 * 110 + SETTLE_MS + 50)
    assert booth.current_name() != "child"


def test_fast_taps_at_home_too(qtbot, window):
    tap_at(window.next_button, 5000)
    tap_at(window.next_button, 5100)
    tap_at(window.next_button, 5200)
    assert window.current_name() == "about"


def test_the_number_pad_shows_only_while_a_number_field_has_the_focus(qtbot, booth):
    booth.answers.update(SHOW_ALL)
    booth.show_screen("child")
    page = booth.stack.currentWidget()
    age = page.cards[0].answer.fields[0].edit
    sex = next(c for c in page.cards if c.question.fact == "sex").answer
    age.setFocus()
    QApplication.processEvents()
    assert booth.kiosk.keypad.isVisible()
    qtbot.mouseClick(sex.buttons["female"], Qt.MouseButton.LeftButton)  # a choice: no pad
    QApplication.processEvents()
    assert not booth.kiosk.keypad.isVisible()
    booth.show_screen("about")
    assert not booth.kiosk.keypad.isVisible()
    booth.show_screen("child")  # the age field gets the focus: the pad comes back
    QApplication.processEvents()
    assert booth.kiosk.keypad.isVisible()
    page.cards[0].answer.unsure.click()  # "Not sure" ticked: the field is off, no pad
    page.cards[0].answer.unsure.setFocus()
    QApplication.processEvents()
    assert not booth.kiosk.keypad.isVisible()


def test_the_pad_never_hides_the_focused_question(qtbot, booth):
    booth.answers.update(SHOW_ALL)
    booth.show_screen("liver_tests")
    page = booth.stack.currentWidget()
    last = [c for c in page.visible_cards() if hasattr(c.answer, "fields")][-1]
    field = last.answer.fields[-1].edit
    field.setFocus()
    for _ in range(5):
        QApplication.processEvents()
    assert booth.kiosk.keypad.isVisible()
    viewport = page.scroll.viewport()
    room = viewport.rect()
    for part in (field, last.ask):
        top_left = part.mapTo(viewport, QPoint(0, 0))
        assert room.contains(top_left) and room.contains(
            top_left + QPoint(part.width() - 1, part.height() - 1)), part.objectName()
    pad_top = booth.kiosk.keypad.mapTo(booth, QPoint(0, 0)).y()
    assert field.mapTo(booth, QPoint(0, field.height())).y() <= pad_top


def test_a_finger_drag_scrolls_the_page(qtbot, booth):
    booth.answers.update(SHOW_ALL)
    booth.show_screen("liver_tests")
    page = booth.stack.currentWidget()
    viewport = page.scroll.viewport()
    assert QScroller.hasScroller(viewport)
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the page needs to be taller than the window for this test"
    bar.setValue(0)
    device = QTest.createTouchDevice()
    start = QPoint(viewport.width() // 2, viewport.height() - 40)
    QTest.touchEvent(viewport, device).press(0, start, viewport).commit()
    for step in range(1, 16):
        QTest.qWait(16)
        QTest.touchEvent(viewport, device).move(0, start - QPoint(0, step * 25),
                                                viewport).commit()
    QTest.touchEvent(viewport, device).release(0, start - QPoint(0, 375), viewport).commit()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    labels = [w for w in page.findChildren(QWidget) if w.metaObject().className() == "Label"]
    assert labels and not any(
        w.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        for w in labels)  # a drag never selects text in the kiosk


def test_scroll_bars_are_finger_sized_in_the_kiosk(qtbot, booth):
    booth.answers.update(SHOW_ALL)
    booth.show_screen("liver_tests")
    bar = booth.stack.currentWidget().scroll.verticalScrollBar()
    QApplication.processEvents()
    assert bar.isVisible() and bar.width() >= 44


def test_the_pin_pad_has_no_point_key_and_the_number_pad_has(booth):
    assert "." not in booth.kiosk.staff_pad.keys
    assert set(booth.kiosk.staff_pad.keys) == {*"0123456789", "back"}
    assert "." in booth.kiosk.keypad.keys  # lab values can have decimals


def test_the_kiosk_welcome_promises_no_saving(booth):
    welcome = booth.screens["welcome"]
    assert "choose to save" not in welcome.privacy.text()
    assert "forgets" in welcome.privacy.text()
    booth.set_language("zh_CN")
    assert "选择保存" not in welcome.privacy.text()
    assert "清除" in welcome.privacy.text()
    assert not welcome.open_saved.isVisibleTo(booth)


def test_the_home_welcome_still_says_how_saving_works(window):
    assert "unless you choose to save it" in window.screens["welcome"].privacy.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_countdown_speaks_to_the_person_at_the_screen(lang):
    set_language(lang)
    for seconds in (1, 20):
        sentence = countdown_sentence(seconds)
        assert "family" not in sentence and "家庭" not in sentence and "上一" not in sentence
        assert str(seconds) in sentence
        assert ("your answers" in sentence) if lang == "en" else ("您" in sentence)


def test_a_number_field_focus_outside_the_pages_shows_no_pad(booth):
    booth.kiosk.staff_exit()
    QApplication.processEvents()
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # the PIN field
    assert not booth.kiosk.keypad.isVisible()  # the staff panel has its own pad


def test_the_staff_panel_and_its_message_follow_the_language(qtbot, booth):
    booth.kiosk.staff_exit()
    booth.kiosk.pin.setText("1111")
    booth.kiosk.check_pin()
    assert booth.kiosk.staff_message.text() == "That PIN is not right."
    booth.set_language("zh_CN")
    QApplication.processEvents()
    for text in (booth.kiosk.staff_message.text(), booth.kiosk.staff_title.text(),
                 booth.kiosk.staff_ok.text()):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
