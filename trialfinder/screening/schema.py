"""The keys a screener file may hold, and its error: every problem names the key path
(``pages[3].questions[2].fact: unknown fact 'foo'``); the loader adds the file's name."""

from __future__ import annotations

from typing import Any


class ScreenerError(ValueError):
    """A screener definition that is not well formed."""


TOP = {"screener", "trial", "holdback", "not_checked", "time_limits", "facts", "derived",
       "rules", "criteria", "pages"}
HEAD = {"criteria_sha256", "required", "excluding", "for_you"}
FACT = {"type", "unit", "min", "max", "integer", "choices", "choice_labels", "normal", "role",
        "source", "label", "ask"}
CRITERION = {"id", "kind", "title", "fits", "does_not_fit", "unknown", "registry", "rule",
             "may_change", "shown_id"}
TIME_LIMIT = {"criterion", "fact", "date", "years", "months", "days"}
PAGE = {"id", "section", "show_if", "stop_if", "stop_note", "questions"}
QUESTION = {"fact", "kind", "ask", "help", "why", "criterion", "show_if", "hidden_means",
            "reverse", "value", "upper_limit", "height", "creatinine_umol_l",
            "creatinine_mg_dl"}
# Each formula of [derived] and the inputs it takes.
FORMULAS = {
    "bedside_schwartz": {"height", "creatinine_umol_l", "creatinine_mg_dl"},
    "ratio": {"value", "upper_limit"},
}


def table(value: Any, where: str) -> dict[str, Any]:
    """``value`` as a TOML table, or an error naming where it is."""
    if not isinstance(value, dict):
        raise ScreenerError(f"{where}: must be a table")
    return value


def array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ScreenerError(f"{where}: must be an array")
    return value


def text(data: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    """A string field ("" when optional and absent)."""
    if key not in data:
        if required:
            raise ScreenerError(f"{where}.{key}: missing" if where else f"{key}: missing")
        return ""
    value = data[key]
    if not isinstance(value, str):
        raise ScreenerError(f"{join(where, key)}: must be a string")
    return value


def join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def known_keys(data: dict[str, Any], allowed: set[str], where: str) -> None:
    """An unknown key (a typo, a field this version does not read) is an error."""
    for key in data:
        if key not in allowed:
            raise ScreenerError(f"{join(where, key)}: unknown key {key!r}")
