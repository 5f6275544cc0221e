"""Real widgets, offscreen, driven by pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QRadioButton, QWidget

from trialfinder.ui.launch import build_window
from trialfinder.ui.main_window import MainWindow
from trialfinder.ui.screenshots import VERDICT_ANSWERS


# Answers that reach each verdict, as typed (numbers as text): the screenshot sets.
def _typed(answers: dict) -> dict:
    return {k: str(v) if isinstance(v, int | float) else v for k, v in answers.items()}


FAVOURABLE = _typed(VERDICT_ANSWERS["likely_eligible"])
POSSIBLY = _typed(VERDICT_ANSWERS["possibly_eligible"])
NOT_ELIGIBLE = _typed(VERDICT_ANSWERS["likely_not_eligible"])


def forget_and_allow_close(win: MainWindow) -> None:
    """Test teardown only: forget the answers (so closing asks nothing) and let a kiosk
    close, before pytest-qt closes the window."""
    win.may_close = True
    win.restart()


def answer_box(qtbot, button_name: str, seen: list | None = None) -> None:
    """Click the named button of the question box that is about to open (a modal dialog
    blocks until answered, so the click is scheduled first). Its text goes in ``seen``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text() if hasattr(box, "text") else box.windowTitle())
        chosen = box.findChild(QPushButton, button_name)
        if chosen is None:  # another box came (a file dialog?): close it, fail, never hang
            box.reject()
            raise AssertionError(f"{type(box).__name__} {box.windowTitle()!r} came instead of "
                                 f"a box with {button_name!r}")
        chosen.click()

    QTimer.singleShot(20, click)


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    win = shown_window(qtbot)
    yield win
    from trialfinder.i18n.qt import apply_language

    apply_language("en")
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def shown_window(qtbot, **parts) -> MainWindow:
    """A window in English (``parts``: build_window's), shown and painted: its keyboard
    shortcuts are set up once the first screen has painted."""
    _app, win = build_window("en", **parts)
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: bool(win.findChildren(QShortcut)), timeout=5000)
    return win


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def tab_to(qtbot, wanted, limit: int = 400) -> None:
    """Press Tab until the focus is on `wanted` (a widget, or a predicate on widgets)."""
    test = wanted if callable(wanted) and not isinstance(wanted, QWidget) else (
        lambda w: w is wanted)
    for _ in range(limit):
        if focused() is not None and test(focused()):
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted}")


def choose_by_keyboard(qtbot, buttons: dict[str, QRadioButton], value: str) -> None:
    """Tab into a radio group, then arrow keys to the value, then Space."""
    group = set(buttons.values())
    tab_to(qtbot, lambda w: w in group)
    order = list(buttons)
    for _ in range(len(order) * 2):
        if focused() is buttons[value]:
            break
        here = order.index(next(k for k, b in buttons.items() if b is focused()))
        press(qtbot, Qt.Key.Key_Right if order.index(value) > here else Qt.Key.Key_Left)
    assert focused() is buttons[value]
    press(qtbot, Qt.Key.Key_Space)
    assert buttons[value].isChecked()


def save_as(path: Path) -> None:
    """Answer the save dialog that is about to open with ``path``."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, fill)
            return
        # the file name box, as a person would type it (a full path works in any folder)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    QTimer.singleShot(20, fill)
