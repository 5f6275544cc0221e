"""The verdict: likely eligible, possibly eligible or likely not eligible, with its reasons."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from trialfinder.screening.derive import with_derived
from trialfinder.screening.logic import Tri
from trialfinder.screening.rules import Evaluation, Name
from trialfinder.screening.screener import Screener

LIKELY_ELIGIBLE = "likely_eligible"
POSSIBLY_ELIGIBLE = "possibly_eligible"
LIKELY_NOT_ELIGIBLE = "likely_not_eligible"
VERDICTS = (LIKELY_ELIGIBLE, POSSIBLY_ELIGIBLE, LIKELY_NOT_ELIGIBLE)


class Outcome(NamedTuple):
    verdict: str
    terms: dict[str, Tri]  # every criterion and path, evaluated on the facts as given
    blocking: tuple[str, ...]  # the terms that make the verdict likely_not_eligible
    to_check_at_screening: tuple[str, ...]
    to_find_out: tuple[str, ...]
    values: dict[str, object]  # the facts used, derived ones included

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


def screen(screener: Screener, facts: Mapping[str, object]) -> Outcome:
    """Apply the spec's three steps to checked facts (see trialfinder.screening.facts)."""
    values = with_derived(screener, facts)
    first = Evaluation(screener.rules, values)
    _, against = _settled(screener, first)
    unknown_first = _unknown_facts_behind(screener, first)
    to_check = tuple(f for f in unknown_first if screener.facts[f].is_screening_test)

    filled = dict(values)
    for name, spec in screener.facts.items():
        if spec.is_screening_test and filled.get(name) is None:
            filled[name] = spec.normal
    second = Evaluation(screener.rules, filled)
    fine_second, _ = _settled(screener, second)
    to_find_out = tuple(
        f for f in _unknown_facts_behind(screener, second)
        if not screener.facts[f].is_screening_test
    )

    if against:
        verdict = LIKELY_NOT_ELIGIBLE
    elif fine_second:
        verdict = LIKELY_ELIGIBLE
    else:
        verdict = POSSIBLY_ELIGIBLE
    terms = {c.id: first.rule(c.id) for c in screener.criteria if c.id in screener.rules}
    return Outcome(
        verdict=verdict,
        terms=terms,
        blocking=tuple(against),
        to_check_at_screening=to_check,
        to_find_out=to_find_out,
        values=values,
    )
