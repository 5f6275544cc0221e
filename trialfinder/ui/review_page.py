"""Review: every answer that counts on one screen, each with a button to change it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.screening.questionnaire import Question
from trialfinder.ui.common import Screen, button, card, label

# (page id, [(question, the answer in words)]) for every shown page
Rows = list[tuple[str, list[tuple[Question, str]]]]


class ReviewPage(Screen):
    name = "review"
    change_requested = Signal(str)  # a page id

    def __init__(self, rows: Callable[[], Rows], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = rows
        self.title = label("title", name="review-title")
        self.intro = label()
        self.column.addWidget(self.title)
        self.column.addWidget(self.intro)
        self.body = QWidget(self.content)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        self.change_buttons: list[QWidget] = []
        self.retranslate()

    def refresh(self) -> None:
        """Show the answers as they are now, in the current language."""
        self._build(self.provider())

    def _build(self, rows: Rows) -> None:
        old = self.body
        self.body = QWidget(self.content)
        self.column.replaceWidget(old, self.body)
        old.deleteLater()
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        row = 0
        self.change_buttons: list[QWidget] = []
        for page_id, questions in rows:
            for question, answer in questions:
                frame, layout = card(self.body)
                ask = label(name=f"review-ask-{question.fact}")
                ask.setText(_(question.ask))
                value = label("heading", name=f"review-answer-{question.fact}")
                value.setText(answer)
                change = button(name=f"change-{question.fact}")
                change.setText(self.tr("Change"))
                change.setAccessibleName(self.tr("Change the answer to: {question}").format(
                    question=_(question.ask)))
                change.clicked.connect(lambda _c=False, p=page_id: self.change_requested.emit(p))
                layout.addWidget(ask)
                layout.addWidget(value)
                layout.addWidget(change)
                grid.addWidget(frame, row, 0, 1, 2)
                self.change_buttons.append(change)
                row += 1

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check your answers"))
        self.intro.setText(self.tr(
            "Here is everything you told us. You can change any answer. \"Not answered\" and "
            "\"Not sure\" both mean we do not know yet: they never count as \"no\"."))
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.change_buttons[0] if self.change_buttons else None
