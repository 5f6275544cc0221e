"""The window takes a newer record from the background check: screens change, text stays
plain, and the UI thread never waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from trialfinder.screening.screener import load_screener
from trialfinder.ui.record_updater import RecordUpdater
from trialfinder.ui.screenshots import VERDICT_ANSWERS

SCREENER = load_screener()
FAVOURABLE = VERDICT_ANSWERS["likely_eligible"]


def fetch_into(qtbot, win, base: str) -> None:
    updater = RecordUpdater(SCREENER.nct_id, SCREENER.criteria_sha256, base, win)
    updater.updated.connect(win.set_record)
    updater.start()
    assert updater.thread is not None and updater.thread.daemon
    qtbot.waitUntil(lambda: win.current.source in ("live", "cache") or
                    bool(win.current.fetch_problem), timeout=10000)


def labels(win, name: str = "") -> list[QLabel]:
    page = win.stack.currentWidget()
    found = page.findChildren(QLabel, name) if name else page.findChildren(QLabel)
    return [w for w in found if w.isVisibleTo(page)]


def texts(win, name: str = "") -> list[str]:
    return [w.text() for w in labels(win, name)]


def test_a_completed_study_changes_the_result_and_about_screens(qtbot, window, api):
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    assert texts(window, "recruiting")[0].startswith("Last listed as recruiting on")
    fetch_into(qtbot, window, api.base("completed"))
    assert window.current.source == "live"
    assert texts(window, "recruiting") == ["The study is not recruiting now."]
    everything = "\n".join(texts(window))
    assert "You can still contact the study team with questions." in everything
    assert "Checked with ClinicalTrials.gov just now." in everything
    assert "Lu Mei ping" in everything  # the contact stays, for questions
    window.show_screen("about")
    about = "\n".join(texts(window))
    assert "The study is not recruiting now." in about


def test_a_new_phone_number_replaces_the_old_one(qtbot, window, api):
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    fetch_into(qtbot, window, api.base("new_phone"))
    contacts = texts(window, "contact")
    assert contacts and all("+86\xa0571\xa00000\xa01111" in c for c in contacts)
    assert not any("13685773988" in c for c in texts(window))


def test_changed_criteria_show_a_warning(qtbot, window, api):
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    fetch_into(qtbot, window, api.base("new_criteria"))
    warnings = texts(window, "record-warning")
    assert any("eligibility criteria have changed" in w for w in warnings)


def test_html_from_the_network_stays_plain_text(qtbot, window, api):
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    fetch_into(qtbot, window, api.base("html_facility"))
    site = labels(window, "site")[0]
    assert site.text().startswith("<b>Bold</b> <a href=")
    assert site.textFormat() == Qt.TextFormat.PlainText
    assert not site.openExternalLinks()


def test_a_failed_check_keeps_the_record_and_says_so(qtbot, window, api):
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    fetch_into(qtbot, window, api.base("portal"))
    assert window.current.source == "bundled"
    assert texts(window, "recruiting")[0].startswith("Last listed as recruiting on")
    problem = texts(window, "fetch-problem")
    assert problem and "Wi-Fi login page" in problem[0]


def test_the_ui_thread_does_not_wait_for_a_silent_server(qtbot, window, blackhole):
    import time

    updater = RecordUpdater(SCREENER.nct_id, SCREENER.criteria_sha256, blackhole, window)
    started = time.perf_counter()
    updater.start()
    window.show_screen("about")  # the UI goes on at once
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "child"
    assert time.perf_counter() - started < 2.0  # the silent server takes far longer
    assert updater.thread.is_alive()
