"""Words about the trial record rather than the screening (content catalog, untranslated
``N_``): where the copy came from, whether the study recruits, how to reach the study team,
and its numbers. Shown by the result screen, the summary and the command line."""

from __future__ import annotations

from trialfinder.i18n.content import N_

CONTACT = N_("How to contact the study team")
DIAL_FROM_PHONE = N_("To call, dial the number on a phone, or scan the code with one.")
ABOUT_RECORD = N_("About the trial record")
SCAN = N_("Scan the code with a phone to save the contact and the study's address.")
STUDY_IDS = N_("ClinicalTrials.gov number: {nct_id}. The study's own code: {code}.")
RECRUITING_NOW = N_("The study is recruiting now.")
NOT_RECRUITING_NOW = N_("The study is not recruiting now.")
RECORD_FROM = {
    "bundled": N_("From the copy of the trial record that came with the app, dated {date}."),
    "file": N_("From the trial record file you named, dated {date}."),
    "cache": N_("Last checked with ClinicalTrials.gov {ago}. The record is dated {date}."),
    "live": N_("Checked with ClinicalTrials.gov just now. The record is dated {date}."),
}
