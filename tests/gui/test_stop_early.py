"""A child under 5 can stop early: the result, with other studies to ask about, at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QPushButton, QWidget


def child_page(window):
    window.show_screen("child")
    return window.stack.currentWidget()


def age_card(page):
    return next(c for c in page.cards if c.question.fact == "age_years")


def test_under_5_offers_the_result_now_and_it_shows_likely_not_with_other_studies(qtbot,
                                                                                window):
    page = child_page(window)
    stop = page.findChild(QFrame, "stop-early")
    assert stop is not None and not stop.isVisibleTo(page)
    edit = age_card(page).answer.fields[0].edit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(edit, "4")
    assert stop.isVisibleTo(page)  # as soon as the age is typed
    assert "from 5 years old" in page.stop_text.text()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "7")
    assert not stop.isVisibleTo(page)  # 7 is old enough: nothing to stop for
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "3")
    button = page.findChild(QPushButton, "see-result-now")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_name() == "result"
    assert window.answers["age_years"] == 3  # stored on the way, nothing lost
    assert window.outcome().verdict == "likely_not_eligible"
    result = window.stack.currentWidget()
    assert result.findChild(QFrame, "blocking-I1") is not None
    studies = [w for w in result.findChildren(QWidget, "related-studies")
               if w.isVisibleTo(result)]
    assert studies  # the other studies come with the result


def test_not_sure_or_a_wrong_entry_never_stops_early(qtbot, window):
    page = child_page(window)
    stop = page.findChild(QFrame, "stop-early")
    answer = age_card(page).answer
    qtbot.mouseClick(answer.fields[0].edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(answer.fields[0].edit, "4x")  # not a number yet: no message, no offer
    assert not stop.isVisibleTo(page)
    assert not answer.fields[0].error.isVisibleTo(page)
    answer.fields[0].edit.clear()
    answer.unsure.setChecked(True)
    QApplication.processEvents()
    assert not stop.isVisibleTo(page)


def test_the_offer_follows_the_language(qtbot, window):
    page = child_page(window)
    qtbot.mouseClick(age_card(page).answer.fields[0].edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(age_card(page).answer.fields[0].edit, "2")
    window.choose_language("zh_CN")
    QApplication.processEvents()
    assert "5岁" in page.stop_text.text()
    assert page.stop_button.text() == "现在查看结果"
