"""--self-test and --screenshots as real processes, with no display."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT
from trialfinder.screening.questionnaire import load_pages
from trialfinder.screening.screener import load_screener


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "trialfinder", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=180, check=False)


def test_self_test_passes_and_reports():
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   first screen painted" in result.stdout
    assert "ok   Qt catalog zh_CN" in result.stdout
    assert "time to first paint:" in result.stdout
    screener = load_screener()
    assert (f"ok   screener definition: {len(screener.facts)} facts, "
            f"{len(screener.criteria)} criteria, {len(screener.pages)} pages\n") in result.stdout


def test_self_test_counts_a_single_page_as_one_page():
    result = run("--self-test", "--trial", str(ROOT / "tests/data/trials/NCT00000000.toml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   screener definition: 3 facts, 2 criteria, 1 page\n" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_screenshots_writes_every_screen(tmp_path, lang):
    result = run("--screenshots", str(tmp_path), "--lang", lang)
    assert result.returncode == 0, result.stderr
    pages = load_pages(load_screener())
    names = {p.name for p in tmp_path.glob("*.png")}
    expected = {"01-welcome.png", "02-about.png", "04-review.png",
                "05-result-likely_eligible.png", "05-result-possibly_eligible.png",
                "05-result-likely_not_eligible.png"}
    expected |= {f"03-question-{i:02d}-{p.id}.png" for i, p in enumerate(pages, start=1)}
    assert names == expected
    for path in tmp_path.glob("*.png"):
        image = QImage(str(path))
        assert image.width() == 960 and image.height() >= 760, path.name
