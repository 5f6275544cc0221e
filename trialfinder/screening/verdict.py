"""The verdict: likely eligible, possibly eligible or likely not eligible, with its reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from trialfinder.screening.dates import add_period
from trialfinder.screening.derive import with_derived
from trialfinder.screening.logic import Tri
from trialfinder.screening.rules import AtLeast, Call, Compare, Evaluation, Name, Node
from trialfinder.screening.screener import Screener

LIKELY_ELIGIBLE = "likely_eligible"
POSSIBLY_ELIGIBLE = "possibly_eligible"
LIKELY_NOT_ELIGIBLE = "likely_not_eligible"
VERDICTS = (LIKELY_ELIGIBLE, POSSIBLY_ELIGIBLE, LIKELY_NOT_ELIGIBLE)


class Failure(NamedTuple):
    """A comparison that failed: the fact, its value, and the limit it missed."""

    fact: str
    op: str
    limit: float
    value: float


class Outcome(NamedTuple):
    verdict: str
    terms: dict[str, Tri]  # every criterion and path, evaluated on the facts as given
    blocking: tuple[str, ...]  # the terms that make the verdict likely_not_eligible
    to_check_at_screening: tuple[str, ...]
    to_find_out: tuple[str, ...]
    values: dict[str, object]  # the facts used, derived ones included
    for_you: tuple[str, ...]  # to_find_out, split by who can answer it (rev 2)
    ask_doctor: tuple[str, ...]
    study_team_decides: tuple[str, ...]
    held_back: tuple[str, ...]  # screening tests not assumed normal in step 2
    failures: dict[str, tuple[Failure, ...]]  # by blocking term: the values that failed
    time_limited: bool  # only time limits stand in the way
    clears_on: dict[str, dt.date | None]  # by time-limited term: from when it would not

    def status(self, term: str) -> Tri:
        return self.terms.get(term)


def _settled(screener: Screener, ev: Evaluation) -> tuple[bool, list[str]]:
    """Whether every term is decided in the study's favour, and the terms against it."""
    against = [t for t in screener.required if ev.rule(t) is False]
    against += [t for t in screener.excluding if ev.rule(t) is True]
    fine = all(ev.rule(t) is True for t in screener.required) and all(
        ev.rule(t) is False for t in screener.excluding
    )
    return fine, against


def _unknown_facts_behind(screener: Screener, ev: Evaluation) -> list[str]:
    found: dict[str, None] = {}
    for term in (*screener.required, *screener.excluding):
        if ev.rule(term) is None:
            for fact in ev.unknown_facts(Name(term)):
                found.setdefault(fact)
    return list(found)


def _failed_comparisons(ev: Evaluation, node: Node, found: list[Failure]) -> None:
    """The comparisons that make a false node false (through all, any, at_least, names)."""
    if ev.node(node) is not False:
        return
    if isinstance(node, Name):
        if node.name in ev.rules:
            _failed_comparisons(ev, ev.rules[node.name], found)
    elif isinstance(node, Compare):
        value = ev.values.get(node.fact)
        if node.op != "==" and isinstance(value, int | float) and isinstance(node.value, float):
            failure = Failure(node.fact, node.op, node.value, float(value))
            if failure not in found:
                found.append(failure)
    elif isinstance(node, AtLeast) or (isinstance(node, Call) and node.func != "not"):
        false_args = [arg for arg in node.args if ev.node(arg) is False]
        if isinstance(node, Call) and node.func == "all" and any(
                isinstance(arg, Name) and arg.name not in ev.rules for arg in false_args):
            return  # a "no" answer is the reason: its sentence says so
        for arg in false_args:
            _failed_comparisons(ev, arg, found)


def _time_limits(screener: Screener, ev: Evaluation, against: list[str],
                 values: Mapping[str, object]) -> tuple[bool, dict[str, dt.date | None]]:
    limited = {limit.criterion for limit in screener.time_limits}
    if not against or not set(against) <= limited:
        return False, {}
    clears: dict[str, dt.date | None] = {}
    for term in against:
        days: list[dt.date | None] = []
        for limit in screener.time_limits:
            if limit.criterion != term:
                continue
            fact_against = ev.node(Name(limit.fact)) if screener.facts[
                limit.fact].type == "yn" else ev.rule(term) is False
            if fact_against is not True:
                continue
            start = values.get(limit.date)
            days.append(add_period(start, limit.years, limit.months, limit.days)
                        if isinstance(start, dt.date) else None)
        clears[term] = None if not days or None in days else max(
            d for d in days if d is not None)
    return True, clears


def screen(screener: Screener, facts: Mapping[str, object]) -> Outcome:
    """Apply the spec's three steps to checked facts (see trialfinder.screening.facts)."""
    values = with_derived(screener, facts)
    first = Evaluation(screener.rules, values)
    _, against = _settled(screener, first)
    unknown_first = _unknown_facts_behind(screener, first)
    to_check = tuple(
        f for f in unknown_first if screener.facts[f].is_screening_test
        and not (f in screener.not_checked and first.node(screener.not_checked[f]) is True))

    held_back = tuple(
        name for name, rule in screener.holdback.items()
        if values.get(name) is None and first.node(rule) is True)
    filled = dict(values)
    for name, spec in screener.facts.items():
        if spec.is_screening_test and filled.get(name) is None and name not in held_back:
            filled[name] = spec.normal
    second = Evaluation(screener.rules, filled)
    fine_second, _ = _settled(screener, second)
    to_find_out = tuple(_unknown_facts_behind(screener, second))
    study_team = tuple(f for f in to_find_out if screener.facts[f].source == "study_team")
    for_you = tuple(f for f in to_find_out if f in screener.for_you)
    ask_doctor = tuple(f for f in to_find_out if f not in study_team and f not in for_you)

    if against:
        verdict = LIKELY_NOT_ELIGIBLE
    elif fine_second:
        verdict = LIKELY_ELIGIBLE
    else:
        verdict = POSSIBLY_ELIGIBLE
    failures: dict[str, tuple[Failure, ...]] = {}
    for term in against:
        found: list[Failure] = []
        _failed_comparisons(first, Name(term), found)
        if found:
            failures[term] = tuple(found)
    time_limited, clears_on = _time_limits(screener, first, against, values)
    terms = {c.id: first.rule(c.id) for c in screener.criteria if c.id in screener.rules}
    return Outcome(
        verdict=verdict,
        terms=terms,
        blocking=tuple(against),
        to_check_at_screening=to_check,
        to_find_out=to_find_out,
        values=values,
        for_you=for_you,
        ask_doctor=ask_doctor,
        study_team_decides=study_team,
        held_back=held_back,
        failures=failures,
        time_limited=time_limited,
        clears_on=clears_on,
    )
