"""Qt's file dialogs without their memory on disk: Qt's own dialog keeps the folders last
visited in QtProject.conf, in the user's settings folder; the README promises that only
TrialFinder's preferences are kept there. Before a dialog opens, Qt's user settings are
pointed at a place that cannot be written (under the null device), so nothing is kept.
(On Windows and macOS the system's own dialogs are used, which Qt does not remember for.)"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def nowhere() -> str:
    """Where Qt's user settings go: a folder that cannot exist (the null device is not a
    folder), so Qt's attempt to write them fails quietly."""
    return os.path.join(os.devnull, "trialfinder-qt-settings")


@cache
def keep_no_dialog_history() -> None:
    """Point Qt's user settings (its dialogs' history) nowhere, once."""
    if os.name == "posix":
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, nowhere())


def save_path(parent: QWidget, title: str, suggested: str, kinds: str) -> str:
    """A path to save to, chosen in Qt's save dialog ("" if the person cancelled)."""
    keep_no_dialog_history()
    name, _kind = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return name


def open_path(parent: QWidget, title: str, folder: str, kinds: str) -> str:
    """A file to open, chosen in Qt's open dialog ("" if the person cancelled)."""
    keep_no_dialog_history()
    name, _kind = QFileDialog.getOpenFileName(parent, title, folder, kinds)
    return name
