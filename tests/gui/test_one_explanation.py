"""The result screen, the summary PDF and ``evaluate --format text`` tell one explanation: the
same parts in the same order, for each verdict (real widgets, a real PDF, the real command)."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel

from tests.unit.test_cli import run
from trialfinder.answers_file import save_answers
from trialfinder.i18n.content import _
from trialfinder.screening.explanation import Explanation, explain
from trialfinder.screening.questionnaire import Questionnaire
from trialfinder.screening.screener import load_screener
from trialfinder.trial.record_text import CONTACT, STUDY_IDS
from trialfinder.ui.screenshots import VERDICT_ANSWERS


def marks(told: Explanation, nct_id: str, code: str) -> list[str]:
    """A text that marks each part every output shows (other studies and the closing word
    differ by output), in the explanation's order."""
    found: list[str] = []
    for part in told.parts:
        if part == "lead":
            found += [_(told.title), _(told.meaning), _(told.next_step)]
        elif part == "contact":
            found.append(_(CONTACT))
        elif part == "decides":
            found.append(_(told.decides))
        elif part == "standing":
            found += [_(told.what_stands), *(_(item.sentence) for item in told.standing),
                      *([_(told.time_limit_only)] if told.time_limit_only else [])]
        elif part == "questions":
            found += [_(group.heading) for group in told.questions]
        elif part == "to_check" and told.to_check:
            found.append(_(told.to_check_heading))
        elif part == "criteria":
            found += [_(told.criteria_heading), *(_(group.heading) for group in told.criteria)]
        elif part == "record":
            found.append(_(STUDY_IDS).format(nct_id=nct_id, code=code))
        elif part == "judgment":
            found += [_(text) for text in told.judgment]
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def in_order(text: str, expected: list[str]) -> list[str]:
    """The marks not found in order in the text (each after the one before)."""
    text, at, missing = squash(text), 0, []
    for mark in expected:
        found = text.find(squash(mark), at)
        if found < 0:
            missing.append(mark)
        else:
            at = found + len(squash(mark))
    return missing


def page_text(window, answers: dict) -> str:
    """The result screen's visible words, top to bottom as laid out."""
    window.resize(1366, 6000)
    window.answers.clear()
    window.answers.update(answers)
    window.show_screen("result")
    QApplication.processEvents()
    page = window.stack.currentWidget()
    labels = [w for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()]

    def where(label: QLabel) -> tuple[int, int]:
        point = label.mapTo(page.content, QPoint(0, 0))
        return point.y(), point.x()

    return "\n".join(label.text() for label in sorted(labels, key=where))


@pytest.mark.parametrize("verdict", list(VERDICT_ANSWERS))
def test_screen_pdf_and_text_tell_the_same_parts_in_the_same_order(qtbot, window, tmp_path,
                                                                   verdict):
    answers = VERDICT_ANSWERS[verdict]
    screener = load_screener()
    questionnaire = Questionnaire(screener)
    outcome = questionnaire.outcome(answers)
    assert outcome.verdict == verdict
    record = window.current.record
    expected = marks(explain(screener, outcome), record.nct_id, record.org_study_id)
    assert len(expected) >= 10

    screen = page_text(window, answers)
    saved = tmp_path / "answers.json"
    save_answers(saved, screener, answers)
    pdf = tmp_path / "summary.pdf"
    result = run("summary", str(saved), "--out", str(pdf), "--lang", "en")
    assert result.returncode == 0, result.stderr
    printed = "".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(questionnaire.counted_answers(answers)), encoding="utf-8")
    result = run("evaluate", str(facts), "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = result.stdout

    for name, output in (("screen", screen), ("pdf", printed), ("text", text)):
        assert in_order(output, expected) == [], name
