"""Making the application and its main window, and the background check of the trial record:
shared by the normal start (launch) and the self-test, so neither imports the other."""

from __future__ import annotations

import sys

from trialfinder.i18n.content import normalize_language


def build_window(lang: str, text_scale: float = 1.0, mode: str = "home", screener=None):
    """Create the application and the main window in ``lang`` for a trial's screener (the
    loaded ``--trial``; None: the default bundled trial)."""
    from PySide6.QtWidgets import QApplication

    from trialfinder.i18n.fonts import register_fonts
    from trialfinder.i18n.qt import apply_language
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.screener import load_screener
    from trialfinder.trial.source import CurrentRecord, current_record
    from trialfinder.ui.main_window import MainWindow
    from trialfinder.ui.theme import TextScale

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("TrialFinder")
    app.setOrganizationName("TrialFinder")
    register_fonts()
    scale = TextScale(app)
    if text_scale != 1.0:
        scale.set_scale(text_scale)
    apply_language(normalize_language(lang))
    screener = screener or load_screener()

    def load_record() -> CurrentRecord:
        return current_record(screener.nct_id, screener.criteria_sha256,
                              bundled_path=screener.trial.record)

    window = MainWindow(lambda: Questionnaire(screener), load_record, scale, mode,
                        screener.trial)
    return app, window


def start_live_check(window, api_base: str | None = None) -> None:
    """Once the first screen has painted, check ClinicalTrials.gov in the background."""
    from trialfinder.ui.record_updater import RecordUpdater

    window.related_live, window.related_api_base = True, api_base  # searched on a result

    def start() -> None:
        screener = window.questionnaire.screener
        updater = RecordUpdater(screener.nct_id, screener.criteria_sha256, api_base, window,
                                screener.trial.record)
        updater.updated.connect(window.set_record)
        window.record_updater = updater
        updater.start()

    window.after_paint.append(start)
