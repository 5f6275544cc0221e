"""A questionnaire screen: one page of the screener, its questions as cards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.screening.questionnaire import Page, Question, Questionnaire
from trialfinder.ui.answers import Answers, AnswerWidget, make_answer
from trialfinder.ui.common import Screen, button, card, label
from trialfinder.ui.theme import set_role


class QuestionCard(QFrame):
    """A question, its plain help, its answer, and on request why we ask and the registry's
    own words for the criterion."""

    def __init__(self, question: Question, questionnaire: Questionnaire,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.setObjectName(f"card-{question.fact}")
        self.question = question
        screener = questionnaire.screener
        self.criterion = screener.criterion(question.criterion) if question.criterion else None
        self.ask = label("heading", name=f"ask-{question.fact}")
        self.help = label("muted")
        self.answer: AnswerWidget = make_answer(question, screener, self)
        self.why_button = button("link", name=f"why-{question.fact}")
        self.why_button.setCheckable(True)
        self.why = label("note", name=f"whytext-{question.fact}")
        self.registry_button = button("link", name=f"registry-{question.fact}")
        self.registry_button.setCheckable(True)
        self.registry = label("registry", name=f"registrytext-{question.fact}")
        links = QHBoxLayout()
        links.setContentsMargins(0, 0, 0, 0)
        links.addWidget(self.why_button)
        links.addWidget(self.registry_button)
        links.addStretch(1)
        for widget in (self.ask, self.help, self.answer):
            layout.addWidget(widget)
        layout.addLayout(links)
        layout.addWidget(self.why)
        layout.addWidget(self.registry)
        self.why.hide()
        self.registry.hide()
        self.why_button.toggled.connect(self.why.setVisible)
        self.registry_button.toggled.connect(self.registry.setVisible)
        self.registry_button.setVisible(self.criterion is not None)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_registry_words(self, shown: bool) -> None:
        self.registry_button.setChecked(shown)

    def retranslate(self) -> None:
        self.ask.setText(_(self.question.ask))
        self.help.setText(_(self.question.help) if self.question.help else "")
        self.help.setVisible(bool(self.question.help))
        self.why_button.setText(self.tr("Why we ask"))
        self.why_button.setAccessibleName(self.tr("Why we ask: {question}").format(
            question=_(self.question.ask)))
        self.why.setText(_(self.question.why))
        self.registry_button.setText(self.tr("The registry's exact words"))
        self.registry_button.setAccessibleName(
            self.tr("The registry's exact words for: {question}").format(
                question=_(self.question.ask)))
        if self.criterion is not None:
            self.registry.setText(self.tr("ClinicalTrials.gov, criterion {id}, in English:")
                                  .format(id=self.criterion.id.replace("I", "inclusion ")
                                          .replace("E", "exclusion ")) + "\n"
                                  + self.criterion.registry)


class QuestionPage(Screen):
    """One page of questions. It reads and writes the shared answers; a question whose
    show_if turns false on this page (sex -> periods) is hidden at once."""

    changed = Signal()
    stop_requested = Signal()  # "See the result now" (a page with a stop rule)

    def __init__(self, page: Page, questionnaire: Questionnaire, answers: Answers,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.name = page.id
        self.questionnaire = questionnaire
        self.answers = answers
        self.section = label("muted", name="section")
        self.progress_text = label("muted", name="progress-text")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.column.addWidget(self.section)
        self.column.addWidget(self.progress_text)
        self.column.addWidget(self.progress)
        self.cards: list[QuestionCard] = []
        for question in page.questions:
            item = QuestionCard(question, questionnaire, self.content)
            self.cards.append(item)
            self.column.addWidget(item)
            item.answer.changed.connect(self._answer_changed)
        self.stop_card: QFrame | None = None
        if page.stop_if is not None:
            self.stop_card, layout = card(self.content)
            self.stop_card.setObjectName("stop-early")
            self.stop_text = label("", self.stop_card, "stop-note")
            self.stop_button = button("primary", self.stop_card, "see-result-now")
            self.stop_button.clicked.connect(self.stop_requested.emit)
            layout.addWidget(self.stop_text)
            row = QHBoxLayout()
            row.addWidget(self.stop_button)
            row.addStretch(1)
            layout.addLayout(row)
            self.column.addWidget(self.stop_card)
            self.stop_card.hide()
        self.column.addStretch(1)
        self.step = (1, 1)
        self.load()
        self.retranslate()

    def set_step(self, number: int, total: int) -> None:
        self.step = (number, total)
        self.progress.setRange(0, total)
        self.progress.setValue(number)
        self.retranslate_progress()

    def retranslate_progress(self) -> None:
        number, total = self.step
        text = self.tr("Step {number} of {total}").format(number=number, total=total)
        self.progress_text.setText(text)
        self.progress.setAccessibleName(text)

    def retranslate(self) -> None:
        self.section.setText(_(self.page.section))
        self.retranslate_progress()
        if self.stop_card is not None:
            self.stop_text.setText(_(self.page.stop_note))
            self.stop_button.setText(self.tr("See the result now"))
            self.stop_button.setAccessibleName(self.stop_button.text())

    def load(self) -> None:
        for item in self.cards:
            item.answer.load(self.answers)
        self.update_visible()

    def _answer_changed(self) -> None:
        # Choices take effect at once (they may show or hide a question on this page);
        # typed numbers are checked and stored when the person moves on.
        sender = self.sender()
        if isinstance(sender, AnswerWidget) and sender.question.kind in ("yn", "choice"):
            sender.store(self.answers)
            self.update_visible()
        elif self.stop_card is not None:
            self.stop_card.setVisible(self.questionnaire.may_stop(self.page, self.typed()))
        self.changed.emit()

    def on_show(self) -> None:
        # The page keeps what was typed, even an entry that is not right yet.
        self.update_visible()

    def update_visible(self) -> None:
        shown = {q.fact for _p, qs in self.questionnaire.visible(self.answers) for q in qs}
        for item in self.cards:
            item.setVisible(item.question.fact in shown)
        if self.stop_card is not None:
            self.stop_card.setVisible(self.questionnaire.may_stop(self.page, self.typed()))

    def typed(self) -> dict[str, Any]:
        """The answers with this page's numbers as typed so far, where they are right (read
        quietly: no message at a field while the person is still typing)."""
        answers = dict(self.answers)
        for item in self.visible_cards():
            for fact, value in item.answer.quiet_values().items():
                answers[fact] = value
        return answers

    def visible_cards(self) -> list[QuestionCard]:
        return [c for c in self.cards if not c.isHidden()]

    def store(self) -> bool:
        """Store every shown answer; False (with the message at the field) if one is wrong."""
        ok = True
        for item in self.visible_cards():
            if not item.answer.store(self.answers):
                if ok:
                    self.reveal(item)
                ok = False
        return ok

    def card_of(self, widget: QWidget) -> QuestionCard | None:
        """The question card ``widget`` is in (None if it is in none)."""
        while widget is not None and widget is not self:
            if widget in self.cards:
                return widget  # type: ignore[return-value]
            widget = widget.parentWidget()
        return None

    def reveal(self, card: QuestionCard, focus: QWidget | None = None) -> None:
        """Scroll so that the whole question shows; if it is taller than the room, its words
        and the control that has the focus. Now and once the layout has settled (a number
        pad that just appeared leaves less room)."""
        from PySide6.QtCore import QTimer

        def scroll() -> None:
            if card.isVisible():
                self.scroll.ensureWidgetVisible(card, 0, 8)
                self.scroll.ensureWidgetVisible(card.ask, 0, 8)
                if focus is not None and focus.isVisible():
                    self.show_whole(focus)

        scroll()
        QTimer.singleShot(0, card, scroll)  # not after the card is gone

    def show_registry_words(self, shown: bool) -> None:
        for item in self.cards:
            item.show_registry_words(shown)

    def first_focus(self) -> QWidget | None:
        cards = self.visible_cards()
        return cards[0].answer.focus_target() if cards else None

    def describe(self, answers: Mapping[str, Any]) -> list[tuple[Question, str]]:
        return [(c.question, c.answer.describe(answers)) for c in self.visible_cards()]
