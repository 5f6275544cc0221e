"""One place that sets the language for everything: gettext, QLocale and Qt's translators.

The only module outside trialfinder/ui that imports Qt (see DESIGN.md).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from trialfinder.i18n.content import normalize_language, set_language
from trialfinder.i18n.languages import BY_CODE, DEFAULT
from trialfinder.paths import translations_dir

_installed: list[QTranslator] = []
_loaded: dict[str, list[QTranslator]] = {}  # each language's translators, loaded once


def qt_catalog_dir() -> str:
    return str(translations_dir() / "qt")


def _translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    if lang not in _loaded:
        found = []
        sources = [(f"trialfinder_{lang}", qt_catalog_dir())]
        qt_base = BY_CODE[lang].qt_base_catalog.removesuffix(".qm")
        if qt_base:  # Qt's own dialogs (Cancel, Open…); not needed for English
            from PySide6.QtCore import QLibraryInfo

            sources.append((qt_base,
                            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        for name, folder in sources:
            translator = QTranslator(app)
            if translator.load(name, folder):
                translator.setObjectName(name)
                found.append(translator)
            else:
                translator.deleteLater()
        _loaded[lang] = found
    return _loaded[lang]


def _prefer_fonts_of(app: QCoreApplication, lang: str) -> None:
    """Put the language's bundled font first among the fallbacks (Traditional and Simplified
    Chinese share characters but not glyph shapes)."""
    from PySide6.QtWidgets import QApplication

    from trialfinder.i18n.fonts import BUNDLED_FAMILIES, fallback_families

    if not isinstance(app, QApplication):
        return
    font = app.font()
    own = [family for family in font.families() if family not in BUNDLED_FAMILIES]
    wanted = [*(own or [font.family()]), *fallback_families(lang)]
    if font.families() != wanted:
        font.setFamilies(wanted)
        app.setFont(font)


def apply_language(lang: str) -> list[str]:
    """Switch every catalog to ``lang``; return the names of the Qt catalogs in use.

    Installing or removing a translator sends QEvent.LanguageChange to every widget, and
    each re-sets its text (retranslate), so the answers and the current screen stay.
    Translators are loaded once per language and reused: a kiosk switches back thousands of
    times, and must not grow.
    """
    lang = normalize_language(lang)
    set_language(lang)
    QLocale.setDefault(QLocale(BY_CODE[lang].qt_locale))
    app = QCoreApplication.instance()
    if app is None:
        return []
    _prefer_fonts_of(app, lang)
    wanted = _translators(app, lang) if lang != DEFAULT else []
    if wanted != _installed:
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        for translator in wanted:
            app.installTranslator(translator)
            _installed.append(translator)
    # The gettext strings changed too, and when no translator came or went Qt sends no
    # LanguageChange: post one, and deliver everything now (the application passes it on to
    # every window, and each widget to its children), so the caller sees the new text at once.
    QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    for _round in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
    return [t.objectName() for t in _installed]
