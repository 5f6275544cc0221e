"""The commands that need no display: evaluate and status."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from trialfinder.cli_output import (
    EXIT_OUTPUT,
    BadInput,
    cut,
    error_line,
    finish,
    output_failed,
    prepare_streams,
    reason_text,
)
from trialfinder.i18n.content import _
from trialfinder.screening.derive import disagreement
from trialfinder.screening.explanation import Explanation, explain
from trialfinder.screening.facts import UNSURE, FactError, check_answers
from trialfinder.screening.screener import Screener, ScreenerError, load_screener
from trialfinder.screening.verdict import Outcome, screen
from trialfinder.screening.wording import JSON_STATE
from trialfinder.trial.display import place_name, record_source_text, status_line
from trialfinder.trial.model import Contact, TrialRecord
from trialfinder.trial.parser import RecordError
from trialfinder.trial.record_text import ABOUT_RECORD, CONTACT, STUDY_IDS
from trialfinder.trial.source import CurrentRecord, current_record, live_record, stored_record

EXIT_BAD_INPUT = 2


def read_answers(path: str, stdin: TextIO) -> dict[str, Any]:
    """Read a JSON object of facts from a regular file, or from standard input for "-";
    never more than MAX_BYTES (a device, a FIFO or an endless input is refused)."""
    from trialfinder.answers_file import MAX_BYTES
    from trialfinder.storage import JsonError, TooLarge, decode_json, read_regular

    shown = _("standard input") if path == "-" else cut(path, 200)
    try:
        if path == "-" and stdin is None:
            raise BadInput(_("cannot read {path}: {reason}").format(
                path=shown, reason=_("it is closed")))
        if path == "-":
            source = getattr(stdin, "buffer", None)
            raw = source.read(MAX_BYTES + 1) if source is not None else stdin.read(
                MAX_BYTES + 1).encode("utf-8", "surrogatepass")
            if len(raw) > MAX_BYTES:
                raise TooLarge(errno.EFBIG, "too large")
        else:
            raw = read_regular(Path(path), MAX_BYTES)
    except FileNotFoundError as exc:
        raise BadInput(_("cannot read {path}: no such file").format(path=shown)) from exc
    except OSError as exc:
        raise BadInput(_("cannot read {path}: {reason}").format(
            path=shown, reason=reason_text(exc))) from exc
    except (ValueError, UnicodeError) as exc:
        raise BadInput(_("cannot read {path}: {reason}").format(
            path=shown, reason=cut(exc, 200))) from exc
    try:
        data = decode_json(raw)
    except JsonError as exc:
        if exc.kind == "syntax":
            message = _("{path} is not valid JSON (line {line}, column {column})").format(
                path=shown, line=exc.line, column=exc.column)
        elif exc.kind == "nesting":
            message = _("{path} is nested too deeply").format(path=shown)
        elif exc.kind == "utf8":
            message = _("{path} is not UTF-8 text").format(path=shown)
        else:
            message = _("{path} holds a number far too long to be an answer").format(path=shown)
        raise BadInput(message) from exc
    if not isinstance(data, dict):
        name = _("standard input") if path == "-" else shown
        raise BadInput(_("{path} must hold a JSON object of facts").format(path=name))
    return data


def fact_problem(exc: FactError) -> BadInput:
    """One line for a fact the screener cannot take; a long name or value is cut."""
    return BadInput(f"{cut(exc.fact)}: {cut(exc.message, 300)}")


def outcome_json(screener: Screener, outcome: Outcome, record: TrialRecord) -> dict[str, Any]:
    criteria = {
        c.id: JSON_STATE[(c.kind, outcome.status(c.id))] for c in screener.reported_criteria
    }
    return {
        "verdict": outcome.verdict,
        "criteria": criteria,
        **{c.id: JSON_STATE[("inclusion", outcome.status(c.id))]
           for c in screener.criteria if c.kind == "path"},
        "to_check_at_screening": list(outcome.to_check_at_screening),
        "to_find_out": list(outcome.to_find_out),
        "for_you": list(outcome.for_you),
        "ask_doctor": list(outcome.ask_doctor),
        "study_team_decides": list(outcome.study_team_decides),
        # each unknown fact as a question a parent can ask or answer, in the chosen language
        "questions": {f: _(screener.facts[f].ask or screener.facts[f].label)
                      for f in outcome.to_find_out},
        "blocking": list(outcome.blocking),
        "failed_values": {term: [_failure_json(f) for f in failures]
                          for term, failures in outcome.failures.items()},
        "time_limit_only": outcome.time_limited,
        "no_longer_in_the_way_from": {
            term: day.isoformat() if day else None for term, day in outcome.clears_on.items()},
        "recruiting": record.recruiting,
        "record_last_update": record.last_update.iso() if record.last_update else None,
    }


def _failure_json(failure: Any) -> dict[str, Any]:
    return {"fact": failure.fact, "value": failure.value, "rule": f"{failure.op} "
            f"{failure.limit:g}"}


def outcome_text(screener: Screener, outcome: Outcome, current: CurrentRecord) -> str:
    """The explanation as plain text, part by part in its order (as on the result screen;
    other studies are left to the ``related`` command), a blank line between parts."""
    told = explain(screener, outcome)
    parts = {
        "lead": lambda: [_(told.title), _(told.meaning), _(told.next_step)],
        "contact": lambda: _contact_lines(current),
        "decides": lambda: [_(told.decides)],
        "standing": lambda: _standing_lines(told, screener),
        "questions": lambda: [line for group in told.questions for line in (
            _(group.heading), *(f"  - {_(q)}" for q in group.items))],
        "to_check": lambda: [_(told.to_check_heading), *(
            f"  - {_(label)}" for label in told.to_check)] if told.to_check else [],
        "criteria": lambda: _criteria_lines(told, screener),
        "record": lambda: _record_lines(current),
        "judgment": lambda: [_(text) for text in told.judgment],
        "closing": lambda: [_(told.decides)],
    }
    blocks = ["\n".join(lines) for part in told.parts if part in parts
              for lines in [parts[part]()] if lines]
    return "\n\n".join(blocks)


def _label(screener: Screener, term: str) -> str:
    """The criterion's id as the screener file shows it (``shown_id``, else its id)."""
    criterion = screener.criterion(term)
    return criterion.shown_id or criterion.id


