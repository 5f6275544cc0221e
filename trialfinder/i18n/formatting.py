"""Dates, numbers and language names for the current language, through Babel.

Babel is imported on first use, not at start-up: its locale data is large.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable

from trialfinder.i18n.content import language
from trialfinder.i18n.languages import BY_CODE, DEFAULT

HUGE = 1e15  # from here on a number is shown in powers of ten (format_number)


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale for one of our languages (the languages table's)."""
    row = BY_CODE.get(lang or language()) or BY_CODE[DEFAULT]
    return row.babel_locale


def format_number(value: float, max_decimals: int = 2, lang: str | None = None) -> str:
    """A number as a person writes it in the current language: 5, 0.25, 1,000; from
    10^15 on (far beyond any answer: a mistyped or tampered one, to be called out of
    range), in powers of ten: 1E26 (Babel cannot round those to decimals)."""
    from babel.numbers import format_decimal, format_scientific

    if math.isfinite(value) and abs(value) >= HUGE:
        from decimal import Decimal

        # rounded to 3 digits first: 99999999999999999999 is 1E20, not 10E19 (a Decimal:
        # the largest float rounds up past the largest float)
        rounded = Decimal(f"{value:.3g}")
        return format_scientific(rounded, format="0.##E0", locale=babel_locale(lang))
    pattern = "#,##0." + "#" * max_decimals if max_decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def format_date(day: _dt.date, lang: str | None = None) -> str:
    """A date in full words: "November 13, 2024" or "2024年11月13日"."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format="long", locale=babel_locale(lang))


def format_partial_date(year: int, month: int | None, lang: str | None = None) -> str:
    """A month or a year alone: "November 2024" / "2024年11月", or "2024"."""
    from babel.dates import format_skeleton

    if month is None:
        return str(year)
    return format_skeleton("yMMMM", _dt.date(year, month, 1), locale=babel_locale(lang))


def language_name(lang: str) -> str:
    """A language named in its own script, as CLDR (Babel) names it: "English", "简体中文",
    "繁體中文" (with the script where the language is written in more than one)."""
    from babel import Locale

    row = BY_CODE.get(lang) or BY_CODE[DEFAULT]
    own = Locale.parse(row.babel_locale)
    if own.script:
        named = own.languages.get(f"{own.language}_{own.script}")
        if named:
            return named
    return own.language_name or row.native_name


def format_quantity(value: float, unit: str, max_decimals: int = 2,
                    lang: str | None = None) -> str:
    """A number with its (already translated) unit: "9 years", "98%", "9岁", "8 µmol/L"."""
    number = format_number(value, max_decimals, lang)
    if not unit:
        return number
    if unit == "%" or unit[0] >= "\u3000":  # percent, and Chinese units, stick to the number
        return f"{number}{unit}"
    return f"{number} {unit}"


def format_amount(value: float, unit: str, gettext: Callable[[str], str],
                  lang: str | None = None) -> str:
    """A value with its (untranslated) unit, counted units in the right plural form ("1 point",
    "2 points", "1个月"), other units as ``format_quantity`` writes them."""
    from trialfinder.i18n.content import language, ngettext_for

    ngettext = ngettext_for(lang or language())
    number = format_number(value, lang=lang)
    n = 1 if value == 1 else 2  # "1.5 years" takes the plural, as does 0
    if unit == "years":
        return ngettext("{number} year", "{number} years", n).format(number=number)
    if unit == "months":
        return ngettext("{number} month", "{number} months", n).format(number=number)
    if unit == "points":
        return ngettext("{number} point", "{number} points", n).format(number=number)
    if unit == "medicines":
        return ngettext("{number} medicine", "{number} medicines", n).format(number=number)
    return format_quantity(value, gettext(unit) if unit else "", lang=lang)


def format_ago(age: _dt.timedelta, lang: str | None = None) -> str:
    """How long ago something happened, in words: "3 days ago", "3天前", "just now"."""
    from babel.dates import format_timedelta

    from trialfinder.i18n.content import _, gettext_for

    if age.total_seconds() < 60:
        return gettext_for(lang)("just now") if lang else _("just now")
    return format_timedelta(-age, add_direction=True, threshold=1.5, locale=babel_locale(lang))
