"""One language table: every language list derives from trialfinder/i18n/languages.py, a
language code is written nowhere else in the product, and system locales resolve to a row."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.unit.test_summary import NOT_ELIGIBLE, embedded_fonts, pdf_text, summary
from trialfinder.i18n.languages import (
    BY_CODE,
    CODES,
    DEFAULT,
    LANGUAGES_TABLE,
    TRANSLATED,
    resolve,
    summary_choices,
)

TABLE = ROOT / "trialfinder" / "i18n" / "languages.py"
# Data, not code: catalogs, glossary, fonts, the desktop entry's and AppStream's translated
# names (and the table itself)
DATA_SUFFIXES = {".po", ".pot", ".mo", ".ts", ".qm", ".otf", ".ttf", ".md", ".txt", ".desktop",
                 ".xml"}


def code_literals() -> re.Pattern[str]:
    """Any translated language's code (zh_CN, zh-TW...), Babel locale or Qt catalog name."""
    words = set()
    for row in LANGUAGES_TABLE:
        if row.code == DEFAULT:
            continue  # English is the source language of every string
        words |= {row.code, row.code.replace("_", "-"), row.babel_locale}
        if row.qt_base_catalog:
            words.add(row.qt_base_catalog.removesuffix(".qm"))
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


def product_files():
    for folder in ("trialfinder", "packaging", "translations/tools"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def test_only_the_language_table_names_a_language():
    pattern = code_literals()
    naming = [str(path.relative_to(ROOT)) for path in product_files()
              if path != TABLE and path.suffix not in DATA_SUFFIXES
              and pattern.search(path.read_text("utf-8", errors="replace"))]
    assert naming == []
    assert pattern.search(TABLE.read_text("utf-8"))  # the check can fail


@pytest.mark.parametrize(("tag", "code"), [
    ("zh_TW", "zh_TW"), ("zh_TW.UTF-8", "zh_TW"), ("zh_HK.UTF-8", "zh_TW"), ("zh_MO", "zh_TW"),
    ("zh-Hant", "zh_TW"), ("zh_Hant_HK", "zh_TW"), ("zh-Hant-TW", "zh_TW"),
    ("zh_CN.UTF-8", "zh_CN"), ("zh_SG", "zh_CN"), ("zh", "zh_CN"), ("zh-Hans-CN", "zh_CN"),
    ("en_GB.UTF-8", "en"), ("de_DE", "en"), ("C", "en"), ("", "en"), (None, "en"),
])
def test_system_locales_resolve_to_a_row(tag, code):
    assert resolve(tag) == code


@pytest.mark.parametrize("lang", ["zh_TW.UTF-8", "zh_HK.UTF-8"])
def test_a_taiwan_or_hong_kong_system_gets_traditional_help(lang):
    from tests.unit.test_help_language import english_left, run

    out = run("--help", lang=lang).stdout
    assert out.startswith("用法：trialfinder") and english_left(out) == []
    assert "顯示" in out and "显示" not in out


def test_rows_are_complete_and_cldr_agrees():
    from babel import Locale
    from babel.messages.plurals import get_plural

    assert CODES[0] == DEFAULT and len(set(CODES)) == len(CODES)
    for row in LANGUAGES_TABLE:
        locale = Locale.parse(row.babel_locale)
        assert row.plural_forms == get_plural(locale).plural_forms
        assert row.qt_locale.split("_")[0] == locale.language
        assert row.babel_locale in row.babel_keep or row.code == DEFAULT
        assert row.native_name and row.accessible_name
    assert BY_CODE["zh_TW"].font_family != BY_CODE["zh_CN"].font_family


def test_summary_choices_are_each_language_and_any_two():
    choices = summary_choices()
    for code in CODES:
        assert choices[code] == (code,)
    pairs = [value for value in choices.values() if len(value) == 2]
    assert len(pairs) == len(CODES) * (len(CODES) - 1) // 2 + 1  # + "both"
    assert choices["en+zh_TW"] == ("en", "zh_TW")
    assert choices["zh_CN+zh_TW"] == ("zh_CN", "zh_TW")
    assert choices["both"] == ("en", "zh_CN")  # older command lines


def test_packaging_keeps_what_every_language_needs():
    import runpy

    keep = runpy.run_path(str(ROOT / "packaging" / "pyi_common.py"))
    assert "qtbase_zh_TW.qm" in keep["QT_TRANSLATIONS_KEEP"]
    assert {"zh_Hant", "zh_Hant_TW", "zh_Hans_CN", "en_US"} <= keep["BABEL_LOCALES_KEEP"]
    assert keep["keep"]("x/PySide6/Qt/translations/qtbase_zh_TW.qm")
    assert not keep["keep"]("x/PySide6/Qt/translations/qtbase_de.qm")


def test_kiosk_config_takes_every_language_of_the_table(tmp_path, monkeypatch):
    from trialfinder.site_config import load_kiosk_config

    config = tmp_path / "kiosk.json"
    monkeypatch.setenv("TRIALFINDER_SITE_CONFIG", str(config))
    for code in CODES:
        config.write_text(f'{{"kiosk": true, "language": "{code}"}}', encoding="utf-8")
        assert load_kiosk_config().language == code
    config.write_text('{"kiosk": true, "language": "fr"}', encoding="utf-8")
    assert load_kiosk_config().language is None


def test_traditional_chinese_formatting():
    import datetime as dt

    from trialfinder.i18n.formatting import format_amount, format_date, language_name

    assert format_date(dt.date(2024, 11, 13), "zh_TW") == "2024年11月13日"
    assert format_amount(3, "months", str, "zh_TW") == "3個月"
    assert language_name("zh_TW") == "繁體中文" and language_name("zh_CN") == "简体中文"


def test_traditional_summary_embeds_the_traditional_font(tmp_path):
    path = summary(tmp_path, NOT_ELIGIBLE, "zh_TW")
    text = pdf_text(path)
    assert "只由研究團隊決定" in text or "研究團隊" in text
    assert "2024年11月13日" in text
    assert "团队" not in text and "Likely not eligible" not in text
    fonts = embedded_fonts(path)
    assert any("TrialFinderNotoSansTC" in f for f in fonts), fonts
    assert not any("TrialFinderNotoSansSC" in f for f in fonts), fonts


@pytest.mark.parametrize("lang", ["en+zh_TW", "zh_CN+zh_TW", "both"])
def test_any_two_languages_side_by_side(tmp_path, lang):
    path = summary(tmp_path, NOT_ELIGIBLE, lang)
    text = pdf_text(path)
    codes = summary_choices()[lang]
    fonts = " ".join(embedded_fonts(path))
    for code in codes:  # each Chinese column in its own script's font
        family = BY_CODE[code].font_family.replace(" ", "")
        assert not family or family in fonts, (code, fonts)
    assert ("Likelynoteligible" in text) == ("en" in codes)
    assert ("研究團隊" in text) == ("zh_TW" in codes)
    assert ("研究团队" in text) == ("zh_CN" in codes)
    assert TRANSLATED  # every translated language has a catalog (tests/unit/test_catalogs.py)


def test_every_bundled_related_study_has_a_plain_title_in_every_language():
    """The list of other studies is shown in the screen's language (the AT-SPI walk reads it)."""
    from trialfinder.screening.screener import load_screener
    from trialfinder.trial.related_source import bundled_related

    for study in bundled_related(load_screener().trial.related).studies:
        assert set(study.plain_titles) == set(CODES), study.nct_id
