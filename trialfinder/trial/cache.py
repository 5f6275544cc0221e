"""The last good trial record, kept in the user's cache directory (no Qt).

One JSON file per study: {"fetched_at": ISO time, "study": the API's record}. Written
atomically and only after the record was checked; a damaged file is moved aside and ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import NamedTuple

from trialfinder.storage import (
    MAX_JSON_DEPTH,
    JsonError,
    cache_dir,
    decode_json,
    move_aside,
    nested_deeper_than,
    read_json_object,
    write_atomic,
)
from trialfinder.trial.model import TrialRecord
from trialfinder.trial.parser import MAX_RECORD_BYTES, RecordError, parse_study

log = logging.getLogger(__name__)


class Cached(NamedTuple):
    record: TrialRecord
    fetched_at: dt.datetime


def cache_path(nct_id: str) -> Path:
    return cache_dir() / f"{nct_id}.json"


# The cache is ASCII JSON (any text, even a lone surrogate, survives as an escape), so it
# may be larger than the record it holds.
MAX_CACHE_BYTES = 3 * MAX_RECORD_BYTES
CLOCK_SKEW = dt.timedelta(minutes=5)


def save(nct_id: str, raw: bytes, fetched_at: dt.datetime | None = None) -> None:
    """Keep a record that was fetched and checked (OSError if it cannot be written)."""
    when = fetched_at or dt.datetime.now(dt.UTC)
    try:
        study = decode_json(raw)
    except JsonError as exc:
        raise OSError(f"not kept: {exc}") from exc
    envelope = {"fetched_at": when.isoformat(), "study": study}
    data = json.dumps(envelope, ensure_ascii=True).encode("ascii")
    if len(data) > MAX_CACHE_BYTES:
        raise OSError("not kept: too large")
    if nested_deeper_than(study, MAX_JSON_DEPTH - 1):  # the envelope is one level deeper:
        raise OSError("not kept: nested too deeply to read back")  # load would refuse it
    write_atomic(cache_path(nct_id), data)


def load(nct_id: str) -> Cached | None:
    """The cached record, or None (a damaged or foreign file is moved aside)."""
    path = cache_path(nct_id)
    data = read_json_object(path, MAX_CACHE_BYTES)
    if data is None:
        return None
    try:
        when = dt.datetime.fromisoformat(str(data.get("fetched_at")))
        if when.tzinfo is None:
            raise ValueError("fetched_at has no time zone")
        if when > dt.datetime.now(dt.UTC) + CLOCK_SKEW:
            raise ValueError("fetched_at is in the future")
        record = parse_study(data.get("study"))
        if record.nct_id != nct_id:
            raise RecordError(f"record for {record.nct_id}")
    except (ValueError, RecordError) as exc:
        move_aside(path, str(exc))
        return None
    return Cached(record, when)
