"""Every language TrialFinder speaks, one row each: the one place a language code is written.

Adding a language is a row here plus its catalogs (gettext .po, Qt .ts, optionally argparse
.po), its glossary column and, for a new script, a font subset (translations/README.md,
"Add a language"). Everything else (the language buttons, the summary's language choice,
``--lang``, the kiosk config check, the catalog and font tools, the packaging keep-lists)
reads this table. Pure data: importing it costs nothing at start-up.
"""

from __future__ import annotations

from typing import NamedTuple


class Language(NamedTuple):  # a named tuple, not a dataclass: quicker to make at start-up
    code: str  # gettext and Qt catalog name: translations/<code>/, trialfinder_<code>.ts
    native_name: str  # the language named in itself (button text)
    accessible_name: str  # what a screen reader says for its button
    qt_locale: str  # QLocale name: dates, numbers, Qt's own dialogs
    babel_locale: str  # Babel/CLDR locale: formatting, plural rule
    plural_forms: str  # gettext Plural-Forms, as Babel (CLDR) gives it for babel_locale
    font_family: str  # bundled fallback font family ("" when system fonts are enough)
    font_source_face: str  # the Noto Sans CJK face the subset is cut from ("" for none)
    system_tags: tuple[str, ...]  # system locale prefixes that resolve to it (lower case)
    qt_base_catalog: str  # Qt's own translation of its dialogs ("" for none)
    babel_keep: tuple[str, ...]  # Babel locale-data files the bundle keeps for it


LANGUAGES_TABLE: tuple[Language, ...] = (
    Language(
        code="en", native_name="English", accessible_name="English",
        qt_locale="en_US", babel_locale="en_US", plural_forms="nplurals=2; plural=(n != 1);",
        font_family="", font_source_face="", system_tags=(), qt_base_catalog="",
        babel_keep=("root", "en", "en_US"),
    ),
    Language(
        code="zh_CN", native_name="简体中文", accessible_name="中文（简体）",
        qt_locale="zh_CN", babel_locale="zh_Hans_CN", plural_forms="nplurals=1; plural=0;",
        font_family="TrialFinder Noto Sans SC", font_source_face="Noto Sans CJK SC",
        system_tags=("zh",), qt_base_catalog="qtbase_zh_CN.qm",
        babel_keep=("zh", "zh_Hans", "zh_Hans_CN"),
    ),
    Language(
        code="zh_TW", native_name="繁體中文", accessible_name="中文（繁體）",
        qt_locale="zh_TW", babel_locale="zh_Hant_TW", plural_forms="nplurals=1; plural=0;",
        font_family="TrialFinder Noto Sans TC", font_source_face="Noto Sans CJK TC",
        system_tags=("zh_tw", "zh_hk", "zh_mo", "zh_hant"), qt_base_catalog="qtbase_zh_TW.qm",
        babel_keep=("zh_Hant", "zh_Hant_TW"),
    ),
)

BY_CODE: dict[str, Language] = {row.code: row for row in LANGUAGES_TABLE}
CODES: tuple[str, ...] = tuple(BY_CODE)
DEFAULT = LANGUAGES_TABLE[0].code
TRANSLATED: tuple[str, ...] = tuple(code for code in CODES if code != DEFAULT)
# Old command lines and configs said "both" for an English + Simplified Chinese summary.
BOTH = ("en", "zh_CN")


def resolve(tag: str | None) -> str:
    """A system locale tag ("zh_TW", "zh-Hant-HK", "zh_CN.UTF-8", "de") as one of ours: the
    row whose longest ``system_tags`` prefix matches, else the default (English)."""
    if not tag:
        return DEFAULT
    tag = tag.replace("-", "_").split(".")[0].split("@")[0]
    if tag in BY_CODE:
        return tag
    lowered = tag.lower()
    best, length = DEFAULT, 0
    for row in LANGUAGES_TABLE:
        for prefix in row.system_tags:
            if lowered.startswith(prefix) and len(prefix) > length:
                best, length = row.code, len(prefix)
    return best


def side_by_side_pairs() -> list[tuple[str, str]]:
    """Every pair of two languages, for a summary printed side by side."""
    return [(a, b) for i, a in enumerate(CODES) for b in CODES[i + 1:]]


def summary_choices() -> dict[str, tuple[str, ...]]:
    """The summary's language choices: each language alone, any two side by side ("en+zh_TW"),
    and "both" (English + Simplified Chinese, as older command lines say)."""
    choices: dict[str, tuple[str, ...]] = {code: (code,) for code in CODES}
    for pair in side_by_side_pairs():
        choices["+".join(pair)] = pair
    choices["both"] = BOTH
    return choices
