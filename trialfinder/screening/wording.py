"""Words for verdicts and criterion states, and which group a criterion is shown in.

Stored untranslated (``N_``); trialfinder.screening.explanation puts them together into the one
explanation that the result screen, the summary and the command line show. Words about the
trial record itself are in trialfinder.trial.record_text.
"""

from __future__ import annotations

from collections.abc import Mapping

from trialfinder.i18n.content import N_, ngettext, ngettext_for
from trialfinder.i18n.content import ngettext as current_ngettext
from trialfinder.screening.logic import Tri, tri_all
from trialfinder.screening.rules import Call, Name, names_in
from trialfinder.screening.screener import Criterion, Screener
from trialfinder.screening.verdict import (
    LIKELY_ELIGIBLE,
    LIKELY_NOT_ELIGIBLE,
    POSSIBLY_ELIGIBLE,
)

VERDICT_TITLE = {
    LIKELY_ELIGIBLE: N_("Likely eligible"),
    POSSIBLY_ELIGIBLE: N_("Possibly eligible"),
    LIKELY_NOT_ELIGIBLE: N_("Likely not eligible"),
}

VERDICT_SENTENCE = {
    LIKELY_ELIGIBLE: N_(
        "From your answers, your child seems to fit this study. "
        "The study team will still check some things at a screening visit."
    ),
    POSSIBLY_ELIGIBLE: N_(
        "Some answers are not known yet, so we cannot tell. "
        "Nothing you told us rules your child out."
    ),
    LIKELY_NOT_ELIGIBLE: N_(
        "From your answers, something stands in the way of this study. "
        "If an answer was wrong, or things change, you can still contact the study team."
    ),
}

# "Likely eligible" while tests of the screening visit are not known yet.
LIKELY_IF_TESTS_NORMAL = N_(
    "From your answers, your child seems to fit this study, if the tests at the screening "
    "visit are normal."
)

# The next step, one sentence, under the verdict.
NEXT_STEP = {
    LIKELY_ELIGIBLE: N_(
        "Next step: call the study team below, and show them this result or the summary."
    ),
    POSSIBLY_ELIGIBLE: N_(
        "Next step: find out the answers below with your child's doctor, then call the "
        "study team."
    ),
    LIKELY_NOT_ELIGIBLE: N_(
        "Next step: talk with your child's doctor about other treatments and studies. You can "
        "still call the study team with questions."
    ),
}

# The criteria on the result screen and in the summary, grouped by state.
GROUP_AGAINST = N_("Stands in the way of taking part")
GROUP_UNKNOWN = N_("Not known yet")
GROUP_FITS = N_("Fits the study")

ONLY_STUDY_TEAM_DECIDES = N_(
    "This is not a medical decision. Only the study team decides who can take part."
)

STATE_WORD = {
    ("inclusion", True): N_("Met"),
    ("inclusion", False): N_("Not met"),
    ("inclusion", None): N_("Not known yet"),
    ("exclusion", True): N_("Stands in the way"),
    ("exclusion", False): N_("Does not apply"),
    ("exclusion", None): N_("Not known yet"),
}


# An alternative way into the study (I2 and I3, or I4) that is not met while another way is.
NOT_NEEDED = N_("Not needed: another way fits")
NOT_NEEDED_SENTENCE = N_("Your child fits the study another way, so this one is not needed.")

JSON_STATE = {
    ("inclusion", True): "met",
    ("inclusion", False): "not_met",
    ("inclusion", None): "unknown",
    ("exclusion", True): "present",
    ("exclusion", False): "absent",
    ("exclusion", None): "unknown",
}


def fits_study(criterion: Criterion, value: Tri) -> Tri:
    """Whether a criterion is on the study's side: met inclusion, absent exclusion."""
    if value is None:
        return None
    return value if criterion.kind != "exclusion" else not value


def state_word(screener: Screener, criterion: Criterion, terms: Mapping[str, Tri]) -> str:
    """The state of a criterion in a word or two (untranslated)."""
    value = terms.get(criterion.id)
    if value is False and criterion.kind == "inclusion":
        for path in screener.criteria:
            if path.kind == "path" and terms.get(path.id) is True and criterion.id in set(
                    names_in(screener.rules[path.id])):
                return NOT_NEEDED
    kind = "exclusion" if criterion.kind == "exclusion" else "inclusion"
    return STATE_WORD[(kind, value)]


def sentence(criterion: Criterion, value: Tri) -> str:
    """The plain-language sentence (untranslated) for a criterion in a state."""
    fits = fits_study(criterion, value)
    if fits is None:
        return criterion.unknown
    return criterion.fits if fits else criterion.does_not_fit


