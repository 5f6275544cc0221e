"""Taking the result away from the window: PDF, saved answers, and opening them again."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from trialfinder.modes import MODES
from trialfinder.ui import takeaway
from trialfinder.ui.screenshots import VERDICT_ANSWERS


def test_save_summary_and_answers_then_open_them(window, tmp_path):
    window.answers.update(VERDICT_ANSWERS["possibly_eligible"])
    window.show_screen("result")
    pdf = tmp_path / "summary.pdf"
    assert takeaway.write_summary(window, pdf, "both")
    assert pdf.read_bytes().startswith(b"%PDF")
    saved = tmp_path / "answers.json"
    assert takeaway.write_answers(window, saved)
    before = dict(window.answers)
    window.restart()
    assert window.answers == {}
    assert takeaway.open_answers(window, saved)
    assert window.answers == before
    assert window.current_name() == "review"
    assert "back" in window.notice.text()


def test_a_damaged_file_changes_nothing(window, tmp_path):
    window.answers.update({"age_years": 7})
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    assert not takeaway.open_answers(window, bad)
    assert window.answers == {"age_years": 7}
    assert window.notice.isVisibleTo(window)
    assert window.notice.text() == ("This file could not be read, or it is damaged. "
                                    "Nothing was changed.")


def test_a_huge_number_in_a_file_is_called_not_valid(window, tmp_path):
    # 1e26 and up once crashed while the out-of-range message was written (Babel's rounding)
    import json

    saved = tmp_path / "answers.json"
    window.answers.update({"age_years": 7})
    assert takeaway.write_answers(window, saved)
    data = json.loads(saved.read_text("utf-8"))
    data["answers"]["age_years"] = 1e308
    saved.write_text(json.dumps(data), "utf-8")
    assert not takeaway.open_answers(window, saved)
    assert window.answers == {"age_years": 7}
    assert window.notice.text() == ("Some answers in this file are not valid. "
                                    "Nothing was changed.")


def test_an_unwritable_place_gets_a_kind_message(window, tmp_path):
    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    assert not takeaway.write_summary(window, tmp_path / "no" / "such" / "x.pdf", "en")
    assert "Please choose another place." in window.notice.text()
    assert not takeaway.write_answers(window, tmp_path / "no" / "x.json")


def test_nothing_is_written_until_asked(window, isolated_dirs, tmp_path):
    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    window.show_screen("result")
    assert not any(p.is_file() for p in isolated_dirs.rglob("*"))


def test_result_buttons_by_mode(window):
    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    window.show_screen("result")
    page = window.stack.currentWidget()
    names = {b.objectName() for b in page.findChildren(QPushButton) if b.isVisibleTo(page)}
    assert {"save-pdf", "save-answers"} <= names
    window.mode = MODES["kiosk"]
    assert "pdf" not in window.result_actions() and "answers" not in window.result_actions()
    window.mode = MODES["volunteer"]
    assert "answers" not in window.result_actions() and "pdf" in window.result_actions()


def test_an_unexpected_error_is_told_kindly_and_answers_stay(window, monkeypatch):
    import sys

    from trialfinder.ui.launch import keep_going_on_errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    window.answers["age_years"] = 9
    keep_going_on_errors(window)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    assert window.notice.text().startswith("Something went wrong there.")
    assert window.answers == {"age_years": 9}


def test_why_a_file_could_not_be_saved_is_said_in_the_persons_language(window, tmp_path):
    """The reason was the system's English words ("Not a directory") in a Chinese window, and
    stayed in the old language after a switch."""
    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    window.set_language("zh_CN")
    for write in (takeaway.write_answers, lambda w, p: takeaway.write_summary(w, p, "zh_CN")):
        assert not write(window, blocker / "x.out")
        text = window.notice.text()
        assert "Not a directory" not in text and "这不是一个文件夹" in text, text
        window.set_language("en")
        assert "(it is not a folder)" in window.notice.text()
        window.set_language("zh_CN")


def test_a_message_goes_when_the_page_changes(window, tmp_path):
    """'This file could not be read' was still at the top of question 2 of a new screening,
    and 'Your saved answers are back' on the result."""
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    assert not takeaway.open_answers(window, bad)
    assert window.notice.isVisibleTo(window)
    window.show_screen(window.current_name())  # the same page again: the message stays
    assert window.notice.isVisibleTo(window)
    window.go_next()
    assert window.current_name() != "welcome"
    assert not window.notice.isVisibleTo(window)
    window.set_language("zh_CN")  # and it does not come back with a language switch
    assert not window.notice.isVisibleTo(window)
    window.set_language("en")


def test_the_file_dialogs_keep_no_history_on_disk(window, tmp_path, isolated_dirs):
    """Qt's dialog wrote QtProject.conf (the folders last visited) to the settings folder,
    where only TrialFinder's preferences are promised to be."""
    from PySide6.QtCore import QSettings

    from tests.gui.conftest import save_as
    from trialfinder.ui.file_dialogs import nowhere

    window.answers.update({"age_years": 9})
    target = tmp_path / "answers.json"
    save_as(target)
    takeaway.ask_and_save_answers(window)
    assert target.exists()
    qt_own = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    assert qt_own.fileName().startswith(nowhere()), qt_own.fileName()
    qt_own.setValue("probe", 1)
    qt_own.sync()
    assert qt_own.status() != QSettings.Status.NoError  # nowhere to write it
    assert not [p for p in isolated_dirs.rglob("*") if "QtProject" in p.name]
