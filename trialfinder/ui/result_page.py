"""The result: the one explanation of the outcome (trialfinder.screening.explanation) drawn as
widgets, part by part in its order, with how to reach the team and the ways to take it away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.i18n.content import language as current_language
from trialfinder.i18n.languages import BY_CODE, side_by_side_pairs
from trialfinder.i18n.languages import CODES as LANGUAGE_CODES
from trialfinder.screening.explanation import (
    Blocking,
    CriteriaGroup,
    Explanation,
    Questions,
    explain,
)
from trialfinder.screening.screener import Screener
from trialfinder.screening.verdict import Outcome
from trialfinder.trial.display import (
    place_line,
    place_name,
    record_source_text,
    status_line,
    status_word,
)
from trialfinder.trial.model import Contact, TrialRecord, dialable
from trialfinder.trial.record_text import ABOUT_RECORD, CONTACT, DIAL_FROM_PHONE, SCAN, STUDY_IDS
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.common import Screen, button, card, label
from trialfinder.ui.phone import can_place_calls, one_line, tel_url
from trialfinder.ui.related_view import related_view
from trialfinder.ui.theme import set_role
from trialfinder.ui.verdict_icon import verdict_icon


class ResultPage(Screen):
    name = "result"

    save_pdf_requested = Signal(str)  # the summary's language: a key of report.summary.LANGS
    print_requested = Signal(str)
    save_answers_requested = Signal()

    def __init__(self, screener: Screener, outcome: Callable[[], Outcome],
                 current: Callable[[], CurrentRecord], parent: QWidget | None = None,
                 actions: tuple[str, ...] = ("pdf", "print", "answers"),
                 calls: bool = True) -> None:
        super().__init__(parent)
        self.offer_calls = calls  # a kiosk has no phone: it offers the QR code instead
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
        told = explain(self.screener, outcome)
        self.body = self.new_body(self.body)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.first = None
        # The explanation's parts in its order. First screen: what the result is, what it
        # means, what to do, whom to call. Other studies are made where they stand, so that
        # Tab reaches them in reading order; the ways to take the result away come before
        # what to find out.
        parts: dict[str, Callable[[], None]] = {
            "lead": lambda: self._lead(column, told),
            "contact": lambda: self._contact(column, current),
            "decides": lambda: self._notes(column, (told.decides,), "note", "decides"),
            "standing": lambda: self._standing(column, told),
            "related": lambda: column.addWidget(related_view(outcome, self.window(), self.body)),
            "questions": lambda: self._questions(column, told.questions),
            "to_check": lambda: self._list(column, _(told.to_check_heading), told.to_check,
                                           "to-check"),
            "criteria": lambda: self._criteria(column, told),
            "record": lambda: self._record(column, current),
            "judgment": lambda: self._notes(column, told.judgment, "muted", "judgment"),
            "closing": lambda: self._notes(column, (told.decides,), "note"),
        }
        for part in told.parts:
            parts[part]()
        self.body.show()  # shown once filled: children of a shown widget need a show of their own

    def _lead(self, column: QVBoxLayout, told: Explanation) -> None:
        """The verdict in words and with an icon (never colour alone), its meaning and the next
        step."""
        frame, layout = card(self.body)
        frame.setObjectName("lead")
        set_role(frame, f"lead-{told.verdict}")
        top = QHBoxLayout()
        icon = QLabel(frame)
        icon.setObjectName("verdict-icon")
        icon.setPixmap(verdict_icon(told.verdict, self.fontMetrics().height() * 2))
        icon.setAccessibleName(_(told.title))
        verdict = label(f"verdict-{told.verdict}", frame, "verdict")
        verdict.setText(_(told.title))
        top.addWidget(icon)
        top.addWidget(verdict, 1)
        layout.addLayout(top)
        layout.addWidget(self._text(_(told.meaning), name="verdict-text"))
        layout.addWidget(self._text(_(told.next_step), "heading", "next-step"))
        column.addWidget(frame)

    def _standing(self, column: QVBoxLayout, told: Explanation) -> None:
        """What stands in the way: each criterion, the values that failed, whether and when
        it may change."""
        column.addWidget(self._text(_(told.what_stands), "heading"))
        for item in told.standing:
            column.addWidget(self._blocking(item))
        if told.time_limit_only:
            column.addWidget(self._text(_(told.time_limit_only), "good", "time-limit-only"))
        column.addWidget(self._text(self.tr(
            "If an answer was wrong, go back and change it. You can also contact the study "
            "team: they may see things differently.")))

    def _blocking(self, item: Blocking) -> QWidget:
        frame, layout = card(self.body)
        layout.addWidget(self._text(_(item.title), "heading"))
        layout.addWidget(self._text(_(item.sentence)))
        for line in item.failed:  # the failed values first, then what may change
            layout.addWidget(self._text(line.text(), "", f"blocking-line-{item.criterion}"))
        for line in item.may_change:
            layout.addWidget(self._text(line.text(), "good", f"blocking-line-{item.criterion}"))
        frame.setObjectName(f"blocking-{item.criterion}")
        return frame

    def _actions(self, column: QVBoxLayout) -> None:
        """Take the result away: a PDF, a print-out, the answers to carry on later."""
        if not self.actions:
            return
        row = QHBoxLayout()
        language = QComboBox(self.body)
        language.setObjectName("summary-language")
        # each language alone, then any two side by side (languages table order)
        for codes in (*((code,) for code in LANGUAGE_CODES), *side_by_side_pairs()):
            language.addItem(" + ".join(BY_CODE[code].native_name for code in codes),
                             "+".join(codes))
        language.setCurrentIndex(max(0, language.findData(current_language())))
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

    def _list(self, column: QVBoxLayout, heading: str, items: tuple[str, ...], name: str
              ) -> None:
        if not items:
            return
        column.addWidget(self._text(heading, "heading", f"{name}-heading"))
        column.addWidget(self._text("\n".join(f"•  {_(item)}" for item in items), name=name))

    def _questions(self, column: QVBoxLayout, groups: tuple[Questions, ...]) -> None:
        """The ways to take the result away, then what is still unknown, by who can answer
        it: each item a question (rev 2)."""
        self._actions(column)
        for group in groups:
            self._list(column, _(group.heading), group.items, f"group-{group.key}")

    def _notes(self, column: QVBoxLayout, texts: tuple[str, ...], role: str, name: str = ""
               ) -> None:
        for text in texts:
            column.addWidget(self._text(_(text), role, name))

    def _contact(self, column: QVBoxLayout, current: CurrentRecord) -> None:
        """The study team's phone and the QR code, with the study's status as far as known."""
        record = current.record
        frame, layout = card(self.body)
        frame.setObjectName("contact-card")
        row = QHBoxLayout()
        details = QVBoxLayout()
        details.addWidget(self._text(_(CONTACT), "heading"))
        status, style = status_line(current)
        details.addWidget(self._text(status, style, "recruiting"))
        for site in record.sites[:1]:
            details.addWidget(self._text(place_name(site.facility), "heading", "site"))
        for names, contact in record.contacts_by_phone():
            self._contact_row(details, names[0] if names else "", contact)
        if not self.calls_possible():
            details.addWidget(self._text(_(DIAL_FROM_PHONE), "muted", "how-to-call"))
        row.addLayout(details, 1)
        row.addWidget(self._qr(record), 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        column.addWidget(frame)

    def _record(self, column: QVBoxLayout, current: CurrentRecord) -> None:
        """Where the study is, its numbers, and which copy of the record this is."""
        record = current.record
        frame, layout = card(self.body)
        frame.setObjectName("record-card")
        layout.addWidget(self._text(_(ABOUT_RECORD), "heading"))
        for message in current.warnings:
            layout.addWidget(self._text(message.text(), "warn", "record-warning"))
        if current.fetch_problem:
            layout.addWidget(self._text(current.problem_text(), "muted", "fetch-problem"))
        for site in record.sites:
            place = place_line(site.city, site.state, site.country)
            layout.addWidget(self._text(
                self.tr("{place}. This site is {status}.").format(
                    place=place, status=status_word(site.status or record.overall_status)),
                name="site-place"))
        layout.addWidget(self._text(
            _(STUDY_IDS).format(
                nct_id=record.nct_id, code=record.org_study_id or "-"), name="ids"))
        layout.addWidget(self._text(record_source_text(current), "muted", "record-date"))
        column.addWidget(frame)

    def _contact_row(self, layout: QVBoxLayout, name: str, contact: Contact) -> None:
        text = name
        if contact.phone:
            text += f"   {one_line(contact.phone)}"
        if contact.email:
            text += f"   {contact.email}"
        layout.addWidget(self._text(text.strip(), name="contact"))
        if not contact.phone:
            return
        row = QHBoxLayout()
        copy = button(parent=self.body, name="copy-phone")
        copy.setText(self.tr("Copy the number"))
        copy.setAccessibleName(self.tr("Copy the phone number {phone}").format(
            phone=contact.phone))
        done = self._text("", "good", "copied")
        done.hide()
        copy.clicked.connect(lambda _c=False, p=contact.phone, d=done: self._copy(p, d))
        row.addWidget(copy)
        if self.calls_possible() and dialable(contact.phone):
            call = button(parent=self.body, name="call-phone")
            call.setText(self.tr("Call"))
            call.setAccessibleName(self.tr("Call {name} at {phone}").format(
                name=name, phone=contact.phone))
            call.setToolTip(tel_url(contact.phone).toString())
            call.clicked.connect(
                lambda _c=False, p=contact.phone: QDesktopServices.openUrl(tel_url(p)))
            row.addWidget(call)
        row.addWidget(done)
        row.addStretch(1)
        layout.addLayout(row)
        self.first = self.first or copy

    def _qr(self, record: TrialRecord) -> QWidget:
        """The QR code with the team's contact and the study's address, for a phone to keep."""
        from trialfinder.report.qr import contact_qr_png

        box = QWidget(self.body)
        stack = QVBoxLayout(box)
        stack.setContentsMargins(0, 0, 0, 0)
        image = QLabel(box)
        image.setObjectName("qr-code")
        pixmap = QPixmap()
        pixmap.loadFromData(contact_qr_png(record, scale=4), "PNG")
        image.setPixmap(pixmap)
        image.setAccessibleName(self.tr("QR code with the study team's phone number"))
        stack.addWidget(image)
        scan = self._text(_(SCAN), "muted", "scan")
        scan.setMaximumWidth(max(pixmap.width(), 160))
        stack.addWidget(scan)
        return box

    def calls_possible(self) -> bool:
        """A Call button only where this computer can place a call."""
        return self.offer_calls and can_place_calls()

    def _copy(self, phone: str, done: QLabel) -> None:
        """Copy the number and say so beside the button (and to a screen reader)."""
        QGuiApplication.clipboard().setText(phone)
        done.setText(self.tr("Copied: {phone}").format(phone=phone))
        done.setAccessibleName(done.text())
        done.show()

    def _criteria(self, column: QVBoxLayout, told: Explanation) -> None:
        """Every criterion, grouped by state: what stands in the way, what is not known yet,
        what fits. A way into the study that the child does not take is left out."""
        column.addWidget(self._text(_(told.criteria_heading), "heading"))
        toggle = button("link", self.body, "show-registry")
        toggle.setCheckable(True)
        toggle.setChecked(self.show_registry)
        toggle.setText(self.tr("Show the registry's exact words"))
        toggle.setAccessibleName(self.tr("Show the registry's exact words"))
        column.addWidget(toggle)
        registry_labels = []
        for group in told.criteria:
            registry_labels += self._criteria_group(column, group)

        def toggled(shown: bool) -> None:
            self.show_registry = shown
            for item in registry_labels:
                item.setVisible(shown)

        toggle.toggled.connect(toggled)

    def _criteria_group(self, column: QVBoxLayout, group: CriteriaGroup) -> list[QWidget]:
        """A group's heading with its mark, then a card for each criterion; returns the
        registry's words (shown on request)."""
        heading = QHBoxLayout()
        icon = QLabel(self.body)
        icon.setPixmap(verdict_icon(group.icon, self.fontMetrics().height()))
        heading.addWidget(icon)
        heading.addWidget(self._text(_(group.heading), f"group-{group.style}",
                                     f"group-{group.style}"), 1)
        column.addLayout(heading)
        registry_labels = []
        for criterion in group.criteria:
            frame, layout = card(self.body)
            set_role(frame, f"card-{group.style}")
            frame.setObjectName(f"criterion-{criterion.id}")
            layout.addWidget(self._text(_(criterion.title), "heading"))
            layout.addWidget(self._text(_(criterion.because)))
            words = self._text(criterion.registry, "registry")
            words.setVisible(self.show_registry)
            registry_labels.append(words)
            layout.addWidget(words)
            column.addWidget(frame)
        return registry_labels

    def first_focus(self) -> QWidget | None:
        return self.first