CRITERIA = N_("Criterion by criterion")
WHAT_STANDS = N_("What stands in the way")
HEADING_TO_CHECK = N_("What the study team will check at the screening visit:")
HEADING_TO_FIND_OUT = N_("Questions to ask your child's doctor:")
# (rev 2) What is still unknown, by who can answer it: each item is a question.
HEADING_FOR_YOU = N_("Questions for you:")
HEADING_STUDY_TEAM = N_("What the study team decides:")
GROUP_HEADINGS = (
    ("for_you", HEADING_FOR_YOU),
    ("ask_doctor", HEADING_TO_FIND_OUT),
    ("study_team_decides", HEADING_STUDY_TEAM),
)
# A failed comparison, naming the value ("eGFR 25 is below 30"), by the rule's operator.
FAILED = {
    ">=": N_("{name}: {value} is below {limit}."),
    ">": N_("{name}: {value} is not above {limit}."),
    "<=": N_("{name}: {value} is above {limit}."),
    "<": N_("{name}: {value} is not below {limit}."),
}
TIME_LIMIT_ONLY = N_("Only a time limit stands in the way now. The study team counts it from "
                     "the day of the screening visit.")
TIME_LIMIT_FROM = N_("From {date}, this would no longer stand in the way.")
TIME_LIMIT_PASSED = N_("By the date you gave, this time limit has already passed. Please check "
                       "that answer, or ask the study team.")
TIME_LIMIT_NO_DATE = N_("If you give the date, we can tell you from which day this would no "
                        "longer stand in the way.")


def _route_value(node: object, terms: Mapping[str, Tri]) -> Tri:
    if isinstance(node, Name):
        return terms.get(node.name)
    if isinstance(node, Call) and node.func == "all":
        return tri_all(_route_value(a, terms) for a in node.args)
    return None


def on_other_route(screener: Screener, criterion: Criterion, terms: Mapping[str, Tri]) -> bool:
    """Whether a criterion belongs to a way into the study that the child does not take (the
    IMNM way for a child with JDM): another way already fits, or this one is not met while
    another may still fit. Such a criterion is not shown as "Not met" or "Not known"."""
    if criterion.kind != "inclusion":
        return False
    for path in screener.criteria:
        rule = screener.rules.get(path.id)
        if path.kind != "path" or not isinstance(rule, Call) or rule.func != "any":
            continue
        mine = [r for r in rule.args if criterion.id in set(names_in(r))]
        if not mine:
            continue
        others = [r for r in rule.args if criterion.id not in set(names_in(r))]
        if terms.get(path.id) is True and all(_route_value(r, terms) is not True for r in mine):
            return True
        if terms.get(criterion.id) is False and any(
                _route_value(r, terms) is not False for r in others):
            return True
    return False


def criterion_group(screener: Screener, criterion: Criterion, terms: Mapping[str, Tri]
                    ) -> str | None:
    """The group a criterion is shown in (untranslated), or None when it is not shown: a way
    into the study that the child does not take while another fits or may fit."""
    if on_other_route(screener, criterion, terms):
        return None
    if state_word(screener, criterion, terms) == NOT_NEEDED:
        return None
    fits = fits_study(criterion, terms.get(criterion.id))
    if fits is None:
        return GROUP_UNKNOWN
    return GROUP_FITS if fits else GROUP_AGAINST


def reason(screener: Screener, criterion: Criterion, terms: Mapping[str, Tri]
           ) -> tuple[str, str]:
    """A criterion's state word and its sentence (both untranslated)."""
    state = state_word(screener, criterion, terms)
    if state == NOT_NEEDED:
        return state, NOT_NEEDED_SENTENCE
    return state, sentence(criterion, terms.get(criterion.id))


def unanswered_sentence(count: int, lang: str | None = None) -> str:
    """How many shown questions have no answer yet, kindly (translated, plural-aware; in the
    current language, or in ``lang``)."""
    ngettext = ngettext_for(lang) if lang else current_ngettext
    return ngettext(
        "{count} question is not answered yet. That is fine: it counts as not known.",
        "{count} questions are not answered yet. That is fine: they count as not known.",
        count,
    ).format(count=count)


def countdown_sentence(seconds: int) -> str:
    """The kiosk's warning before it forgets a family (translated, plural-aware)."""
    return ngettext(
        "If you are still here, tap the button below. Otherwise, to keep your answers "
        "private, the screen will forget them and start again in {seconds} second.",
        "If you are still here, tap the button below. Otherwise, to keep your answers "
        "private, the screen will forget them and start again in {seconds} seconds.",
        seconds,
    ).format(seconds=seconds)
