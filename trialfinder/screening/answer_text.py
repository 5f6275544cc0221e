"""Answers in words, for the review screen and the summary (no Qt).

All words come from the content catalog, through the ``gettext`` function passed in, so the
summary can be written in a language other than the screen's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from trialfinder.i18n.content import N_
from trialfinder.i18n.formatting import format_amount, format_date, format_number
from trialfinder.screening.dates import NotADate, parse_date
from trialfinder.screening.derive import derived_value
from trialfinder.screening.facts import UNSURE
from trialfinder.screening.questionnaire import Question, as_asked
from trialfinder.screening.screener import FactSpec, Screener

Gettext = Callable[[str], str]

OPTION_WORDS = {
    "yes": N_("Yes"),
    "no": N_("No"),
    UNSURE: N_("Not sure"),
}
NOT_ANSWERED = N_("Not answered")
RATIO_WORDS = N_("{value} (upper limit {upper}): about {ratio} times the upper limit")
EGFR_WORDS = N_("height {height}, creatinine {creatinine}: eGFR about {egfr}")


def option_word(value: str, gettext: Gettext, spec: FactSpec | None = None) -> str:
    """An answer's word: Yes, No, Not sure, or a choice's label from the screener file."""
    known = OPTION_WORDS.get(value) or (dict(spec.choice_labels).get(value) if spec else None)
    return gettext(known) if known else value


def describe_answer(screener: Screener, question: Question, answers: Mapping[str, Any],
                    gettext: Gettext, lang: str | None = None) -> str:
    """A question's answer in words: "Yes", "9 years", "Not sure", "Not answered"..."""
    facts = question.answer_facts
    if any(answers.get(f) == UNSURE for f in facts):
        return gettext(OPTION_WORDS[UNSURE])
    if all(answers.get(f) is None for f in (*facts, question.fact)):
        return gettext(NOT_ANSWERED)
    if question.kind in ("yn", "choice"):
        return option_word(as_asked(question, str(answers[question.fact])), gettext,
                           screener.facts[question.fact])
    if question.kind == "date":
        try:
            day = parse_date(str(answers[question.fact]))
        except NotADate:
            day = None
        return format_date(day, lang) if day else str(answers[question.fact])

    def quantity(fact: str) -> str:
        spec = screener.facts[fact]
        return format_amount(answers[fact], spec.unit, gettext, lang)

    if question.kind == "number":
        return quantity(question.fact)
    if answers.get(question.fact) is not None and all(
            answers.get(f) is None for f in facts):  # a facts file may give the result itself
        return quantity(question.fact)
    derived = derived_value(screener.derived[question.fact], answers)  # as the verdict has it
    if question.kind == "ratio":
        value, upper = answers.get(question.inputs["value"]), answers.get(
            question.inputs["upper_limit"])
        if value is None or upper is None or derived is None:
            return gettext(NOT_ANSWERED)
        return gettext(RATIO_WORDS).format(
            value=format_number(value, lang=lang), upper=format_number(upper, lang=lang),
            ratio=format_number(derived, 1, lang=lang))
    height = answers.get(question.inputs["height"])
    umol = answers.get(question.inputs["creatinine_umol_l"])
    mg = answers.get(question.inputs["creatinine_mg_dl"])
    if height is None or (umol is None and mg is None) or derived is None:
        return gettext(NOT_ANSWERED)
    fact = question.inputs["creatinine_umol_l"] if umol is not None else question.inputs[
        "creatinine_mg_dl"]
    return gettext(EGFR_WORDS).format(
        height=quantity(question.inputs["height"]), creatinine=quantity(fact),
        egfr=format_number(derived, 0, lang=lang))

