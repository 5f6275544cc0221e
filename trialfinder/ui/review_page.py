"""Review: every answer that counts on one screen, each with a button to change it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.screening.questionnaire import Question
from trialfinder.screening.wording import unanswered_sentence
from trialfinder.ui.common import Screen, button, label

# (page id, section, [(question, the answer in words)]) for every shown page
Rows = list[tuple[str, str, list[tuple[Question, str]]]]


class ReviewPage(Screen):
    name = "review"
    change_requested = Signal(str, str)  # a page id and the question's fact

    def __init__(self, rows: Callable[[], Rows], unanswered: Callable[[], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = rows
        self.unanswered = unanswered
        self.title = label("title", name="review-title")
        self.intro = label()
        self.summary = label("note", name="review-unanswered")
        self.column.addWidget(self.title)
        self.column.addWidget(self.intro)
        self.column.addWidget(self.summary)
        self.body = QWidget(self.content)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        self.change_buttons: list[QWidget] = []
        self.retranslate()

    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the answers as they are now, in the current language."""
        count = self.unanswered()
        self.summary.setText(unanswered_sentence(count))
        self.summary.setVisible(count > 0)
        self._build(self.provider())

    def _build(self, rows: Rows) -> None:
        self.body = self.new_body(self.body)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.change_buttons = []
        row = 0
        section = ""
        for page_id, page_section, questions in rows:
            if page_section != section:
                section = page_section
                heading = label("heading", self.body)
                heading.setText(_(section))
                grid.addWidget(heading, row, 0, 1, 3)
                row += 1
            for question, answer in questions:
                ask = label(parent=self.body, name=f"review-ask-{question.fact}")
                ask.setText(_(question.ask))
                value = label("heading", self.body, f"review-answer-{question.fact}")
                value.setText(answer)
                change = button(parent=self.body, name=f"change-{question.fact}")
                change.setText(self.tr("Change"))
                change.setAccessibleName(self.tr("Change the answer to: {question}").format(
                    question=_(question.ask)))
                change.clicked.connect(lambda _c=False, p=page_id, f=question.fact:
                                       self.change_requested.emit(p, f))
                grid.addWidget(ask, row, 0)
                grid.addWidget(value, row, 1)
                grid.addWidget(change, row, 2)
                self.change_buttons.append(change)
                row += 1
        self.body.show()  # shown once filled: children of a shown widget need a show of their own

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check your answers"))
        self.intro.setText(self.tr(
            "Here is everything you told us. You can change any answer. \"Not answered\" and "
            "\"Not sure\" both mean we do not know yet: they never count as \"no\"."))
        if self.isVisible():  # a hidden review is rebuilt when next shown (on_show)
            self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.change_buttons[0] if self.change_buttons else None
