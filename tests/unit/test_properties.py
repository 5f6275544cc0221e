"""Property-based checks of the three-valued verdict.

Knowing more can only settle things: giving an unknown fact a value never lifts
"likely not eligible", and giving a value to an unknown fact that is not a screening test never
turns "likely eligible" into "possibly eligible" (except, by revision 2 of the spec, a fact that
holds a screening test back from being assumed normal: learning that the disease affects the
heart makes an unknown heart ultrasound a question, not an assumption).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.screening_cases import BASELINE, outcome_for
from trialfinder.screening.rules import names_in
from trialfinder.screening.screener import FactSpec, load_screener
from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE, POSSIBLY_ELIGIBLE

SCREENER = load_screener()
FACTS = {n: f for n, f in SCREENER.facts.items() if f.role == "fact"}
# Numbers near every threshold in the rules, so that boundaries are hit often.
POINTERS = {name for rule in SCREENER.holdback.values() for name in names_in(rule)}
THRESHOLDS = [0, 0.25, 1.5, 2, 3, 5, 6, 30, 48, 55, 92]


def value_strategy(spec: FactSpec) -> st.SearchStrategy:
    if spec.type == "yn":
        return st.sampled_from(["yes", "no", "unsure"])
    if spec.type == "choice":
        return st.sampled_from([*spec.choices, None])
    low, high = spec.minimum, spec.maximum
    near = [t + d for t in THRESHOLDS for d in (-0.01, 0, 0.01) if low <= t + d <= high]
    numbers = st.sampled_from(near) | st.floats(low, high, allow_nan=False)
    if spec.integer:
        numbers = st.integers(int(low), int(high))
    return st.one_of(st.none(), numbers)


@st.composite
def answers(draw: st.DrawFn, keep: int = 3) -> dict:
    """Mostly the favourable baseline, with some facts dropped and some changed."""
    result = {}
    for name, spec in FACTS.items():
        mode = draw(st.sampled_from(["keep"] * keep + ["drop", "random"]))
        if mode == "keep":
            if name in BASELINE:  # study-team facts are not in the baseline: left unknown
                result[name] = BASELINE[name]
        elif mode == "random":
            result[name] = draw(value_strategy(spec))
    return result


def unknown_names(given_answers: dict) -> list[str]:
    return [n for n in FACTS if given_answers.get(n) in (None, "unsure")]


@pytest.mark.slow
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answers(), st.data())
def test_learning_a_fact_never_lifts_likely_not_eligible(given_answers, data):
    before = outcome_for(given_answers)
    unknown = unknown_names(given_answers)
    if before.verdict != LIKELY_NOT_ELIGIBLE or not unknown:
        return
    name = data.draw(st.sampled_from(unknown))
    value = data.draw(value_strategy(FACTS[name]))
    after = outcome_for({**given_answers, name: value})
    assert after.verdict == LIKELY_NOT_ELIGIBLE


@pytest.mark.slow
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answers(keep=25), st.data())
def test_learning_a_family_fact_never_turns_likely_into_possibly(given_answers, data):
    before = outcome_for(given_answers)
    unknown = [n for n in unknown_names(given_answers)
               if not FACTS[n].is_screening_test and n not in POINTERS]
    if before.verdict != LIKELY_ELIGIBLE or not unknown:
        return
    name = data.draw(st.sampled_from(unknown))
    value = data.draw(value_strategy(FACTS[name]))
    after = outcome_for({**given_answers, name: value})
    assert after.verdict != POSSIBLY_ELIGIBLE


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(answers())
def test_the_lists_hold_the_right_kinds_of_fact(given_answers):
    outcome = outcome_for(given_answers)
    assert all(FACTS[f].is_screening_test for f in outcome.to_check_at_screening)
    # (rev 2) the only screening tests to find out are those held back in step 2
    assert {f for f in outcome.to_find_out if FACTS[f].is_screening_test} <= set(
        outcome.held_back)
    assert set(outcome.for_you + outcome.ask_doctor + outcome.study_team_decides) == set(
        outcome.to_find_out)
    assert all(FACTS[f].source == "study_team" for f in outcome.study_team_decides)
    known = {n for n in FACTS if n not in unknown_names(given_answers)}
    assert not known & set(outcome.to_check_at_screening + outcome.to_find_out)
    if outcome.verdict == LIKELY_ELIGIBLE:
        assert outcome.to_find_out == ()
    if outcome.verdict == POSSIBLY_ELIGIBLE:
        assert outcome.to_find_out or outcome.to_check_at_screening
        assert outcome.blocking == ()
