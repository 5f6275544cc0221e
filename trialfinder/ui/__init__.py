"""The Qt user interface: windows, pages, widgets and theme.

Importing it imports PySide6 and makes PySide's import hook stop reading the source of
every module imported after it (ui.pyside_hook)."""

from trialfinder.ui.pyside_hook import quiet_source_scan

quiet_source_scan()
