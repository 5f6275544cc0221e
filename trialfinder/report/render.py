"""The summary as a PDF from the command line: an offscreen Qt application, then write_pdf."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from trialfinder.screening.questionnaire import Questionnaire
from trialfinder.screening.verdict import Outcome
from trialfinder.trial.source import CurrentRecord


def write_summary_pdf(questionnaire: Questionnaire, answers: Mapping[str, Any],
                      outcome: Outcome, current: CurrentRecord, lang: str, out: Path) -> None:
    """Write the summary PDF; works without a display (Qt's offscreen platform)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from trialfinder.report.pdf import write_pdf
    from trialfinder.report.summary import Summary

    write_pdf(Summary(questionnaire, answers, outcome, current), lang, out)
    del app
