"""Never lose work (issue 12): save from any page and with Ctrl+S, closing with unsaved
answers asks first, "Start again" / "Next family" ask and stand apart from "Next", and
"Change" on the review lands on that question with the focus."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import answer_box, press, save_as
from trialfinder.ui.screenshots import SHOW_ALL, VERDICT_ANSWERS


def test_ctrl_s_saves_the_answers_from_a_question_page(qtbot, window, tmp_path):
    window.show_screen("child")
    page = window.stack.currentWidget()
    page.cards[0].answer.fields[0].edit.setText("9")  # typed, not yet stored
    page.cards[0].answer.fields[0].edit.setFocus()
    target = tmp_path / "answers.json"
    save_as(target)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert json.loads(target.read_text(encoding="utf-8"))["answers"]["age_years"] == 9
    assert window.current_name() == "child"  # the person carries on where they were
    assert not window.has_unsaved()


def test_the_save_button_is_on_every_page_at_home(window):
    for name in ("about", "child", "diagnosis", "review", "result"):
        window.answers.update(VERDICT_ANSWERS["possibly_eligible"])
        window.show_screen(name)
        assert window.save_button.isVisibleTo(window), name
        assert window.save_button.accessibleName()


def test_a_wrong_entry_is_not_saved_and_keeps_its_message(qtbot, window, tmp_path):
    window.show_screen("child")
    edit = window.stack.currentWidget().cards[0].answer.fields[0].edit
    edit.setText("abc")
    window.save_answers()  # no dialog opens: the entry must be put right first
    assert QApplication.activeModalWidget() is None
    assert edit.text() == "abc"
    assert window.stack.currentWidget().cards[0].answer.fields[0].error.isVisibleTo(window)


def test_closing_with_unsaved_answers_asks_first(qtbot, window):
    window.answers.update({"age_years": 9})
    window.show_screen("diagnosis")
    seen: list[str] = []
    answer_box(qtbot, "unsaved-cancel", seen)
    window.close()
    assert window.isVisible() and window.answers == {"age_years": 9}
    assert "not saved" in seen[0]
    answer_box(qtbot, "unsaved-close")
    window.close()
    assert not window.isVisible()


def test_closing_after_saving_asks_nothing(qtbot, window, tmp_path):
    from trialfinder.ui import takeaway

    window.answers.update({"age_years": 9})
    window.show_screen("diagnosis")
    assert takeaway.write_answers(window, tmp_path / "a.json")
    window.close()  # would block on a question box if it asked
    assert not window.isVisible()


def test_save_from_the_closing_question(qtbot, window, tmp_path):
    window.answers.update({"age_years": 9})
    window.show_screen("diagnosis")
    target = tmp_path / "kept.json"
    answer_box(qtbot, "unsaved-save")
    save_as(target)
    window.close()
    assert target.exists() and not window.isVisible(), window.notice.text()


def test_start_again_asks_and_no_keeps_everything(qtbot, window):
    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    window.show_screen("review")
    window.show_screen("result")
    seen: list[str] = []
    answer_box(qtbot, "confirm-no", seen)
    qtbot.mouseClick(window.restart_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "result" and window.answers
    assert "forgotten" in seen[0]
    answer_box(qtbot, "confirm-yes")
    qtbot.mouseClick(window.restart_button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "welcome" and window.answers == {}


def test_next_family_does_not_sit_beside_next(qtbot):
    from tests.gui.conftest import forget_and_allow_close
    from trialfinder.ui.launch import build_window

    _app, win = build_window("en", 1.0, "volunteer")
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.show()
    qtbot.waitExposed(win)
    win.show_screen("child")
    assert win.restart_button.isVisibleTo(win) and win.next_button.isVisibleTo(win)
    restart = win.restart_button.mapTo(win, QPoint(0, 0))
    following = win.next_button.mapTo(win, QPoint(0, 0))
    assert following.y() - restart.y() > win.height() // 2  # header vs. bottom bar
    assert win.restart_button.parentWidget() is not None
    stack_top = win.stack.mapTo(win, QPoint(0, 0)).y()
    assert restart.y() < stack_top < following.y()


def test_change_on_the_review_lands_on_that_question_focused(qtbot, window):
    window.answers.update(SHOW_ALL)
    window.show_screen("review")
    review = window.stack.currentWidget()
    fact = "ast_x_uln"
    button = next(b for b in review.change_buttons if b.objectName() == f"change-{fact}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.stack.currentWidget()
    card = next(c for c in page.visible_cards() if c.question.fact == fact)
    assert QApplication.focusWidget() is card.answer.focus_target()
    for _ in range(3):
        QApplication.processEvents()
    viewport = page.scroll.viewport()
    top = card.ask.mapTo(viewport, QPoint(0, 0))
    assert 0 <= top.y() < viewport.height(), "the question is scrolled into view"


def test_change_by_keyboard_with_enter(qtbot, window):
    window.answers.update(SHOW_ALL)
    window.show_screen("review")
    review = window.stack.currentWidget()
    button = next(b for b in review.change_buttons if b.objectName() == "change-jdm_diagnosis")
    button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    card = next(c for c in page.visible_cards() if c.question.fact == "jdm_diagnosis")
    assert QApplication.focusWidget() is card.answer.focus_target()


def test_escape_on_the_closing_question_keeps_the_window(qtbot, window):
    window.answers.update({"age_years": 9})
    window.show_screen("diagnosis")

    def escape() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, escape)
            return
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(20, escape)
    window.close()
    assert window.isVisible() and QApplication.activeModalWidget() is None


def saved_with_age_9(qtbot, window, folder: Path) -> Path:
    """A file of saved answers (age 9), saved through the window's own Save."""
    saved = folder / "saved.json"
    window.answers.update({"age_years": 9})
    save_as(saved)
    window.save_answers()
    qtbot.waitUntil(saved.exists, timeout=5000)
    return saved


def test_opening_saved_answers_over_unsaved_ones_asks_first(qtbot, window, tmp_path):
    saved = saved_with_age_9(qtbot, window, tmp_path)
    window.answers.update({"age_years": 7, "jdm_diagnosis": "yes"})  # typed since, not saved
    window.show_screen("welcome")
    opener = window.stack.currentWidget().open_saved
    seen: list[str] = []
    answer_box(qtbot, "confirm-no", seen)  # the safe answer: nothing opens, nothing is lost
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    assert "not saved" in seen[0]
    assert window.answers == {"age_years": 7, "jdm_diagnosis": "yes"}
    assert window.current_name() == "welcome"
    answer_box(qtbot, "confirm-yes")
    save_as(saved)  # the open dialog, answered the same way
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_name() == "review", timeout=5000)
    assert window.answers == {"age_years": 9}


def test_opening_saved_answers_asks_nothing_when_all_is_saved(qtbot, window, tmp_path):
    saved = saved_with_age_9(qtbot, window, tmp_path)
    window.show_screen("welcome")
    save_as(saved)  # the open dialog comes at once: no question box before it
    qtbot.mouseClick(window.stack.currentWidget().open_saved, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_name() == "review", timeout=5000)
    assert window.answers == {"age_years": 9}
