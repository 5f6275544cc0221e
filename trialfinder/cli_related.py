"""The related command: other studies a family could ask about, as text or JSON (no Qt).

The search is the trial's (its screener file's ``[trial.related]``); a trial whose file has
none lists no other studies, and the command says so as bad input.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from trialfinder.cli_output import BadInput
from trialfinder.i18n.content import _, language
from trialfinder.trial.related_source import RelatedList, live_related, stored_related
from trialfinder.trial.related_text import section

if TYPE_CHECKING:
    from trialfinder.screening.screener import Screener

MAX_AGE = 120


def related_json(found: RelatedList, age: float | None) -> dict[str, Any]:
    """Every study that takes the age (None: any), with where the list came from."""
    return {
        "list_source": found.source,
        "obtained_at": found.obtained_at.isoformat() if found.obtained_at else None,
        "listed": found.listed or None,
        "problem": found.problem or None,
        "age_years": age,
        "checked_against_child": False,
        "studies": [dict(s.as_dict(), plain_title=s.plain_title(language()) or None,
                         recruiting_now=s.open_now) for s in found.for_age(age)],
    }


def related_text(found: RelatedList, age: float | None) -> str:
    words = section(found, age, limit=None)
    lines = [line.text for line in words.intro]
    for title, studies in words.groups:
        lines += ["", title]
        for study in studies:
            lines.append("")
            lines += [("  " if n else "- ") + line.text for n, line in enumerate(study)]
    if words.outro:
        lines += [""] + [line.text for line in words.outro]
    return "\n".join(lines)


def related(screener: Screener, age: float | None, fmt: str, stdout: TextIO,
            offline: bool = False, api_base: str | None = None) -> int:
    query = screener.trial.related
    if not screener.trial.related_studies or query is None:
        raise BadInput(_("{trial} lists no other studies: its screener file has no search "
                         "for them.").format(trial=screener.nct_id))
    found = stored_related(query) if offline else live_related(query, api_base)
    if fmt == "json":
        json.dump(related_json(found, age), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        stdout.write(related_text(found, age) + "\n")
    return 0


def parse_age(text: str) -> float:
    """--age: years, 0 to 120 (argparse shows the message)."""
    import argparse

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= MAX_AGE:
        raise argparse.ArgumentTypeError(_("the age must be a number of years from 0 to 120"))
    return value
