"""Starting the Qt application (placeholder window until the questionnaire lands)."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace, lang: str) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel(app.translate("Placeholder", "TrialFinder is starting."))
    label.show()
    return app.exec()
