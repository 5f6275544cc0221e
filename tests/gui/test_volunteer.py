"""Volunteer mode: registry words beside questions, next family, and the anonymous tally."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import answer_box, forget_and_allow_close
from trialfinder import tally
from trialfinder.ui.launch import build_window
from trialfinder.ui.main_window import MainWindow
from trialfinder.ui.screenshots import VERDICT_ANSWERS


@pytest.fixture
def volunteer(qtbot) -> Iterator[MainWindow]:
    _app, win = build_window("en", 1.0, "volunteer")
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def screen_family(win: MainWindow, verdict: str) -> None:
    win.answers.update(VERDICT_ANSWERS[verdict])
    win.show_screen("review")
    win.show_screen("result")


def test_registry_words_stand_beside_each_question(volunteer):
    volunteer.show_screen("child")
    card = volunteer.question_page("child").cards[0]
    assert card.registry.isVisibleTo(volunteer)
    assert "(1) Age ≥ 5 years old;" in card.registry.text()


def test_next_family_resets_in_one_action_and_tallies_one_row_each(qtbot, volunteer):
    screen_family(volunteer, "likely_not_eligible")
    volunteer.show_screen("result")  # seeing the result again does not count twice
    assert volunteer.restart_button.text() == "Next family"
    answer_box(qtbot, "confirm-yes")  # "Next family" asks first
    qtbot.mouseClick(volunteer.restart_button, Qt.MouseButton.LeftButton)
    assert volunteer.answers == {} and volunteer.current_name() == "welcome"
    screen_family(volunteer, "possibly_eligible")
    answer_box(qtbot, "confirm-yes")
    qtbot.mouseClick(volunteer.restart_button, Qt.MouseButton.LeftButton)
    screen_family(volunteer, "likely_eligible")
    rows = tally.load_rows()
    assert [r["verdict"] for r in rows] == ["likely_not_eligible", "possibly_eligible",
                                            "likely_eligible"]
    assert rows[0]["not_met"] == ["I1", "E9"]
    assert set(rows[0]) == {"date", "verdict", "not_met", "unknown", "trial"}
    assert rows[0]["trial"] == "NCT06686524"  # the trial screened for


def test_tally_screen_and_csv_export(qtbot, volunteer, tmp_path):
    for verdict in ("possibly_eligible", "possibly_eligible", "likely_eligible"):
        screen_family(volunteer, verdict)
        volunteer.restart()
    qtbot.mouseClick(volunteer.tally_button, Qt.MouseButton.LeftButton)
    page = volunteer.stack.currentWidget()
    assert "Screenings: 3" in page.counts.text()
    assert "Possibly eligible: 2" in page.counts.text()
    assert "Agreeing to take part" in page.unknowns.text()
    out = tmp_path / "tally.csv"
    assert page.export_to(out)
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert rows[0] == ["date", "verdict", "not_met", "unknown", "trial"]
    assert rows[1][-1] == "NCT06686524"
    assert len(rows) == 4  # one row per screening
    qtbot.mouseClick(volunteer.back_button, Qt.MouseButton.LeftButton)
    assert volunteer.current_name() == "welcome"


def test_the_tally_holds_nothing_identifying(volunteer):
    screen_family(volunteer, "likely_not_eligible")
    text = tally.tally_path().read_text("utf-8")
    for answer_value in ("female", "male", '"4"', "age_years", "live_vaccine"):
        assert answer_value not in text


def test_the_tally_does_not_offer_one_familys_answers(qtbot, volunteer):
    """'Check your answers' on the tally took the volunteer to the current family's review."""
    screen_family(volunteer, "possibly_eligible")
    assert volunteer.reached_review
    qtbot.mouseClick(volunteer.tally_button, Qt.MouseButton.LeftButton)
    assert volunteer.current_name() == "tally"
    assert not volunteer.review_button.isVisibleTo(volunteer)
    assert volunteer.back_button.isVisibleTo(volunteer)
    qtbot.mouseClick(volunteer.back_button, Qt.MouseButton.LeftButton)
    assert volunteer.current_name() == "result"
