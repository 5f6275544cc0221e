"""The result: the verdict, its reasons, what to ask and check, and how to reach the team."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.i18n.content import language as current_language
from trialfinder.i18n.languages import BY_CODE, side_by_side_pairs
from trialfinder.i18n.languages import CODES as LANGUAGE_CODES
from trialfinder.screening.screener import Screener
from trialfinder.screening.verdict import (
    LIKELY_ELIGIBLE,
    LIKELY_NOT_ELIGIBLE,
    POSSIBLY_ELIGIBLE,
    Outcome,
)
from trialfinder.screening.wording import (
    ABOUT_RECORD,
    CONTACT,
    CRITERIA,
    DIAL_FROM_PHONE,
    GROUP_AGAINST,
    GROUP_FITS,
    GROUP_HEADINGS,
    GROUP_UNKNOWN,
    HEADING_TO_CHECK,
    NEXT_STEP,
    ONLY_STUDY_TEAM_DECIDES,
    SCAN,
    STUDY_IDS,
    TIME_LIMIT_ONLY,
    VERDICT_TITLE,
    WHAT_STANDS,
    blocking_lines,
    criterion_group,
    meaning,
    reason,
    sentence,
)
from trialfinder.trial.display import (
    place_line,
    place_name,
    record_source_text,
    status_line,
    status_word,
)
from trialfinder.trial.model import Contact, TrialRecord
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.common import Screen, button, card, label
from trialfinder.ui.phone import can_place_calls, one_line, tel_url
from trialfinder.ui.related_view import related_view
from trialfinder.ui.theme import set_role
from trialfinder.ui.verdict_icon import verdict_icon

# Each group of criteria has a style and a mark, so that its state never rests on colour alone.
GROUP_STYLE = {GROUP_AGAINST: "against", GROUP_UNKNOWN: "unknown", GROUP_FITS: "fits"}
GROUP_ICON = {GROUP_AGAINST: LIKELY_NOT_ELIGIBLE, GROUP_UNKNOWN: POSSIBLY_ELIGIBLE,
              GROUP_FITS: LIKELY_ELIGIBLE}


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
        self.body = self.new_body(self.body)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.first = None
        # First screen: what the result is, what it means, what to do, whom to call.
        self._lead(column, outcome, current)
        if outcome.verdict == LIKELY_NOT_ELIGIBLE:
            self._standing(column, outcome)
        # Other studies to ask about (for a trial whose file asks for them): first when this
        # study likely does not fit. Made where they stand, so that Tab reaches them in
        # reading order.
        related = self.screener.trial.related_studies
        if related and outcome.verdict == LIKELY_NOT_ELIGIBLE:
            column.addWidget(related_view(outcome, self.window(), self.body))
        self._actions(column)
        self._groups(column, outcome)
        self._list(column, _(HEADING_TO_CHECK), outcome.to_check_at_screening, "to-check")
        if related and outcome.verdict != LIKELY_NOT_ELIGIBLE:
            column.addWidget(related_view(outcome, self.window(), self.body))
        self._criteria(column, outcome)
        self._record(column, current)
        judgment = [c for c in self.screener.criteria if c.kind == "judgment"]
        for criterion in judgment:
            column.addWidget(self._text(_(criterion.unknown), "muted", "judgment"))
        column.addWidget(self._text(_(ONLY_STUDY_TEAM_DECIDES), "note"))
        self.body.show()  # shown once filled: children of a shown widget need a show of their own

    def _lead(self, column: QVBoxLayout, outcome: Outcome, current: CurrentRecord) -> None:
        """The verdict in words and with an icon (never colour alone), its meaning, the next
        step, and the study team's contact with the QR code."""
        frame, layout = card(self.body)
        frame.setObjectName("lead")
        set_role(frame, f"lead-{outcome.verdict}")
        top = QHBoxLayout()
        icon = QLabel(frame)
        icon.setObjectName("verdict-icon")
        icon.setPixmap(verdict_icon(outcome.verdict, self.fontMetrics().height() * 2))
        icon.setAccessibleName(_(VERDICT_TITLE[outcome.verdict]))
        verdict = label(f"verdict-{outcome.verdict}", frame, "verdict")
        verdict.setText(_(VERDICT_TITLE[outcome.verdict]))
        top.addWidget(icon)
        top.addWidget(verdict, 1)
        layout.addLayout(top)
        layout.addWidget(self._text(
            _(meaning(outcome.verdict, bool(outcome.to_check_at_screening))),
            name="verdict-text"))
        layout.addWidget(self._text(_(NEXT_STEP[outcome.verdict]), "heading", "next-step"))
        column.addWidget(frame)
        self._contact(column, current)

    def _standing(self, column: QVBoxLayout, outcome: Outcome) -> None:
        """What stands in the way: each criterion, the values that failed, whether and when
        it may change."""
        column.addWidget(self._text(_(WHAT_STANDS), "heading"))
        for term in outcome.blocking:
            criterion = self.screener.criterion(term)
            frame, layout = card(self.body)
            layout.addWidget(self._text(_(criterion.title), "heading"))
            layout.addWidget(self._text(_(sentence(criterion, outcome.status(term)))))
            values = len(outcome.failures.get(term, ()))  # the failed values come first
            for index, line in enumerate(blocking_lines(self.screener, outcome, term, _)):
                layout.addWidget(self._text(line, "" if index < values else "good",
                                            f"blocking-line-{term}"))
            frame.setObjectName(f"blocking-{term}")
            column.addWidget(frame)
        if outcome.time_limited:
            column.addWidget(self._text(_(TIME_LIMIT_ONLY), "good", "time-limit-only"))
        column.addWidget(self._text(self.tr(
            "If an answer was wrong, go back and change it. You can also contact the study "
            "team: they may see things differently.")))

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

    def _list(self, column: QVBoxLayout, heading: str, facts: tuple[str, ...], name: str) -> None:
        if not facts:
            return
        column.addWidget(self._text(heading, "heading", f"{name}-heading"))
        items = "\n".join(f"•  {_(self.screener.facts[f].label)}" for f in facts)
        column.addWidget(self._text(items, name=name))

    def _groups(self, column: QVBoxLayout, outcome: Outcome) -> None:
        """What is still unknown, by who can answer it: each item a question (rev 2)."""
        for key, heading in GROUP_HEADINGS:
            facts = getattr(outcome, key)
            if not facts:
                continue
            column.addWidget(self._text(_(heading), "heading", f"group-{key}-heading"))
            items = "\n".join(
                f"•  {_(self.screener.facts[f].ask or self.screener.facts[f].label)}"
                for f in facts)
            column.addWidget(self._text(items, name=f"group-{key}"))

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
        column.addWidget(self._text(_(ONLY_STUDY_TEAM_DECIDES), "note", "decides"))

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
        if self.calls_possible():
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

    def _criteria(self, column: QVBoxLayout, outcome: Outcome) -> None:
        """Every criterion, grouped by state: what stands in the way, what is not known yet,
        what fits. A way into the study that the child does not take is left out."""
        column.addWidget(self._text(_(CRITERIA), "heading"))
        toggle = button("link", self.body, "show-registry")
        toggle.setCheckable(True)
        toggle.setChecked(self.show_registry)
        toggle.setText(self.tr("Show the registry's exact words"))
        toggle.setAccessibleName(self.tr("Show the registry's exact words"))
        column.addWidget(toggle)
        registry_labels = []
        groups: dict[str, list] = {GROUP_AGAINST: [], GROUP_UNKNOWN: [], GROUP_FITS: []}
        for criterion in self.screener.criteria:
            if criterion.kind not in ("inclusion", "exclusion", "path"):
                continue
            group = criterion_group(self.screener, criterion, outcome.terms)
            if group is not None:
                groups[group].append(criterion)
        for group, members in groups.items():
            if not members:
                continue
            style = GROUP_STYLE[group]
            heading = QHBoxLayout()
            icon = QLabel(self.body)
            icon.setPixmap(verdict_icon(GROUP_ICON[group], self.fontMetrics().height()))
            heading.addWidget(icon)
            heading.addWidget(self._text(_(group), f"group-{style}", f"group-{style}"), 1)
            column.addLayout(heading)
            for criterion in members:
                frame, layout = card(self.body)
                set_role(frame, f"card-{style}")
                frame.setObjectName(f"criterion-{criterion.id}")
                _state, because = reason(self.screener, criterion, outcome.terms)
                layout.addWidget(self._text(_(criterion.title), "heading"))
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
