"""The rule language: parsing, evaluation on unknowns, and the unknown-fact walk."""

import pytest

from trialfinder.screening.rules import (
    AtLeast,
    Call,
    Compare,
    Evaluation,
    Name,
    RuleSyntaxError,
    parse_rule,
)


def test_parses_nested_calls_and_comparisons():
    node = parse_rule("all(a, any(b >= 2, c < 0.25), not(d), at_least(2, [e, f > 1.5, g]))")
    assert node == Call("all", (
        Name("a"),
        Call("any", (Compare("b", ">=", 2.0), Compare("c", "<", 0.25))),
        Call("not", (Name("d"),)),
        AtLeast(2, (Name("e"), Compare("f", ">", 1.5), Name("g"))),
    ))


def test_parses_equality_with_a_word():
    assert parse_rule("sex == male") == Compare("sex", "==", "male")


@pytest.mark.parametrize("text", [
    "", "all(", "all(a,)", "a >=", "a >= b >= c", "not(a, b)", "at_least(x, [a])",
    "all(a) b", "a $ b", "at_least(2, a, b)",
])
def test_rejects_bad_text(text):
    with pytest.raises(RuleSyntaxError):
        parse_rule(text)


def test_comparison_on_unknown_number_is_unknown():
    rules = {"r": parse_rule("x >= 5")}
    assert Evaluation(rules, {}).rule("r") is None
    assert Evaluation(rules, {"x": 5}).rule("r") is True
    assert Evaluation(rules, {"x": 4.999}).rule("r") is False


def test_unknown_walk_follows_only_unknown_parts():
    rules = {
        "r": parse_rule("all(known_true, any(known_false, u1, sub), u2 >= 3)"),
        "sub": parse_rule("all(u3, known_true)"),
    }
    ev = Evaluation(rules, {"known_true": True, "known_false": False})
    assert ev.unknown_facts(Name("r")) == ["u1", "u3", "u2"]


def test_unknown_walk_stops_at_decided_nodes():
    rules = {"r": parse_rule("any(t, u1)")}
    ev = Evaluation(rules, {"t": True})
    assert ev.rule("r") is True
    assert ev.unknown_facts(Name("r")) == []
