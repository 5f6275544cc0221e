"""Kiosk mode: idle countdown and reset, touch-only answers with the number pad, staff exit,
and nothing of a family left on disk."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton

from tests.gui.conftest import focused, forget_and_allow_close, press
from trialfinder.i18n.content import language
from trialfinder.site_config import KioskConfig, hash_pin
from trialfinder.ui import kiosk
from trialfinder.ui.launch import build_window
from trialfinder.ui.main_window import MainWindow
from trialfinder.ui.screenshots import VERDICT_ANSWERS


@pytest.fixture
def kiosk_window(qtbot, request) -> Iterator[MainWindow]:
    config = getattr(request, "param", KioskConfig(kiosk=True, idle_seconds=1,
                                                   countdown_seconds=2, language="zh_CN"))
    _app, win = build_window("en", config.text_scale, "kiosk")
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.kiosk = kiosk.install(win, config)
    win.show()
    qtbot.waitExposed(win)
    yield win
    from trialfinder.i18n.qt import apply_language

    QApplication.instance().removeEventFilter(win.kiosk)
    apply_language("en")
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_on_pad(qtbot, win: MainWindow, edit: QLineEdit, digits: str) -> None:
    tap(qtbot, edit)  # a tap puts the cursor in the field
    for key in digits:
        tap(qtbot, win.kiosk.keypad.keys[key])


def answer_by_touch(qtbot, win: MainWindow, answers: dict) -> None:
    """Touch only: taps on choices, the number pad for numbers, Next."""
    tap(qtbot, win.next_button)
    tap(qtbot, win.next_button)
    while win.current_name() != "review":
        page = win.stack.currentWidget()
        for card in page.visible_cards():
            value = answers.get(card.question.fact)
            if value is None:
                continue
            widget = card.answer
            if hasattr(widget, "buttons"):
                tap(qtbot, widget.buttons[value])
            elif card.question.kind == "number":
                type_on_pad(qtbot, win, widget.fields[0].edit, str(value))
        tap(qtbot, win.next_button)
    tap(qtbot, win.next_button)
    assert win.current_name() == "result"


def no_family_left(win: MainWindow) -> None:
    assert win.answers == {}
    assert win.current_name() == "welcome"
    assert all(not e.text() for e in win.findChildren(QLineEdit) if e is not win.kiosk.pin)
    assert not any(r.isChecked() for r in win.findChildren(QRadioButton))
    assert set(win.screens) == {"welcome"}


def test_touch_only_completion_with_the_number_pad(qtbot, kiosk_window):
    answers = VERDICT_ANSWERS["likely_not_eligible"]
    answer_by_touch(qtbot, kiosk_window, answers)
    assert kiosk_window.answers["age_years"] == 4
    assert kiosk_window.outcome().verdict == "likely_not_eligible"
    assert kiosk_window.kiosk.keypad.isHidden()  # no pad on the result screen


def test_the_pad_corrects_and_checks_as_typed(qtbot, kiosk_window):
    kiosk_window.show_screen("child")
    edit = kiosk_window.question_page("child").cards[0].answer.fields[0].edit
    type_on_pad(qtbot, kiosk_window, edit, "150")
    tap(qtbot, kiosk_window.next_button)
    error = kiosk_window.question_page("child").cards[0].answer.fields[0].error
    assert error.isVisibleTo(kiosk_window)
    tap(qtbot, kiosk_window.kiosk.keypad.keys["back"])
    tap(qtbot, kiosk_window.kiosk.keypad.keys["back"])
    assert edit.text() == "1" and not error.isVisibleTo(kiosk_window)


@pytest.mark.slow
def test_idle_countdown_then_full_reset(qtbot, kiosk_window):
    answer_by_touch(qtbot, kiosk_window, VERDICT_ANSWERS["possibly_eligible"])
    controller = kiosk_window.kiosk
    qtbot.waitUntil(lambda: controller.countdown.isVisible(), timeout=5000)
    assert "Are you still there?" in controller.question.text()
    qtbot.waitUntil(lambda: kiosk_window.current_name() == "welcome", timeout=5000)
    no_family_left(kiosk_window)
    assert kiosk_window.next_button.text() == "开始"  # the kiosk's own language


def test_still_here_cancels_the_countdown(qtbot, kiosk_window):
    kiosk_window.answers["age_years"] = 9
    controller = kiosk_window.kiosk
    controller.start_countdown()
    tap(qtbot, controller.still_here)
    assert not controller.countdown.isVisible()
    assert kiosk_window.answers == {"age_years": 9}
    assert controller.idle.isActive()


def test_activity_restarts_the_idle_timer(qtbot, kiosk_window):
    controller = kiosk_window.kiosk
    controller.idle.stop()
    tap(qtbot, kiosk_window.next_button)
    assert controller.idle.isActive()


def test_staff_exit_without_a_pin(qtbot, kiosk_window):
    kiosk_window.answers["age_years"] = 9
    qtbot.keyClick(kiosk_window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not kiosk_window.isVisible()
    assert kiosk_window.answers == {}


PIN_CONFIG = KioskConfig(kiosk=True, idle_seconds=600, pin=hash_pin("2468", iterations=1000))


@pytest.mark.parametrize("kiosk_window", [PIN_CONFIG], indirect=True)
def test_staff_exit_with_a_pin(qtbot, kiosk_window):
    controller = kiosk_window.kiosk
    controller.staff_exit()
    assert controller.staff.isVisible()
    for key in "1111":
        tap(qtbot, controller.staff_pad.keys[key])
    tap(qtbot, controller.staff_ok)
    assert kiosk_window.isVisible()
    assert controller.staff_message.text() == "That PIN is not right."
    for key in "2468":
        tap(qtbot, controller.staff_pad.keys[key])
    tap(qtbot, controller.staff_ok)
    assert not kiosk_window.isVisible()


def test_the_pin_is_stored_only_as_a_salted_hash():
    from trialfinder.site_config import pin_matches

    stored = hash_pin("2468", iterations=1000)
    assert "2468" not in str(stored)
    assert pin_matches("2468", stored) and not pin_matches("2469", stored)
    assert hash_pin("2468", iterations=1000)["salt"] != stored["salt"]


def snapshot(roots: list[Path]) -> dict[str, tuple[int, int]]:
    files = {}
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                files[path] = (info.st_size, info.st_mtime_ns)
    return files


@pytest.mark.slow
def test_fifty_sessions_leave_nothing_on_disk(qtbot, kiosk_window, isolated_dirs):
    controller = kiosk_window.kiosk
    verdicts = list(VERDICT_ANSWERS.values())
    kiosk_window.answers.update(verdicts[0])  # one session first: Qt's own start-up files
    kiosk_window.show_screen("result")
    controller.reset()
    roots = [isolated_dirs, Path(tempfile.gettempdir())]  # TMPDIR is in isolated_dirs
    assert Path(tempfile.gettempdir()).is_relative_to(isolated_dirs)
    before = snapshot(roots)
    for session in range(50):
        kiosk_window.show_screen("child")
        page = kiosk_window.question_page("child")
        type_on_pad(qtbot, kiosk_window, page.cards[0].answer.fields[0].edit, "9")
        kiosk_window.answers.update(verdicts[session % 3])
        kiosk_window.show_screen("review")
        kiosk_window.show_screen("result")
        assert kiosk_window.outcome().verdict
        controller.reset()
        no_family_left(kiosk_window)
    after = snapshot(roots)
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    assert changed == set()


@pytest.mark.parametrize("kiosk_window", [KioskConfig(kiosk=True, idle_seconds=600)],
                         indirect=True)
def test_reset_returns_to_the_language_it_started_in(qtbot, kiosk_window):
    tap(qtbot, kiosk_window.lang_buttons["zh_CN"])  # a family switches to Chinese
    assert kiosk_window.next_button.text() == "开始"
    kiosk_window.kiosk.reset()
    assert kiosk_window.next_button.text() == "Start"


def test_the_countdown_follows_a_language_switch(qtbot, kiosk_window):
    """The countdown panel is worded again when the language changes while it shows (it kept
    "Are you still there?" beside a Chinese Back button)."""
    controller = kiosk_window.kiosk
    kiosk_window.choose_language("en")
    kiosk_window.answers["age_years"] = 9
    controller.start_countdown()
    assert controller.question.text() == "Are you still there?"
    kiosk_window.choose_language("zh_CN")
    assert controller.question.text() != "Are you still there?"
    assert all("\u4e00" <= ch <= "\u9fff" for ch in controller.question.text()
               if ch.isalpha())
    assert "seconds" not in controller.seconds.text()
    assert not any(ch.isascii() and ch.isalpha() for ch in controller.still_here.text())
    tap(qtbot, controller.still_here)


QUIET_CONFIG = KioskConfig(kiosk=True, idle_seconds=600, countdown_seconds=600)


@pytest.mark.parametrize("kiosk_window", [QUIET_CONFIG], indirect=True)
def test_the_page_under_the_countdown_takes_no_focus_and_no_key(qtbot, kiosk_window):
    """Tab once left "Yes, I am still here" for the hidden language buttons, and Space then
    switched the page under the countdown; the focus comes back where it was after."""
    win, controller = kiosk_window, kiosk_window.kiosk
    qtbot.waitUntil(lambda: win._set_up, timeout=5000)  # the shortcuts are there
    tap(qtbot, win.next_button)
    tap(qtbot, win.next_button)
    page = win.current_name()
    field = win.stack.currentWidget().cards[0].answer.fields[0].edit
    field.setFocus()
    controller.start_countdown()
    assert focused() is controller.still_here
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is not None and (focused() is controller.still_here
                                          or controller.countdown.isAncestorOf(focused()))
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
        press(qtbot, key, Qt.KeyboardModifier.AltModifier)
    assert win.current_name() == page
    shown = language()
    tap(qtbot, win.lang_buttons[next(code for code in win.lang_buttons if code != shown)])
    assert language() == shown
    assert not win.centralWidget().isEnabled()
    tap(qtbot, controller.still_here)
    assert win.centralWidget().isEnabled()
    assert focused() is field
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert win.current_name() != page  # the keys work again


@pytest.mark.parametrize("kiosk_window", [PIN_CONFIG], indirect=True)
def test_the_staff_panel_keeps_the_focus_too(qtbot, kiosk_window):
    win, controller = kiosk_window, kiosk_window.kiosk
    controller.staff_exit()
    assert focused() is controller.pin
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Tab)
        assert controller.staff.isAncestorOf(focused())
    tap(qtbot, controller.staff_cancel)
    assert win.centralWidget().isEnabled() and not controller.staff.isVisible()


@pytest.mark.parametrize("kiosk_window", [QUIET_CONFIG], indirect=True)
def test_a_kiosk_answers_the_keyboard_shortcuts(qtbot, kiosk_window):
    """Alt+Right, Alt+Left and the text size keys did nothing in a kiosk: the staff exit's
    shortcut, made first, made the window think its shortcuts were there."""
    win = kiosk_window
    qtbot.waitUntil(lambda: win._set_up, timeout=5000)
    win.next_button.setFocus()
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert win.current_name() != "welcome"
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert win.current_name() == "welcome"
    before = win.text_scale.scale
    press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert win.text_scale.scale > before
