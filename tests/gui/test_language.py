"""Switching language keeps the answers and the screen, and every string changes at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from trialfinder.i18n.languages import LANGUAGES_TABLE
from trialfinder.ui.main_window import MainWindow

HAN = re.compile(r"[\u4e00-\u9fff]")


def visible_texts(window: MainWindow) -> list[str]:
    page = window.stack.currentWidget()
    widgets = [w for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
               if w.isVisibleTo(window)]
    assert page is not None
    return [w.text() for w in widgets if w.text()]


def test_result_and_review_follow_the_language(qtbot, window):
    window.answers.update({"age_years": 4, "sex": "male"})
    window.show_screen("result")
    window.set_language("zh_CN")
    texts = visible_texts(window)
    assert "很可能不符合条件" in texts
    assert any("浙江大学医学院附属儿童医院" in t for t in texts)
    window.show_screen("review")
    assert "4岁" in visible_texts(window)
    window.set_language("en")
    assert "4 years" in visible_texts(window)
    names = {row.native_name for row in LANGUAGES_TABLE}  # the language buttons
    assert not any(HAN.search(t) for t in visible_texts(window) if t not in names)


def test_choosing_a_language_is_remembered_but_answers_are_not(qtbot, window):
    from trialfinder.settings import load_settings, save_setting, settings_path

    window.language_chosen.connect(lambda code: save_setting("language", code))
    window.answers["age_years"] = 9
    qtbot.mouseClick(window.lang_buttons["zh_CN"], Qt.MouseButton.LeftButton)
    assert load_settings()["language"] == "zh_CN"
    assert "age_years" not in settings_path().read_text("utf-8")


def test_language_names_are_babels():
    from trialfinder.i18n.formatting import language_name
    from trialfinder.ui.main_window import LANGUAGE_BUTTONS

    assert dict(LANGUAGE_BUTTONS) == {row.code: language_name(row.code)
                                      for row in LANGUAGES_TABLE}
    assert dict(LANGUAGE_BUTTONS)["zh_TW"] == "繁體中文"


def test_qts_own_chinese_catalog_loads_for_standard_dialogs(qapp):
    from trialfinder.i18n.qt import apply_language

    try:
        assert apply_language("zh_CN") == ["trialfinder_zh_CN", "qtbase_zh_CN"]
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        apply_language("en")


def test_a_message_at_the_top_follows_the_language(qtbot, window, tmp_path):
    """A notice (here: a file that is not an answers file) is worded again in the new
    language, like every other text."""
    from trialfinder.ui.takeaway import open_answers

    bad = tmp_path / "not-answers.json"
    bad.write_text("[1, 2, 3]", encoding="utf-8")
    assert not open_answers(window, bad)
    assert window.notice.text().endswith("Nothing was changed.")
    window.choose_language("zh_CN")
    assert "没有" in window.notice.text() and "Nothing" not in window.notice.text()
    window.choose_language("en")
    assert window.notice.text().endswith("Nothing was changed.")


def test_qts_own_traditional_chinese_catalog_and_locale(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from trialfinder.i18n.qt import apply_language

    try:
        assert apply_language("zh_TW") == ["trialfinder_zh_TW", "qtbase_zh_TW"]
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QPlatformTheme", "Save") == "儲存"
        assert QLocale().name() == "zh_TW"
        assert QLocale().script() == QLocale.Script.TraditionalChineseScript
    finally:
        apply_language("en")


CHINESE = {"zh_CN": ("孩子几岁了？", "男孩", "TrialFinder Noto Sans SC"),
           "zh_TW": ("孩子幾歲了？", "男孩", "TrialFinder Noto Sans TC")}


@pytest.mark.parametrize(("lang", "other"), [("zh_CN", "zh_TW"), ("zh_TW", "zh_CN")])
def test_switching_language_on_a_question_page_keeps_answers_and_screen(qtbot, window, lang,
                                                                        other):
    from PySide6.QtWidgets import QApplication

    from trialfinder.i18n.fonts import fallback_families

    window.show_screen("child")
    page = window.question_page("child")
    qtbot.keyClicks(page.cards[0].answer.fields[0].edit, "7")
    qtbot.mouseClick(page.cards[1].answer.buttons["male"], Qt.MouseButton.LeftButton)
    for code, (question, boy, font) in ((lang, CHINESE[lang]), (other, CHINESE[other])):
        qtbot.mouseClick(window.lang_buttons[code], Qt.MouseButton.LeftButton)
        assert [c for c, b in window.lang_buttons.items() if b.isChecked()] == [code]
        assert window.current_name() == "child"
        assert page.cards[0].answer.fields[0].edit.text() == "7"
        assert page.cards[1].answer.buttons["male"].isChecked()
        assert page.cards[1].answer.buttons["male"].text() == boy
        assert page.cards[0].ask.text() == question
        assert window.next_button.text() == "下一步"
        # the language's own glyph shapes first among the bundled fallback fonts
        families = QApplication.font().families()
        assert families[1:] == fallback_families(code) and families[1] == font
    qtbot.mouseClick(window.lang_buttons["en"], Qt.MouseButton.LeftButton)
    assert page.cards[0].ask.text() == "How old is your child?"
    assert window.answers["sex"] == "male"


def test_a_date_fields_message_follows_a_language_switch(qtbot, window):
    """It stayed in Traditional Chinese on an English page."""
    from trialfinder.ui.answers import DateAnswer

    window.answers.update({"age_years": 3})
    field = None
    for name in window.sequence():
        window.show_screen(name)
        found = [w for w in window.stack.currentWidget().findChildren(DateAnswer)
                 if w.isVisibleTo(window)]
        if found:
            field = found[0]
            break
    assert field is not None, "no date question shown"
    window.set_language("zh_TW")
    field.edit.setText("民國110年3月5日")
    assert not field.read()[0]
    assert HAN.search(field.error.text())
    window.set_language("en")
    assert field.error.text().startswith("Please write the date year first")
    field.edit.setText("2999-01-01")
    assert not field.read()[0]
    window.set_language("zh_CN")
    assert HAN.search(field.error.text()) and "future" not in field.error.text()
    field.edit.setText("")
    assert field.read() == (True, None)
    window.set_language("en")
    assert field.error.isHidden()
