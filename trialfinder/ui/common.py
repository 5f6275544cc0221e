"""Small shared pieces of the screens: wrapped labels, scrolling pages, link buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from trialfinder.ui.theme import set_role


def label(role: str = "", parent: QWidget | None = None, name: str = "",
          plain: bool = True) -> QLabel:
    """A word-wrapped plain-text label (text from the network never becomes markup).

    plain=False only for the app's own fixed sentences on the first screen, which is painted
    before the Qt namespace's enums are loaded (a start-up saving).
    """
    widget = QLabel(parent)
    widget.setWordWrap(True)
    if plain:
        from PySide6.QtCore import Qt

        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_role(widget, role)
    if name:
        widget.setObjectName(name)
    return widget


def button(role: str = "", parent: QWidget | None = None, name: str = "") -> QPushButton:
    widget = QPushButton(parent)
    if role:
        set_role(widget, role)
    if name:
        widget.setObjectName(name)
    widget.setAutoDefault(False)
    return widget


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    set_role(frame, "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    return frame, layout


class Screen(QWidget):
    """A screen of the app: a scrolling column of content that re-sets its text on a language
    change (retranslate), so switching language keeps every answer and the current screen."""

    name = "screen"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(32, 24, 32, 24)
        self.column.setSpacing(14)
        self.scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language (overridden by each screen)."""

    def new_body(self, old: QWidget) -> QWidget:
        """A fresh widget in place of ``old`` (a screen rebuilt from scratch: result, review).
        The old one goes at once from view and soon from memory."""
        body = QWidget(self.content)
        self.column.replaceWidget(old, body)
        old.hide()
        old.deleteLater()
        return body

    def on_show(self) -> None:
        """Bring the screen up to date just before it is shown (overridden where needed)."""

    def first_focus(self) -> QWidget | None:
        """The control that gets the keyboard focus when the screen is shown."""
        return None
