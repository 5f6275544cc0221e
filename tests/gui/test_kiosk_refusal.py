"""A kiosk whose settings cannot be used does not start (it never opens without the PIN its
administrator meant to set), and says why on screen as well as on standard error: a kiosk is
started by its computer, and its staff never see standard error (ui/launch.show_refusal).
The real process under a real X server: tests/gui/test_real_window.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from trialfinder.i18n.qt import apply_language
from trialfinder.ui.launch import show_refusal

MESSAGE = "The kiosk settings in /etc/kiosk.json cannot be used."


@pytest.mark.parametrize(("lang", "title", "close"), [
    ("en", "TrialFinder did not start", "Close"),
    ("zh_CN", "TrialFinder 没有启动", "关闭"),
    ("zh_TW", "TrialFinder 沒有啟動", "關閉"),
])
def test_the_refusal_shows_its_reason_with_one_large_close_button(qtbot, lang, title, close):
    seen: dict = {}

    def look_and_close() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, look_and_close)
            return
        buttons = box.findChildren(QPushButton)
        seen.update(title=box.windowTitle(), text=box.text(),
                    buttons=[(b.text(), b.accessibleName(), b.height()) for b in buttons],
                    focus=box.focusWidget())  # what has the focus once it is active
        seen["closed_by"] = buttons[0].objectName()
        buttons[0].click()

    QTimer.singleShot(20, look_and_close)
    try:
        show_refusal(lang, MESSAGE)  # returns once the box is closed
    finally:
        apply_language("en")
    assert seen["title"] == title
    assert seen["text"] == MESSAGE
    assert len(seen["buttons"]) == 1
    words, name, height = seen["buttons"][0]
    assert words == name == close
    assert height >= 48  # a finger-sized target
    assert seen["closed_by"] == "refusal-close"
    assert seen["focus"] is not None and seen["focus"].objectName() == "refusal-close"
