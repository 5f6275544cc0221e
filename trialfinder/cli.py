"""The commands that need no display: evaluate and status."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from trialfinder.i18n.content import _
from trialfinder.screening.derive import disagreement
from trialfinder.screening.facts import UNSURE, FactError, check_answers
from trialfinder.screening.screener import Screener, load_screener
from trialfinder.screening.verdict import Outcome, screen
from trialfinder.screening.wording import (
    HEADING_CRITERIA,
    HEADING_TO_CHECK,
    JSON_STATE,
    ONLY_STUDY_TEAM_DECIDES,
    TIME_LIMIT_ONLY,
    VERDICT_SENTENCE,
    VERDICT_TITLE,
    blocking_lines,
    group_questions,
    reason,
)
from trialfinder.trial.display import record_source_text, status_line
from trialfinder.trial.model import TrialRecord
from trialfinder.trial.parser import RecordError
from trialfinder.trial.source import CurrentRecord, current_record, live_record, stored_record

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Input the command cannot use; the message is one line for standard error."""


def read_answers(path: str, stdin: TextIO) -> dict[str, Any]:
    """Read a JSON object of facts from a file, or from standard input for "-"."""
    try:
        text = stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BadInput(_("cannot read {path}: no such file").format(path=path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BadInput(_("cannot read {path}: {reason}").format(path=path, reason=reason)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(
            _("{path} is not valid JSON (line {line}, column {column})").format(
                path=path, line=exc.lineno, column=exc.colno
            )
        ) from exc
    except RecursionError as exc:
        raise BadInput(_("{path} is nested too deeply").format(path=path)) from exc
    if not isinstance(data, dict):
        name = _("standard input") if path == "-" else path
        raise BadInput(_("{path} must hold a JSON object of facts").format(path=name))
    return data


def outcome_json(screener: Screener, outcome: Outcome, record: TrialRecord) -> dict[str, Any]:
    criteria = {
        c.id: JSON_STATE[(c.kind, outcome.status(c.id))] for c in screener.reported_criteria
    }
    return {
        "verdict": outcome.verdict,
        "criteria": criteria,
        "diagnosis_path": JSON_STATE[("inclusion", outcome.status("diagnosis_path"))],
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
    lines = [_(VERDICT_TITLE[outcome.verdict]), _(VERDICT_SENTENCE[outcome.verdict]), ""]
    lines.append(_(HEADING_CRITERIA))
    for criterion in screener.criteria:
        if criterion.kind == "judgment":
            continue
        value = outcome.status(criterion.id)
        label = criterion.id if criterion.kind != "path" else "I2-I4"
        state, because = reason(screener, criterion, outcome.terms)
        lines.append(f"  [{_(state)}] {label} {_(criterion.title)}")
        lines.append(f"      {_(because)}")
        if value is not None and criterion.id in outcome.blocking:
            lines += [f"      {line}" for line in blocking_lines(screener, outcome,
                                                                   criterion.id, _)]
    if outcome.time_limited:
        lines += ["", _(TIME_LIMIT_ONLY)]
    for heading, questions in group_questions(screener, outcome):
        lines += ["", _(heading)]
        lines += [f"  - {_(q)}" for q in questions]
    if outcome.to_check_at_screening:
        lines += ["", _(HEADING_TO_CHECK)]
        lines += [f"  - {_(screener.facts[f].label)}" for f in outcome.to_check_at_screening]
    judgment = [c for c in screener.criteria if c.kind == "judgment"]
    lines.append("")
    lines += [_(c.unknown) for c in judgment]
    lines.append(status_line(current)[0])
    lines.append(record_source_text(current))
    lines.append(_(ONLY_STUDY_TEAM_DECIDES))
    return "\n".join(lines)


def check_agreement(screener: Screener, facts: dict[str, Any]) -> None:
    """Two values for one quantity that disagree by more than 5% are bad input (rev 2)."""
    found = disagreement(screener, facts)
    if found:
        raise BadInput(f"{found[0]}: {found[1]}")


def evaluate(path: str, fmt: str, stdin: TextIO, stdout: TextIO) -> int:
    screener = load_screener()
    try:
        facts = check_answers(screener, read_answers(path, stdin))
    except FactError as exc:
        raise BadInput(f"{exc.fact}: {exc.message}") from exc
    check_agreement(screener, facts)
    outcome = screen(screener, facts)
    current = stored_record(screener.nct_id, screener.criteria_sha256)  # never the network
    if fmt == "json":
        json.dump(outcome_json(screener, outcome, current.record), stdout, ensure_ascii=False)
        stdout.write("\n")
    else:
        stdout.write(outcome_text(screener, outcome, current) + "\n")
    return 0


def summary(path: str, out: str, lang: str, stdin: TextIO, stdout: TextIO) -> int:
    """Write the summary PDF from a facts file (as evaluate takes) or a saved answers file."""
    from trialfinder.answers_file import AnswersFileError, answers_from_data, is_answers_file
    from trialfinder.screening.questionnaire import Questionnaire

    screener = load_screener()
    data = read_answers(path, stdin)
    try:
        if is_answers_file(data):
            answers = answers_from_data(screener, data)
        else:
            check_answers(screener, data)
            answers = {k: v for k, v in data.items() if v is not None}
    except FactError as exc:
        raise BadInput(f"{exc.fact}: {exc.message}") from exc
    except AnswersFileError as exc:
        raise BadInput(_("{path} is not a saved answers file TrialFinder can open ({reason})")
                       .format(path=path, reason=exc)) from exc
    questionnaire = Questionnaire(screener)
    try:
        check_agreement(screener, check_answers(
            screener, {k: None if v == UNSURE else v for k, v in answers.items()}))
    except FactError as exc:
        raise BadInput(f"{exc.fact}: {exc.message}") from exc
    outcome = questionnaire.outcome(answers)
    current = stored_record(screener.nct_id, screener.criteria_sha256)
    from trialfinder.report.render import write_summary_pdf

    try:
        write_summary_pdf(questionnaire, answers, outcome, current, lang, Path(out))
    except OSError as exc:
        raise BadInput(_("cannot write {path}: {reason}").format(
            path=out, reason=exc.strerror or exc)) from exc
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
    for contact in record.all_contacts():
        lines.append(_("Contact: {name} {phone} {email}").format(
            name=contact.name, phone=contact.phone, email=contact.email).rstrip())
    lines += [_("Warning: {message}").format(message=w.text())
              for w in current.warnings]
    return "\n".join(lines)


def status(record_file: str | None, fmt: str, stdout: TextIO, offline: bool = False,
           api_base: str | None = None) -> int:
    screener = load_screener()
    try:
        if record_file:
            current = current_record(screener.nct_id, screener.criteria_sha256,
                                     Path(record_file))
        elif offline:
            current = stored_record(screener.nct_id, screener.criteria_sha256)
        else:
            current = live_record(screener.nct_id, screener.criteria_sha256, api_base)
    except RecordError as exc:
        raise BadInput(
            _("{path} is not a trial record: {reason}").format(path=record_file, reason=exc)
        ) from exc
    if fmt == "json":
        json.dump(status_json(current), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        stdout.write(status_text(current) + "\n")
    return 0


def run(command: str, args: Any, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Run a CLI command; bad input gives one line on standard error and exit status 2."""
    try:
        if command == "evaluate":
            return evaluate(args.file, args.format, stdin, stdout)
        if command == "summary":
            return summary(args.file, args.out, args.summary_lang, stdin, stdout)
        if command == "related":
            from trialfinder.cli_related import related

            return related(args.age, args.format, stdout, args.offline or args.related_offline,
                           args.api_base)
        return status(args.record, args.format, stdout, args.offline or args.status_offline,
                      args.api_base)
    except BadInput as exc:
        sys.stderr.write(_("trialfinder: error: {message}").format(message=exc) + "\n")
        return EXIT_BAD_INPUT
