"""Fonts shipped in resources/fonts, registered at start so Chinese shows without CJK fonts."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from trialfinder.i18n.languages import BY_CODE, LANGUAGES_TABLE
from trialfinder.paths import resources_dir

# One subset per language that needs its own glyphs (the languages table's font_family; see
# translations/tools/make_font_subset.py).
BUNDLED_FAMILIES = tuple(row.font_family for row in LANGUAGES_TABLE if row.font_family)
BUNDLED_FAMILY = BUNDLED_FAMILIES[0]


def fallback_families(langs: str | tuple[str, ...] | list[str] = ()) -> list[str]:
    """The bundled families in the order a text in ``langs`` wants them: the families of
    those languages first (so Traditional Chinese gets Traditional glyph shapes), then the
    rest (the current content language when none is given)."""
    from trialfinder.i18n.content import language

    wanted = [langs] if isinstance(langs, str) else list(langs) or [language()]
    first = [BY_CODE[code].font_family for code in wanted
             if code in BY_CODE and BY_CODE[code].font_family]
    return list(dict.fromkeys([*first, *BUNDLED_FAMILIES]))


def register_fonts() -> list[str]:
    """Register every bundled font, once per process (Qt would add a second copy of each
    file every time: every summary PDF would keep four more fonts in memory); return the
    families that loaded."""
    return list(_registered_families())


@cache
def _registered_families() -> tuple[str, ...]:
    folder = resources_dir() / "fonts"
    families: list[str] = []
    for path in sorted(folder.glob("*.[ot]tf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return tuple(families)
