"""The result page leads: verdict, meaning, next step and the team's contact with the QR code
on the first screen; honest study status; Copy confirms; Call only where a call can be made."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from tests.gui.test_kiosk import kiosk_window  # noqa: F401 - the kiosk window fixture
from trialfinder.site_config import KioskConfig
from trialfinder.ui.main_window import MainWindow
from trialfinder.ui.phone import can_place_calls
from trialfinder.ui.screenshots import VERDICT_ANSWERS as ANSWERS

FAVOURABLE = ANSWERS["likely_eligible"]
POSSIBLY = ANSWERS["possibly_eligible"]
NOT_ELIGIBLE = ANSWERS["likely_not_eligible"]


@pytest.fixture
def tel_handler(tmp_path, monkeypatch) -> Iterator[None]:
    """A system that can place calls: an xdg-mime on PATH that names a tel: handler."""
    tool = tmp_path / "bin" / "xdg-mime"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\n[ \"$3\" = x-scheme-handler/tel ] && echo calls.desktop\n")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tool.parent}{os.pathsep}{os.environ['PATH']}")
    can_place_calls.cache_clear()
    yield
    can_place_calls.cache_clear()


@pytest.fixture
def no_tel_handler(tmp_path, monkeypatch) -> Iterator[None]:
    """A desktop with no program for tel: links (no xdg-mime on PATH)."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    can_place_calls.cache_clear()
    yield
    can_place_calls.cache_clear()


def visible(page: QWidget, cls, name: str) -> list:
    return [w for w in page.findChildren(cls, name) if w.isVisibleTo(page)]


def on_first_screen(page, widget: QWidget) -> bool:
    """Whether the widget is wholly inside the scroll area's view before any scrolling."""
    top = widget.mapTo(page.content, widget.rect().topLeft()).y()
    return page.scroll.verticalScrollBar().value() == 0 and (
        top + widget.height() <= page.scroll.viewport().height())


def show_result(qtbot, win: MainWindow, answers: dict, size=(1366, 720)) -> QWidget:
    win.resize(*size)
    win.answers.clear()
    win.answers.update(answers)
    win.show_screen("result")
    QApplication.processEvents()
    return win.stack.currentWidget()


@pytest.mark.parametrize("verdict", list(ANSWERS))
def test_the_first_screen_has_verdict_meaning_next_step_and_contact(qtbot, window, verdict):
    page = show_result(qtbot, window, ANSWERS[verdict])
    assert window.outcome().verdict == verdict
    for name in ("verdict", "verdict-icon", "verdict-text", "next-step", "contact", "qr-code"):
        widgets = visible(page, QLabel, name)
        assert widgets, name
        assert on_first_screen(page, widgets[0]), name
    icon = visible(page, QLabel, "verdict-icon")[0]
    assert not icon.pixmap().isNull()  # not colour alone: an icon and words
    assert icon.accessibleName() == visible(page, QLabel, "verdict")[0].text()
    assert visible(page, QLabel, "next-step")[0].text().startswith("Next step:")


def test_likely_eligible_with_tests_to_come_says_if_they_are_normal(qtbot, window):
    page = show_result(qtbot, window, FAVOURABLE)
    assert window.outcome().to_check_at_screening
    assert visible(page, QLabel, "verdict-text")[0].text() == (
        "From your answers, your child seems to fit this study, if the tests at the "
        "screening visit are normal.")


def test_bundled_record_status_is_neutral_and_dated(qtbot, window):
    page = show_result(qtbot, window, FAVOURABLE)
    assert window.current.source == "bundled"
    status = visible(page, QLabel, "recruiting")[0]
    assert status.property("role") == "neutral"
    assert "November 13, 2024" in status.text() and "ago" in status.text()
    assert "check that it is still open" in status.text()


def test_copy_confirms(qtbot, window):
    page = show_result(qtbot, window, FAVOURABLE)
    copy = visible(page, QPushButton, "copy-phone")[0]
    assert not visible(page, QLabel, "copied")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "+86 13685773988"
    done = visible(page, QLabel, "copied")
    assert done and done[0].text() == "Copied: +86 13685773988"
    assert done[0].accessibleName() == done[0].text()


def test_no_call_button_where_no_call_can_be_placed(qtbot, window, no_tel_handler):
    page = show_result(qtbot, window, FAVOURABLE)
    assert not visible(page, QPushButton, "call-phone")
    assert visible(page, QLabel, "how-to-call")[0].text() == (
        "To call, dial the number on a phone, or scan the code with one.")


def test_call_button_where_the_system_has_a_tel_handler(qtbot, window, tel_handler):
    page = show_result(qtbot, window, FAVOURABLE)
    call = visible(page, QPushButton, "call-phone")
    assert call and call[0].toolTip() == "tel:+8613685773988"
    assert not visible(page, QLabel, "how-to-call")


@pytest.mark.parametrize("kiosk_window", [KioskConfig(kiosk=True, idle_seconds=600)],
                         indirect=True)
def test_kiosk_shows_the_qr_code_on_the_first_screen_and_no_call(qtbot, kiosk_window,  # noqa: F811
                                                                 tel_handler):
    page = show_result(qtbot, kiosk_window, NOT_ELIGIBLE, size=(1366, 768))
    assert on_first_screen(page, visible(page, QLabel, "qr-code")[0])
    assert not visible(page, QPushButton, "call-phone")  # a kiosk has no phone


def test_the_result_follows_a_language_switch(qtbot, window):
    from trialfinder.i18n.qt import apply_language

    page = show_result(qtbot, window, POSSIBLY)
    apply_language("zh_CN")
    QApplication.processEvents()
    page = window.stack.currentWidget()
    assert visible(page, QLabel, "next-step")[0].text().startswith("下一步")
    assert "研究团队" in visible(page, QLabel, "next-step")[0].text()




def test_the_registry_words_toggle_stays_a_link_when_on(qtbot, window):
    """A checked link button ("Show the registry's exact words") keeps the link's look: no
    solid block of colour behind its words."""
    from trialfinder.ui.theme import PRIMARY

    page = show_result(qtbot, window, FAVOURABLE)
    toggle = visible(page, QPushButton, "show-registry")[0]
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert toggle.isChecked()
    image = toggle.grab().toImage()
    corner = image.pixelColor(2, 2).name()
    assert corner != PRIMARY.lower()  # the background is not the primary colour
