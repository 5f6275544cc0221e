"""One place that sets the language for everything: gettext, QLocale and Qt's translators.

The only module outside trialfinder/ui that imports Qt (see DESIGN.md).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from trialfinder.i18n.content import normalize_language, set_language
from trialfinder.paths import translations_dir

_installed: list[QTranslator] = []


def qt_catalog_dir() -> str:
    return str(translations_dir() / "qt")


def apply_language(lang: str) -> list[str]:
    """Switch every catalog to ``lang``; return the names of the Qt catalogs that loaded.

    Installing or removing a translator sends QEvent.LanguageChange to every widget, and
    each re-sets its text (retranslate), so the answers and the current screen stay.
    """
    lang = normalize_language(lang)
    set_language(lang)
    app = QCoreApplication.instance()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if lang == "zh_CN" else QLocale(QLocale.Language.English,
                                                       QLocale.Country.UnitedStates))
    loaded: list[str] = []
    if app is None:
        return loaded
    changed = bool(_installed)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        sources = [(f"trialfinder_{lang}", qt_catalog_dir()),
                   (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
        for name, folder in sources:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(name)
                changed = True
    if not changed:
        # No translator came or went, so Qt sends no LanguageChange: send it ourselves,
        # because the gettext strings changed all the same.
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    # Deliver the change now (the application passes it on to every window, and each
    # widget to its children), so that the caller sees the new text at once.
    for _round in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
    return loaded
