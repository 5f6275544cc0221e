"""Proof 2 in the window: the made-up trial NCT00000000 (tests/data/trials) walked with real
widgets, and rendered with --screenshots, with no Python change."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QShortcut
from PySide6.QtWidgets import QApplication, QLabel

from tests.conftest import DATA, ROOT
from tests.gui.conftest import forget_and_allow_close
from tests.gui.test_walkthrough import answer_page_by_mouse, texts
from trialfinder.screening.screener import load_screener
from trialfinder.ui.launch import build_window
from trialfinder.ui.main_window import REVIEW
from trialfinder.ui.question_page import QuestionPage

MADE_UP = DATA / "trials" / "NCT00000000.toml"


@pytest.fixture
def made_up(qtbot):
    _app, win = build_window("en", screener=load_screener(str(MADE_UP)))
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: bool(win.findChildren(QShortcut)), timeout=5000)
    yield win
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def visible_text(win) -> str:
    page = win.stack.currentWidget()
    return "\n".join(w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page))


def next_screen(qtbot, win) -> None:
    qtbot.mouseClick(win.next_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(("answers", "verdict"), [
    ({"age_years": "8", "has_sunflower_allergy": "yes", "had_surgery_this_year": "no"},
     "Likely eligible"),
    ({"age_years": "8", "has_sunflower_allergy": "yes", "had_surgery_this_year": "yes"},
     "Likely not eligible"),
])
def test_the_made_up_trial_walked_in_the_window(qtbot, made_up, answers, verdict):
    win = made_up
    assert win.current_name() == "welcome"
    welcome = visible_text(win)
    assert "Could the made-up sunflower study be right for my child?" in welcome
    assert "It takes place at the Sunflower Test Hospital." in welcome
    assert "dermatomyositis" not in welcome and "CAR-T" not in welcome
    assert win.windowTitle() == "Welcome - TrialFinder: the made-up sunflower study"
    assert [b.isVisible() for b in win.lang_buttons.values()] == [True] * len(win.lang_buttons)
    next_screen(qtbot, win)
    about = visible_text(win)
    assert "Nothing in this study is real." in about
    assert "It plans to take 2 to 4 children in all." in about
    assert "NCT00000000" in about and "MADEUP-1" in about
    next_screen(qtbot, win)
    page = win.stack.currentWidget()
    assert isinstance(page, QuestionPage) and win.current_name() == "sunflower"
    answer_page_by_mouse(qtbot, page, answers)
    next_screen(qtbot, win)
    assert win.current_name() == REVIEW  # one page only
    next_screen(qtbot, win)
    assert win.current_name() == "result"
    assert texts(win, "verdict") == [verdict]
    assert texts(win, "contact") == ["Dr Test Sunflower   +00 0000 0000   "
                                     "sunflower@example.invalid"]
    assert "NCT00000000" in texts(win, "ids")[0] and "MADEUP-1" in texts(win, "ids")[0]
    result = visible_text(win)
    assert "Sunflower Test Hospital" in result
    for words in ("Hangzhou", "PBC081", "dermatomyositis", "Other studies"):
        assert words not in result, words


def test_screenshots_of_the_made_up_trial(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "trialfinder", "--screenshots", str(tmp_path), "--trial",
         str(MADE_UP), "--lang", "en"], capture_output=True, text=True, cwd=ROOT, env=env,
        timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in tmp_path.glob("*.png"))
    assert names == ["01-welcome.png", "02-about.png", "03-question-01-sunflower.png",
                     "04-review.png", "05-result-likely_eligible.png",
                     "05-result-likely_not_eligible.png", "05-result-possibly_eligible.png"]
    for name in names:
        image = QImage(str(tmp_path / name))
        assert not image.isNull() and image.width() > 400 and image.height() >= 760
