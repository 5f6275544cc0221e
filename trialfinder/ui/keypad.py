"""An on-screen number pad for kiosks without a keyboard: it types into the number field that
has the focus (its keys never take the focus themselves)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

KEYS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "back")
DIGITS_ONLY = ("7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "back")  # a PIN has no "."


class Keypad(QWidget):
    pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None, decimal: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS if decimal else DIGITS_ONLY):
            item = QPushButton(self)
            item.setObjectName(f"key-{key}")
            item.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            item.setMinimumSize(120, 48)  # thumb-sized; the style sheet sets the height
            item.clicked.connect(lambda _c=False, k=key: self.press(k))
            if not decimal and key == "0":
                grid.addWidget(item, 3, 0, 1, 2)  # a wide 0 where "." would be
            elif not decimal and key == "back":
                grid.addWidget(item, 3, 2)
            else:
                grid.addWidget(item, index // 3, index % 3)
            self.keys[key] = item
        # as tall as its keys need and no taller, so the page keeps the most room
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMaximumWidth(640)  # keys a thumb can reach, not the whole screen's width
        self.target: QLineEdit | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for key, item in self.keys.items():
            item.setText("⌫" if key == "back" else key)
            item.setAccessibleName(self.tr("Delete the last digit") if key == "back" else key)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and self.window().isAncestorOf(new):
            self.target = new

    def press(self, key: str) -> None:
        edit = self.target
        if edit is None or not edit.isEnabled() or not edit.isVisible():
            return
        if key == "back":
            edit.backspace()
        else:
            edit.insert(key)
        edit.textEdited.emit(edit.text())  # as if typed: the field re-checks itself
        self.pressed.emit(key)
