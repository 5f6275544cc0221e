"""Render every screen to PNG without showing a window (for docs and for translators).

The answers shown come from the trial's screener file (``[trial.samples]``): one set that
shows every question page, and one set for each verdict (a verdict without one is left out).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from trialfinder.cli_output import writable_folder
from trialfinder.screening.verdict import VERDICTS
from trialfinder.ui.main_window import ABOUT, RESULT, REVIEW, WELCOME, MainWindow

if TYPE_CHECKING:
    from trialfinder.screening.screener import Screener


def sample_answers(screener: Screener) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """A trial's sample answers: the set that shows every page, and one set per verdict."""
    samples = screener.trial.samples
    return (dict(samples.get("show_all", {})),
            {verdict: dict(samples[verdict]) for verdict in VERDICTS if verdict in samples})


def __getattr__(name: str) -> Any:
    """``SHOW_ALL`` and ``VERDICT_ANSWERS``: the default trial's samples (tests use them)."""
    if name in ("SHOW_ALL", "VERDICT_ANSWERS"):
        from trialfinder.screening.screener import load_screener

        show_all, verdicts = sample_answers(load_screener())
        return show_all if name == "SHOW_ALL" else verdicts
    raise AttributeError(name)


def _save(window: MainWindow, folder: Path, name: str) -> Path:
    """Save the window, tall enough to show the whole screen's content (nothing cut off)."""
    screen = window.stack.currentWidget()
    window.resize(window.width(), 6000)  # lay out once with room to spare, then measure
    QApplication.processEvents()
    layout = screen.content.layout()
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    bottom = max((w.geometry().bottom() for w in widgets if w is not None and w.isVisible()),
                 default=0)
    used = max(bottom, layout.contentsRect().top()) + layout.contentsMargins().bottom()
    chrome = window.height() - screen.scroll.viewport().height()
    window.resize(window.width(), max(760, min(used + chrome + 4, 6000)))
    QApplication.processEvents()
    path = folder / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(errno.EIO, "could not write", str(path))
    window.resize(window.width(), 760)
    return path


def render_all(window: MainWindow, folder: str) -> list[Path]:
    """Every screen: welcome, about, each question page, review, and each verdict's result."""
    out = writable_folder(folder)  # OSError if it is a file, read-only or full
    written = []
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # laid out, never on screen
    window.show()
    window.show_screen(WELCOME)
    written.append(_save(window, out, "01-welcome"))
    window.show_screen(ABOUT)
    written.append(_save(window, out, "02-about"))
    show_all, verdicts = sample_answers(window.questionnaire.screener)
    window.answers.clear()
    window.answers.update(show_all)
    for number, page in enumerate(window.questionnaire.pages, start=1):
        window.show_screen(page.id)
        written.append(_save(window, out, f"03-question-{number:02d}-{page.id}"))
    window.show_screen(REVIEW)
    written.append(_save(window, out, "04-review"))
    for verdict, answers in verdicts.items():
        window.answers.clear()
        window.answers.update(answers)
        window.show_screen(RESULT)
        written.append(_save(window, out, f"05-result-{verdict}"))
    window.answers.clear()
    return written
