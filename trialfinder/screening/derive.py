"""Derived facts: eGFR by the bedside Schwartz formula, and lab values as multiples of ULN."""

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


def _compute(item: Derived, values: Mapping[str, object]) -> float | None:
    def number(key: str) -> float | None:
        value = values.get(item.inputs.get(key, ""))
        return float(value) if isinstance(value, int | float) else None

    if item.formula == "bedside_schwartz":
        height = number("height")
        mg_dl = number("creatinine_mg_dl")
        umol = number("creatinine_umol_l")
        if umol is not None:
            mg_dl = creatinine_mg_dl(umol)
        if height is None or mg_dl is None or mg_dl <= 0:
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
            computed = _compute(item, values)
            if computed is not None:
                result[name] = computed
    return result
