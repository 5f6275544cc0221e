"""On every screen, switching language changes every visible string and keeps the answers."""

from __future__ import annotations

import functools
import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit

from trialfinder.i18n.languages import BY_CODE, LANGUAGES_TABLE, TRANSLATED
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


# Taiwan usage (glossary's zh_TW column): drug names in English with a plain gloss, B型/A型
# 肝炎, abbreviations after the Chinese name, GOT/GPT as Taiwan lab reports print them.
ALLOWED_IN = {"zh_TW": {"GVHD", "GOT", "GPT", "A", "BCG", "TB", "MMR", "prednisone",
                        "methylprednisolone", "methotrexate", "cyclosporine", "tacrolimus",
                        "mycophenolate", "cyclophosphamide", "azathioprine", "tofacitinib",
                        "ruxolitinib", "rituximab", "hydroxychloroquine", "Wi", "Fi"}}
# Everyday Taiwan forms that OpenCC's s2tw spells in the official variant (臺)
TAIWAN_EVERYDAY = {"台"}


def language_names(text: str) -> bool:
    """A language named in its own script, or two of them (the summary's language choice)."""
    names = {row.native_name for row in LANGUAGES_TABLE}
    return all(part in names for part in text.split(" + "))


@functools.cache
def _to_taiwan():
    import opencc

    return opencc.OpenCC("s2tw.json")  # loads its dictionaries: once, not per screen


@functools.cache
def _simplified(ch: str) -> bool:
    return _to_taiwan().convert(ch) != ch


def simplified_only(text: str) -> set[str]:
    return {ch for ch in set(text) if "\u4e00" <= ch <= "\u9fff"
            and ch not in TAIWAN_EVERYDAY and _simplified(ch)}


@pytest.mark.slow
@pytest.mark.parametrize("code", TRANSLATED)
def test_no_english_in_chinese_and_no_chinese_in_english_on_any_screen(window, code):
    allowed = ALLOWED | ALLOWED_IN.get(code, set())
    for name, answers in screens(window):
        if answers is not None:
            window.answers.clear()
            window.answers.update(answers)
        window.set_language("en")
        window.show_screen(name)
        before = dict(window.answers)
        window.set_language(code)
        QApplication.processEvents()
        assert window.current_name() == name
        assert window.answers == before
        translated = visible_strings(window)
        assert sum(bool(HAN.search(t)) for t in translated) >= 5, (name, translated)
        for text in translated:
            if language_names(text):
                continue  # the language buttons and choices name each language in itself
            assert not english_left(text) - allowed, (name, text)
            if BY_CODE[code].babel_locale.startswith("zh_Hant"):
                assert not simplified_only(text), (name, text)
        window.set_language("en")
        QApplication.processEvents()
        assert window.answers == before
        for text in visible_strings(window):
            if not language_names(text):  # languages named in their own script
                assert not HAN.search(text), (name, text)
