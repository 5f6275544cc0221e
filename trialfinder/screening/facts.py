"""Checking answers against the screener's facts: types, ranges and names.

Answers come as a mapping from fact name to a JSON-like value: a yes / no fact takes "yes",
"no" or "unsure"; a choice takes one of its choices; a number takes a number. ``None`` (JSON
null) or a missing key means "not known". The result maps each fact to True / False, a choice
string or a number, with unknown facts left out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from trialfinder.i18n.content import _
from trialfinder.i18n.formatting import format_number
from trialfinder.screening.dates import NotADate, in_range, parse_date
from trialfinder.screening.numbers import NOT_WHOLE, OUT_OF_RANGE, number_problem
from trialfinder.screening.screener import FactSpec, Screener

YN_VALUES = {"yes": True, "no": False, "unsure": None}
UNSURE = "unsure"

FactValue = bool | str | float | dt.date


class FactError(ValueError):
    """An answer that the screener cannot take: names the fact and what it allows."""

    def __init__(self, fact: str, message: str) -> None:
        super().__init__(f"{fact}: {message}")
        self.fact = fact
        self.message = message


def allowed(spec: FactSpec) -> str:
    """What a fact allows, in words for the current language."""
    if spec.type == "yn":
        return _('"yes", "no" or "unsure"')
    if spec.type == "date":
        return _("a date written year-month-day, like 2026-03-31, not in the future")
    if spec.type == "choice":
        return _("one of: {choices}").format(choices=", ".join(f'"{c}"' for c in spec.choices))
    assert spec.minimum is not None and spec.maximum is not None
    template = (
        _("a whole number from {low} to {high} ({unit})")
        if spec.integer
        else _("a number from {low} to {high} ({unit})")
    )
    return template.format(
        low=format_number(spec.minimum), high=format_number(spec.maximum), unit=_(spec.unit)
    )


def check_value(spec: FactSpec, value: Any) -> FactValue | None:
    """Check one answer; return its value, or None for "not known"."""
    if value is None:
        return None
    if spec.type == "yn":
        if isinstance(value, str) and value in YN_VALUES:
            return YN_VALUES[value]
        raise FactError(spec.name, _("{value} is not allowed; it takes {allowed}.").format(
            value=_show(value), allowed=allowed(spec)))
    if spec.type == "date":
        return _check_date(spec, value)
    if spec.type == "choice":
        if value == UNSURE:
            return None
        if isinstance(value, str) and value in spec.choices:
            return value
        raise FactError(spec.name, _("{value} is not allowed; it takes {allowed}.").format(
            value=_show(value), allowed=allowed(spec)))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FactError(spec.name, _("{value} is not a number; it takes {allowed}.").format(
            value=_show(value), allowed=allowed(spec)))
    if not math.isfinite(value):
        raise FactError(spec.name, _("{value} is not a number; it takes {allowed}.").format(
            value=_show(value), allowed=allowed(spec)))
    problem = number_problem(spec, value)
    if problem == NOT_WHOLE:
        raise FactError(spec.name, _("{value} is not a whole number; it takes {allowed}.").format(
            value=_show(value), allowed=allowed(spec)))
    if problem == OUT_OF_RANGE:
        raise FactError(spec.name, _("{value} is out of range; it takes {allowed}.").format(
            value=_show(value), allowed=allowed(spec)))
    return value


def _check_date(spec: FactSpec, value: Any) -> dt.date | None:
    if value == UNSURE:
        return None
    if isinstance(value, str):
        try:
            day = parse_date(value)
        except NotADate:
            day = None
        if day is not None and in_range(day):
            return day
    raise FactError(spec.name, _("{value} is not allowed; it takes {allowed}.").format(
        value=_show(value), allowed=allowed(spec)))


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value[:40]}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value) if math.isfinite(value) else str(value)
    return _("a list or object") if isinstance(value, list | dict) else repr(value)


def check_answers(screener: Screener, answers: Mapping[str, Any]) -> dict[str, FactValue]:
    """Check every answer. Raises FactError on the first bad one, naming its fact."""
    values: dict[str, FactValue] = {}
    for name, raw in answers.items():
        spec = screener.facts.get(name)
        if spec is None:
            raise FactError(str(name), _("this is not a fact this screener knows."))
        value = check_value(spec, raw)
        if value is not None:
            values[name] = value
    return values
