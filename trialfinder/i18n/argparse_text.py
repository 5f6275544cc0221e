"""argparse's own messages ("usage:", "options", its errors) in the user's language.

argparse marks them with gettext and looks its ``_`` and ``ngettext`` up in its module at each
call; the translations are in the ``argparse`` domain of the translations folder.
"""

from __future__ import annotations

import argparse
import gettext

from trialfinder.i18n.content import normalize_language
from trialfinder.i18n.languages import DEFAULT
from trialfinder.paths import translations_dir

DOMAIN = "argparse"


def use_language(lang: str) -> None:
    """Make argparse speak ``lang`` (a language of the table) in every parser built after."""
    lang = normalize_language(lang)
    catalog = (gettext.NullTranslations() if lang == DEFAULT else
               gettext.translation(DOMAIN, translations_dir(), languages=[lang], fallback=True))
    argparse._ = catalog.gettext  # type: ignore[attr-defined]
    argparse.ngettext = catalog.ngettext  # type: ignore[attr-defined]
