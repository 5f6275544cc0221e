"""One explanation of a screening outcome (no Qt): what the result screen, the summary PDF and
``evaluate --format text`` show, built once by ``explain`` and drawn by each in its own form
(ui/result_page.py, report/summary.py, cli.py), with the same parts in the same order.

Every text stays a message id (``N_``) with its values and is worded only when shown, with the
gettext function and language given: the same explanation renders in any language, and in two
side by side in the summary. The words about the trial record itself (the contact, whether it
recruits, the copy's date) are in trialfinder.trial.record_text; ``parts`` only says where the
contact and the record stand among the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from trialfinder.i18n.content import _
from trialfinder.i18n.formatting import format_amount, format_date
from trialfinder.screening.screener import Screener
from trialfinder.screening.verdict import (
    LIKELY_ELIGIBLE,
    LIKELY_NOT_ELIGIBLE,
    POSSIBLY_ELIGIBLE,
    Failure,
    Outcome,
)
from trialfinder.screening.wording import (
    CRITERIA,
    FAILED,
    GROUP_AGAINST,
    GROUP_FITS,
    GROUP_HEADINGS,
    GROUP_UNKNOWN,
    HEADING_TO_CHECK,
    LIKELY_IF_TESTS_NORMAL,
    NEXT_STEP,
    ONLY_STUDY_TEAM_DECIDES,
    TIME_LIMIT_FROM,
    TIME_LIMIT_NO_DATE,
    TIME_LIMIT_ONLY,
    TIME_LIMIT_PASSED,
    VERDICT_SENTENCE,
    VERDICT_TITLE,
    WHAT_STANDS,
    criterion_group,
    reason,
    sentence,
)

Gettext = Callable[[str], str]

# The parts, in the order every output shows them (a part an output does not have is skipped:
# the command line shows no other studies). "related" stands right after what stands in the
# way when the study likely does not fit, else after what to find out.
LEAD = "lead"  # the verdict, what it means, the next step
CONTACT = "contact"  # how to reach the study team (from the record)
DECIDES = "decides"  # only the study team decides
STANDING = "standing"  # what stands in the way (likely not eligible only)
RELATED = "related"  # other studies to ask about
QUESTIONS = "questions"  # what is still unknown, by who can answer it
TO_CHECK = "to_check"  # what the study team checks at the screening visit
CRITERIA_PART = "criteria"  # every criterion shown, grouped by state
RECORD = "record"  # the record's numbers and date
JUDGMENT = "judgment"  # what only the study team's judgment settles
CLOSING = "closing"  # the last word

# Each group of criteria has a style and the verdict whose icon marks it, so that its state
# never rests on colour alone.
GROUP_STYLE = {GROUP_AGAINST: "against", GROUP_UNKNOWN: "unknown", GROUP_FITS: "fits"}
GROUP_ICON = {GROUP_AGAINST: LIKELY_NOT_ELIGIBLE, GROUP_UNKNOWN: POSSIBLY_ELIGIBLE,
              GROUP_FITS: LIKELY_ELIGIBLE}


@dataclass(frozen=True)
class Amount:
    """A value with its (untranslated) unit, worded in the language it is shown in."""

    value: float
    unit: str


@dataclass(frozen=True)
class Words:
    """A message id and its values, worded when shown: each value is Words (translated too),
    an Amount, a date, or text shown as it is."""

    msgid: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, t: Gettext = _, lang: str | None = None) -> str:
        if not self.values:
            return t(self.msgid)
        return t(self.msgid).format(**{name: _worded(value, t, lang)
                                       for name, value in self.values})


def _worded(value: object, t: Gettext, lang: str | None) -> str:
    if isinstance(value, Words):
        return value.text(t, lang)
    if isinstance(value, Amount):
        return format_amount(value.value, value.unit, t, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)


@dataclass(frozen=True)
class Blocking:
    """A criterion that stands in the way: its title and sentence, the values that failed,
    then whether it may change and from when."""

    criterion: str
    title: str
    sentence: str
    failed: tuple[Words, ...]
    may_change: tuple[Words, ...]

    @property
    def lines(self) -> tuple[Words, ...]:
        return self.failed + self.may_change


@dataclass(frozen=True)
class Questions:
    """One group of what is still unknown: its heading and each item as a question."""

    key: str  # "for_you", "ask_doctor" or "study_team_decides"
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Shown:
    """A criterion as shown: its state in a word or two, and why."""

    id: str
    kind: str
    title: str
    state: str
    because: str
    registry: str  # the registry's exact words (never translated)


@dataclass(frozen=True)
class CriteriaGroup:
    heading: str
    style: str  # "against", "unknown" or "fits"
    icon: str  # the verdict whose icon marks the group
    criteria: tuple[Shown, ...]


@dataclass(frozen=True)
class Explanation:
    """Everything the three outputs say about one outcome, as message ids, and their order."""

    verdict: str  # the verdict's kind, also the icon
    title: str
    meaning: str
    next_step: str
    decides: str
    standing: tuple[Blocking, ...]
    time_limit_only: str  # "" unless only time limits stand in the way
    questions: tuple[Questions, ...]
    to_check: tuple[str, ...]  # the facts' labels
    criteria: tuple[CriteriaGroup, ...]
    judgment: tuple[str, ...]
    parts: tuple[str, ...]
    what_stands: str = WHAT_STANDS
    to_check_heading: str = HEADING_TO_CHECK
    criteria_heading: str = CRITERIA


def meaning(verdict: str, tests_unknown: bool) -> str:
    """The one sentence under the verdict (untranslated)."""
    if verdict == LIKELY_ELIGIBLE and tests_unknown:
        return LIKELY_IF_TESTS_NORMAL
    return VERDICT_SENTENCE[verdict]


def failed_value(screener: Screener, failure: Failure) -> Words:
    """A failed value: "Kidney function (eGFR): 25 mL/min/1.73 m² is below 30."."""
    spec = screener.facts[failure.fact]
    return Words(FAILED[failure.op], (("name", Words(spec.label)),
                                      ("value", Amount(failure.value, spec.unit)),
                                      ("limit", Amount(failure.limit, spec.unit))))


def _blocking(screener: Screener, outcome: Outcome, term: str, today: dt.date) -> Blocking:
    criterion = screener.criterion(term)
    later: list[Words] = []
    if criterion.may_change:
        later.append(Words(criterion.may_change))
    if outcome.time_limited and term in outcome.clears_on:
        day = outcome.clears_on[term]
        if day is None:
            later.append(Words(TIME_LIMIT_NO_DATE))
        elif day <= today:
            later.append(Words(TIME_LIMIT_PASSED))
        else:
            later.append(Words(TIME_LIMIT_FROM, (("date", day),)))
    return Blocking(term, criterion.title, sentence(criterion, outcome.status(term)),
                    tuple(failed_value(screener, f) for f in outcome.failures.get(term, ())),
                    tuple(later))


def _questions(screener: Screener, outcome: Outcome) -> tuple[Questions, ...]:
    """Each item is the fact's question wording (``ask`` in the screener file), never its
    label."""
    return tuple(
        Questions(key, heading, tuple(screener.facts[f].ask or screener.facts[f].label
                                      for f in getattr(outcome, key)))
        for key, heading in GROUP_HEADINGS if getattr(outcome, key))


def _criteria(screener: Screener, outcome: Outcome) -> tuple[CriteriaGroup, ...]:
    """Every criterion, grouped by state; a way into the study the child does not take is
    left out."""
    groups: dict[str, list[Shown]] = {GROUP_AGAINST: [], GROUP_UNKNOWN: [], GROUP_FITS: []}
    for criterion in screener.criteria:
        if criterion.kind not in ("inclusion", "exclusion", "path"):
            continue
        group = criterion_group(screener, criterion, outcome.terms)
        if group is None:
            continue
        state, because = reason(screener, criterion, outcome.terms)
        groups[group].append(Shown(criterion.id, criterion.kind, criterion.title, state,
                                   because, criterion.registry))
    return tuple(CriteriaGroup(group, GROUP_STYLE[group], GROUP_ICON[group], tuple(members))
                 for group, members in groups.items() if members)


def explain(screener: Screener, outcome: Outcome, today: dt.date | None = None
            ) -> Explanation:
    """The explanation of an outcome; ``today`` (default: today) tells a time limit that has
    passed from one still to come."""
    not_eligible = outcome.verdict == LIKELY_NOT_ELIGIBLE
    standing = tuple(_blocking(screener, outcome, term, today or dt.date.today())
                     for term in outcome.blocking) if not_eligible else ()
    related = (RELATED,) if screener.trial.related_studies else ()  # the trial file says
    parts = (LEAD, CONTACT, DECIDES, *((STANDING, *related) if not_eligible else ()),
             QUESTIONS, TO_CHECK, *(() if not_eligible else related), CRITERIA_PART,
             RECORD, JUDGMENT, CLOSING)
    return Explanation(
        verdict=outcome.verdict,
        title=VERDICT_TITLE[outcome.verdict],
        meaning=meaning(outcome.verdict, bool(outcome.to_check_at_screening)),
        next_step=NEXT_STEP[outcome.verdict],
        decides=ONLY_STUDY_TEAM_DECIDES,
        standing=standing,
        time_limit_only=TIME_LIMIT_ONLY if not_eligible and outcome.time_limited else "",
        questions=_questions(screener, outcome),
        to_check=tuple(screener.facts[f].label for f in outcome.to_check_at_screening),
        criteria=_criteria(screener, outcome),
        judgment=tuple(c.unknown for c in screener.criteria if c.kind == "judgment"),
        parts=parts,
    )
