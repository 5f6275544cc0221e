"""Hostile answers from a loopback HTTPS server: compression bombs, a server that drips its
answer a byte a second, redirects elsewhere. Bombs run the CLI under a memory limit, and
every test has its own time limit."""

from __future__ import annotations

import json
import threading
import time

import pytest

from tests.limits import run_limited
from tests.net.conftest import NCT
from trialfinder.trial.client import FetchError, StudyClient
from trialfinder.trial.parser import MAX_RECORD_BYTES


def fetch_within(client: StudyClient, seconds: float) -> tuple[object, float]:
    """client.fetch(NCT) in a thread; the test fails if it is still running after seconds."""
    outcome: list[object] = []

    def work() -> None:
        try:
            outcome.append(client.fetch(NCT))
        except FetchError as error:
            outcome.append(error)

    started = time.monotonic()
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the fetch was still running after {seconds} s"
    return outcome[0], time.monotonic() - started


def test_a_stacked_gzip_bomb_is_capped_after_decoding(api):
    """1.5 GB of zeros in two gzip layers (a few KB sent): `status` stays within 1 GB of
    address space and says the answer was too large, for a 200 and a 404 alike."""
    for scenario in ("bomb", "bomb_404"):
        result = run_limited("status", "--api-base", api.base(scenario), "--format", "json",
                             timeout=90)
        assert result.returncode == 0, result.stderr[-2000:]
        out = json.loads(result.stdout)
        assert out["source"] == "bundled"
        print(f"{scenario}: peak {result.peak_rss_mb:.0f} MB, {result.seconds:.1f} s")
    assert "far too large" in out["warnings"][-1] or "not find this study" in out["warnings"][-1]


@pytest.mark.parametrize("scenario", ["gzip_good", "deflate"])
def test_compressed_records_are_still_read(api, certificates, scenario):
    fetched, _ = fetch_within(StudyClient(api.base(scenario)), 20)
    assert not isinstance(fetched, FetchError), fetched
    assert fetched.record.nct_id == NCT and len(fetched.raw) < MAX_RECORD_BYTES


def test_an_encoding_it_did_not_ask_for_is_refused(api, certificates):
    error, _ = fetch_within(StudyClient(api.base("brotli")), 20)
    assert isinstance(error, FetchError) and error.reason == "not_a_record"


@pytest.mark.parametrize("scenario", ["drip_headers", "drip_body"])
def test_a_dripping_server_is_cut_off_at_the_total_limit(api, certificates, scenario):
    """One byte a second keeps every read under the read timeout; the total limit holds."""
    client = StudyClient(api.base(scenario), total_limit=2.5,
                         read_timeout=5.0, sleep=lambda s: None)
    error, seconds = fetch_within(client, 15)
    assert isinstance(error, FetchError) and error.reason == "timeout", error
    assert seconds < 2.5 + 1.0
    print(f"{scenario}: ended after {seconds:.2f} s (limit 2.5 s)")


@pytest.mark.parametrize("scenario", ["redirect_away", "redirect_other_port"])
def test_a_redirect_to_another_host_or_port_is_not_followed(api, certificates, scenario):
    from trialfinder.trial import cache
    from trialfinder.trial.source import live_record

    error, _ = fetch_within(StudyClient(api.base(scenario)), 20)
    assert isinstance(error, FetchError) and error.reason == "rejected"
    assert "redirect" in error.detail
    assert api.hits["good"] == 0 and api.other.hits["good"] == 0
    current = live_record(NCT, "", api.base(scenario))  # SSL_CERT_FILE: the test's CA
    assert current.source == "bundled" and current.fetch_problem == "rejected"
    assert not cache.cache_path(NCT).exists()


def test_a_redirect_within_the_api_is_still_followed(api, certificates):
    fetched, _ = fetch_within(StudyClient(api.base("redirect")), 20)
    assert not isinstance(fetched, FetchError)
    assert fetched.url == api.base("good") + f"/studies/{NCT}"


def test_a_5000_digit_number_in_a_live_record_is_refused(api):
    result = run_limited("status", "--api-base", api.base("huge_int"), "--format", "json",
                         timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout)
    assert out["source"] == "bundled" and "did not look like a trial record" in out[
        "warnings"][-1]


def test_a_lone_surrogate_in_a_live_record_is_shown_and_cached(api):
    from trialfinder.trial import cache

    for fmt in ("json", "text"):
        result = run_limited("status", "--api-base", api.base("surrogate"), "--format", fmt,
                             timeout=60)
        assert result.returncode == 0, result.stderr[-2000:]
        assert "A \ufffd title" in result.stdout
    assert cache.load(NCT).record.brief_title == "A \ufffd title"
    result = run_limited("status", "--offline", "--format", "json", timeout=60)
    assert json.loads(result.stdout)["source"] == "cache"


def test_fetch_bytes_is_the_reusable_capped_get(api):
    from trialfinder.trial.client import fetch_bytes

    assert json.loads(fetch_bytes(api.base("gzip_good") + f"/studies/{NCT}"))[
        "protocolSection"]["identificationModule"]["nctId"] == NCT
    with pytest.raises(FetchError) as caught:
        fetch_bytes(api.base("bomb") + f"/studies/{NCT}", max_bytes=4096)
    assert caught.value.reason == "too_large"


@pytest.mark.parametrize("scenario", ["redirect_bomb", "redirect_endless"])
def test_a_redirects_body_is_never_read(api, certificates, scenario):
    """httpx read a redirect's whole body, decompressed, before moving on: an endless or
    bombed 3xx body took gigabytes. The redirect is followed without its body."""
    result = run_limited("status", "--api-base", api.base(scenario), "--format", "json",
                         timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout)
    assert out["source"] == "live", out  # the record it was sent on to
    print(f"{scenario}: peak {result.peak_rss_mb:.0f} MB, {result.seconds:.1f} s")
    assert result.peak_rss_mb < 300


def test_a_redirect_loop_ends(api, certificates):
    error, _seconds = fetch_within(StudyClient(api.base("redirect_loop")), 20)
    assert isinstance(error, FetchError) and error.reason == "rejected", error
    assert "too many redirects" in error.detail
    assert api.hits["redirect_loop"] == 6  # the first ask and 5 redirects followed
