"""Saving a family's answers to a file they chose, and opening it later (no Qt).

Only ever written when the person asks (never in kiosk mode). The file says what it is, which
study it belongs to and when it was saved; opening a damaged or foreign file raises
AnswersFileError with a plain reason, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from trialfinder.screening.facts import UNSURE, FactError, check_value
from trialfinder.screening.screener import Screener
from trialfinder.storage import JsonError, TooLarge, decode_json, read_regular, write_atomic

FORMAT = "trialfinder-answers"
# Version 2 (criteria revision 2): "rapid_progression_or_organ_involvement" is split into
# "rapid_progression" and one fact per organ. Older files still open (see _upgrade).
VERSION = 2
SPLIT_V1 = {
    "rapid_progression_or_organ_involvement": (
        "rapid_progression", "lung_involvement", "heart_involvement", "gut_involvement"),
}
MAX_BYTES = 1024 * 1024


class AnswersFileError(ValueError):
    """Why a file could not be opened: reason is one of the keys below."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


UNREADABLE, NOT_ANSWERS, OTHER_STUDY, NEWER, BAD_VALUE = (
    "unreadable", "not_answers", "other_study", "newer", "bad_value")


def save_answers(path: Path, screener: Screener, answers: Mapping[str, Any]) -> None:
    """Write the answers (atomically) to a file the person chose."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "study": screener.nct_id,
        "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "answers": {k: v for k, v in answers.items() if v is not None},
    }
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n",
                 make_dirs=False)


def check_answer(screener: Screener, fact: str, value: Any) -> Any:
    """One saved answer, checked like an answers file's (numbers may also be "unsure")."""
    spec = screener.facts.get(fact)
    if spec is None:
        raise AnswersFileError(BAD_VALUE, fact)
    if value == UNSURE:
        return UNSURE
    try:
        check_value(spec, value)
    except FactError as exc:
        raise AnswersFileError(BAD_VALUE, str(exc)) from exc
    return value


def _upgrade(version: int, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers of an older file under today's fact names.

    Version 1 asked one question for fast worsening or lungs, heart or gut affected. "No"
    answered each of those four; "Not sure" leaves each not sure; "Yes" cannot say which one,
    so the four are left unanswered and asked again (never guessed).
    """
    if version >= 2:
        return answers
    upgraded = {k: v for k, v in answers.items() if k not in SPLIT_V1}
    for old, new_facts in SPLIT_V1.items():
        value = answers.get(old)
        if value in ("no", UNSURE):
            for fact in new_facts:
                upgraded.setdefault(fact, value)
    return upgraded


def is_answers_file(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def answers_from_data(screener: Screener, data: Any) -> dict[str, Any]:
    if not is_answers_file(data):
        raise AnswersFileError(NOT_ANSWERS)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        raise AnswersFileError(NEWER, str(version))
    if data.get("study") != screener.nct_id:
        raise AnswersFileError(OTHER_STUDY, str(data.get("study")))
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise AnswersFileError(NOT_ANSWERS, "no answers")
    answers = _upgrade(version, answers)
    return {fact: check_answer(screener, fact, value) for fact, value in answers.items()
            if value is not None}


def load_answers(path: Path, screener: Screener) -> dict[str, Any]:
    """The answers in a saved file, all checked; AnswersFileError otherwise."""
    try:
        data = decode_json(read_regular(path, MAX_BYTES))
    except TooLarge as exc:
        raise AnswersFileError(NOT_ANSWERS, "too large") from exc
    except (OSError, JsonError) as exc:  # a device or FIFO too: never read
        raise AnswersFileError(UNREADABLE, str(exc)[:200]) from exc
    return answers_from_data(screener, data)
