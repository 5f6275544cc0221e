"""The newest good record wins; a bad answer never replaces it, and the user is told why."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.net.conftest import NCT, SCENARIOS
from trialfinder.screening.screener import load_screener
from trialfinder.trial import cache
from trialfinder.trial import client as api_client
from trialfinder.trial.display import record_source_text
from trialfinder.trial.source import live_record, stored_record

SHA = load_screener().criteria_sha256
BAD = ["not_found", "bad_request", "forbidden", "busy_long", "down", "slow", "truncated",
       "invalid_json", "not_a_study", "other_study", "portal", "huge", "huge_chunked",
       "stub"]  # a stub (no title, no criteria, no contacts) replaced a kept record


@pytest.fixture(autouse=True)
def quick_timeouts(monkeypatch):
    monkeypatch.setattr(api_client, "READ_TIMEOUT", 0.5)
    monkeypatch.setattr(api_client, "BACKOFF", (0.05, 0.05))


def test_a_good_answer_is_shown_and_cached(api):
    current = live_record(NCT, SHA, api.base("good"))
    assert current.source == "live" and not current.fetch_problem
    assert current.record.last_update.iso() == "2026-11-20"
    assert record_source_text(current).startswith("Checked with ClinicalTrials.gov just now.")
    cached = cache.load(NCT)
    assert cached is not None and cached.record == current.record
    again = stored_record(NCT, SHA)
    assert again.source == "cache" and again.record == current.record


@pytest.mark.parametrize("scenario", BAD)
def test_a_bad_answer_keeps_the_cached_record_and_says_why(api, scenario):
    live_record(NCT, SHA, api.base("good"))
    before = cache.cache_path(NCT).read_bytes()
    current = live_record(NCT, SHA, api.base(scenario))
    assert current.source == "cache"
    assert current.record.last_update.iso() == "2026-11-20"
    assert current.fetch_problem
    assert "Showing the newest record the app already has." in current.problem_text()
    assert cache.cache_path(NCT).read_bytes() == before


@pytest.mark.parametrize("scenario", ["not_found", "portal", "truncated"])
def test_without_a_cache_the_bundled_record_is_used(api, scenario):
    current = live_record(NCT, SHA, api.base(scenario))
    assert current.source == "bundled"
    assert current.record.last_update.iso() == "2024-11-13"
    assert not cache.cache_path(NCT).exists()


def test_cache_age_is_said_in_words(api):
    live_record(NCT, SHA, api.base("good"))
    current = stored_record(NCT, SHA)
    later = current.obtained_at + dt.timedelta(days=3, hours=2)
    assert record_source_text(current, later).startswith(
        "Last checked with ClinicalTrials.gov 3 days ago.")


@pytest.mark.parametrize("content", [b"{broken", b'{"fetched_at": "x", "study": {}}',
                                     b"[]", b'{"fetched_at": "2026-01-01T00:00:00+00:00"}'])
def test_a_damaged_cache_is_moved_aside_and_ignored(content):
    path = cache.cache_path(NCT)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    current = stored_record(NCT, SHA)
    assert current.source == "bundled"
    assert not path.exists()
    assert path.with_name(path.name + ".broken").read_bytes() == content


def test_an_older_cache_does_not_hide_a_newer_bundled_record(api):
    live_record(NCT, SHA, api.base("good"))
    path = cache.cache_path(NCT)
    data = json.loads(path.read_text("utf-8"))
    data["study"]["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = (
        "2024-01-01")
    path.write_text(json.dumps(data), "utf-8")
    assert stored_record(NCT, SHA).source == "bundled"


def test_scenarios_cover_the_issue():
    needed = {"good", "redirect", "not_found", "bad_request", "forbidden", "busy", "flaky",
              "slow", "truncated", "invalid_json", "not_a_study", "other_study", "portal",
              "huge"}
    assert needed <= set(SCENARIOS)
