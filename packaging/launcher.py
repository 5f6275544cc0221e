"""The frozen app's entry point (PyInstaller)."""

from trialfinder.app import run

run()
