"""The summary's list of other studies to ask about, as escaped HTML (no Qt).

The list is the one the app already has (the last live answer, else the bundled one): the
summary never goes to the network. Every text from a listing or the registry is escaped.
"""

from __future__ import annotations

from html import escape

from trialfinder.trial.related_source import RelatedList, stored_related
from trialfinder.trial.related_text import Gettext, Line, age_number, section

_STYLES = {"heading": "font-weight:bold", "note": "font-weight:bold", "title": "font-weight:bold",
           "muted": "color:#555555", "warn": "font-weight:bold", "link": "color:#555555"}


def _p(line: Line) -> str:
    return f'<p style="{_STYLES.get(line.role, "")}">{escape(line.text)}</p>'


def related_html(age: object, t: Gettext, lang: str, found: RelatedList | None = None) -> str:
    """The section for a child's age in one language."""
    words = section(found or stored_related(), age_number(age), t, lang)
    intro = words.intro
    html = f"<h3>{escape(intro[0].text)}</h3>" + "".join(_p(line) for line in intro[1:])
    for title, studies in words.groups:
        html += f"<h4>{escape(title)}</h4>"
        for lines in studies:
            html += "".join(_p(line) for line in lines) + "<br>"
    return html + "".join(_p(line) for line in words.outro)
