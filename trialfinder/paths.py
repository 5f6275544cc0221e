"""Where the bundled files are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    inside = _PACKAGE / name  # wheel and frozen builds put them here
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name  # a source checkout or an editable install


def resources_dir() -> Path:
    """The folder with the bundled record, the screener definitions, icons and fonts."""
    return _find("resources")


def translations_dir() -> Path:
    """The folder with the compiled catalogs (gettext .mo and Qt .qm)."""
    return _find("translations")
