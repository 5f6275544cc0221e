"""Fonts shipped in resources/fonts, registered at start so Chinese shows without CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from trialfinder.paths import resources_dir

BUNDLED_FAMILY = "TrialFinder Noto Sans SC"  # see translations/tools/make_font_subset.py


def register_fonts() -> list[str]:
    """Register every bundled font; return the families that loaded."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return families
    for path in sorted(folder.glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families