def _contact_lines(current: CurrentRecord) -> list[str]:
    record = current.record
    lines = [_(CONTACT), status_line(current)[0]]
    lines += [place_name(site.facility) for site in record.sites[:1]]
    lines += [contact_line(names[0] if names else "", person)
              for names, person in record.contacts_by_phone()]
    return lines


def contact_line(name: str, contact: Contact) -> str:
    return _("Contact: {name} {phone} {email}").format(
        name=name, phone=contact.phone, email=contact.email).rstrip()


def _standing_lines(told: Explanation, screener: Screener) -> list[str]:
    lines = [_(told.what_stands)]
    for item in told.standing:
        lines.append(f"  {_label(screener, item.criterion)} {_(item.title)}")
        lines.append(f"      {_(item.sentence)}")
        lines += [f"      {line.text()}" for line in item.lines]
    if told.time_limit_only:
        lines.append(_(told.time_limit_only))
    return lines


def _criteria_lines(told: Explanation, screener: Screener) -> list[str]:
    lines = [_(told.criteria_heading)]
    for group in told.criteria:
        lines.append(_(group.heading))
        for shown in group.criteria:
            lines.append(f"  [{_(shown.state)}] {_label(screener, shown.id)} {_(shown.title)}")
            lines.append(f"      {_(shown.because)}")
    return lines


def _record_lines(current: CurrentRecord) -> list[str]:
    record = current.record
    return [_(ABOUT_RECORD), *(w.text() for w in current.warnings),
            _(STUDY_IDS).format(nct_id=record.nct_id, code=record.org_study_id or "-"),
            record_source_text(current)]


def check_agreement(screener: Screener, facts: dict[str, Any]) -> None:
    """Two values for one quantity that disagree by more than 5% are bad input (rev 2)."""
    found = disagreement(screener, facts)
    if found:
        raise BadInput(f"{found[0]}: {found[1]}")


def trial_screener(trial: str | None) -> Screener:
    """The screener for ``--trial`` (None: the default bundled one); a missing or bad file
    is bad input, told in one line naming the file and the key."""
    try:
        return load_screener(trial)
    except ScreenerError as exc:
        raise BadInput(cut(exc, 300)) from exc


def kept_record(screener: Screener) -> CurrentRecord:
    """The newest kept record of the trial (never the network); a trial file whose record
    is not a study record is bad input naming the file and the key."""
    try:
        return stored_record(screener.nct_id, screener.criteria_sha256, screener.trial.record)
    except RecordError as exc:
        raise BadInput(record_problem(screener, exc)) from exc


def record_problem(screener: Screener, exc: RecordError) -> str:
    return _("{path} is not a trial record: {reason}").format(
        path=f"{screener.trial.record.name} (trial.record)", reason=cut(exc, 300))


def evaluate(path: str, fmt: str, stdin: TextIO, stdout: TextIO, trial: str | None = None
             ) -> int:
    screener = trial_screener(trial)
    try:
        facts = check_answers(screener, read_answers(path, stdin))
    except FactError as exc:
        raise fact_problem(exc) from exc
    check_agreement(screener, facts)
    outcome = screen(screener, facts)
    current = kept_record(screener)  # never the network
    if fmt == "json":
        json.dump(outcome_json(screener, outcome, current.record), stdout, ensure_ascii=False)
        stdout.write("\n")
    else:
        stdout.write(outcome_text(screener, outcome, current) + "\n")
    return 0


