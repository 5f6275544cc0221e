"""The summary's list of other studies to ask about, as escaped HTML (no Qt).

The list is the one the app already has (the last live answer, else the bundled one, see
``Summary.related_list``): the summary never goes to the network. Every text from a listing
or the registry is escaped.
"""

from __future__ import annotations

from html import escape

from trialfinder.trial.related_source import RelatedList
from trialfinder.trial.related_text import Gettext, Line, age_number, section

_STYLES = {"heading": "font-weight:bold", "note": "font-weight:bold", "title": "font-weight:bold",
           "muted": "color:#555555", "warn": "font-weight:bold", "link": "color:#555555"}


def _p(line: Line) -> str:
    style = f'margin:0 0 2px 0;font-size:9pt;{_STYLES.get(line.role, "")}'
    return f'<p style="{style}">{escape(line.text)}</p>'


def related_html(age: object, t: Gettext, lang: str, found: RelatedList) -> str:
    """The section for a child's age in one language."""
    words = section(found, age_number(age), t, lang)
    intro = words.intro
    html = (f'<h3 style="margin:10px 0 4px 0">{escape(intro[0].text)}</h3>'
            + "".join(_p(line) for line in intro[1:]))
    for title, studies in words.groups:
        html += f'<p style="margin:6px 0 2px 0;font-weight:bold">{escape(title)}</p>'
        for lines in studies:
            html += f'<div style="margin:0 0 6px 0">{"".join(_p(line) for line in lines)}</div>'
    return html + "".join(_p(line) for line in words.outro)
