"""The volunteer's tally: counts per verdict and the most common unknowns; CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from trialfinder import tally
from trialfinder.i18n.content import _
from trialfinder.screening.screener import Screener
from trialfinder.screening.wording import VERDICT_TITLE
from trialfinder.ui.common import Screen, button, label
from trialfinder.ui.file_dialogs import save_path


class TallyPage(Screen):
    name = "tally"

    def __init__(self, screener: Screener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.screener = screener
        self.title = label("title", name="tally-title")
        self.privacy = label("muted")
        self.counts = label(name="tally-counts")
        self.unknown_heading = label("heading")
        self.unknowns = label(name="tally-unknowns")
        self.export = button(name="export-csv")
        self.export.clicked.connect(self._ask_export)
        for widget in (self.title, self.privacy, self.counts, self.unknown_heading,
                       self.unknowns, self.export):
            self.column.addWidget(widget)
        self.column.addStretch(1)
        self.retranslate()

    def on_show(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        rows = tally.load_rows()
        self.title.setText(self.tr("Tally of screenings"))
        self.privacy.setText(self.tr(
            "Kept on this computer only: the date, the result, and which criteria stood in "
            "the way or were not known. No names, ages or answers."))
        counts = tally.verdict_counts(rows)
        lines = [self.tr("Screenings: {count}").format(count=len(rows))]
        lines += [f"{_(VERDICT_TITLE[v])}: {n}" for v, n in counts.items()]
        self.counts.setText("\n".join(lines))
        self.unknown_heading.setText(self.tr("Most often not known"))
        common = tally.common_unknowns(rows)
        self.unknowns.setText("\n".join(
            f"{_(self.screener.criterion(c).title)} ({c}): {n}" for c, n in common)
            or self.tr("Nothing yet."))
        self.export.setText(self.tr("Export as CSV"))
        self.export.setAccessibleName(self.tr("Export the tally as a CSV file"))
        self.export.setEnabled(bool(rows))

    def export_to(self, path: Path) -> bool:
        """Write the CSV; say whether it worked (a failed export leaves any old file as it
        was)."""
        from trialfinder.cli_output import reason_text

        notify = getattr(self.window(), "notify", None)
        try:
            tally.export_csv(tally.load_rows(), path)
        except OSError as exc:
            if notify:  # given as functions: worded again on a language switch
                notify(lambda error=exc: self.tr(
                    "The tally could not be exported there ({reason}). Please choose another "
                    "place.").format(reason=reason_text(error)))
            return False
        if notify:
            notify(lambda: self.tr("Tally exported: {path}").format(path=str(path)), good=True)
        return True

    def _ask_export(self) -> None:
        name = save_path(
            self, self.tr("Export the tally"), str(Path.home() / "trialfinder-tally.csv"),
            self.tr("CSV files (*.csv)"))
        if name:
            self.export_to(Path(name))
