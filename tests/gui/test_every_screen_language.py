"""On every screen, switching language changes every visible string and keeps the answers."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit

from trialfinder.ui.main_window import ABOUT, RESULT, REVIEW, WELCOME, MainWindow
from trialfinder.ui.screenshots import SHOW_ALL, VERDICT_ANSWERS

HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Words that stay in Latin letters in the Chinese UI: names, codes, units, abbreviations.
NAMES = [
    "Lu Mei ping, M.D", "Meiping Lu, M.D", "Chongqing Precision Biotech Co., Ltd",
    "ClinicalTrials.gov", "TrialFinder", "English", "mL/min/1.73 m²", "µmol/L", "mg/dL", "U/L",
]
ALLOWED = {"CAR", "T", "UCAR", "CD19", "B", "NCT06686524", "PBC081", "JDM", "IMNM", "CMAS",
           "PhGA", "PtGA", "DAS", "C", "HAQ", "LVEF", "ECG", "eGFR", "AST", "ALT", "SpO2",
           "SRP", "HMGCR", "MRI", "HIV", "HBsAg", "HBcAb", "DNA", "RNA", "CK", "LDH", "IVIG",
           "Schwartz", "I", "PDF", "QR",
           # glossary terms kept in Latin letters (criteria revision 2)
           "CT", "JAK", "PPD", "SPOT", "CRS", "ICANS"}


def screens(window: MainWindow):
    for name in (WELCOME, ABOUT):
        yield name, None
    for page in window.questionnaire.pages:
        yield page.id, SHOW_ALL
    yield REVIEW, SHOW_ALL
    for answers in VERDICT_ANSWERS.values():
        yield RESULT, answers


def visible_strings(window: MainWindow) -> list[str]:
    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.property("remote"):
            continue  # other studies: a registry title, places, sources as the registry has them
        if widget.isVisibleTo(window) and widget.text():
            texts.append(widget.text())
    for edit in window.findChildren(QLineEdit):
        if edit.isVisibleTo(window):
            texts += [edit.placeholderText(), edit.text()]
    for combo in window.findChildren(QComboBox):
        if combo.isVisibleTo(window):
            texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


def english_left(text: str) -> set[str]:
    for name in NAMES:
        text = text.replace(name, " ")
    return {w for w in re.findall(r"[A-Za-z]+[0-9]*", text) if w not in ALLOWED}


@pytest.mark.slow
def test_no_english_in_chinese_and_no_chinese_in_english_on_any_screen(window):
    for name, answers in screens(window):
        if answers is not None:
            window.answers.clear()
            window.answers.update(answers)
        window.set_language("en")
        window.show_screen(name)
        before = dict(window.answers)
        window.set_language("zh_CN")
        QApplication.processEvents()
        assert window.current_name() == name
        assert window.answers == before
        chinese = visible_strings(window)
        assert sum(bool(HAN.search(t)) for t in chinese) >= 5, (name, chinese)
        for text in chinese:
            assert not english_left(text), (name, text)
        window.set_language("en")
        QApplication.processEvents()
        assert window.answers == before
        for text in visible_strings(window):
            if text not in ("中文", "中文 + English"):  # languages named in their own script
                assert not HAN.search(text), (name, text)
