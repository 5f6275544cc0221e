"""A bare PySide6 QtWidgets hello-world, built with the same settings, to compare sizes and
the time to a visible window."""

import os
import sys

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Window(QMainWindow):
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and os.environ.get("TRIALFINDER_QUIT_WHEN_SHOWN"):
            QTimer.singleShot(0, app.quit)  # as the app does: quit once painted (build.py)
        return super().event(event)


app = QApplication(sys.argv)
window = Window()
window.setCentralWidget(QLabel("Hello"))
window.show()
if "--self-test" in sys.argv:
    app.processEvents()
    print("hello: ok")
    sys.exit(0)
sys.exit(app.exec())
