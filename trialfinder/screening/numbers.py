"""Reading a number that a person typed: "9", "3.5", "３.５" (full-width), " 48 "."""

from __future__ import annotations

import math
import re
import unicodedata

_NUMBER = re.compile(r"^[+]?(\d+(\.\d*)?|\.\d+)$")


class NotANumber(ValueError):
    """The text is not a plain decimal number."""


def parse_number(text: str) -> float | None:
    """A typed number, or None for empty text. Raises NotANumber for anything else.

    Full-width digits and the ideographic full stop used as a decimal point are accepted
    (a Chinese input method may type them); commas are not guessed at.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("。", ".")
    if not cleaned:
        return None
    if not _NUMBER.match(cleaned):
        raise NotANumber(text)
    value = float(cleaned)
    if not math.isfinite(value):
        raise NotANumber(text)
    return value
