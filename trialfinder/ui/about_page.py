"""About the study, in plain words: the sections of the trial's screener file, with the
hospital, its status and the enrolment from the trial record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from trialfinder.i18n.content import _
from trialfinder.trial.display import (
    place_line,
    place_name,
    record_source_text,
    status_line,
    status_word,
)
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.common import Screen, label

if TYPE_CHECKING:
    from trialfinder.screening.trial_section import TrialInfo


class AboutPage(Screen):
    name = "about"

    def __init__(self, current: CurrentRecord, trial: TrialInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.trial = trial
        self.title = label("title", name="about-title")
        self.status = label("good", name="about-status")
        self.warnings = label("warn", name="about-warnings")
        self.parts: list[tuple[QLabel, QLabel]] = []
        for _section in trial.about:
            heading = label("heading")
            body = label()
            self.column.addWidget(heading)
            self.column.addWidget(body)
            self.parts.append((heading, body))
        self.column.insertWidget(0, self.title)
        self.column.insertWidget(1, self.status)
        self.column.insertWidget(2, self.warnings)
        self.ids = label("muted", name="about-ids")
        self.column.addWidget(self.ids)
        self.column.addStretch(1)
        self.retranslate()

    def set_record(self, current: CurrentRecord) -> None:
        self.current = current
        self.retranslate()

    def retranslate(self) -> None:
        record = self.current.record
        self.title.setText(self.tr("About the study"))
        status, style = status_line(self.current)
        source = record_source_text(self.current)
        self.status.setText(f"{status} {source}")
        self.status.setProperty("role", style)
        self.status.style().polish(self.status)
        messages = [w.text() for w in self.current.warnings]
        if self.current.fetch_problem:
            messages.append(self.current.problem_text())
        self.warnings.setText("\n".join(messages))
        self.warnings.setVisible(bool(messages))
        texts = [(_(section.heading), self._sites_text() if section.sites else _(section.body))
                 for section in self.trial.about]
        for (heading, body), (head_text, body_text) in zip(self.parts, texts, strict=True):
            heading.setText(head_text)
            body.setText(body_text)
        self.ids.setText(self.tr("ClinicalTrials.gov number {nct_id}. Study code {code}. "
                                 "Sponsor: {sponsor}.").format(
            nct_id=record.nct_id, code=record.org_study_id or "-",
            sponsor=record.sponsor or "-"))

    def _sites_text(self) -> str:
        """Where the study is and how many children it plans to take, from the record."""
        record = self.current.record
        count = record.enrollment or self.trial.enrolment
        site = record.sites[0] if record.sites else None
        where = (
            self.tr("{hospital}, in {place}. The site is {status}.").format(
                hospital=place_name(site.facility),
                place=place_line(site.city, site.state, site.country),
                status=status_word(site.status or record.overall_status))
            if site else self.tr("The record lists no hospital yet.")
        )
        return " ".join(
            [where]
            + ([self.tr("This is the only hospital in the study.")]
               if len(record.sites) == 1 else [])
            + [self.tr("It plans to take {least} to {count} children in all.").format(
                least=self.trial.enrolment_least, count=count)]).replace(
                    "。 ", "。")  # no space between Chinese sentences
