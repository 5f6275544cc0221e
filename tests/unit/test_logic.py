"""Kleene three-valued logic, checked against its truth tables."""

import itertools

import pytest

from trialfinder.screening.logic import tri_all, tri_any, tri_at_least, tri_not

T, F, U = True, False, None
VALUES = (T, F, U)


@pytest.mark.parametrize(("a", "b", "expected"), [
    (T, T, T), (T, F, F), (T, U, U), (F, T, F), (F, F, F), (F, U, F), (U, T, U), (U, F, F),
    (U, U, U),
])
def test_all_truth_table(a, b, expected):
    assert tri_all([a, b]) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    (T, T, T), (T, F, T), (T, U, T), (F, T, T), (F, F, F), (F, U, U), (U, T, T), (U, F, U),
    (U, U, U),
])
def test_any_truth_table(a, b, expected):
    assert tri_any([a, b]) is expected


def test_not():
    assert tri_not(T) is F
    assert tri_not(F) is T
    assert tri_not(U) is U


def test_empty():
    assert tri_all([]) is T
    assert tri_any([]) is F


@pytest.mark.parametrize("parts", list(itertools.product(VALUES, repeat=5)))
def test_at_least_two_of_five(parts):
    trues = parts.count(T)
    could = trues + parts.count(U)
    expected = T if trues >= 2 else (F if could < 2 else U)
    assert tri_at_least(2, parts) is expected


def test_at_least_with_zero_is_always_true():
    assert tri_at_least(0, [F, U]) is T
