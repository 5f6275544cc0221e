"""Derived facts: eGFR by the bedside Schwartz formula, and lab values as multiples of ULN.

``derived_value`` is the one place a derived fact is computed from its inputs: the verdict
(``with_derived``), the check of values given twice (``disagreement``), the answers in words
and the answer widgets as the family types all use it.
"""

from __future__ import annotations

from collections.abc import Mapping

from trialfinder.screening.screener import Derived, Screener

UMOL_PER_MG_DL_CREATININE = 88.4
SCHWARTZ_K = 0.413


def creatinine_mg_dl(umol_l: float) -> float:
    """Serum creatinine from µmol/L (most Chinese lab reports) to mg/dL."""
    return umol_l / UMOL_PER_MG_DL_CREATININE


def bedside_schwartz(height_cm: float, creatinine_in_mg_dl: float) -> float:
    """eGFR in mL/min/1.73 m² = 0.413 × height (cm) / serum creatinine (mg/dL)."""
    if creatinine_in_mg_dl <= 0:
        raise ValueError("creatinine must be above zero")
    return SCHWARTZ_K * height_cm / creatinine_in_mg_dl


def times_uln(value: float, upper_limit: float) -> float:
    """A lab value as a multiple of the upper limit of normal printed on the same report."""
    if upper_limit <= 0:
        raise ValueError("the upper limit must be above zero")
    return value / upper_limit


def derived_value(item: Derived, values: Mapping[str, object]) -> float | None:
    """A derived fact from the values of its inputs (by fact name), or None while one is not
    known or cannot give a value (a height or creatinine of zero, an upper limit of zero)."""

    def number(key: str) -> float | None:
        value = values.get(item.inputs.get(key, ""))
        return float(value) if isinstance(value, int | float) else None

    if item.formula == "bedside_schwartz":
        height = number("height")
        mg_dl = number("creatinine_mg_dl")
        umol = number("creatinine_umol_l")
        if umol is not None:
            mg_dl = creatinine_mg_dl(umol)
        if height is None or height <= 0 or mg_dl is None or mg_dl <= 0:
            return None
        return bedside_schwartz(height, mg_dl)
    if item.formula == "ratio":
        value, upper = number("value"), number("upper_limit")
        if value is None or upper is None or upper <= 0:
            return None
        return times_uln(value, upper)
    raise ValueError(f"unknown formula {item.formula!r}")


def with_derived(screener: Screener, values: Mapping[str, object]) -> dict[str, object]:
    """The values with every derived fact computed where its inputs are known.

    A value given directly wins over a computed one.
    """
    result = dict(values)
    for name, item in screener.derived.items():
        if result.get(name) is None:
            computed = derived_value(item, values)
            if computed is not None:
                result[name] = computed
    return result


DISAGREE_ABOVE = 0.05  # two values for one quantity may differ by at most 5% of the larger


def _differ(a: float, b: float) -> bool:
    larger = max(abs(a), abs(b))
    return larger > 0 and abs(a - b) / larger > DISAGREE_ABOVE


def disagreement(screener: Screener, values: Mapping[str, object]) -> tuple[str, str] | None:
    """The first quantity given twice with values more than 5% apart: (fact, message).

    Two creatinine units for one result, or a derived fact given beside the inputs it would
    be computed from. The message (translated) names both values.
    """
    from trialfinder.i18n.content import _
    from trialfinder.i18n.formatting import format_number

    def num(name: str) -> float | None:
        value = values.get(name)
        return float(value) if isinstance(value, int | float) and not isinstance(
            value, bool) else None

    for name, item in screener.derived.items():
        if item.formula == "bedside_schwartz":
            umol, mg = num(item.inputs["creatinine_umol_l"]), num(item.inputs["creatinine_mg_dl"])
            if umol is not None and mg is not None and _differ(creatinine_mg_dl(umol), mg):
                return item.inputs["creatinine_mg_dl"], _(
                    "creatinine {umol} µmol/L and {mg} mg/dL disagree ({umol} µmol/L is "
                    "{converted} mg/dL): give one of them, or correct it.").format(
                    umol=format_number(umol), mg=format_number(mg),
                    converted=format_number(creatinine_mg_dl(umol), 2))
        given, computed = num(name), derived_value(item, values)
        if given is not None and computed is not None and _differ(given, computed):
            inputs = ", ".join(f"{key} {format_number(num(key) or 0)}"
                               for key in item.inputs.values() if num(key) is not None)
            return name, _(
                "{fact} {given} disagrees with the {computed} that {inputs} give: give one of "
                "them, or correct it.").format(
                fact=name, given=format_number(given), computed=format_number(computed, 1),
                inputs=inputs)
    return None
