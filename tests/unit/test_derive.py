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


def test_one_function_computes_each_derived_fact():
    from trialfinder.screening.derive import derived_value, with_derived
    from trialfinder.screening.screener import load_screener

    screener = load_screener()
    egfr, ast = screener.derived["egfr"], screener.derived["ast_x_uln"]
    mg = derived_value(egfr, {"height_cm": 130, "creatinine_mg_dl": 0.5})
    assert mg == pytest.approx(0.413 * 130 / 0.5)
    # µmol/L wins when both are given, as in the verdict
    assert derived_value(egfr, {"height_cm": 130, "creatinine_umol_l": 44.2,
                                "creatinine_mg_dl": 9}) == pytest.approx(mg)
    assert with_derived(screener, {"height_cm": 130, "creatinine_mg_dl": 0.5})["egfr"] == mg
    assert derived_value(ast, {"ast_value": 140, "ast_uln": 40}) == 3.5
    # nothing to show while an input is missing, or zero as a person may type it on the way
    for values in ({"height_cm": 130}, {"height_cm": 0, "creatinine_mg_dl": 0.5},
                   {"height_cm": 130, "creatinine_umol_l": 0}):
        assert derived_value(egfr, values) is None, values
    assert derived_value(ast, {"ast_value": 140, "ast_uln": 0}) is None


def test_one_check_of_a_number_and_a_date():
    import datetime as dt

    from trialfinder.screening.dates import EARLIEST, in_range
    from trialfinder.screening.facts import FactError, check_value
    from trialfinder.screening.numbers import (
        NOT_A_NUMBER,
        NOT_WHOLE,
        OUT_OF_RANGE,
        typed_number,
    )
    from trialfinder.screening.screener import load_screener

    facts = load_screener().facts
    count = facts["immunosuppressants_failed"]  # a whole number from 0 to 20
    assert typed_number(count, " ２ ") == (2, None)
    assert typed_number(count, "") == (None, None)
    assert typed_number(count, "two") == (None, NOT_A_NUMBER)
    assert typed_number(count, "2.5") == (2.5, NOT_WHOLE)
    assert typed_number(count, "21") == (21, OUT_OF_RANGE)
    # a minus sign is read: out of range, not "enter digits" (which they were)
    for typed in ("-5", "－５", "\u22125", " -5 "):
        assert typed_number(count, typed) == (-5, OUT_OF_RANGE)
    value, problem = typed_number(count, "-0")
    assert (value, problem) == (0, None) and str(value) == "0.0"
    assert typed_number(count, "--5") == (None, NOT_A_NUMBER)
    assert typed_number(count, "5-") == (None, NOT_A_NUMBER)
    # a facts file is held to the same check
    for value, words in ((2.5, "not a whole number"), (21, "out of range")):
        with pytest.raises(FactError, match=words):
            check_value(count, value)
    today = dt.date(2026, 3, 1)
    assert in_range(EARLIEST, today) and in_range(today, today)
    assert not in_range(dt.date(2026, 3, 2), today)
    assert not in_range(dt.date(1899, 12, 31), today)


def test_add_period_clips_to_the_months_last_day_as_the_calendar_does():
    """add_period finds a month's length without the calendar module (start-up time)."""
    import calendar
    import datetime as dt

    from trialfinder.screening.dates import add_period

    for year in (1, 1900, 2000, 2023, 2024, 2100, 9998):
        for month in range(1, 13):
            for day in (1, 28, 29, 30, 31):
                if day > calendar.monthrange(year, month)[1]:
                    continue
                start = dt.date(year, month, day)
                for years, months in ((0, 0), (0, 1), (0, 11), (0, 13), (1, -1), (18, 0),
                                      (0, -25)):
                    index = month - 1 + months
                    y, m = year + years + index // 12, index % 12 + 1
                    if not 1 <= y <= 9999:
                        continue
                    wanted = dt.date(y, m, min(day, calendar.monthrange(y, m)[1]))
                    assert add_period(start, years, months) == wanted, (start, years, months)
    assert add_period(dt.date(9999, 11, 30), months=1) == dt.date(9999, 12, 30)
    assert add_period(dt.date(2024, 1, 31), months=1, days=1) == dt.date(2024, 3, 1)
