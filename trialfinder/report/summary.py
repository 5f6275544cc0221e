"""The summary as HTML for QTextDocument (no Qt): answers, verdict, reasons, what to ask and
check, the site and contact with the QR code, and the dates. One language, or both side by
side. Every text from the record or the answers is escaped: it never becomes markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from trialfinder.i18n.content import N_, gettext_for
from trialfinder.i18n.formatting import format_date
from trialfinder.report.qr import study_url
from trialfinder.report.related_section import related_html
from trialfinder.screening.answer_text import describe_answer
from trialfinder.screening.questionnaire import Questionnaire
from trialfinder.screening.verdict import LIKELY_NOT_ELIGIBLE, Outcome
from trialfinder.screening.wording import (
    CONTACT,
    CRITERIA,
    HEADING_TO_CHECK,
    HEADING_TO_FIND_OUT,
    NOT_RECRUITING_NOW,
    ONLY_STUDY_TEAM_DECIDES,
    RECRUITING_NOW,
    SCAN,
    STUDY_IDS,
    VERDICT_SENTENCE,
    VERDICT_TITLE,
    WHAT_STANDS,
    reason,
    sentence,
)
from trialfinder.trial.display import place_line, place_name, record_source_text, status_word
from trialfinder.trial.source import CurrentRecord

QR_RESOURCE = "qr.png"
TITLE = N_("Summary: the CAR-T study for refractory juvenile dermatomyositis")
SCREENED_ON = N_("Screening done on {date}, with TrialFinder.")
RESULT = N_("Result")
YOUR_ANSWERS = N_("Your answers")
TITLED = N_("{title}: {sentence}")
SITE_LINE = N_("{place}. The site's status: {status}.")
NOT_ADVICE = N_("TrialFinder is not medical advice. Show this summary to your child's doctor "
                "and to the study team.")
LANGS = {"en": ("en",), "zh_CN": ("zh_CN",), "both": ("en", "zh_CN")}


class Summary:
    """Everything the summary shows, gathered once; rendered in one language or two."""

    def __init__(self, questionnaire: Questionnaire, answers: Mapping[str, Any],
                 outcome: Outcome, current: CurrentRecord, day: dt.date | None = None) -> None:
        self.questionnaire = questionnaire
        self.answers = dict(answers)
        self.outcome = outcome
        self.current = current
        self.day = day or dt.date.today()
        self.related = None  # the list of other studies: the stored one unless set

    def html(self, lang: str = "en") -> str:
        """The whole document; lang is "en", "zh_CN" or "both"."""
        langs = LANGS[lang]
        sections = [self._sections(code) for code in langs]
        rows = []
        for parts in zip(*sections, strict=True):
            cells = "".join(f'<td width="{100 // len(parts)}%" valign="top">{part}</td>'
                            for part in parts)
            rows.append(f"<tr>{cells}</tr>")
        return ("<html><body>"
                '<table width="100%" cellspacing="0" cellpadding="6">'
                + "".join(rows) + "</table></body></html>")

    def _sections(self, lang: str) -> list[str]:
        t = gettext_for(lang)
        outcome, record = self.outcome, self.current.record
        screener = self.questionnaire.screener
        parts: list[str] = []

        def p(text: str, style: str = "") -> str:
            return f'<p style="{style}">{escape(text)}</p>'

        def h(text: str) -> str:
            return f"<h3>{escape(text)}</h3>"

        parts.append(f"<h2>{escape(t(TITLE))}</h2>"
                     + p(t(SCREENED_ON).format(date=format_date(self.day, lang))))
        verdict = (h(t(RESULT)) + f'<p style="font-size:large;font-weight:bold">'
                   f"{escape(t(VERDICT_TITLE[outcome.verdict]))}</p>"
                   + p(t(VERDICT_SENTENCE[outcome.verdict])) + p(t(ONLY_STUDY_TEAM_DECIDES),
                                                                  "font-weight:bold"))
        if outcome.verdict == LIKELY_NOT_ELIGIBLE:
            verdict += h(t(WHAT_STANDS))
            for term in outcome.blocking:
                criterion = screener.criterion(term)
                verdict += p(t(TITLED).format(
                    title=t(criterion.title),
                    sentence=t(sentence(criterion, outcome.status(term)))))
                if criterion.may_change:
                    verdict += p(t(criterion.may_change), "font-style:italic")
        parts.append(verdict)
        parts.append(self._list(t(HEADING_TO_FIND_OUT), outcome.to_find_out, t)
                     + self._list(t(HEADING_TO_CHECK), outcome.to_check_at_screening, t))
        contact = h(t(CONTACT))
        contact += p(t(RECRUITING_NOW) if record.recruiting else t(NOT_RECRUITING_NOW),
                     "font-weight:bold")
        for site in record.sites:
            contact += p(place_name(site.facility, t), "font-weight:bold")
            contact += p(t(SITE_LINE).format(
                place=place_line(site.city, site.state, site.country, t, lang),
                status=status_word(site.status or record.overall_status, t)))
        for names, person in record.contacts_by_phone():
            line = " / ".join(names)
            if person.phone:
                line += f"   {person.phone}"
            if person.email:
                line += f"   {person.email}"
            contact += p(line)
        contact += (f'<p><img src="{QR_RESOURCE}" width="140" height="140"></p>'
                    + p(t(SCAN)) + p(study_url(record.nct_id))
                    + p(t(STUDY_IDS).format(nct_id=record.nct_id,
                                            code=record.org_study_id or "-"))
                    + p(record_source_text(self.current, t=t, lang=lang)))
        parts.append(contact)
        related = related_html(outcome.values.get("age_years"), t, lang, self.related)
        parts.insert(2 if outcome.verdict == LIKELY_NOT_ELIGIBLE else len(parts), related)
        parts.append(self._criteria(t))
        parts.append(self._answers(t, lang))
        judgment = [c for c in screener.criteria if c.kind == "judgment"]
        parts.append("".join(p(t(c.unknown)) for c in judgment) + p(t(NOT_ADVICE)))
        return parts

    def _list(self, heading: str, facts: tuple[str, ...], t: Callable[[str], str]) -> str:
        if not facts:
            return ""
        items = "".join(f"<li>{escape(t(self.questionnaire.screener.facts[f].label))}</li>"
                        for f in facts)
        return f"<h3>{escape(heading)}</h3><ul>{items}</ul>"

    def _criteria(self, t: Callable[[str], str]) -> str:
        screener = self.questionnaire.screener
        rows = []
        for criterion in screener.criteria:
            if criterion.kind not in ("inclusion", "exclusion", "path"):
                continue
            state, because = reason(screener, criterion, self.outcome.terms)
            text = t(TITLED).format(title=t(criterion.title), sentence=t(because))
            rows.append(f"<tr><td><b>{escape(t(state))}</b></td><td>{escape(text)}</td></tr>")
        return (f"<h3>{escape(t(CRITERIA))}</h3>"
                '<table width="100%" cellpadding="3" border="0">' + "".join(rows)
                + "</table>")

    def _answers(self, t: Callable[[str], str], lang: str) -> str:
        rows = []
        for _page, questions in self.questionnaire.visible(self.answers):
            for question in questions:
                answer = describe_answer(self.questionnaire.screener, question, self.answers,
                                         t, lang)
                rows.append(f"<tr><td>{escape(t(question.ask))}</td>"
                            f"<td><b>{escape(answer)}</b></td></tr>")
        return (f"<h3>{escape(t(YOUR_ANSWERS))}</h3>"
                '<table width="100%" cellpadding="3" border="0">' + "".join(rows)
                + "</table>")
