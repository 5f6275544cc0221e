"""A bare PySide6 QtWidgets hello-world, built with the same settings, to compare sizes."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.show()
if "--self-test" in sys.argv:
    app.processEvents()
    print("hello: ok")
    sys.exit(0)
sys.exit(app.exec())
