"""The catalogs pass the standard tools: GNU msgfmt --check, pybabel (extract, update,
compile) reproduces them from babel.cfg, and the Qt catalogs round-trip through lconvert."""

from __future__ import annotations

import argparse
import inspect
import io
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from tests.conftest import ROOT
from trialfinder.i18n import catalogs
from trialfinder.i18n.languages import BY_CODE, TRANSLATED

TRANSLATIONS = ROOT / "translations"
PO_FILES = sorted(TRANSLATIONS.rglob("*.po"))
TS_FILES = sorted((TRANSLATIONS / "qt").glob("*.ts"))
# Lines that hold the date and the Babel release of the run that wrote them
VOLATILE = re.compile(rb'^("POT-Creation-Date|"Generated-By|# ).*\n', re.MULTILINE)


def tool(name: str, *fallbacks: str) -> str:
    """A program from PATH (installed by .ci/run), else from a known place."""
    found = shutil.which(name) or next((f for f in fallbacks if Path(f).exists()), None)
    assert found, f"{name} is not installed (see .ci/run)"
    return found


def pybabel(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    code = "import sys; from babel.messages.frontend import main; sys.exit(main())"
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_there_are_catalogs():
    """A content and an argparse catalog, and a Qt catalog, for every translated language."""
    assert sorted(f"{p.parent.parent.name}/{p.name}" for p in PO_FILES) == sorted(
        f"{code}/{name}" for code in TRANSLATED for name in ("argparse.po", "trialfinder.po"))
    assert [p.name for p in TS_FILES] == [f"trialfinder_{code}.ts" for code in TRANSLATED]


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.name)
def test_msgfmt_check_accepts_every_po(po, tmp_path):
    result = subprocess.run([tool("msgfmt"), "--check", "--statistics", "-o",
                             str(tmp_path / "out.mo"), str(po)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    # no warnings (a missing or default header field is one), and nothing left untranslated
    assert re.fullmatch(r"\d+ translated messages\.\n", result.stderr), result.stderr


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.name)
def test_headers_name_language_cldr_plural_forms_and_charset(po):
    locale = po.parent.parent.name
    with po.open("rb") as handle:
        catalog = read_po(handle)  # no locale given: the header alone must say it all
    assert catalog.locale_identifier == locale
    assert f'"Language: {locale}\\n"' in po.read_text("utf-8")
    assert catalog.plural_forms == get_plural(locale).plural_forms == BY_CODE[locale].plural_forms
    assert catalog.num_plurals == 1
    assert catalog.charset == "utf-8"
    assert not catalog.fuzzy
    headers = dict(catalog.mime_headers)
    assert "EMAIL@ADDRESS" not in headers["Last-Translator"]
    assert "LL@li.org" not in headers["Language-Team"]


def test_pybabel_extract_and_update_reproduce_the_catalogs(tmp_path):
    pot = tmp_path / "trialfinder.pot"
    pybabel("extract", "-F", "babel.cfg", "--no-default-keywords",
            *(f"-k{k}" for k in catalogs.PYBABEL_KEYWORDS), "--sort-output", "--no-location",
            "-w", "0", "--project", "TrialFinder", "--version", "0.1.0",
            "--msgid-bugs-address", catalogs.BUGS_ADDRESS, "-o", str(pot), ".")
    assert VOLATILE.sub(b"", pot.read_bytes()) == VOLATILE.sub(b"", catalogs.POT.read_bytes())
    for locale in catalogs.LOCALES:
        copy = tmp_path / locale / "LC_MESSAGES" / "trialfinder.po"
        copy.parent.mkdir(parents=True)
        shutil.copy(catalogs.po_path(locale), copy)
        pybabel("update", "-i", str(pot), "-d", str(tmp_path), "-D", "trialfinder", "-l",
                locale, "--no-fuzzy-matching", "--ignore-obsolete", "-w", "0")
        assert VOLATILE.sub(b"", copy.read_bytes()) == VOLATILE.sub(
            b"", catalogs.po_path(locale).read_bytes())


def test_pybabel_compile_gives_the_committed_mo_files(tmp_path):
    for po in PO_FILES:
        locale, domain = po.parent.parent.name, po.stem
        copy = tmp_path / locale / "LC_MESSAGES" / po.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(po, copy)
        result = pybabel("compile", "--statistics", "-d", str(tmp_path), "-D", domain, "-l",
                         locale)
        total = len([m for m in read_po(po.open("rb")) if m.id])
        assert f"{total} of {total} messages (100%) translated" in result.stdout + result.stderr
        assert copy.with_suffix(".mo").read_bytes() == po.with_suffix(".mo").read_bytes()


@pytest.mark.parametrize("code", TRANSLATED)
def test_argparse_catalog_translates_messages_argparse_has(code):
    source = inspect.getsource(argparse).encode()
    known = set()
    for _line, _func, message, _comments in extract_python(
            io.BytesIO(source), {"_": None, "ngettext": (1, 2)}, [], {}):
        known.add(message[0] if isinstance(message, tuple) else message)
    with catalogs.po_path(code, "argparse").open("rb") as handle:
        ours = [m for m in read_po(handle) if m.id]
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in ours}
    assert ids <= known, ids - known
    assert {"usage: ", "options", "show this help message and exit",
            "%(prog)s: error: %(message)s\n"} <= ids


LCONVERT = ("/usr/lib/qt6/bin/lconvert", "/usr/lib/qt5/bin/lconvert")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_qt_catalogs_round_trip_through_lconvert(ts, tmp_path):
    lconvert = tool("lconvert", *LCONVERT)
    same = tmp_path / "same.ts"
    subprocess.run([lconvert, "-i", str(ts), "-o", str(same)], check=True)
    assert same.read_bytes() == ts.read_bytes()
    # through gettext and back (what a translator using Poedit would do): nothing lost
    po, back = tmp_path / "qt.po", tmp_path / "back.ts"
    subprocess.run([lconvert, "-i", str(ts), "-o", str(po)], check=True)
    check = subprocess.run([tool("msgfmt"), "--check-format", "-o", "/dev/null", str(po)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    subprocess.run([lconvert, "-i", str(po), "-o", str(back)], check=True)
    qm = tmp_path / "back.qm"
    runpy.run_path(str(TRANSLATIONS / "tools" / "qt_catalogs.py"))["lrelease"](back, qm)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes()
