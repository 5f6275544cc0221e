"""The summary as HTML for QTextDocument (no Qt): the one explanation of the outcome
(trialfinder.screening.explanation, in its order, as on the result screen) with the site and
contact and the QR code, the study in short, the answers and the dates. One language, or two
side by side. Every text from the record or the answers is escaped: it never becomes markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from trialfinder.i18n.content import N_, gettext_for
from trialfinder.i18n.formatting import format_date
from trialfinder.i18n.languages import BY_CODE, summary_choices
from trialfinder.report.qr import study_url
from trialfinder.report.related_section import related_html
from trialfinder.screening.answer_text import NOT_ANSWERED, describe_answer
from trialfinder.screening.explanation import explain
from trialfinder.screening.questionnaire import Questionnaire
from trialfinder.screening.verdict import Outcome
from trialfinder.screening.wording import unanswered_sentence
from trialfinder.trial.display import (
    place_line,
    place_name,
    record_source_text,
    status_line,
    status_word,
)
from trialfinder.trial.record_text import CONTACT, SCAN, STUDY_IDS
from trialfinder.trial.related_source import RelatedList, stored_related
from trialfinder.trial.source import CurrentRecord

QR_RESOURCE = "qr.png"
SCREENED_ON = N_("Screening done on {date}, with TrialFinder.")
RESULT = N_("Result: {verdict}")
YOUR_ANSWERS = N_("Your answers")
LIST_SEPARATOR = N_("; ")
NAMED_ANSWER = N_("{name}: {answer}")
TITLED = N_("{title}: {sentence}")
SITE_LINE = N_("{place}. The site's status: {status}.")
NOT_ADVICE = N_("TrialFinder is not medical advice. Show this summary to your child's doctor "
                "and to the study team.")
ABOUT = N_("About the study, in short")
# Each language alone, any two side by side ("en+<code>"), and "both" (English + Simplified
# Chinese, as older command lines say): from the languages table.
LANGS = summary_choices()


# Rows of the document: each is either one piece of HTML per language (side by side when the
# summary has two languages, so that they stay aligned row by row) or one piece for all.
Row = tuple[str, ...] | str
SMALL = "font-size:9pt"
NO_BREAK_SPACE = "\u00a0"


def _p(text: str, style: str = "") -> str:
    return f'<p style="margin:0 0 4px 0;{style}">{escape(text)}</p>'


def _h(text: str) -> str:
    return f'<h3 style="margin:10px 0 4px 0">{escape(text)}</h3>'


def _keep(text: str) -> str:
    """A number that never wraps: "+86 138 0000 0000"."""
    return text.replace(" ", NO_BREAK_SPACE).replace("-", "\u2011")


def _font_of(code: str, langs: tuple[str, ...]) -> str:
    """Two languages that share characters but not glyph shapes (Simplified and Traditional
    Chinese) side by side: each column in its own bundled font."""
    family = BY_CODE[code].font_family
    others = {BY_CODE[other].font_family for other in langs if other != code} - {""}
    return f" style=\"font-family:'{family}'\"" if family and others else ""


class Summary:
    """Everything the summary shows, gathered once; rendered in one language or two.

    Page 1: the verdict, what it means, the next step, the team's contact with the QR code.
    Then (in the explanation's order) what stands in the way, what to find out, the criteria
    in a compact table, the record's numbers, the study in short and the answers."""

    def __init__(self, questionnaire: Questionnaire, answers: Mapping[str, Any],
                 outcome: Outcome, current: CurrentRecord, day: dt.date | None = None) -> None:
        self.questionnaire = questionnaire
        self.answers = dict(answers)
        self.outcome = outcome
        self.current = current
        self.day = day or dt.date.today()
        self.explanation = explain(questionnaire.screener, outcome, self.day)
        self.qr_px = 110
        self.pairs_per_row = 2  # answers side by side: two in one language, one in each of two
        self.related: RelatedList | None = None  # the other studies: the stored list unless set

    def related_list(self) -> RelatedList:
        """The other studies (only asked for when the trial file has its search): the list
        set, else the stored one (the last live answer, else the bundled one)."""
        if self.related is None:
            query = self.questionnaire.screener.trial.related
            assert query is not None  # the explanation has "related" only with a search
            self.related = stored_related(query)
        return self.related

    def html(self, lang: str = "en", qr_px: int = 110) -> str:
        """The whole document; lang is a key of ``LANGS`` (one language, or two joined by
        "+"); the QR code ``qr_px`` wide (in the pixels of the device the document is laid
        out for)."""
        self.qr_px = qr_px
        langs = LANGS[lang]
        self.pairs_per_row = 2 if len(langs) == 1 else 1
        per_lang = [self._rows(code) for code in langs]
        width = 100 // len(langs)
        rows = []
        for parts in zip(*per_lang, strict=True):
            if all(part == parts[0] for part in parts) and isinstance(parts[0], str):
                rows.append(f'<tr><td colspan="{len(langs)}">{parts[0]}</td></tr>')
                continue
            cells = "".join(f'<td width="{width}%" valign="top"{_font_of(code, langs)}>{part}</td>'
                            for code, part in zip(langs, parts, strict=True))
            rows.append(f"<tr>{cells}</tr>")
        return ("<html><body>"
                '<table width="100%" cellspacing="0" cellpadding="3">'
                + "".join(rows) + "</table></body></html>")

    def _rows(self, lang: str) -> list[str]:
        """The document's rows in one language (the same number in every language), in the
        explanation's order; the title comes first, the study in short and the answers before
        the closing notes."""
        t = gettext_for(lang)
        told = self.explanation
        parts: dict[str, Callable[[], list[str]]] = {
            "lead": lambda: self._lead(t),
            "contact": lambda: self._contact(t, lang),
            "decides": lambda: [_p(t(told.decides))],
            "standing": lambda: self._standing(t, lang),
            "related": lambda: [related_html(self.outcome.values.get("age_years"), t, lang,
                                             self.related_list())],
            "questions": lambda: self._questions(t),
            "to_check": lambda: self._list(t(told.to_check_heading), told.to_check, t),
            "criteria": lambda: self._criteria(t, lang),
            "record": lambda: self._record(t, lang),
            "judgment": lambda: ["".join(_p(t(text), SMALL) for text in told.judgment)],
            "closing": lambda: [_p(t(NOT_ADVICE), SMALL)],
        }
        rows = []
        for part in told.parts:
            if part == "lead":
                rows.append(self._head(t, lang))
            if part == "judgment":
                rows += [*self._about(t), *self._answers(t, lang)]
            rows += parts[part]()
        return rows

    def _head(self, t: Callable[[str], str], lang: str) -> str:
        title = self.questionnaire.screener.trial.summary_title  # the trial's, from its file
        return (f'<h2 style="margin:0">{escape(t(title))}</h2>'
                + _p(t(SCREENED_ON).format(date=format_date(self.day, lang)), SMALL))

    def _lead(self, t: Callable[[str], str]) -> list[str]:
        told = self.explanation
        return [f'<p style="font-size:16pt;font-weight:bold;margin:6px 0 4px 0">'
                f"{escape(t(RESULT).format(verdict=t(told.title)))}</p>"
                + _p(t(told.meaning)) + _p(t(told.next_step), "font-weight:bold")]

    def _standing(self, t: Callable[[str], str], lang: str) -> list[str]:
        """What stands in the way (after the contact, as on the screen)."""
        told = self.explanation
        verdict = _h(t(told.what_stands))
        for item in told.standing:
            verdict += _p(t(TITLED).format(title=t(item.title), sentence=t(item.sentence)))
            for line in item.lines:
                verdict += _p(line.text(t, lang), "font-style:italic")
        if told.time_limit_only:
            verdict += _p(t(told.time_limit_only), "font-weight:bold")
        return [verdict]

    def _contact(self, t: Callable[[str], str], lang: str) -> list[str]:
        record = self.current.record
        text = _h(t(CONTACT))
        text += _p(status_line(self.current, t=t, lang=lang)[0], "font-weight:bold")
        for site in record.sites[:1]:
            text += _p(place_name(site.facility, t), "font-weight:bold")
            text += _p(t(SITE_LINE).format(
                place=place_line(site.city, site.state, site.country, t, lang),
                status=status_word(site.status or record.overall_status, t)))
        for names, person in record.contacts_by_phone():
            line = escape(names[0] if names else "")
            if person.phone:
                line += f"&nbsp;&nbsp; <b>{escape(_keep(person.phone))}</b>"
            if person.email:
                line += f"&nbsp;&nbsp; {escape(person.email)}"
            text += f'<p style="margin:0 0 4px 0">{line}</p>'
        # The QR code and the address once, also when two languages stand side by side.
        code = (f'<table cellpadding="0"><tr><td><img src="{QR_RESOURCE}" width="{self.qr_px}" '
                f'height="{self.qr_px}"></td><td valign="middle" style="padding-left:8px">'
                + _p(study_url(record.nct_id)) + "</td></tr></table>")
        return [text, code, _p(t(SCAN))]

    def _record(self, t: Callable[[str], str], lang: str) -> list[str]:
        """The study's numbers and which copy of the record this is."""
        record = self.current.record
        return [_p(t(STUDY_IDS).format(nct_id=record.nct_id, code=record.org_study_id or "-"),
                   SMALL) + _p(record_source_text(self.current, t=t, lang=lang), SMALL)]

    def _questions(self, t: Callable[[str], str]) -> list[str]:
        """The three groups of what is still unknown, as questions."""
        groups = "".join(
            _h(t(group.heading)) + '<ul style="margin-top:0">'
            + "".join(f"<li>{escape(t(q))}</li>" for q in group.items) + "</ul>"
            for group in self.explanation.questions)
        return [groups] if groups else []

    def _about(self, t: Callable[[str], str]) -> list[str]:
        return [_h(t(ABOUT)) + '<ul style="margin-top:0">' + "".join(
            f'<li style="{SMALL}">{escape(t(text))}</li>'
            for text in self.questionnaire.screener.trial.about_short) + "</ul>"]

    def _list(self, heading: str, labels: tuple[str, ...], t: Callable[[str], str]
              ) -> list[str]:
        """A heading and the facts' labels in one paragraph (a long list, kept short)."""
        if not labels:
            return []
        return [f"{_h(heading)}{_p(t(LIST_SEPARATOR).join(t(label) for label in labels), SMALL)}"]

    def _criteria(self, t: Callable[[str], str], lang: str) -> list[str]:
        """One row per criterion shown, grouped by state (a way into the study that the child
        does not take is left out): a row never splits across a page or a language. What fits
        is told by title alone, in one paragraph."""
        rows = [_h(t(self.explanation.criteria_heading))]
        for group in self.explanation.criteria:
            rows.append(f'<p style="margin:4px 0 0 0;font-weight:bold">'
                        f"{escape(t(group.heading))}</p>")
            if group.style == "fits":
                rows[-1] += _p(t(LIST_SEPARATOR).join(t(c.title) for c in group.criteria),
                               SMALL)
                continue
            rows.extend(f'<p style="margin:0;{SMALL}"><b>{escape(t(c.title))}</b>. '
                        f"{escape(t(c.because))}</p>" for c in group.criteria)
        return rows

    def _answers(self, t: Callable[[str], str], lang: str) -> list[str]:
        """The answers given, short label and answer: one table of two to a row in one
        language, one line each side by side in two; the questions not answered are counted,
        not listed."""
        screener = self.questionnaire.screener
        pairs = []
        missing = 0
        for _page, questions in self.questionnaire.visible(self.answers):
            for question in questions:
                answer = describe_answer(screener, question, self.answers, t, lang)
                if answer == t(NOT_ANSWERED):
                    missing += 1
                    continue
                pairs.append((escape(t(screener.facts[question.fact].label)), escape(answer)))
        if self.pairs_per_row == 2:  # one language: one table
            cells = [f'<td width="33%" style="{SMALL}">{name}</td>'
                     f'<td width="17%" style="{SMALL}"><b>{answer}</b></td>'
                     for name, answer in pairs]
            lines = "".join("<tr>" + "".join(cells[i:i + 2]) + "</tr>"
                            for i in range(0, len(cells), 2))
            rows = [_h(t(YOUR_ANSWERS)) + f'<table width="100%" cellpadding="1">{lines}</table>']
        else:  # two languages: a line each, so that both stay aligned
            rows = [_h(t(YOUR_ANSWERS)), *(
                f'<p style="margin:0;{SMALL}">'
                + escape(t(NAMED_ANSWER)).format(name=name, answer=f"<b>{answer}</b>") + "</p>"
                for name, answer in pairs)]
        if missing:
            rows.append(_p(unanswered_sentence(missing, lang), SMALL))
        return rows
