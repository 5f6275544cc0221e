"""Words for verdicts and criterion states, shared by the CLI, the screens and the summary.

Stored untranslated (``N_``); translate with ``_()`` where shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from trialfinder.i18n.content import N_, ngettext
from trialfinder.screening.logic import Tri
from trialfinder.screening.rules import names_in
from trialfinder.screening.screener import Criterion, Screener
from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE, POSSIBLY_ELIGIBLE

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

STATE_AND_TITLE = N_("{state}: {title}")

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


HEADING_CRITERIA = N_("Criterion by criterion, from your answers:")
# Shared by the result screen and the summary (so each lives in one catalog).
CRITERIA = N_("Criterion by criterion")
WHAT_STANDS = N_("What stands in the way")
CONTACT = N_("How to contact the study team")
SCAN = N_("Scan the code with a phone to save the contact and the study's address.")
STUDY_IDS = N_("ClinicalTrials.gov number: {nct_id}. The study's own code: {code}.")
HEADING_TO_CHECK = N_("What the study team will check at the screening visit:")
HEADING_TO_FIND_OUT = N_("Questions to ask your child's doctor:")
RECRUITING_NOW = N_("The study is recruiting now.")
NOT_RECRUITING_NOW = N_("The study is not recruiting now.")
RECORD_FROM = {
    "bundled": N_("From the copy of the trial record that came with the app, dated {date}."),
    "file": N_("From the trial record file you named, dated {date}."),
    "cache": N_("Last checked with ClinicalTrials.gov {ago}. The record is dated {date}."),
    "live": N_("Checked with ClinicalTrials.gov just now. The record is dated {date}."),
}


def reason(screener: Screener, criterion: Criterion, terms: Mapping[str, Tri]
           ) -> tuple[str, str]:
    """A criterion's state word and its sentence (both untranslated)."""
    state = state_word(screener, criterion, terms)
    if state == NOT_NEEDED:
        return state, NOT_NEEDED_SENTENCE
    return state, sentence(criterion, terms.get(criterion.id))


def unanswered_sentence(count: int) -> str:
    """How many shown questions have no answer yet, kindly (translated, plural-aware)."""
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
