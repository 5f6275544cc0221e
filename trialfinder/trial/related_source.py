"""Which list of other studies the app shows: live, cached or bundled, and how old (no Qt).

The bundled list came with the app (public listings, each study with the day it was last
known and where it came from); the cache holds the last good live answer; a live answer
replaces both. The search goes through the record client (same timeouts, size cap, retries,
HTTPS-only rule); only the check of what came back differs. Neither the search nor the cache
holds anything a family answered. Each list is one trial's: every function takes the trial's
RelatedQuery (from its screener file), and the bundled file and the cache are named by its id.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from trialfinder.paths import resources_dir
from trialfinder.storage import cache_dir, move_aside, read_json_object, write_atomic
from trialfinder.trial.parser import RecordError
from trialfinder.trial.related import MAX_STUDIES, RelatedStudy, select, with_plain_titles
from trialfinder.trial.related_query import RelatedQuery

log = logging.getLogger(__name__)

BUNDLED, CACHE, LIVE = "bundled", "cache", "live"


@dataclass(frozen=True)
class RelatedList:
    """Every study of one answer (live, cached or bundled), before choosing by age."""

    studies: tuple[RelatedStudy, ...]
    source: str
    obtained_at: dt.datetime | None = None  # when fetched (live and cache)
    listed: str = ""  # for the bundled list: when the listings were stored ("2026-11")
    problem: str = ""  # a client reason, when a live search just failed
    query: RelatedQuery = field(kw_only=True)  # the trial's search (ranking, screened id)

    def for_age(self, age: float | None) -> list[RelatedStudy]:
        return select(self.studies, age, self.query)

    def with_problem(self, reason: str) -> RelatedList:
        return replace(self, problem=reason)


def bundled_path(nct_id: str) -> Path:
    return resources_dir() / "related" / f"{nct_id}.json"


def _studies(items: object) -> tuple[RelatedStudy, ...]:
    if not isinstance(items, list):
        raise RecordError("studies should be a list")
    return tuple(RelatedStudy.from_dict(item) for item in items[:MAX_STUDIES])


def bundled_related(query: RelatedQuery) -> RelatedList:
    """The list that came with the app (it is checked by the tests; never a crash here)."""
    data = json.loads(bundled_path(query.screened_id).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RecordError("the bundled list is not a JSON object")
    return RelatedList(_studies(data.get("studies")), BUNDLED, listed=str(data.get("listed", "")),
                       query=query)


def _plain_titles(query: RelatedQuery) -> dict[str, dict[str, str]]:
    try:
        return {s.nct_id: s.plain_titles for s in bundled_related(query).studies
                if s.plain_titles}
    except (OSError, ValueError, KeyError, RecordError) as exc:
        log.warning("bundled list of other studies unreadable: %s", exc)
        return {}


# The kept list's cap, the same for writing and reading: 500 studies with long Chinese text
# pass 1 MB (the storage module's default cap, which threw such a list away at every read).
MAX_CACHE_BYTES = 16 * 1024 * 1024


def cache_path(nct_id: str) -> Path:
    return cache_dir() / f"related-{nct_id}.json"


def save_cache(found: RelatedList) -> None:
    """Keep a live answer (public data only: no age, nothing a family answered); OSError,
    and the last kept list stays, if it is larger than load_cache reads."""
    assert found.obtained_at is not None
    envelope = {"fetched_at": found.obtained_at.isoformat(),
                "studies": [s.as_dict() for s in found.studies]}
    data = json.dumps(envelope, ensure_ascii=False).encode("utf-8")
    if len(data) > MAX_CACHE_BYTES:
        raise OSError(f"not kept: {len(data)} bytes, more than {MAX_CACHE_BYTES}")
    write_atomic(cache_path(found.query.screened_id), data)


def load_cache(query: RelatedQuery, now: dt.datetime | None = None) -> RelatedList | None:
    """The last live answer, or None; a damaged file (or one dated in the future) is moved
    aside."""
    path = cache_path(query.screened_id)
    data = read_json_object(path, MAX_CACHE_BYTES)
    if data is None:
        return None
    try:
        when = dt.datetime.fromisoformat(str(data.get("fetched_at")))
        if when.tzinfo is None:
            raise ValueError("fetched_at has no time zone")
        if when > (now or dt.datetime.now(dt.UTC)) + dt.timedelta(minutes=5):
            raise ValueError("fetched_at is in the future")
        studies = with_plain_titles(list(_studies(data.get("studies"))), _plain_titles(query))
    except (ValueError, RecordError) as exc:
        move_aside(path, str(exc))
        return None
    return RelatedList(tuple(studies), CACHE, when, query=query)


def stored_related(query: RelatedQuery) -> RelatedList:
    """The newest list without the network: the last live answer, else the bundled one
    (an empty one if that is missing or damaged: never a crash on the result screen)."""
    cached = load_cache(query)
    if cached is not None:
        return cached
    try:
        return bundled_related(query)
    except (OSError, ValueError, KeyError, RecordError) as exc:
        log.warning("bundled list of other studies unreadable: %s", exc)
        return RelatedList((), BUNDLED, query=query)


def live_related(query: RelatedQuery, api_base: str | None = None, **options: Any
                 ) -> RelatedList:
    """Search the registry; on success keep the answer and return it; otherwise the newest
    stored list with the reason. Never raises for network trouble or a bad answer.
    ``options`` go to the client (timeouts, for tests)."""
    from trialfinder.trial.client import DEFAULT_API_BASE, FetchError
    from trialfinder.trial.related_search import SearchClient  # httpx: off the UI thread

    searcher = SearchClient(api_base or DEFAULT_API_BASE, **options)
    try:
        studies = searcher.search(query)
    except FetchError as error:
        return stored_related(query).with_problem(error.reason)
    found = RelatedList(tuple(with_plain_titles(studies, _plain_titles(query))), LIVE,
                        dt.datetime.now(dt.UTC), query=query)
    try:
        save_cache(found)
    except (OSError, ValueError) as exc:  # a full or read-only disk: the answer is still shown
        log.warning("could not keep the list of other studies: %s", exc)
    return found
