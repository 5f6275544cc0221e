"""A fast double or triple tap never skips a page: for a moment after a page change, taps,
clicks and activation keys that reach the window are ignored.

The moment is measured with the input events' own timestamps (the window system's clock), not
with timers or sleeps: a tap that arrives within SETTLE_MS of the tap that changed the page is
a repeat of it, not a new choice. Events without a timestamp (0) are never ignored.

The guard starts watching once the first screen has painted (MainWindow.after_first_paint;
a kiosk at once): an application-wide filter written in Python makes every event before the
first paint slower, and nobody can tap a window before it is shown. The activation keys are
Qt's key codes as numbers: loading Qt's namespace (Qt.Key) takes longer than painting the
first screen, and nothing else needs it until the family answers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_MS = 400
POINTER = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
           QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
           QEvent.Type.TouchEnd}
KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease}
# Return, Enter, Space and Select: the values of Qt.Key.Key_Return, Key_Enter, Key_Space and
# Key_Select (a test checks them against Qt's), which QKeyEvent.key() returns.
ACTIVATION_KEYS = frozenset({0x01000004, 0x01000005, 0x20, 0x01010000})


class TapGuard(QObject):
    """Watches the input events of one window; ``page_changed`` marks the moment."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.last_input = 0  # timestamp (ms) of the latest pointer or activation-key event
        self.changed_at = 0  # timestamp of the input that caused the latest page change
        self.ignored = 0  # how many events were ignored (for tests and curiosity)
        self.installed = False

    def install(self) -> None:
        """Start watching (once)."""
        if not self.installed:
            QApplication.instance().installEventFilter(self)
            self.installed = True

    def page_changed(self) -> None:
        """Call when the shown page changes: repeats of the current input are ignored."""
        self.changed_at = self.last_input

    def _is_activation(self, event: QEvent) -> bool:
        if event.type() in POINTER:
            return True
        return event.type() in KEYS and event.key() in ACTIVATION_KEYS  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._is_activation(event) or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window:
            return False  # another window (a dialog) is never held back
        stamp = event.timestamp()  # type: ignore[attr-defined]
        if stamp <= 0:
            return False  # no time known: never ignore
        if self.changed_at and 0 <= stamp - self.changed_at < SETTLE_MS:
            self.ignored += 1
            event.accept()
            return True  # a repeat of the tap that just changed the page
        self.last_input = stamp
        return False
