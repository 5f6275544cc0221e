"""A Babel extractor for the screener definitions' text fields (see babel.cfg): the facts',
criteria's and pages' texts, and the ``[trial]`` section's (titles, welcome, about, the short
about list, and the display names of ``site_names``)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any, BinaryIO

TEXT_FIELDS = ("label", "unit", "title", "fits", "does_not_fit", "unknown", "may_change",
               "ask", "help", "why", "option", "section", "stop_note", "window_title",
               "summary_title", "description", "welcome_title", "welcome", "heading", "body",
               "about_short", "choice_labels")
# Tables whose every value is a text (their keys are the registry's spellings).
TEXT_TABLES = ("site_names",)


def _walk(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else key
            if key in TEXT_FIELDS and isinstance(value, str) and value:
                yield where, value
            elif key in TEXT_FIELDS and isinstance(value, list):
                yield from ((f"{where}[{i}]", item) for i, item in enumerate(value)
                            if isinstance(item, str) and item)
            elif key in TEXT_TABLES and isinstance(value, dict):
                yield from ((f"{where}.{name}", item) for name, item in value.items()
                            if isinstance(item, str) and item)
            else:
                yield from _walk(value, where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            name = item.get("id", index) if isinstance(item, dict) else index
            yield from _walk(item, f"{path}[{name}]")


def extract_screener(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Yield (line, funcname, message, comments) for every text field of a screener file."""
    raw = fileobj.read()
    data = tomllib.loads(raw.decode("utf-8"))
    text = raw.decode("utf-8")
    for where, message in _walk(data, ""):
        first_line = message.splitlines()[0]
        offset = text.find(first_line)
        line = text.count("\n", 0, offset) + 1 if offset >= 0 else 0
        yield line, "_", message, [where]
