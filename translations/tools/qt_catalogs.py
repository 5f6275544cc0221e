"""Maintaining the Qt catalogs of widget strings (a developer tool).

    python translations/tools/qt_catalogs.py update    # lupdate: strings from trialfinder/ui
    python translations/tools/qt_catalogs.py compile   # pyside6-lrelease: .ts -> .qm
    python translations/tools/qt_catalogs.py check     # exit 1 if update or compile would change

Uses the lupdate and lrelease programs shipped in the PySide6 wheel.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from trialfinder.i18n.languages import TRANSLATED  # noqa: E402

QT_DIR = ROOT / "translations" / "qt"
LOCALES = TRANSLATED  # every translated language of the languages table
TOOLS = Path(PySide6.__file__).resolve().parent


def sources() -> list[Path]:
    return sorted((ROOT / "trialfinder" / "ui").glob("*.py"))


def ts_path(locale: str) -> Path:
    return QT_DIR / f"trialfinder_{locale}.ts"


def qm_path(locale: str) -> Path:
    return ts_path(locale).with_suffix(".qm")


def lupdate(ts: Path) -> None:
    subprocess.run([str(TOOLS / "lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, sources()), "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([str(TOOLS / "lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def stale() -> list[Path]:
    """Catalogs that lupdate or lrelease would change."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for locale in LOCALES:
            ts, qm = ts_path(locale), qm_path(locale)
            copy = Path(tmp) / ts.name
            if ts.exists():
                shutil.copy(ts, copy)
            lupdate(copy)
            if not ts.exists() or copy.read_bytes() != ts.read_bytes():
                found.append(ts)
            fresh = Path(tmp) / qm.name
            lrelease(ts if ts.exists() else copy, fresh)
            if not qm.exists() or fresh.read_bytes() != qm.read_bytes():
                found.append(qm)
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    QT_DIR.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        if command == "update":
            lupdate(ts_path(locale))
        elif command == "compile":
            lrelease(ts_path(locale), qm_path(locale))
    if command == "check":
        paths = stale()
        for path in paths:
            print(f"out of date: {path.relative_to(ROOT)}")
        return 1 if paths else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
