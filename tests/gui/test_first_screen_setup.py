"""The set-up made after the first paint (MainWindow.after_first_paint) is cheap and complete:
the first screen tabs in reading order without being reordered, the tap guard knows Qt's
activation keys, and the keyboard shortcuts work in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from trialfinder.composition import AppParts
from trialfinder.modes import HOME, KIOSK, VOLUNTEER
from trialfinder.ui.main_window import WELCOME
from trialfinder.ui.tap_guard import ACTIVATION_KEYS

from .conftest import press, shown_window


def test_the_activation_keys_are_qts_return_enter_space_and_select():
    qts = {Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value, Qt.Key.Key_Space.value,
           Qt.Key.Key_Select.value}
    assert qts == ACTIVATION_KEYS


@pytest.fixture(params=[HOME, KIOSK, VOLUNTEER], ids=lambda mode: mode.name)
def fresh(request, qtbot):
    win = shown_window(qtbot, parts=AppParts(request.param))
    yield win
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_the_first_screen_tabs_top_bar_then_page_then_bottom_bar(qtbot, fresh):
    """The first screen is not reordered after the first paint (walking Qt's focus chain is
    slow the first time): it is made between the two bars, so Tab already reads in order."""
    assert fresh.current_name() == WELCOME
    top = [w for w in (fresh.restart_button, fresh.save_button, fresh.tally_button,
                       *fresh.lang_buttons.values()) if w.isVisible()]
    bottom = [w for w in (fresh.back_button, fresh.review_button, fresh.next_button)
              if w.isVisible() and w.isEnabled()]
    page = fresh.screens[WELCOME]
    top[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is top[0])
    reached: list[QWidget] = []
    while len(reached) < 60:
        widget = QApplication.focusWidget()
        if widget in reached:
            break
        reached.append(widget)
        press(qtbot, Qt.Key.Key_Tab)
    on_page = [w for w in reached if page.isAncestorOf(w)]
    assert on_page, "Tab never reached the page"
    assert reached[:len(top)] == top
    assert reached[len(top):len(top) + len(on_page)] == on_page
    assert reached[len(top) + len(on_page):] == bottom


def test_the_shortcuts_work_in_the_window_once_painted(qtbot, fresh):
    before = QApplication.font().pointSizeF()
    press(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() > before
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(before)
