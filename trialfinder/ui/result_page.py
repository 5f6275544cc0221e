"""The result: the verdict, its reasons, what to ask and check, and how to reach the team."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.i18n.content import language as current_language
from trialfinder.screening.screener import Screener
from trialfinder.screening.verdict import LIKELY_NOT_ELIGIBLE, Outcome
from trialfinder.screening.wording import (
    CONTACT,
    CRITERIA,
    HEADING_TO_CHECK,
    HEADING_TO_FIND_OUT,
    NOT_RECRUITING_NOW,
    ONLY_STUDY_TEAM_DECIDES,
    RECRUITING_NOW,
    SCAN,
    STATE_AND_TITLE,
    STUDY_IDS,
    VERDICT_SENTENCE,
    VERDICT_TITLE,
    WHAT_STANDS,
    reason,
    sentence,
)
from trialfinder.trial.display import place_line, place_name, record_source_text, status_word
from trialfinder.trial.model import Contact, TrialRecord
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.common import Screen, button, card, label


def tel_url(phone: str) -> QUrl:
    """A tel: link with only the digits and a leading + of a phone number."""
    digits = re.sub(r"[^\d+]", "", phone)
    return QUrl(f"tel:{digits}")


class ResultPage(Screen):
    name = "result"

    save_pdf_requested = Signal(str)  # the summary's language: "en", "zh_CN" or "both"
    print_requested = Signal(str)
    save_answers_requested = Signal()

    def __init__(self, screener: Screener, outcome: Callable[[], Outcome],
                 current: Callable[[], CurrentRecord], parent: QWidget | None = None,
                 actions: tuple[str, ...] = ("pdf", "print", "answers")) -> None:
        super().__init__(parent)
        self.actions = actions  # what this mode offers: a kiosk only prints
        self.screener = screener
        self.outcome_provider = outcome
        self.record_provider = current
        self.body = QWidget(self.content)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        self.show_registry = False
        self.outcome: Outcome | None = None
        self.first: QWidget | None = None

    def on_show(self) -> None:
        self.refresh()

    def set_record(self, current: CurrentRecord) -> None:
        """Show a newer trial record (the answers and the verdict stay)."""
        if self.outcome is not None:
            self._build()

    def refresh(self) -> None:
        """Work out the verdict from the answers as they are now and show it."""
        self.outcome = self.outcome_provider()
        self._build()

    def retranslate(self) -> None:
        if self.outcome is not None and self.isVisible():  # else rebuilt when next shown
            self._build()

    def _build(self) -> None:
        assert self.outcome is not None
        outcome, current = self.outcome, self.record_provider()
        self.body = self.new_body(self.body)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)

        verdict = label("verdict", name="verdict")
        verdict.setText(_(VERDICT_TITLE[outcome.verdict]))
        column.addWidget(verdict)
        column.addWidget(self._text(_(VERDICT_SENTENCE[outcome.verdict]), name="verdict-text"))
        column.addWidget(self._text(_(ONLY_STUDY_TEAM_DECIDES), "note", "decides"))

        if outcome.verdict == LIKELY_NOT_ELIGIBLE:
            column.addWidget(self._text(_(WHAT_STANDS), "heading"))
            for term in outcome.blocking:
                criterion = self.screener.criterion(term)
                frame, layout = card(self.body)
                layout.addWidget(self._text(_(criterion.title), "heading"))
                layout.addWidget(self._text(_(sentence(criterion, outcome.status(term)))))
                if criterion.may_change:
                    layout.addWidget(self._text(_(criterion.may_change), "good"))
                frame.setObjectName(f"blocking-{term}")
                column.addWidget(frame)
            column.addWidget(self._text(self.tr(
                "If an answer was wrong, go back and change it. You can also contact the study "
                "team: they may see things differently.")))

        self._actions(column)
        self._list(column, _(HEADING_TO_FIND_OUT), outcome.to_find_out, "to-find-out")
        self._list(column, _(HEADING_TO_CHECK), outcome.to_check_at_screening, "to-check")
        self._contact(column, current)
        self._criteria(column, outcome)
        judgment = [c for c in self.screener.criteria if c.kind == "judgment"]
        for criterion in judgment:
            column.addWidget(self._text(_(criterion.unknown), "muted", "judgment"))
        column.addWidget(self._text(_(ONLY_STUDY_TEAM_DECIDES), "note"))
        self.body.show()  # shown once filled: children of a shown widget need a show of their own

    def _actions(self, column: QVBoxLayout) -> None:
        """Take the result away: a PDF, a print-out, the answers to carry on later."""
        if not self.actions:
            return
        row = QHBoxLayout()
        language = QComboBox(self.body)
        language.setObjectName("summary-language")
        for code, text in (("zh_CN", "中文"), ("en", "English"), ("both", "中文 + English")):
            language.addItem(text, code)
        language.setCurrentIndex(0 if current_language() == "zh_CN" else 1)
        language.setAccessibleName(self.tr("Language of the summary"))
        caption = label(parent=self.body, name="summary-language-label")
        caption.setText(self.tr("Language of the summary"))
        caption.setBuddy(language)
        row.addWidget(caption)
        row.addWidget(language)
        buttons = []
        if "pdf" in self.actions:
            pdf = button("primary", self.body, "save-pdf")
            pdf.setText(self.tr("Save summary as PDF"))
            pdf.clicked.connect(lambda: self.save_pdf_requested.emit(language.currentData()))
            buttons.append(pdf)
        if "print" in self.actions:
            printer = button(parent=self.body, name="print")
            printer.setText(self.tr("Print summary"))
            printer.clicked.connect(lambda: self.print_requested.emit(language.currentData()))
            buttons.append(printer)
        if "answers" in self.actions:
            keep = button(parent=self.body, name="save-answers")
            keep.setText(self.tr("Save answers to carry on later"))
            keep.clicked.connect(self.save_answers_requested.emit)
            buttons.append(keep)
        row.addStretch(1)
        column.addLayout(row)
        for item in buttons:  # one per line: nothing runs off the side at large text sizes
            item.setAccessibleName(item.text())
            line = QHBoxLayout()
            line.addWidget(item)
            line.addStretch(1)
            column.addLayout(line)

    def _text(self, text: str, role: str = "", name: str = "") -> QWidget:
        widget = label(role, self.body, name)
        widget.setText(text)
        return widget

    def _list(self, column: QVBoxLayout, heading: str, facts: tuple[str, ...], name: str) -> None:
        if not facts:
            return
        column.addWidget(self._text(heading, "heading", f"{name}-heading"))
        items = "\n".join(f"•  {_(self.screener.facts[f].label)}" for f in facts)
        column.addWidget(self._text(items, name=name))

    def _contact(self, column: QVBoxLayout, current: CurrentRecord) -> None:
        record = current.record
        frame, layout = card(self.body)
        frame.setObjectName("contact-card")
        layout.addWidget(self._text(_(CONTACT), "heading"))
        status = _(RECRUITING_NOW) if record.recruiting else _(NOT_RECRUITING_NOW)
        layout.addWidget(self._text(status, "good" if record.recruiting else "warn",
                                    "recruiting"))
        if not record.recruiting:
            layout.addWidget(self._text(self.tr(
                "You can still contact the study team with questions.")))
        for message in current.warnings:
            layout.addWidget(self._text(message.text(), "warn", "record-warning"))
        if current.fetch_problem:
            layout.addWidget(self._text(current.problem_text(), "muted", "fetch-problem"))
        for site in record.sites:
            place = place_line(site.city, site.state, site.country)
            layout.addWidget(self._text(place_name(site.facility), "heading", "site"))
            layout.addWidget(self._text(
                self.tr("{place}. This site is {status}.").format(
                    place=place, status=status_word(site.status or record.overall_status)),
                name="site-place"))
        self.first = None
        for names, contact in record.contacts_by_phone():
            self._contact_row(layout, " / ".join(names), contact)
        layout.addWidget(self._qr(record))
        layout.addWidget(self._text(
            _(STUDY_IDS).format(
                nct_id=record.nct_id, code=record.org_study_id or "-"), name="ids"))
        layout.addWidget(self._text(
            record_source_text(current),
            "muted", "record-date"))
        column.addWidget(frame)

    def _contact_row(self, layout: QVBoxLayout, names: str, contact: Contact) -> None:
        text = names
        if contact.phone:
            text += f"   {contact.phone}"
        if contact.email:
            text += f"   {contact.email}"
        layout.addWidget(self._text(text, name="contact"))
        if not contact.phone:
            return
        row = QHBoxLayout()
        copy = button(parent=self.body, name="copy-phone")
        copy.setText(self.tr("Copy the number"))
        copy.setAccessibleName(self.tr("Copy the phone number {phone}").format(
            phone=contact.phone))
        copy.clicked.connect(lambda _c=False, p=contact.phone: self._copy(p))
        call = button(parent=self.body, name="call-phone")
        call.setText(self.tr("Call"))
        call.setAccessibleName(self.tr("Call {name} at {phone}").format(
            name=names, phone=contact.phone))
        call.setToolTip(tel_url(contact.phone).toString())
        call.clicked.connect(
            lambda _c=False, p=contact.phone: QDesktopServices.openUrl(tel_url(p)))
        row.addWidget(copy)
        row.addWidget(call)
        row.addStretch(1)
        layout.addLayout(row)
        self.first = self.first or copy

    def _qr(self, record: TrialRecord) -> QWidget:
        """The QR code with the team's contact and the study's address, for a phone to keep."""
        from trialfinder.report.qr import contact_qr_png

        box = QWidget(self.body)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        image = QLabel(box)
        image.setObjectName("qr-code")
        pixmap = QPixmap()
        pixmap.loadFromData(contact_qr_png(record, scale=5), "PNG")
        image.setPixmap(pixmap)
        image.setAccessibleName(self.tr("QR code with the study team's phone number"))
        row.addWidget(image)
        row.addWidget(self._text(_(SCAN)), 1)
        return box

    def _copy(self, phone: str) -> None:
        QGuiApplication.clipboard().setText(phone)

    def _criteria(self, column: QVBoxLayout, outcome: Outcome) -> None:
        column.addWidget(self._text(_(CRITERIA), "heading"))
        toggle = button("link", self.body, "show-registry")
        toggle.setCheckable(True)
        toggle.setChecked(self.show_registry)
        toggle.setText(self.tr("Show the registry's exact words"))
        toggle.setAccessibleName(self.tr("Show the registry's exact words"))
        column.addWidget(toggle)
        registry_labels = []
        for criterion in self.screener.criteria:
            if criterion.kind not in ("inclusion", "exclusion", "path"):
                continue
            frame, layout = card(self.body)
            frame.setObjectName(f"criterion-{criterion.id}")
            state, because = reason(self.screener, criterion, outcome.terms)
            layout.addWidget(self._text(_(STATE_AND_TITLE).format(
                state=_(state), title=_(criterion.title)), "heading"))
            layout.addWidget(self._text(_(because)))
            words = self._text(criterion.registry, "registry")
            words.setVisible(self.show_registry)
            registry_labels.append(words)
            layout.addWidget(words)
            column.addWidget(frame)

        def toggled(shown: bool) -> None:
            self.show_registry = shown
            for item in registry_labels:
                item.setVisible(shown)

        toggle.toggled.connect(toggled)

    def first_focus(self) -> QWidget | None:
        return self.first
