"""Small shared pieces of the screens: wrapped labels, scrolling pages, link buttons."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from trialfinder.ui.theme import set_role

# "CAR-T" (and "UCAR-T") never breaks across lines on screen: a non-breaking hyphen (U+2011)
# in what is shown only; the catalogs and every stored text keep the plain hyphen.
_CAR_T = re.compile(r"(?<=CAR)-(?=T)")
NON_BREAKING_HYPHEN = "\u2011"


def no_break(text: str) -> str:
    """The text as shown: terms that must stay on one line joined with a non-breaking
    hyphen."""
    return _CAR_T.sub(NON_BREAKING_HYPHEN, text)


class Label(QLabel):
    """A label whose text never breaks inside "CAR-T" (see no_break)."""

    def setText(self, text: str) -> None:
        super().setText(no_break(text))


class Button(QPushButton):
    """A push button that Enter and Return press, like Space (when it has the focus)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            if not event.isAutoRepeat():  # holding Enter does not run through the pages
                self.click()
            event.accept()
            return
        super().keyPressEvent(event)


def label(role: str = "", parent: QWidget | None = None, name: str = "",
          plain: bool = True) -> QLabel:
    """A word-wrapped plain-text label (text from the network never becomes markup).

    plain=False only for the app's own fixed sentences on the first screen, which is painted
    before the Qt namespace's enums are loaded (a start-up saving).
    """
    widget = Label(parent)
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
    widget = Button(parent)
    if role:
        set_role(widget, role)
    if name:
        widget.setObjectName(name)
    widget.setAutoDefault(False)
    return widget


def ask(parent: QWidget, title: str, question: str, choices: list[tuple[str, str]],
        safe: str, escape: str | None = None) -> str:
    """A question box: the question in words, then one large button per choice, one under
    another (long words and large text never clip, and each is easy to tap). ``choices`` are
    (object name, words); ``safe`` names the default choice (focused: Enter gives it);
    ``escape`` (else ``safe``) is what Escape and closing the box give. Returns the object name
    of the choice."""
    from PySide6.QtWidgets import QDialog

    box = QDialog(parent)
    box.setObjectName("question-box")
    box.setWindowTitle(title)
    box.setModal(True)
    column = QVBoxLayout(box)
    column.setContentsMargins(24, 20, 24, 20)
    column.setSpacing(12)
    words = label("", box, "question-text")
    words.setText(question)
    column.addWidget(words)
    box.text = words.text  # type: ignore[attr-defined]  (read like a QMessageBox)
    chosen: list[str] = []
    for name, text in choices:
        item = button("primary" if name == safe else "", box, name)
        item.setText(text)
        item.setAccessibleName(text)
        item.clicked.connect(lambda _c=False, n=name: (chosen.append(n), box.accept()))
        column.addWidget(item)
        if name == safe:
            item.setFocus()
    width = min(640, parent.width() - 32) if parent is not None else 480
    box.setFixedWidth(width)
    box.ensurePolished()
    words.ensurePolished()
    margins = column.contentsMargins()
    # a wrapped label in a dialog needs its height for the width it will have
    words.setMinimumHeight(words.heightForWidth(width - margins.left() - margins.right()))
    box.adjustSize()
    box.exec()
    return chosen[0] if chosen else (escape or safe)


def confirm(parent: QWidget, title: str, question: str, yes: str, no: str) -> bool:
    """Ask before something that cannot be undone; True only if the person chose ``yes``.
    The safe answer is the default (Enter, Escape and closing the box all keep things)."""
    return ask(parent, title, question, [("confirm-no", no), ("confirm-yes", yes)],
               safe="confirm-no") == "confirm-yes"


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

    def show_whole(self, widget: QWidget, margin: int = 8) -> None:
        """Scroll so all of ``widget`` shows if it fits (QScrollArea.ensureWidgetVisible
        shows only a text field's cursor: at 200% the rest of the field stayed cut off)."""
        from PySide6.QtCore import QPoint

        top = widget.mapTo(self.content, QPoint(0, 0))
        half = widget.height() // 2
        self.scroll.ensureVisible(top.x(), top.y() + half, 0, half + margin)

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
