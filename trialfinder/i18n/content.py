"""Content strings (questions, criteria, verdicts, CLI output) through gettext catalogs.

Mark a string with ``_()`` where it is shown, or with ``N_()`` where it is only stored; the
screener definition's text fields are extracted by ``trialfinder.i18n.extract``.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable

from trialfinder.i18n.languages import CODES, DEFAULT, resolve
from trialfinder.paths import translations_dir

DOMAIN = "trialfinder"
LANGUAGES = CODES

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT


def normalize_language(tag: str | None) -> str:
    """One of ``LANGUAGES`` for a language or system locale tag: the row of the languages
    table whose system tags match (Taiwan, Hong Kong, Macau and Hant tags give Traditional
    Chinese, other Chinese tags Simplified), anything else English."""
    return resolve(tag)


def set_language(lang: str) -> None:
    """Make ``lang`` (one of ``LANGUAGES``) the language of every content string."""
    global _current, _language
    lang = normalize_language(lang)
    if lang == DEFAULT:
        _current = _gettext.NullTranslations()
    else:
        # fallback: a missing catalog shows English rather than stopping the app
        _current = _gettext.translation(
            DOMAIN, translations_dir(), languages=[lang], fallback=True
        )
    _language = lang


def gettext_for(lang: str) -> Callable[[str], str]:
    """A translate function for one language, leaving the current language alone (for a
    summary in another language, or in two side by side)."""
    lang = normalize_language(lang)
    if lang == DEFAULT:
        return lambda message: message
    catalog = _gettext.translation(DOMAIN, translations_dir(), languages=[lang], fallback=True)
    return lambda message: catalog.gettext(message) if message else message


def ngettext_for(lang: str) -> Callable[[str, str, int], str]:
    """``ngettext`` for one language, leaving the current language alone."""
    lang = normalize_language(lang)
    if lang == DEFAULT:
        return lambda singular, plural, n: singular if n == 1 else plural
    catalog = _gettext.translation(DOMAIN, translations_dir(), languages=[lang], fallback=True)
    return catalog.ngettext


def language() -> str:
    """The current content language, one of ``LANGUAGES``."""
    return _language


def _(message: str) -> str:
    """Translate a content string into the current language."""
    return _current.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string with a number in it, choosing the plural form for ``n``."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message
