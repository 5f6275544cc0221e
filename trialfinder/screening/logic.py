"""Kleene three-valued logic: True, False, or None for "not known"."""

from __future__ import annotations

from collections.abc import Iterable

Tri = bool | None


def tri_all(values: Iterable[Tri]) -> Tri:
    """False if any part is false, true if all are true, else unknown."""
    result: Tri = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


def tri_any(values: Iterable[Tri]) -> Tri:
    """True if any part is true, false if all are false, else unknown."""
    result: Tri = False
    for value in values:
        if value is True:
            return True
        if value is None:
            result = None
    return result


def tri_not(value: Tri) -> Tri:
    """Swap true and false; unknown stays unknown."""
    return None if value is None else not value


def tri_at_least(k: int, values: Iterable[Tri]) -> Tri:
    """True once k parts are true, false once fewer than k can still become true."""
    values = list(values)
    true_count = sum(1 for v in values if v is True)
    possible = sum(1 for v in values if v is not False)
    if true_count >= k:
        return True
    if possible < k:
        return False
    return None
