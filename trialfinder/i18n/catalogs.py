"""Maintaining the gettext catalog of content strings (a developer tool, not used at start-up).

    python -m trialfinder.i18n.catalogs extract   # write translations/trialfinder.pot
    python -m trialfinder.i18n.catalogs update    # merge the .pot into each .po
    python -m trialfinder.i18n.catalogs compile   # write each .mo from its .po
    python -m trialfinder.i18n.catalogs check     # exit 1 if anything above would change

Content strings come from the Python modules below ``trialfinder`` other than ``ui`` (widget
text goes to the Qt catalogs), and from the screener definitions' text fields.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from trialfinder.i18n.content import DOMAIN

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
METHODS = [
    ("trialfinder/ui/**.py", "ignore"),
    ("trialfinder/i18n/catalogs.py", "ignore"),
    ("trialfinder/**.py", "python"),
    ("resources/screeners/**.toml", "trialfinder.i18n.extract:extract_screener"),
]
LOCALES = ("zh_CN",)
FIXED_DATE = datetime.datetime(2024, 11, 13, tzinfo=datetime.UTC)


def po_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(locale: str) -> Path:
    return po_path(locale).with_suffix(".mo")


def extract() -> Catalog:
    """Every content string in the code and the screener definitions."""
    catalog = Catalog(project="TrialFinder", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map=METHODS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, no_location=True, width=0)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    # The .mo header carries dates; fix them so that the same sources give the same bytes.
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def updated(locale: str, template: Catalog) -> Catalog:
    """The locale's catalog merged with the template (new strings empty, old ones obsolete)."""
    path = po_path(locale)
    catalog = _read(path, locale) if path.exists() else Catalog(locale=locale, domain=DOMAIN)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def planned() -> dict[Path, bytes]:
    """What each catalog file should hold, given the sources."""
    template = extract()
    files = {POT: _po_bytes(template)}
    for locale in LOCALES:
        catalog = updated(locale, template)
        files[po_path(locale)] = _po_bytes(catalog)
        files[mo_path(locale)] = _mo_bytes(catalog)
    return files


def stale() -> list[Path]:
    """Catalog files that differ from what extract, update and compile would write."""
    return [p for p, data in planned().items() if not p.exists() or p.read_bytes() != data]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "check":
        paths = stale()
        for path in paths:
            print(f"out of date: {path.relative_to(ROOT)}")
        return 1 if paths else 0
    if command not in ("extract", "update", "compile"):
        print(__doc__)
        return 2
    for path, data in planned().items():
        if command == "extract" and path != POT:
            continue
        if command == "update" and path.suffix == ".mo":
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
