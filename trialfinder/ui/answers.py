"""Answer widgets, one per question kind: yes / no / not sure, a choice, numbers, lab pairs,
a date."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trialfinder.i18n.content import _
from trialfinder.i18n.formatting import format_number
from trialfinder.screening.answer_text import describe_answer, option_word
from trialfinder.screening.dates import NotADate, in_range, parse_date
from trialfinder.screening.derive import derived_value
from trialfinder.screening.facts import UNSURE
from trialfinder.screening.numbers import NOT_A_NUMBER, NOT_WHOLE, OUT_OF_RANGE, typed_number
from trialfinder.screening.questionnaire import Question, as_asked
from trialfinder.screening.screener import FactSpec, Screener
from trialfinder.ui.theme import set_role

Answers = dict[str, Any]


class AnswerWidget(QWidget):
    """The part of a question card that takes the answer."""

    changed = Signal()

    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.question = question
        self.screener = screener

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Each kind also has: retranslate() to set its text in the current language;
    # load(answers) to show the answers; store(answers) -> bool to check the entry and write it
    # into the answers (or show why not). describe(answers) -> str for the review is shared.

    def retranslate(self) -> None:
        """Set every text in the current language (overridden by each kind)."""

    def describe(self, answers: Mapping[str, Any]) -> str:
        """The answer in words, for the review."""
        return describe_answer(self.screener, self.question, answers, _)

    def put(self, answers: Answers, value: Any) -> None:
        """Write the question's answer into the answers, or take it out when there is none."""
        if value is None:
            answers.pop(self.question.fact, None)
        else:
            answers[self.question.fact] = value

    def focus_target(self) -> QWidget:
        return self

    def quiet_values(self) -> dict[str, Any]:
        """The typed values that are right so far, read without showing any message (typed
        kinds override this; a choice is stored at once)."""
        return {}


class ChoiceAnswer(AnswerWidget):
    """Big radio buttons: Yes / No / Not sure, or a choice's options and Not sure."""

    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(question, screener, parent)
        spec = screener.facts[question.fact]
        # Each button is keyed by the fact value it sets; a question asked the other way round
        # ("was it positive?") shows "Yes" on the button that sets "no".
        self.values = [*spec.choices, UNSURE] if spec.type == "choice" else [
            as_asked(question, "yes"), as_asked(question, "no"), UNSURE]
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QRadioButton] = {}
        for value in self.values:
            button = QRadioButton(self)
            button.setObjectName(f"{question.fact}-{value}")
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
            button.toggled.connect(lambda checked: checked and self.changed.emit())
        layout.addStretch(1)
        self.retranslate()

    def option_text(self, value: str) -> str:
        return option_word(as_asked(self.question, value), _,
                           self.screener.facts[self.question.fact])

    def retranslate(self) -> None:
        for value, button in self.buttons.items():
            button.setText(self.option_text(value))
            button.setAccessibleName(self.option_text(value))
            button.setAccessibleDescription(_(self.question.ask))

    def load(self, answers: Mapping[str, Any]) -> None:
        value = answers.get(self.question.fact)
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == value)
        self.group.setExclusive(True)

    def current(self) -> str | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def store(self, answers: Answers) -> bool:
        self.put(answers, self.current())
        return True

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or self.buttons[self.values[0]]


def mark_field(edit: QWidget, error: QWidget, message: str) -> None:
    """Show a message at an entry field, or clear it with "": the text under the field, a red
    frame (style property "invalid") and the field's description for a screen reader."""
    error.setText(message)
    error.setVisible(bool(message))
    edit.setProperty("invalid", bool(message))
    edit.setAccessibleDescription(message)
    edit.style().unpolish(edit)
    edit.style().polish(edit)


