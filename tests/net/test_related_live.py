"""The search for other studies against the loopback API server: pages, re-ranking, ages,
studies apart, and every fault the record client survives (it falls back, never crashes)."""

from __future__ import annotations

import datetime as dt
import json
import socket

import pytest

from tests.net.search_server import (
    ADULT_LATER,
    BABIES,
    JDM_CHILDREN,
    NO_AGES,
    SITE_NOT_OPEN,
    SLOW_SECONDS,
)
from trialfinder.screening.screener import load_screener
from trialfinder.trial import related_source
from trialfinder.trial.related_source import live_related, stored_related
from trialfinder.trial.related_text import SITES_NOT_OPEN, section, source_text

QUERY = load_screener().trial.related  # the bundled trial's search, from its screener file


def nct(study: dict) -> str:
    return study["protocolSection"]["identificationModule"]["nctId"]


def search(base: str, **options):
    options = {"read_timeout": SLOW_SECONDS / 4, "connect_timeout": 1.0,
               "sleep": lambda seconds: None, **options}
    return live_related(QUERY, base, **options)


def ids(found, age=None) -> set[str]:
    return {s.nct_id for s in found.for_age(age)}


def test_every_page_is_read_and_each_study_ranked_on_its_own_conditions(api):
    found = search(api.base("search-pages"))
    assert found.source == "live" and not found.problem
    # the lupus-only study, the one that is no cell therapy and the screened study are out
    assert ids(found) == {nct(s) for s in (JDM_CHILDREN, NO_AGES, SITE_NOT_OPEN, ADULT_LATER,
                                           BABIES)}
    tokens = [query.get("pageToken") for _scenario, query in api.searches]
    assert tokens == [None, "page-2", "page-3"]
    first = api.searches[0][1]
    assert first["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING"
    assert "dermatomyositis" in first["query.cond"] and "CAR-T" in first["query.intr"]
    assert first["countTotal"] == "true"
    # the child's age never goes to the network
    assert all("filter.advanced" not in query and "RANGE" not in "".join(query.values())
               for _s, query in api.searches)
    # closest to JDM first: dermatomyositis in the study's own conditions before myositis
    ranked = [s.nct_id for s in found.for_age(None)]
    assert ranked.index(nct(JDM_CHILDREN)) < ranked.index(nct(NO_AGES))


@pytest.mark.parametrize(("age", "expected"), [
    (4, (NO_AGES, BABIES)),  # "4 Years" as a maximum takes a child until the 5th birthday
    (5, (JDM_CHILDREN, NO_AGES)),
    (17.9, (JDM_CHILDREN, NO_AGES, SITE_NOT_OPEN)),
    (25, (NO_AGES, SITE_NOT_OPEN, ADULT_LATER)),
])
def test_each_age_sees_the_studies_that_take_it_and_those_without_limits(api, age, expected):
    found = search(api.base("search-pages"))
    assert ids(found, age) == {nct(s) for s in expected}


def test_a_study_whose_only_site_is_not_recruiting_is_shown_apart(api):
    found = search(api.base("search-pages"))
    words = section(found, 25)
    groups = dict(words.groups)
    later = groups["Not recruiting yet: ask when it will start"]
    titles = [lines[0].text for lines in later]
    assert "CAR-T Cells for Idiopathic Inflammatory Myopathy" in titles
    assert "Chimeric Antigen Receptor T Cells in Adult Myositis" in titles
    site_lines = later[titles.index("CAR-T Cells for Idiopathic Inflammatory Myopathy")]
    assert any(line.text == SITES_NOT_OPEN for line in site_lines)
    assert "Recruiting now" in groups
    assert [lines[0].text for lines in groups["Recruiting now"]] == [
        "CAR-NK Cells in Autoimmune Disease"]


def test_the_study_contact_and_places_are_shown(api):
    found = search(api.base("search-one"))
    lines = [line.text for line in section(found, 9).groups[0][1][0]]
    assert "Contact: Dr. Wang   +86 571 1234 5678   team@example.org" in lines
    assert "Where: Hangzhou (China)." in lines
    assert "Ages: 5 years to 17 years." in lines
    assert "Last updated on ClinicalTrials.gov: November 2, 2026." in lines
    assert lines[-1] == "https://clinicaltrials.gov/study/NCT09000001"


def test_an_empty_reply_replaces_the_bundled_list_and_says_so(api):
    found = search(api.base("search-empty"))
    assert found.source == "live" and found.studies == ()
    words = section(found, 9)
    assert words.groups == []
    assert [line.text for line in words.outro] == [
        "None of the studies in this list takes your child's age (9 years)."]
    assert stored_related(QUERY).source == "cache"  # kept: the next start shows it too


def test_a_bad_query_falls_back_to_the_bundled_list_with_the_reason(api):
    found = search(api.base("search-bad-query"))
    assert found.source == "bundled" and found.problem == "rejected"
    assert api.hits["search-bad-query"] == 1  # a 400 is not retried
    assert "did not accept the request" in source_text(found)
    assert ids(found, 25) == {"NCT07059169", "NCT06154252", "NCT06665256", "NCT06056921"}


@pytest.mark.parametrize(("scenario", "reason", "requests"), [
    ("search-down", "server_error", 3),
    ("search-slow", "timeout", 1),
    ("search-invalid-json", "not_a_record", 1),
    ("search-not-a-reply", "not_a_record", 1),
    ("search-portal", "not_a_record", 1),
    ("search-huge", "too_large", 1),
    ("search-page2-fails", "server_error", 4),
])
def test_faults_fall_back_to_the_stored_list_and_keep_no_bad_answer(api, scenario, reason,
                                                                   requests):
    found = search(api.base(scenario))
    assert (found.source, found.problem) == ("bundled", reason)
    assert api.hits[scenario] == requests
    assert not related_source.cache_path("NCT06686524").exists()


def test_a_server_error_is_retried_then_the_answer_is_used(api):
    found = search(api.base("search-flaky"))
    assert found.source == "live" and len(ids(found)) == 5
    assert api.hits["search-flaky"] == 4  # one 500, then three pages


def test_a_page_token_that_repeats_ends_the_search(api):
    found = search(api.base("search-token-loop"))
    assert found.source == "live" and api.hits["search-token-loop"] == 2


def test_a_damaged_study_is_skipped_and_the_rest_kept(api):
    found = search(api.base("search-damaged-study"))
    assert [s.nct_id for s in found.studies] == [nct(JDM_CHILDREN)]


def test_a_later_failure_shows_the_last_live_answer_with_its_age(api):
    search(api.base("search-one"))
    found = search(api.base("search-down"))
    assert found.source == "cache" and found.problem == "server_error"
    later = found.obtained_at + dt.timedelta(days=3)
    assert source_text(found, now=later) == (
        "ClinicalTrials.gov had a problem answering. Showing the list the app already has. "
        "From a search of ClinicalTrials.gov 3 days ago.")


def test_a_refusing_address_and_a_silent_one_fall_back_to_the_bundled_list(blackhole):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        refused = f"https://127.0.0.1:{probe.getsockname()[1]}/api"
    found = search(refused)
    assert (found.source, found.problem) == ("bundled", "offline")
    silent = search(blackhole, read_timeout=0.3, total_limit=1.0)
    assert (silent.source, silent.problem) == ("bundled", "timeout")


def test_the_cache_holds_public_data_only(api):
    search(api.base("search-pages"))
    kept = json.loads(related_source.cache_path("NCT06686524").read_text("utf-8"))
    assert set(kept) == {"fetched_at", "studies"}
    assert {s["nct_id"] for s in kept["studies"]} >= {nct(JDM_CHILDREN), nct(BABIES)}
