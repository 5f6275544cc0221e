"""The code is ruff-clean, and nothing below trialfinder/ui-free layers imports Qt."""

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

NO_QT = ["screening", "trial", "i18n/content.py", "i18n/formatting.py", "i18n/extract.py",
         "i18n/catalogs.py", "cli.py", "app.py", "paths.py"]


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "trialfinder", "tests", "translations",
         "packaging"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def imported(path) -> list[str]:
    """Every module a file imports, also inside functions."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("where", NO_QT)
def test_no_qt_outside_ui(where):
    base = ROOT / "trialfinder" / where
    files = [base] if base.is_file() else sorted(base.rglob("*.py"))
    assert files
    for path in files:
        for name in imported(path):
            assert not name.startswith(("PySide6", "shiboken6")), f"{path}: {name}"


@pytest.mark.parametrize("where", ["screening", "trial", "i18n", "report", "cli.py",
                                   "storage.py", "settings.py", "answers_file.py"])
def test_arrows_point_down_nothing_below_imports_the_ui(where):
    base = ROOT / "trialfinder" / where
    files = [base] if base.is_file() else sorted(base.rglob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("trialfinder.ui"), f"{path}: {node.module}"


def test_the_trial_record_needs_nothing_of_the_screening():
    """trial/ (the record and its words) stands below screening/: no import, not even one
    made inside a function."""
    files = sorted((ROOT / "trialfinder" / "trial").rglob("*.py"))
    assert files
    for path in files:
        for name in imported(path):
            assert not name.startswith("trialfinder.screening"), f"{path}: {name}"