class NumberField(QWidget):
    """A number entry with its unit and a kind message when the entry is not right."""

    changed = Signal()

    def __init__(self, spec: FactSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{spec.name}-edit")
        self.edit.setMaxLength(12)
        self.unit = QLabel(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName(f"{spec.name}-error")
        set_role(self.error, "error")
        self.error.hide()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.edit)
        self.row.addWidget(self.unit)
        self.row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.error)
        self.edit.textEdited.connect(self._edited)
        self.label_text = ""
        self.message: Callable[[], str] | None = None  # the shown message, in any language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.message is not None:
            self.show_error(self.message)  # the message follows the language switch
        super().changeEvent(event)

    def set_label(self, text: str) -> None:
        self.label_text = text
        self.edit.setAccessibleName(text)
        self.unit.setText(_(self.spec.unit))
        self.edit.setPlaceholderText(
            self.tr("{low} to {high}").format(low=format_number(self.spec.minimum),
                                               high=format_number(self.spec.maximum)))

    def _edited(self) -> None:
        if self.error.isVisible():
            self.read()  # re-check as the person types, so the message goes once it is right
        self.changed.emit()

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(format_number(value, 4) .replace(",", "")
                          if isinstance(value, int | float) else "")
        self.show_error("")

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Show a message at the field (given as a function, it is re-worded in the new
        language when the language changes); "" hides it."""
        self.message = message if callable(message) else None
        message = message() if callable(message) else message
        mark_field(self.edit, self.error, message)

    def check(self) -> tuple[float | None, str | None]:
        """The typed value and what is wrong with it (screening.numbers), showing nothing."""
        return typed_number(self.spec, self.edit.text())

    def read(self) -> tuple[bool, float | None]:
        """(True, value or None when empty), or (False, None) with the message shown."""
        spec = self.spec
        value, problem = self.check()
        if problem == NOT_A_NUMBER:
            if spec.integer:
                self.show_error(lambda: self.tr("Please enter a whole number, like 2."))
            else:
                self.show_error(lambda: self.tr("Please enter a number, like 3.5, using digits."))
            return False, None
        if problem == NOT_WHOLE:
            self.show_error(lambda: self.tr(
                "Please enter a whole number from {low} to {high}.").format(
                    low=format_number(spec.minimum), high=format_number(spec.maximum)))
            return False, None
        if problem == OUT_OF_RANGE:
            self.show_error(lambda: self.tr(
                "This number is outside what we expect: please enter a number from {low} to "
                "{high} {unit}, or choose \"Not sure\".").format(
                    low=format_number(spec.minimum), high=format_number(spec.maximum),
                    unit=_(spec.unit)))
            return False, None
        self.show_error("")
        if value is None:
            return True, None
        return True, int(value) if spec.integer else value


class _NumbersAnswer(AnswerWidget):
    """Shared parts of the number questions: fields in a grid, Not sure, a computed line."""

    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(question, screener, parent)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.labels: list[QLabel] = []
        self.fields: list[NumberField] = []
        self.unsure = QCheckBox(self)
        self.unsure.setObjectName(f"{question.fact}-unsure")
        # as wide as its words, so a click or tap anywhere on it counts
        self.unsure.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.computed = QLabel(self)
        self.computed.setWordWrap(True)
        self.computed.setObjectName(f"{question.fact}-computed")
        set_role(self.computed, "note")
        self.computed.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.computed)
        layout.addWidget(self.unsure)
        self.unsure.toggled.connect(self._unsure_toggled)

    def add_field(self, fact: str) -> NumberField:
        label = QLabel(self)
        label.setWordWrap(True)
        field = NumberField(self.screener.facts[fact], self)
        label.setBuddy(field.edit)
        row = len(self.fields)
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(field, row, 1)
        self.labels.append(label)
        self.fields.append(field)
        QWidget.setTabOrder(field.edit, self.unsure)  # "Not sure" is below the fields
        field.changed.connect(self._update)
        return field

    def order_tabs(self) -> None:
        """Tab goes through the entries in reading order, then "Not sure" (whether or not it
        is ticked: a ticked box only greys the entries out)."""
        chain: list[QWidget] = []
        for field in self.fields:
            chain.append(field.edit)
            chain.extend(field.findChildren(QComboBox))
        chain.append(self.unsure)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _unsure_toggled(self, checked: bool) -> None:
        for field in self.fields:
            field.edit.setEnabled(not checked)
            if checked:
                field.show_error("")
        self._update()

    def _update(self) -> None:
        self.computed_text()
        self.changed.emit()

    def computed_text(self) -> None:
        """Show what the entries work out to, as the verdict computes it (screening.derive),
        while they are typed; nothing for a plain number or while "Not sure" is ticked."""
        item = self.screener.derived.get(self.question.fact)
        typed = {field.spec.name: value for field in self.fields
                 for value, problem in [field.check()]
                 if value is not None and problem != NOT_A_NUMBER}
        value = None if item is None or self.unsure.isChecked() else derived_value(item, typed)
        words = "" if value is None else self.computed_words(value)
        self.computed.setText(words)
        self.computed.setVisible(bool(words))

    def computed_words(self, value: float) -> str:
        """The derived value in words (overridden where there is one)."""
        return ""

    def retranslate(self) -> None:
        self.unsure.setText(option_word(UNSURE, _))
        self.unsure.setAccessibleName(option_word(UNSURE, _))
        self.unsure.setAccessibleDescription(_(self.question.ask))
        self.computed_text()

    def focus_target(self) -> QWidget:
        return self.fields[0].edit if not self.unsure.isChecked() else self.unsure

    def load(self, answers: Mapping[str, Any]) -> None:
        facts = self.question.answer_facts
        unsure = any(answers.get(f) == UNSURE for f in facts)
        self.unsure.setChecked(unsure)
        for field in self.fields:
            field.set_value(None if unsure else answers.get(field.spec.name))
        self.computed_text()

    def quiet_values(self) -> dict[str, Any]:
        if self.unsure.isChecked():
            return {}
        found: dict[str, Any] = {}
        for field in self.fields:
            value, problem = field.check()
            if value is not None and problem is None:
                found[field.spec.name] = value
        return found

    def read_all(self) -> list[float | None] | None:
        results = [field.read() for field in self.fields]
        if not all(ok for ok, _value in results):
            bad = next(f for f, (ok, _v) in zip(self.fields, results, strict=True) if not ok)
            bad.edit.setFocus()
            return None
        return [value for _ok, value in results]

    def store(self, answers: Answers) -> bool:
        facts = self.question.answer_facts
        if self.unsure.isChecked():
            for fact in facts:
                answers.pop(fact, None)
            for field in self.fields:
                answers[field.spec.name] = UNSURE
            return True
        values = self.read_all()
        if values is None:
            return False
        if not self.complete(values):
            return False
        for fact in facts:
            answers.pop(fact, None)
        for field, value in zip(self.fields, values, strict=True):
            if value is not None:
                answers[field.spec.name] = value
        return True

    def complete(self, values: list[float | None]) -> bool:
        """Whether the entries belong together (all or none, for pairs)."""
        if len(values) > 1 and any(v is None for v in values) and any(
                v is not None for v in values):
            missing = next(f for f, v in zip(self.fields, values, strict=True) if v is None)
            missing.show_error(lambda: self.tr(
                "Please enter both numbers from the same report, or choose \"Not sure\"."))
            missing.edit.setFocus()
            return False
        return True


class NumberAnswer(_NumbersAnswer):
    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(question, screener, parent)
        self.add_field(question.fact)
        self.order_tabs()
        self.retranslate()

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("Your answer"))
        self.fields[0].set_label(_(self.question.ask))
        super().retranslate()



class RatioAnswer(_NumbersAnswer):
    """A lab value and the upper limit printed on the same report."""

    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(question, screener, parent)
        self.value = self.add_field(question.inputs["value"])
        self.upper = self.add_field(question.inputs["upper_limit"])
        for field in self.fields:
            field.unit.hide()  # any unit, as long as both numbers come from the same report
        self.order_tabs()
        self.retranslate()

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("Result"))
        self.labels[1].setText(self.tr("Upper limit of normal"))
        self.value.set_label(self.tr("Result: {what}").format(what=_(self.question.ask)))
        self.upper.set_label(self.tr("Upper limit of normal, from the same report"))
        super().retranslate()

    def computed_words(self, value: float) -> str:
        return self.tr("About {ratio} times the upper limit of normal.").format(
            ratio=format_number(value, 1))


class EgfrAnswer(_NumbersAnswer):
    """Height and serum creatinine (µmol/L or mg/dL), giving eGFR by bedside Schwartz."""

    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(question, screener, parent)
        self.height = self.add_field(question.inputs["height"])
        self.umol_fact = question.inputs["creatinine_umol_l"]
        self.mg_fact = question.inputs["creatinine_mg_dl"]
        self.creatinine = self.add_field(self.umol_fact)
        self.creatinine.unit.hide()
        self.unit = QComboBox(self)
        self.unit.setObjectName("creatinine-unit")
        self.unit.addItem("µmol/L", self.umol_fact)
        self.unit.addItem("mg/dL", self.mg_fact)
        self.creatinine.row.insertWidget(2, self.unit)
        QWidget.setTabOrder(self.creatinine.edit, self.unit)  # beside the field, before
        QWidget.setTabOrder(self.unit, self.unsure)  # "Not sure" below
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.order_tabs()
        self.retranslate()

    def _unit_changed(self) -> None:
        fact = self.unit.currentData()
        self.creatinine.spec = self.screener.facts[fact]
        self.creatinine.set_label(self.creatinine.label_text)
        if self.creatinine.text():
            self.creatinine.read()
        self._update()

    def computed_words(self, value: float) -> str:
        return self.tr("Estimated kidney function (eGFR): about {egfr} mL/min/1.73 m².").format(
            egfr=format_number(value, 0))

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("Height"))
        self.labels[1].setText(self.tr("Serum creatinine"))
        self.height.set_label(self.tr("Height in cm"))
        self.creatinine.set_label(self.tr("Serum creatinine, from the lab report"))
        self.unit.setAccessibleName(self.tr("Unit of the creatinine result"))
        super().retranslate()

    def load(self, answers: Mapping[str, Any]) -> None:
        use_mg = answers.get(self.mg_fact) is not None and answers.get(self.umol_fact) is None
        self.unit.setCurrentIndex(1 if use_mg else 0)
        super().load(answers)


class DateAnswer(AnswerWidget):
    """An optional date, year first; left empty it is simply not known."""

    def __init__(self, question: Question, screener: Screener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(question, screener, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{question.fact}-edit")
        self.edit.setMaxLength(20)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName(f"{question.fact}-error")
        set_role(self.error, "error")
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.edit.textEdited.connect(self._edited)
        self.message: Callable[[], str] | None = None  # the shown message, in any language
        self.retranslate()

    def _edited(self) -> None:
        if self.error.isVisible():
            self.read()
        self.changed.emit()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("for example 2026-03-31"))
        self.edit.setAccessibleName(_(self.question.ask))
        if self.message is not None:
            self.show_error(self.message)  # the message follows the language switch

    def focus_target(self) -> QWidget:
        return self.edit

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Show a message at the field (given as a function, it is re-worded in the new
        language when the language changes); "" hides it."""
        self.message = message if callable(message) else None
        mark_field(self.edit, self.error, message() if callable(message) else message)

    def read(self) -> tuple[bool, str | None]:
        """(True, an ISO date or None when empty), or (False, None) with the message shown."""
        try:
            day = parse_date(self.edit.text())
        except NotADate:
            self.show_error(lambda: self.tr(
                "Please write the date year first, like 2026-03-31, or leave it empty."))
            return False, None
        if day is not None and not in_range(day):
            self.show_error(lambda: self.tr(
                "This date is in the future or too long ago. Please check it, or leave it "
                "empty."))
            return False, None
        self.show_error("")
        return True, day.isoformat() if day else None

    def load(self, answers: Mapping[str, Any]) -> None:
        value = answers.get(self.question.fact)
        self.edit.setText(value if isinstance(value, str) and value != UNSURE else "")
        self.show_error("")

    def store(self, answers: Answers) -> bool:
        ok, value = self.read()
        if not ok:
            self.edit.setFocus()
            return False
        self.put(answers, value)
        return True


def make_answer(question: Question, screener: Screener, parent: QWidget | None = None
                ) -> AnswerWidget:
    kinds: dict[str, type[AnswerWidget]] = {
        "yn": ChoiceAnswer, "choice": ChoiceAnswer, "number": NumberAnswer,
        "ratio": RatioAnswer, "egfr": EgfrAnswer, "date": DateAnswer,
    }
    return kinds[question.kind](question, screener, parent)
