"""About the study, in plain words, from the trial record."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from trialfinder.trial.display import (
    place_line,
    place_name,
    record_source_text,
    status_line,
    status_word,
)
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.common import Screen, label

SECTIONS = 10


class AboutPage(Screen):
    name = "about"

    def __init__(self, current: CurrentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.title = label("title", name="about-title")
        self.status = label("good", name="about-status")
        self.warnings = label("warn", name="about-warnings")
        self.parts: list[tuple[QLabel, QLabel]] = []
        for _index in range(SECTIONS):
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
        count = record.enrollment or 18
        site = record.sites[0] if record.sites else None
        where = (
            self.tr("{hospital}, in {place}. The site is {status}.").format(
                hospital=place_name(site.facility),
                place=place_line(site.city, site.state, site.country),
                status=status_word(site.status or record.overall_status))
            if site else self.tr("The record lists no hospital yet.")
        )
        texts = [
            (self.tr("What are CAR-T cells?"), self.tr(
                "T cells are white blood cells of the immune system. CAR-T cells are T cells that "
                "are changed in a laboratory so that they can find certain other cells. In this "
                "study they look for B cells, which carry a marker called CD19. B cells take part "
                "in the immune attack on the muscles and skin in JDM.")),
            (self.tr("What does \"universal\" mean?"), self.tr(
                "Universal CAR-T cells (UCAR-T) are made in advance from healthy donors' cells, "
                "not from your child's own cells.")),
            (self.tr("Every child gets the cells"), self.tr(
                "The study has one group only. Every child in it gets the CAR-T cells: nobody "
                "gets a dummy treatment (placebo), and everyone knows what is given.")),
            (self.tr("What does taking part involve?"), self.tr(
                "First, your child has a course of chemotherapy that lowers the number of "
                "immune cells (lymphodepletion chemotherapy). Then your child gets the CAR-T "
                "cells once, as a drip into a vein (an infusion). After the chemotherapy, blood "
                "counts stay low for a while, often for some weeks and sometimes longer. The "
                "study team checks your child's health closely and tells you what to expect.")),
            (self.tr("Three dose groups"), self.tr(
                "There are three dose groups: 10, 30 and 60 million cells (1, 3 and 6 × 10⁷) "
                "for each kg of body weight. The study starts with the lowest dose "
                "(a \"3+3\" design). Each group "
                "has 3 to 6 children. If the first 3 children of a group have no serious side "
                "effect that limits the dose, the next children get the next higher dose. If one "
                "of them has such a side effect, 3 more children get the same dose. So the dose "
                "your child gets depends on when your child joins.")),
            (self.tr("Known risks"), self.tr(
                "CAR-T cells can cause cytokine release syndrome (CRS): fever, low blood pressure "
                "and, rarely, organ problems. They can affect the nerves and brain (ICANS): "
                "confusion, trouble speaking or, rarely, seizures. Infections are more likely "
                "while blood counts are low. Because the cells come from donors, the body may "
                "reject them, or the donor cells may attack the body (graft-versus-host "
                "disease). The study team watches for all of these and treats them.")),
            (self.tr("An early study: it may not help"), self.tr(
                "This is an early study (Phase 1). Its main aim is to learn how safe the "
                "treatment is, and also how well it works. Nobody knows yet whether it will "
                "help: it may not help your child. The study team will explain the risks and "
                "side effects before you decide.")),
            (self.tr("Where, and how many children"), " ".join(
                [where]
                + ([self.tr("This is the only hospital in the study.")]
                   if len(record.sites) == 1 else [])
                + [self.tr("It plans to take 9 to {count} children in all.").format(
                    count=count)]).replace("。 ", "。")),  # no space between Chinese sentences
            (self.tr("Birth control"), self.tr(
                "Girls who may become pregnant need a negative pregnancy test. They must use "
                "effective birth control during the study until one year after the infusion.")),
            (self.tr("Your child's own agreement"), self.tr(
                "The study team explains the study to your child too, in words your child can "
                "understand, and asks for your child's own agreement. You, as parent or "
                "guardian, sign the consent form.")),
        ]
        for (heading, body), (head_text, body_text) in zip(self.parts, texts, strict=True):
            heading.setText(head_text)
            body.setText(body_text)
        self.ids.setText(self.tr("ClinicalTrials.gov number {nct_id}. Study code {code}. "
                                 "Sponsor: {sponsor}.").format(
            nct_id=record.nct_id, code=record.org_study_id or "-",
            sponsor=record.sponsor or "-"))
