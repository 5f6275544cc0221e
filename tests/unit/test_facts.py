"""Checking answers: every bad value names its fact and what it allows."""

import math

import pytest

from trialfinder.i18n.content import set_language
from trialfinder.screening.facts import FactError, check_answers
from trialfinder.screening.screener import load_screener


def check(answers):
    return check_answers(load_screener(), answers)


def test_values_are_converted_and_unknowns_left_out():
    values = check({"jdm_diagnosis": "yes", "calcinosis": "no", "prior_cart": "unsure",
                    "sex": "male", "age_years": 7, "cmas_score": None})
    assert values == {"jdm_diagnosis": True, "calcinosis": False, "sex": "male", "age_years": 7}


@pytest.mark.parametrize(("answers", "fact", "words"), [
    ({"age_years": 121}, "age_years", "0 to 120"),
    ({"age_years": -1}, "age_years", "out of range"),
    ({"age_years": 1e26}, "age_years", "1E26 is out of range"),  # crashed Babel's rounding
    ({"age_years": 1e308}, "age_years", "1E308 is out of range"),
    ({"egfr": -1e30}, "egfr", "-1E30 is out of range"),
    ({"age_years": "9"}, "age_years", "not a number"),
    ({"age_years": True}, "age_years", "not a number"),
    ({"age_years": math.nan}, "age_years", "not a number"),
    ({"age_years": math.inf}, "age_years", "not a number"),
    ({"age_years": [9]}, "age_years", "not a number"),
    ({"spo2_percent": 49}, "spo2_percent", "50 to 100"),
    ({"chaq_score": 3.01}, "chaq_score", "0 to 3"),
    ({"immunosuppressants_failed": 2.5}, "immunosuppressants_failed", "whole number"),
    ({"jdm_diagnosis": True}, "jdm_diagnosis", '"yes", "no" or "unsure"'),
    ({"jdm_diagnosis": "maybe"}, "jdm_diagnosis", '"yes", "no" or "unsure"'),
    ({"jdm_diagnosis": 1}, "jdm_diagnosis", "not allowed"),
    ({"sex": "other"}, "sex", '"female", "male"'),
    ({"favourite_colour": "blue"}, "favourite_colour", "not a fact"),
])
def test_bad_values_name_the_fact(answers, fact, words):
    with pytest.raises(FactError) as caught:
        check(answers)
    assert caught.value.fact == fact
    assert words in str(caught.value)


def test_boundaries_of_ranges_are_allowed():
    assert check({"age_years": 0, "spo2_percent": 100, "chaq_score": 3}) == {
        "age_years": 0, "spo2_percent": 100, "chaq_score": 3}


def test_messages_follow_the_language():
    set_language("zh_CN")
    with pytest.raises(FactError) as caught:
        check({"age_years": 200})
    assert "超出范围" in caught.value.message


def test_any_finite_number_is_written_and_huge_ones_in_powers_of_ten():
    from trialfinder.i18n.formatting import format_number

    for lang in ("en", "zh_CN", "zh_TW"):
        assert format_number(123456.789, lang=lang) == "123,456.79"
        assert format_number(999_999_999_999_999, lang=lang) == "999,999,999,999,999"
        assert format_number(1e15, lang=lang) == "1E15"
        assert format_number(99999999999999999999, lang=lang) == "1E20"
        assert format_number(-1.5e300, lang=lang) == "-1.5E300"
        assert format_number(1.7976931348623157e308, lang=lang) == "1.8E308"


def test_quantities_are_written_the_way_each_language_writes_them():
    from trialfinder.i18n.formatting import format_quantity

    assert format_quantity(9, "years") == "9 years"
    assert format_quantity(98.5, "%") == "98.5%"
    assert format_quantity(9, "岁") == "9岁"
    assert format_quantity(1200, "U/L") == "1,200 U/L"
    assert format_quantity(0.5, "mg/dL") == "0.5 mg/dL"
