"""Reading a number that a person typed ("9", "3.5", "３.５" full-width, " 48 ", "-5") and checking
a number against its fact: the one check that the answer widgets and the facts files share
(each words the problem in its own catalog)."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Protocol

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class NotANumber(ValueError):
    """The text is not a plain decimal number."""


def parse_number(text: str) -> float | None:
    """A typed number, or None for empty text. Raises NotANumber for anything else.

    Full-width digits and the ideographic full stop used as a decimal point are accepted
    (a Chinese input method may type them); commas are not guessed at. A minus sign is read
    (a negative number is a number: its fact's range then calls it out of range).
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("。", ".").replace("\u2212", "-")
    if not cleaned:
        return None
    if not _NUMBER.match(cleaned):
        raise NotANumber(text)
    value = float(cleaned) + 0.0  # + 0.0: "-0" is 0, never -0
    if not math.isfinite(value):
        raise NotANumber(text)
    return value


# What is wrong with a number for its fact.
NOT_A_NUMBER = "not_a_number"
NOT_WHOLE = "not_whole"
OUT_OF_RANGE = "out_of_range"


class NumberSpec(Protocol):
    """What a number fact allows (a screener's FactSpec)."""

    integer: bool
    minimum: float | None
    maximum: float | None


def number_problem(spec: NumberSpec, value: float) -> str | None:
    """Why a number does not fit its fact (NOT_WHOLE, OUT_OF_RANGE), or None when it does."""
    if spec.integer and value != int(value):
        return NOT_WHOLE
    if not spec.minimum <= value <= spec.maximum:  # type: ignore[operator]
        return OUT_OF_RANGE
    return None


def typed_number(spec: NumberSpec, text: str) -> tuple[float | None, str | None]:
    """A typed number for a fact and what is wrong with it (NOT_A_NUMBER, NOT_WHOLE,
    OUT_OF_RANGE, or None): (None, None) for empty text."""
    try:
        value = parse_number(text)
    except NotANumber:
        return None, NOT_A_NUMBER
    if value is None:
        return None, None
    return value, number_problem(spec, value)