def summary(path: str, out: str, lang: str, stdin: TextIO, stdout: TextIO,
            trial: str | None = None) -> int:
    """Write the summary PDF from a facts file (as evaluate takes) or a saved answers file."""
    from trialfinder.answers_file import AnswersFileError, answers_from_data, is_answers_file
    from trialfinder.screening.questionnaire import Questionnaire

    screener = trial_screener(trial)
    if path != "-" and same_file(path, out):
        raise BadInput(_("{out} is the answers file itself: choose another name for the "
                         "PDF").format(out=cut(out, 200)))
    data = read_answers(path, stdin)
    try:
        if is_answers_file(data):
            answers = answers_from_data(screener, data)
        else:
            check_answers(screener, data)
            answers = {k: v for k, v in data.items() if v is not None}
    except FactError as exc:
        raise fact_problem(exc) from exc
    except AnswersFileError as exc:
        raise BadInput(_("{path} is not a saved answers file TrialFinder can open ({reason})")
                       .format(path=cut(path, 200), reason=cut(exc, 200))) from exc
    questionnaire = Questionnaire(screener)
    try:
        check_agreement(screener, check_answers(
            screener, {k: None if v == UNSURE else v for k, v in answers.items()}))
    except FactError as exc:
        raise fact_problem(exc) from exc
    outcome = questionnaire.outcome(answers)
    current = kept_record(screener)
    from trialfinder.report.render import write_summary_pdf

    try:
        write_summary_pdf(questionnaire, answers, outcome, current, lang, Path(out))
    except OSError as exc:
        raise BadInput(_("cannot write {path}: {reason}").format(
            path=cut(out, 200), reason=reason_text(exc))) from exc
    stdout.write(_("wrote {path}").format(path=out) + "\n")
    return 0


def status_json(current: CurrentRecord) -> dict[str, Any]:
    record = current.record
    return {
        "nct_id": record.nct_id,
        "title": record.brief_title,
        "org_study_id": record.org_study_id,
        "overall_status": record.overall_status,
        "recruiting": record.recruiting,
        "last_update": record.last_update.iso() if record.last_update else None,
        "source": current.source,
        "obtained_at": current.obtained_at.isoformat() if current.obtained_at else None,
        "sites": [site.as_dict() for site in record.sites],
        "contacts": [c.as_dict() for c in record.central_contacts],
        "warnings": [w.text() for w in current.warnings]
        + ([current.problem_text()] if current.fetch_problem else []),
    }


def status_text(current: CurrentRecord) -> str:
    record = current.record
    lines = [f"{record.nct_id}  {record.brief_title}"]
    lines.append(status_line(current)[0])
    lines.append(record_source_text(current))
    if current.fetch_problem:
        lines.append(current.problem_text())
    for site in record.sites:
        place = ", ".join(p for p in (site.city, site.state, site.country) if p)
        lines.append(_("Site: {facility} ({place}), {status}").format(
            facility=site.facility, place=place, status=site.status or "-"))
    lines += [contact_line(contact.name, contact) for contact in record.all_contacts()]
    lines += [_("Warning: {message}").format(message=w.text())
              for w in current.warnings]
    return "\n".join(lines)


def status(record_file: str | None, fmt: str, stdout: TextIO, offline: bool = False,
           api_base: str | None = None, trial: str | None = None) -> int:
    screener = trial_screener(trial)
    try:
        if record_file:
            current = current_record(screener.nct_id, screener.criteria_sha256,
                                     Path(record_file))
        elif offline:
            current = stored_record(screener.nct_id, screener.criteria_sha256,
                                    screener.trial.record)
        else:
            current = live_record(screener.nct_id, screener.criteria_sha256, api_base,
                                  screener.trial.record)
    except RecordError as exc:
        if not record_file:  # the trial's own record file
            raise BadInput(record_problem(screener, exc)) from exc
        raise BadInput(_("{path} is not a trial record: {reason}").format(
            path=cut(record_file, 200), reason=cut(exc, 300))) from exc
    if fmt == "json":
        json.dump(status_json(current), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        stdout.write(status_text(current) + "\n")
    return 0


def same_file(first: str, second: str) -> bool:
    """Whether two names are one file (the same path, or a link to it)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.abspath(first) == os.path.abspath(second)


def run(command: str, args: Any, stdin: TextIO | None = None, stdout: TextIO | None = None
        ) -> int:
    """Run a CLI command; bad input gives one line on standard error and exit status 2; an
    output that cannot be written (closed, full) one line and exit status 1."""
    prepare_streams()
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    if stdout is None:
        return finish(None) or EXIT_OUTPUT
    try:
        if command == "evaluate":
            code = evaluate(args.file, args.format, stdin, stdout, getattr(args, "trial", None))
        elif command == "summary":
            code = summary(args.file, args.out, args.summary_lang, stdin, stdout,
                           getattr(args, "trial", None))
        elif command == "related":
            from trialfinder.cli_related import related

            code = related(trial_screener(getattr(args, "trial", None)), args.age, args.format,
                           stdout, args.offline or args.related_offline, args.api_base)
        else:
            code = status(args.record, args.format, stdout,
                          args.offline or args.status_offline, args.api_base,
                          getattr(args, "trial", None))
    except BadInput as exc:
        finish(stdout)
        error_line(str(exc))
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as exc:  # writing the output failed part way
        if isinstance(exc, ValueError) and not str(exc).startswith("I/O operation"):
            raise
        return output_failed(stdout, exc)
    return finish(stdout) or code
