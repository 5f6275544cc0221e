"""The volunteer's anonymous tally of screenings (no Qt).

One row per screening: the date, the trial (its NCT number), the verdict, which criteria stood
in the way and which were not known. No names, no ages, no answers: nothing that could point
to a child. Rows written before the trial was recorded still load (their trial is ""). Kept in the
user's data directory (TRIALFINDER_DATA_DIR overrides), written atomically.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

from trialfinder.screening.screener import Screener
from trialfinder.screening.verdict import VERDICTS, Outcome
from trialfinder.storage import data_dir, read_json_object, write_atomic, write_json_object

COLUMNS = ("date", "verdict", "not_met", "unknown", "trial")
OLD_COLUMNS = COLUMNS[:-1]  # rows from before the trial was recorded


def tally_path() -> Path:
    return data_dir() / "tally.json"


def row_for(screener: Screener, outcome: Outcome, day: dt.date | None = None) -> dict[str, Any]:
    """The anonymous row for one screening."""
    unknown = [c.id for c in screener.reported_criteria if outcome.status(c.id) is None]
    return {
        "date": (day or dt.date.today()).isoformat(),
        "verdict": outcome.verdict,
        "not_met": list(outcome.blocking),
        "unknown": unknown,
        "trial": screener.nct_id,
    }


_CRITERION = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_TRIAL = re.compile(r"(NCT[0-9]{8})?")
MAX_IDS = 60  # more criteria than the screener has
MAX_TALLY_BYTES = 16 * 1024 * 1024


def _date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _valid(row: Any) -> bool:
    """A row as row_for makes it: an ISO date, a verdict, lists of criterion ids."""
    return (isinstance(row, dict) and set(row) in (set(COLUMNS), set(OLD_COLUMNS))
            and isinstance(row.get("trial", ""), str)
            and _TRIAL.fullmatch(row.get("trial", "")) is not None
            and isinstance(row["verdict"], str) and row["verdict"] in VERDICTS
            and _date(row["date"])
            and all(isinstance(row[k], list) and len(row[k]) <= MAX_IDS
                    and all(isinstance(i, str) and _CRITERION.fullmatch(i) for i in row[k])
                    for k in ("not_met", "unknown")))


def load_rows() -> list[dict[str, Any]]:
    data = read_json_object(tally_path(), MAX_TALLY_BYTES) or {}
    rows = data.get("rows", [])
    return [row for row in rows if _valid(row)] if isinstance(rows, list) else []


def record(row: dict[str, Any], replace: int | None = None) -> int:
    """Add a screening's row (or replace this family's earlier row); return its index."""
    rows = load_rows()
    if replace is not None and 0 <= replace < len(rows):
        rows[replace] = row
        index = replace
    else:
        rows.append(row)
        index = len(rows) - 1
    write_json_object(tally_path(), {"rows": rows})
    return index


def verdict_counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(row["verdict"] for row in rows)
    return {verdict: counts.get(verdict, 0) for verdict in VERDICTS}


def common_unknowns(rows: list[dict[str, Any]], most: int = 5) -> list[tuple[str, int]]:
    return Counter(c for row in rows for c in row["unknown"]).most_common(most)


def safe_cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or a tab or return) as a formula:
    such a cell is written with a leading apostrophe, as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in (
            row["date"], row["verdict"], " ".join(row["not_met"]), " ".join(row["unknown"]),
            row.get("trial", ""))])
    return buffer.getvalue()


def export_csv(rows: list[dict[str, Any]], path: Path) -> None:
    write_atomic(path, csv_text(rows).encode("utf-8"), make_dirs=False)
