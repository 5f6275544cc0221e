"""Making the application and its main window from the app's parts (trialfinder.composition:
the screener, the record source and the mode, built once), and the background check of the
trial record: shared by the normal start (launch), the screenshots and the self-test, so
none imports another."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from trialfinder.composition import AppParts
from trialfinder.i18n.content import normalize_language
from trialfinder.modes import Mode

if TYPE_CHECKING:
    from trialfinder.screening.screener import Screener


# Qt platforms that show no window on this computer's screen (nobody here would see one).
NO_WINDOW_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc"})


def make_application(lang: str, text_scale: float = 1.0):
    """The application (made once), with the bundled fonts, the app's text size and style
    sheet, and Qt's catalogs in ``lang``; returns it and its TextScale."""
    from PySide6.QtWidgets import QApplication

    from trialfinder.i18n.fonts import register_fonts
    from trialfinder.i18n.qt import apply_language
    from trialfinder.ui.theme import TextScale

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("TrialFinder")
    app.setOrganizationName("TrialFinder")
    register_fonts()
    scale = TextScale(app)
    if text_scale != 1.0:
        scale.set_scale(text_scale)
    apply_language(normalize_language(lang))
    return app, scale


def build_window(lang: str, text_scale: float = 1.0, mode: Mode | str = "home",
                 screener: Screener | None = None, parts: AppParts | None = None):
    """Create the application and the main window in ``lang``. ``parts`` (else ``screener``,
    or the bundled trial's, in ``mode``, with no network) is handed to the window and its
    screens."""
    from trialfinder.ui.main_window import MainWindow

    parts = parts or AppParts(mode, screener=screener)
    app, scale = make_application(lang, text_scale)
    return app, MainWindow(parts, scale)


def start_live_check(window) -> None:
    """Once the first screen has painted, check ClinicalTrials.gov in the background (at the
    window's parts' API address)."""
    parts: AppParts = window.parts
    parts.live = True  # other studies are searched too, on a result

    def start() -> None:
        from trialfinder.ui.record_updater import RecordUpdater

        screener = parts.screener
        updater = RecordUpdater(screener.nct_id, screener.criteria_sha256, parts.api_base,
                                window, screener.trial.record)
        updater.updated.connect(window.set_record)
        window.record_updater = updater
        updater.start()

    window.after_paint.append(start)
