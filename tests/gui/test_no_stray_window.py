"""Only the app's own window is ever shown while it is made, shown and walked through: a
widget with no parent that is made visible is shown as a window of its own (a flash on the
desktop, a window manager placing it, a screen reader naming it) before the app's window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from trialfinder.composition import AppParts
from trialfinder.modes import HOME, KIOSK, VOLUNTEER
from trialfinder.ui.screenshots import render_all
from trialfinder.ui.window_setup import build_window


class ShownWindows(QObject):
    """Every window (a widget without a parent) that Qt shows, while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
        return False


@pytest.mark.parametrize("mode", [HOME, VOLUNTEER, KIOSK], ids=lambda mode: mode.name)
def test_no_window_but_the_apps_own_is_shown(qtbot, tmp_path, mode):
    spy = ShownWindows()
    QApplication.instance().installEventFilter(spy)
    _app, window = build_window("en", parts=AppParts(mode))
    qtbot.addWidget(window)
    try:
        assert spy.shown == [], "shown while the window was made"
        window.show()
        qtbot.waitExposed(window)
        assert spy.shown == ["MainWindow 'main-window'"]
        spy.shown.clear()
        render_all(window, str(tmp_path))  # every screen, in every state the screenshots have
        assert spy.shown == [], "shown while walking the screens"
    finally:
        QApplication.instance().removeEventFilter(spy)
        window.may_close = True
        window.restart()
