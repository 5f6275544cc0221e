"""Kiosk mode: full screen and touch first; after idle time a countdown, then a full reset to
the welcome screen in the kiosk's language; a staff exit behind a key combination and, if
configured, a PIN. Nothing about a family is ever written to disk in this mode."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from trialfinder.i18n.content import language
from trialfinder.screening.wording import countdown_sentence
from trialfinder.site_config import KioskConfig, pin_matches
from trialfinder.ui.common import button, label
from trialfinder.ui.keypad import Keypad
from trialfinder.ui.main_window import MainWindow
from trialfinder.ui.theme import set_role, touch_scroll_bars

STAFF_EXIT = "Ctrl+Alt+Shift+Q"
ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
            QEvent.Type.Wheel}


class Overlay(QFrame):
    """A panel over the whole window (the countdown, the staff PIN). While one is up, the
    page under it takes neither the focus nor a key (Tab, Alt+Right): its widgets and the
    window's shortcuts are off, all but the staff exit. The focus goes back where it was."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.return_focus: QWidget | None = None
        set_role(self, "card")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(48, 48, 48, 48)
        self.column.setSpacing(18)
        self.hide()

    def show_over(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def setVisible(self, visible: bool) -> None:  # show() and hide() come here too
        window = self.parentWidget()
        was_covered = covered(window)
        if visible and not was_covered:
            self.return_focus = QApplication.focusWidget()
        super().setVisible(visible)
        now_covered = covered(window)
        if now_covered != was_covered:
            cover(window, now_covered)
        if was_covered and not now_covered:
            give_back_focus(self.return_focus)
            self.return_focus = None


def covered(window: QWidget) -> bool:
    """Whether a panel (Overlay) is up over ``window``."""
    return any(not panel.isHidden() for panel in window.findChildren(
        Overlay, options=Qt.FindChildOption.FindDirectChildrenOnly))


def cover(window: MainWindow, on: bool) -> None:
    """Turn the page under the panels off (``on``) or on again: its widgets and the window's
    shortcuts (an application-wide one, the staff exit, stays)."""
    window.centralWidget().setEnabled(not on)
    for shortcut in window.findChildren(QShortcut):
        if shortcut.context() != Qt.ShortcutContext.ApplicationShortcut:
            shortcut.setEnabled(not on)


def give_back_focus(widget: QWidget | None) -> None:
    """The focus back to ``widget`` if it is still there and shown (a reset may have
    deleted it: then the welcome screen's own focus stays)."""
    try:
        if widget is not None and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
    except RuntimeError:  # its C++ object is gone
        pass


class KioskController(QObject):
    def __init__(self, window: MainWindow, config: KioskConfig) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        # the language a reset returns to: the configured one, else the one it started in
        self.default_language = config.language or language()
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(config.idle_seconds * 1000)
        self.idle.timeout.connect(self.start_countdown)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.remaining = 0

        self.countdown = Overlay(window)
        self.countdown.setObjectName("countdown")
        self.question = label("title", self.countdown, "countdown-title")
        self.seconds = label("heading", self.countdown, "countdown-seconds")
        self.still_here = button("primary", self.countdown, "still-here")
        self.still_here.setMinimumHeight(72)
        self.still_here.clicked.connect(self.cancel_countdown)
        for widget in (self.question, self.seconds, self.still_here):
            self.countdown.column.addWidget(widget)
        self.countdown.column.addStretch(1)

        self.staff = Overlay(window)
        self.staff.setObjectName("staff-exit")
        self.staff_title = label("title", self.staff)
        self.pin = QLineEdit(self.staff)
        self.pin.setObjectName("staff-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.staff_message = label("error", self.staff, "staff-message")
        self.staff_message.hide()
        self.staff_pad = Keypad(self.staff, decimal=False)
        buttons = QHBoxLayout()
        self.staff_ok = button("primary", self.staff, "staff-ok")
        self.staff_cancel = button(parent=self.staff, name="staff-cancel")
        self.staff_ok.clicked.connect(self.check_pin)
        self.pin.returnPressed.connect(self.check_pin)  # Enter in the PIN field tries it
        self.staff_cancel.clicked.connect(self.staff.hide)
        buttons.addWidget(self.staff_cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.staff_ok)
        for widget in (self.staff_title, self.pin, self.staff_message, self.staff_pad):
            self.staff.column.addWidget(widget)
        self.staff.column.addLayout(buttons)

        window.setStyleSheet(touch_scroll_bars())  # finger-sized scroll bars
        self.keypad = Keypad(window)
        self.keypad.hide()  # only while a number field has the focus
        window.add_bottom_widget(self.keypad)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        exit_keys = QShortcut(QKeySequence(STAFF_EXIT), window)
        exit_keys.setContext(Qt.ShortcutContext.ApplicationShortcut)
        exit_keys.activated.connect(self.staff_exit)
        window.page_changed.connect(self._page_changed)
        QApplication.instance().installEventFilter(self)
        self.retranslate()
        self._page_changed(window.current_name())
        self.idle.start()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.still_here.setText(self.tr("Yes, I am still here"))
        self.still_here.setAccessibleName(self.tr("Yes, I am still here"))
        self._show_seconds()
        self.staff_title.setText(self.tr("Staff: enter the PIN to leave kiosk mode"))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.staff_ok.setText(self.tr("Leave kiosk mode"))
        self.staff_ok.setAccessibleName(self.tr("Leave kiosk mode"))
        self.staff_cancel.setText(self.tr("Cancel"))
        self.staff_cancel.setAccessibleName(self.tr("Cancel"))
        if self.staff_message.isVisibleTo(self.staff):
            self.staff_message.setText(self.tr("That PIN is not right."))

    def _show_seconds(self) -> None:
        self.seconds.setText(countdown_sentence(self.remaining))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is self.window:
            self.retranslate()  # the panels and their messages follow the language switch
        if event.type() in ACTIVITY and not self.countdown.isVisible():
            self.idle.start()  # any touch or key: the family is still there
        return False

    def _page_changed(self, name: str) -> None:
        self._update_keypad()
        screen = self.window.stack.currentWidget()
        scroll = getattr(screen, "scroll", None)
        if scroll is not None:
            touch_scrolling(scroll.viewport())
        for text in screen.findChildren(QLabel):  # a finger drag scrolls, never selects
            flags = text.textInteractionFlags()
            if flags & Qt.TextInteractionFlag.TextSelectableByMouse:
                text.setTextInteractionFlags(flags & ~Qt.TextInteractionFlag.TextSelectableByMouse)

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._update_keypad()

    def number_field(self) -> QLineEdit | None:
        """The number field on the current page that has the focus, if any."""
        focus = QApplication.focusWidget()
        if (isinstance(focus, QLineEdit) and focus.isEnabled()
                and self.window.stack.isAncestorOf(focus)):
            return focus
        return None

    def _update_keypad(self) -> None:
        """The pad shows only while a number field has the focus, and never hides it or its
        question: the page scrolls them into the room left above the pad."""
        field = self.number_field()
        was_shown = self.keypad.isVisible()
        self.keypad.setVisible(field is not None)
        if field is None:
            return
        page = self.window.stack.currentWidget()
        card = page.card_of(field) if hasattr(page, "card_of") else None
        if card is not None:
            page.reveal(card, field)
        elif not was_shown:
            page.scroll.ensureWidgetVisible(field)

    def start_countdown(self) -> None:
        close_dialogs()  # a question left open (e.g. "Start again?") does not hide the countdown
        self.remaining = self.config.countdown_seconds
        self._show_seconds()
        self.countdown.show_over()
        self.still_here.setFocus()
        self.tick.start()

    def cancel_countdown(self) -> None:
        self.tick.stop()
        self.countdown.hide()
        self.idle.start()

    def _tick(self) -> None:
        self.remaining -= 1
        self._show_seconds()
        if self.remaining <= 0:
            self.reset()

    def reset(self) -> None:
        """Forget the family: every answer, result and choice, from memory and every widget;
        back to the welcome screen in the kiosk's language and text size."""
        self.tick.stop()
        close_dialogs()
        self.countdown.hide()
        self.staff.hide()
        self.pin.clear()
        self.window.restart()
        # Destroy the old screens now, not at the next turn of the event loop: no widget
        # holding the family's answers outlives the reset.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        self.window.set_language(self.default_language)
        if self.window.text_scale is not None:
            self.window.text_scale.set_scale(self.config.text_scale)
        self.idle.start()

    def staff_exit(self) -> None:
        if not self.config.pin:
            self.leave()
            return
        self.pin.clear()
        self.staff_message.hide()
        self.staff.show_over()
        self.pin.setFocus()

    def check_pin(self) -> None:
        if self.config.pin and pin_matches(self.pin.text(), self.config.pin):
            self.leave()
            return
        self.pin.clear()
        self.staff_message.setText(self.tr("That PIN is not right."))
        self.staff_message.show()

    def leave(self) -> None:
        self.idle.stop()
        self.tick.stop()
        QApplication.instance().removeEventFilter(self)
        self.window.restart()  # nothing of the last family stays behind
        self.window.may_close = True  # the staff exit is the one way out of a kiosk
        self.window.close()


def close_dialogs() -> None:
    """Close any question box that is open (as "No": nothing is forgotten by it)."""
    from PySide6.QtWidgets import QDialog

    dialog = QApplication.activeModalWidget()
    while isinstance(dialog, QDialog):
        dialog.reject()
        following = QApplication.activeModalWidget()
        if following is dialog:
            break
        dialog = following


def touch_scrolling(viewport: QWidget) -> None:
    """Dragging a finger over a page scrolls it (rather than selecting text)."""
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)


def install(window: MainWindow, config: KioskConfig) -> KioskController:
    """Turn the window into a kiosk (full screen when shown). Its taps are guarded at once
    (the kiosk watches every event anyway, for the idle reset)."""
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.tap_guard.install()
    return KioskController(window, config)
