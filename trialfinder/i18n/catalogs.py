"""Maintaining the gettext catalogs (a developer tool, not used at start-up).

    python -m trialfinder.i18n.catalogs extract   # write translations/trialfinder.pot
    python -m trialfinder.i18n.catalogs update    # merge the .pot into each .po
    python -m trialfinder.i18n.catalogs compile   # write each .mo from its .po
    python -m trialfinder.i18n.catalogs check     # exit 1 if anything above would change

Content strings come from the Python modules below ``trialfinder`` other than ``ui`` (widget
text goes to the Qt catalogs), and from the screener definitions' text fields, as ``babel.cfg``
says; this wraps ``pybabel extract -F babel.cfg``, ``pybabel update`` and ``pybabel compile``
and writes what they write, with fixed dates so that the same sources give the same bytes.
The ``argparse`` domain holds translations of the messages of Python's own argparse
(``--help``, usage errors); it is written by hand and only compiled here.
"""

from __future__ import annotations

import datetime
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from trialfinder import __version__
from trialfinder.i18n.content import DOMAIN
from trialfinder.i18n.languages import TRANSLATED

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / f"{DOMAIN}.pot"
BABEL_CFG = ROOT / "babel.cfg"
# pybabel extract --no-default-keywords -k _ -k N_ -k ngettext:1,2
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PYBABEL_KEYWORDS = ("_", "N_", "ngettext:1,2")
LOCALES = TRANSLATED  # every translated language of the languages table
ARGPARSE_DOMAIN = "argparse"
FIXED_DATE = datetime.datetime(2024, 11, 13, tzinfo=datetime.UTC)
PROJECT = "TrialFinder"
HEADER_COMMENT = (
    "# {what} for TrialFinder.\n"
    "# This file is distributed under the same license as TrialFinder (MIT).\n"
    "# How to update it: translations/README.md\n#"
)
# The header fields a new catalog starts with; a translator's own values (as Poedit or Qt
# Linguist write them) are kept once the file exists.
LAST_TRANSLATOR = "TrialFinder translators"
BUGS_ADDRESS = "TrialFinder maintainers"


def po_path(locale: str, domain: str = DOMAIN) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / f"{domain}.po"


def mo_path(locale: str, domain: str = DOMAIN) -> Path:
    return po_path(locale, domain).with_suffix(".mo")


def method_map() -> list[tuple[str, str]]:
    """Which extractor reads which files: babel.cfg, the file pybabel reads."""
    with BABEL_CFG.open(encoding="utf-8") as handle:
        return parse_mapping_cfg(handle, str(BABEL_CFG))[0]


def extract() -> Catalog:
    """Every content string in the code and the screener definitions."""
    catalog = Catalog(project=PROJECT, version=__version__, domain=DOMAIN, charset="utf-8",
                      header_comment=HEADER_COMMENT.format(what="Translations template"),
                      msgid_bugs_address=BUGS_ADDRESS, creation_date=FIXED_DATE)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map=method_map(), keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, no_location=True, width=0)
    # Babel names its own version in the header; leave it out so that the catalogs do not
    # change with the Babel release (pybabel puts it back, and nothing reads it).
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", buffer.getvalue())


def _mo_bytes(po_bytes: bytes, locale: str, domain: str) -> bytes:
    """What ``pybabel compile`` writes for this .po (the dates come from its header)."""
    catalog = read_po(io.BytesIO(po_bytes), locale=locale, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _read(path: Path, locale: str | None = None, domain: str = DOMAIN) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=domain)


def _with_header(locale: str, domain: str, old: Catalog | None) -> Catalog:
    """An empty catalog with a full header: Language, Plural-Forms from CLDR (via Babel),
    charset; the dates, translator and team kept from ``old`` where it has them."""
    catalog = Catalog(
        locale=locale, domain=domain, project=PROJECT, version=__version__, charset="utf-8",
        header_comment=HEADER_COMMENT.format(what=f"{locale} translations" + (
            " of Python's argparse messages" if domain == ARGPARSE_DOMAIN else "")),
        msgid_bugs_address=BUGS_ADDRESS, creation_date=FIXED_DATE,
        revision_date=(old.revision_date if old is not None
                       and isinstance(old.revision_date, datetime.datetime) else FIXED_DATE),
        last_translator=old.last_translator if old is not None and "EMAIL@ADDRESS" not in
        old.last_translator else LAST_TRANSLATOR,
        language_team=old.language_team if old is not None and "LL@li.org" not in
        old.language_team else f"TrialFinder {locale} translators",
        fuzzy=False,
    )
    for message in old or ():
        if message.id:
            catalog[message.id] = message
    return catalog


def updated(locale: str, template: Catalog) -> Catalog:
    """The locale's catalog merged with the template (new strings empty, old ones dropped)."""
    path = po_path(locale)
    catalog = _with_header(locale, DOMAIN, _read(path, locale) if path.exists() else None)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date = template.creation_date
    catalog.obsolete.clear()
    return catalog


def planned() -> dict[Path, bytes]:
    """What each catalog file should hold, given the sources."""
    template = extract()
    files = {POT: _po_bytes(template)}
    for locale in LOCALES:
        po = _po_bytes(updated(locale, template))
        files[po_path(locale)] = po
        files[mo_path(locale)] = _mo_bytes(po, locale, DOMAIN)
        # argparse's own messages: translated by hand, header normalised, compiled
        path = po_path(locale, ARGPARSE_DOMAIN)
        if path.exists():
            po = _po_bytes(_with_header(locale, ARGPARSE_DOMAIN,
                                        _read(path, locale, ARGPARSE_DOMAIN)))
            files[path] = po
            files[mo_path(locale, ARGPARSE_DOMAIN)] = _mo_bytes(po, locale, ARGPARSE_DOMAIN)
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
