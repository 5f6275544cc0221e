"""Render every screen to PNG without showing a window (for docs and for translators)."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from trialfinder.cli_output import writable_folder
from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE, POSSIBLY_ELIGIBLE
from trialfinder.ui.main_window import ABOUT, RESULT, REVIEW, WELCOME, MainWindow

# Answers that show every question page (a girl who may become pregnant, with an IMNM
# diagnosis, muscle weakness and earlier CAR-T therapy), and one set for each verdict.
SHOW_ALL = {
    "age_years": 12, "sex": "female", "can_become_pregnant": "yes", "jdm_diagnosis": "yes",
    "imnm_diagnosis": "unsure", "muscle_weakness_persistent": "yes", "prior_cart": "unsure",
    "steroid_months": 8, "cmas_score": 40, "ast_value": 140, "ast_uln": 40,
    "height_cm": 150, "creatinine_umol_l": 40,
}
_FAVOURABLE = {
    "age_years": 9, "sex": "male", "jdm_diagnosis": "yes", "imnm_diagnosis": "no",
    "steroid_months": 8, "steroid_inadequate_or_not_tolerated": "yes",
    "steroid_full_dose": "yes", "immunosuppressants_failed": 2, "rapid_progression": "yes",
    "calcinosis": "no", "recurrent_rash_or_ulcers": "no", "muscle_weakness_persistent": "no",
    "consent_willing": "yes", "prior_cart": "no", "immunodeficiency": "no",
    "active_infection": "no", "malignancy": "no", "congenital_heart_disease": "no",
    "recent_myocardial_infarction": "no", "severe_arrhythmia": "no",
    "pericardial_effusion_moderate_or_large": "no", "severe_myocarditis": "no",
    "needs_vasopressors": "no", "other_disease_needing_immunosuppression": "no",
    "transplant_ever": "no", "transplant_within_3_months": "no",
    "gvhd_grade2_within_2_weeks": "no",
    "live_vaccine_within_4_weeks": "no", "other_trial_within_3_months": "no",
}
VERDICT_ANSWERS = {
    LIKELY_ELIGIBLE: _FAVOURABLE,
    POSSIBLY_ELIGIBLE: {**_FAVOURABLE, "consent_willing": "unsure", "calcinosis": "unsure",
                        "rapid_progression": "unsure", "prior_cart": "yes"},
    LIKELY_NOT_ELIGIBLE: {**_FAVOURABLE, "age_years": 4, "live_vaccine_within_4_weeks": "yes"},
}


def _save(window: MainWindow, folder: Path, name: str) -> Path:
    """Save the window, tall enough to show the whole screen's content (nothing cut off)."""
    screen = window.stack.currentWidget()
    window.resize(window.width(), 6000)  # lay out once with room to spare, then measure
    QApplication.processEvents()
    layout = screen.content.layout()
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    bottom = max((w.geometry().bottom() for w in widgets if w is not None and w.isVisible()),
                 default=0)
    used = max(bottom, layout.contentsRect().top()) + layout.contentsMargins().bottom()
    chrome = window.height() - screen.scroll.viewport().height()
    window.resize(window.width(), max(760, min(used + chrome + 4, 6000)))
    QApplication.processEvents()
    path = folder / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(errno.EIO, "could not write", str(path))
    window.resize(window.width(), 760)
    return path


def render_all(window: MainWindow, folder: str) -> list[Path]:
    """Every screen: welcome, about, each question page, review, and each verdict's result."""
    out = writable_folder(folder)  # OSError if it is a file, read-only or full
    written = []
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # laid out, never on screen
    window.show()
    window.show_screen(WELCOME)
    written.append(_save(window, out, "01-welcome"))
    window.show_screen(ABOUT)
    written.append(_save(window, out, "02-about"))
    window.answers.clear()
    window.answers.update(SHOW_ALL)
    for number, page in enumerate(window.questionnaire.pages, start=1):
        window.show_screen(page.id)
        written.append(_save(window, out, f"03-question-{number:02d}-{page.id}"))
    window.show_screen(REVIEW)
    written.append(_save(window, out, "04-review"))
    for verdict, answers in VERDICT_ANSWERS.items():
        window.answers.clear()
        window.answers.update(answers)
        window.show_screen(RESULT)
        written.append(_save(window, out, f"05-result-{verdict}"))
    window.answers.clear()
    return written
