"""The derived-fact formulas."""

import pytest

from trialfinder.screening.derive import bedside_schwartz, creatinine_mg_dl, times_uln


def test_bedside_schwartz():
    assert bedside_schwartz(120, 0.5) == pytest.approx(0.413 * 120 / 0.5)


def test_creatinine_conversion():
    assert creatinine_mg_dl(88.4) == pytest.approx(1.0)
    assert bedside_schwartz(140, creatinine_mg_dl(44.2)) == pytest.approx(0.413 * 140 / 0.5)


def test_times_uln():
    assert times_uln(140, 40) == 3.5


@pytest.mark.parametrize("bad", [0, -1])
def test_zero_or_negative_denominators_are_refused(bad):
    with pytest.raises(ValueError):
        bedside_schwartz(120, bad)
    with pytest.raises(ValueError):
        times_uln(10, bad)
