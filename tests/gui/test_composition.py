"""The window is made from the composition root's parts and hands them down: every screen
uses the one screener the parts built, and what each mode offers comes from its fields."""

from __future__ import annotations

import shutil

import pytest

from tests.gui.conftest import forget_and_allow_close
from trialfinder.composition import AppParts
from trialfinder.modes import MODES
from trialfinder.paths import resources_dir
from trialfinder.screening.screener import load_screener_file
from trialfinder.ui.screenshots import VERDICT_ANSWERS
from trialfinder.ui.window_setup import build_window


def made(qtbot, parts: AppParts):
    _app, win = build_window("en", parts=parts)
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    return win


def test_every_screen_uses_the_screener_built_once(qtbot, tmp_path):
    (tmp_path / "screeners").mkdir()
    copy = tmp_path / "screeners" / "trial.toml"
    shutil.copy(resources_dir() / "screeners" / "NCT06686524.toml", copy)
    shutil.copytree(resources_dir() / "records", tmp_path / "records")  # its record, beside
    screener = load_screener_file(copy)
    copy.unlink()  # nothing may read the file again
    parts = AppParts("home", screener=screener)
    win = made(qtbot, parts)
    assert win.trial is screener.trial  # the welcome screen's words
    win.answers.update(VERDICT_ANSWERS["likely_eligible"])
    win.show_screen(win.sequence()[2])  # the first question page
    for name in win.sequence()[3:]:
        win.show_screen(name)
    assert win.questionnaire.screener is screener
    assert win.screens["result"].screener is screener
    assert win.current.nct_id == screener.nct_id


@pytest.mark.parametrize("name", list(MODES))
def test_the_window_reads_its_modes_fields(qtbot, name):
    mode = MODES[name]
    win = made(qtbot, AppParts(name))
    assert win.mode is mode and win.may_close is mode.may_close
    win.answers.update(VERDICT_ANSWERS["likely_eligible"])
    win.show_screen("about")
    assert win.save_button.isVisibleTo(win) is mode.can_save_answers
    assert win.tally_button.isVisibleTo(win) is mode.keeps_tally
    assert win.restart_button.isVisibleTo(win) is mode.next_family
    actions = win.result_actions()
    assert ("pdf" in actions) is mode.can_save_pdf
    assert ("answers" in actions) is mode.can_save_answers
    welcome = win.screens["welcome"]
    assert welcome.open_saved.isVisibleTo(welcome) is mode.can_save_answers
    assert ("not saved or sent anywhere" in welcome.privacy.text()) is mode.writes_nothing
    win.show_screen(win.sequence()[2])
    cards = win.stack.currentWidget().cards
    assert cards and all(c.registry_button.isChecked() is mode.shows_registry_words
                         for c in cards)


def test_the_first_screen_is_made_before_the_screener_is_read(qtbot):
    """The welcome screen needs only the trial's words; the facts, rules and pages are read
    when the family goes on."""
    parts = AppParts("home")
    win = made(qtbot, parts)
    assert "screener" not in vars(parts)
    assert win.windowTitle().endswith(parts.trial.window_title)  # the trial's own words
    win.go_next()  # the About screen: the record, and so the screener, are read now
    assert "screener" in vars(parts) and win.current_name() == "about"
