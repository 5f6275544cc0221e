"""Settings shared by both PyInstaller specs, so the app and the hello-world compare fairly."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

# The languages table, read from this checkout's file (the spec runs outside the package).
LANGUAGES_TABLE = runpy.run_path(
    str(Path(__file__).resolve().parents[1] / "trialfinder" / "i18n" / "languages.py")
)["LANGUAGES_TABLE"]

# Strip symbols on Linux only: Windows has no strip tool, and on macOS it would break the
# binaries' code signatures.
STRIP = sys.platform.startswith("linux")

# Qt modules the app does not use (QtCore, QtGui, QtWidgets, QtPrintSupport are all it needs).
EXCLUDES = [
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtMultimedia",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtUiTools", "PySide6.QtSvgWidgets", "PySide6.QtDBus", "PySide6.QtStateMachine",
    "PySide6.QtSpatialAudio", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "tkinter", "unittest", "pydoc", "doctest", "pytest", "hypothesis", "pypdf",
    "IPython", "numpy",
]
# Qt's own translations and Babel's locale data: only what the languages of
# trialfinder/i18n/languages.py need (English is built into Qt).
QT_TRANSLATIONS_KEEP = tuple(row.qt_base_catalog for row in LANGUAGES_TABLE
                             if row.qt_base_catalog)
BABEL_LOCALES_KEEP = {name for row in LANGUAGES_TABLE for name in row.babel_keep}
# Qt plugins that a desktop widgets app does not need.
PLUGIN_DIRS_DROP = ("qmltooling", "sqldrivers", "multimedia", "networkinformation", "tls",
                    "webview", "position", "sensors", "qmllint", "scenegraph", "canbus")


def keep(dest: str) -> bool:
    """Whether a collected data or binary file goes into the bundle."""
    path = dest.replace("\\\\", "/")
    if "/translations/" in path and path.endswith(".qm") and "PySide6" in path:
        return path.rsplit("/", 1)[-1] in QT_TRANSLATIONS_KEEP
    if "babel/locale-data/" in path:
        return path.rsplit("/", 1)[-1].removesuffix(".dat") in BABEL_LOCALES_KEEP
    if "/plugins/" in path and "PySide6" in path:
        return not any(f"/plugins/{name}/" in path for name in PLUGIN_DIRS_DROP)
    return True


def trim(toc: list) -> list:
    return [entry for entry in toc if keep(entry[0])]
