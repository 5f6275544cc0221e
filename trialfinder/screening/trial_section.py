"""The ``[trial]`` section of a screener file: everything about the study that is not a rule.

Its ids, titles, the welcome and about texts, the site names the registry spells in English
(each with its translatable name), the enrolment target, the record that comes with the app
(a file named relative to the screener file), the sample answers used for screenshots, and
the search for other studies (``[trial.related]``, needed with ``related_studies = true``: its
search terms are never translated). Texts are English msgids of the content catalog
(extracted by trialfinder.i18n.extract).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from trialfinder.screening.schema import ScreenerError, array, known_keys, table, text
from trialfinder.trial.related_query import RelatedQuery

TRIAL = {"nct_id", "code", "record", "window_title", "summary_title", "description",
         "welcome_title", "welcome", "about", "about_short", "enrolment", "enrolment_least",
         "site_names", "samples", "related_studies", "related"}
ABOUT = {"heading", "body", "sites"}
SAMPLES = {"show_all", "likely_eligible", "possibly_eligible", "likely_not_eligible"}
RELATED = {"conditions", "interventions", "therapy_words", "closeness", "search_url"}


class AboutSection(NamedTuple):
    heading: str
    body: str  # "" for the section that tells the sites and the enrolment from the record
    sites: bool = False


class TrialInfo(NamedTuple):
    nct_id: str
    code: str  # the study's own code, as the record gives it (orgStudyId)
    record: Path  # the record that comes with the app (ClinicalTrials.gov API v2 JSON)
    window_title: str
    summary_title: str
    description: str  # for the command line's --help: "{nct_id}" is filled in
    welcome_title: str
    welcome: str
    about: tuple[AboutSection, ...]
    about_short: tuple[str, ...]  # the summary's short "about the study"
    enrolment: int  # the record's enrolment target, when the record gives none
    enrolment_least: int
    site_names: dict[str, str]  # the registry's spelling -> a msgid
    samples: dict[str, dict[str, Any]]  # "show_all" and one set of answers per verdict
    # Whether the result and the summary list other studies to ask about (the bundled list in
    # resources/related, named by the trial's id, and the search of [trial.related])
    related_studies: bool = False
    related: RelatedQuery | None = None  # always given when related_studies is true


def _texts(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = array(data.get(key, []), f"{where}.{key}")
    if not all(isinstance(item, str) and item for item in items):
        raise ScreenerError(f"{where}.{key}: must be an array of texts")
    return tuple(items)


def _flag(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ScreenerError(f"{where}.{key}: must be true or false")
    return value


def _count(data: dict[str, Any], key: str, where: str) -> int:
    value = data.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ScreenerError(f"{where}.{key}: must be a whole number")
    return value


def _words(value: Any, where: str) -> tuple[str, ...]:
    """Search words: a non-empty array of non-empty lower-case texts (matched on lower case)."""
    items = array(value, where)
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        raise ScreenerError(f"{where}: must be an array of words")
    if any(item != item.lower() for item in items):
        raise ScreenerError(f"{where}: words must be in lower case")
    return tuple(items)


def parse_related(raw: Any, nct_id: str, where: str = "trial.related") -> RelatedQuery:
    """The ``[trial.related]`` table, checked: every key required, none unknown."""
    data = table(raw, where)
    known_keys(data, RELATED, where)
    missing = sorted(RELATED - data.keys())
    if missing:
        raise ScreenerError(f"{where}.{missing[0]}: missing")
    closeness = array(data["closeness"], f"{where}.closeness")
    if not closeness:
        raise ScreenerError(f"{where}.closeness: must be an array of arrays of words")
    groups = tuple(_words(group, f"{where}.closeness[{index}]")
                   for index, group in enumerate(closeness))
    url = text(data, "search_url", where)
    if not url.startswith("https://clinicaltrials.gov/"):
        raise ScreenerError(f"{where}.search_url: must be a https://clinicaltrials.gov/ link")
    terms = {key: text(data, key, where).strip() for key in ("conditions", "interventions")}
    for key, value in terms.items():
        if not value:
            raise ScreenerError(f"{where}.{key}: must not be empty")
    return RelatedQuery(screened_id=nct_id, conditions=terms["conditions"],
                        interventions=terms["interventions"], closeness=groups,
                        therapy_words=_words(data["therapy_words"], f"{where}.therapy_words"),
                        search_url=url)


def parse_trial(raw: Any, folder: Path, facts: set[str]) -> TrialInfo:
    """The ``[trial]`` table, checked; ``folder`` is where the screener file is (for the
    record's file name); the sample answers may only name facts."""
    where = "trial"
    data = table(raw, where)
    known_keys(data, TRIAL, where)
    about = []
    for index, item in enumerate(array(data.get("about", []), f"{where}.about")):
        spot = f"{where}.about[{index}]"
        item = table(item, spot)
        known_keys(item, ABOUT, spot)
        sites = _flag(item, "sites", spot)
        about.append(AboutSection(text(item, "heading", spot),
                                  text(item, "body", spot, required=not sites), sites))
    names = table(data.get("site_names", {}), f"{where}.site_names")
    for key, value in names.items():
        if not isinstance(value, str) or not value:
            raise ScreenerError(f"{where}.site_names.{key}: must be a text")
    samples = table(data.get("samples", {}), f"{where}.samples")
    known_keys(samples, SAMPLES, f"{where}.samples")
    for name, answers in samples.items():
        for fact in table(answers, f"{where}.samples.{name}"):
            if fact not in facts:
                raise ScreenerError(f"{where}.samples.{name}.{fact}: unknown fact {fact!r}")
    nct_id = text(data, "nct_id", where)
    if not re.fullmatch(r"NCT[0-9]{8}", nct_id):
        raise ScreenerError(f"{where}.nct_id: {nct_id!r} is not an NCT number (NCT and 8 "
                            "digits)")
    related_studies = _flag(data, "related_studies", where)
    related = (parse_related(data["related"], nct_id, f"{where}.related")
               if "related" in data else None)
    if related_studies and related is None:
        raise ScreenerError(f"{where}.related: missing (related_studies = true needs the "
                            "search for other studies)")
    record = (folder / text(data, "record", where)).resolve()
    if not record.is_file():
        raise ScreenerError(f"{where}.record: no such file {record.name!r} next to the "
                            "screener file")
    return TrialInfo(
        nct_id=nct_id, code=text(data, "code", where, required=False), record=record,
        window_title=text(data, "window_title", where),
        summary_title=text(data, "summary_title", where),
        description=text(data, "description", where),
        welcome_title=text(data, "welcome_title", where), welcome=text(data, "welcome", where),
        about=tuple(about), about_short=_texts(data, "about_short", where),
        enrolment=_count(data, "enrolment", where),
        enrolment_least=_count(data, "enrolment_least", where),
        site_names=dict(names), samples={k: dict(v) for k, v in samples.items()},
        related_studies=related_studies, related=related)
