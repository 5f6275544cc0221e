"""The httpx client against a real loopback server: every way an answer can go wrong."""

from __future__ import annotations

import ssl

import pytest

from tests.net.conftest import NCT, SLOW_SECONDS
from trialfinder.trial import client as api_client
from trialfinder.trial.client import FetchError, StudyClient, retry_after_seconds, tls12_context

TRUST: dict[str, str] = {}


@pytest.fixture(autouse=True)
def trust_the_test_ca(certificates):
    """The client trusts the test's CA through its explicit parameter."""
    TRUST["cafile"] = str(certificates[0])


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(base: str, **kwargs) -> tuple[StudyClient, Sleeps]:
    sleeps = Sleeps()
    options = {"read_timeout": SLOW_SECONDS / 4, "connect_timeout": 1.0, "sleep": sleeps,
               "cafile": TRUST["cafile"]}
    options.update(kwargs)
    return StudyClient(base, **options), sleeps


def reason_of(base: str, **kwargs) -> tuple[str, str]:
    c, _ = client(base, **kwargs)
    with pytest.raises(FetchError) as caught:
        c.fetch(NCT)
    return caught.value.reason, caught.value.detail


def test_good_record(api):
    fetched = client(api.base("good"))[0].fetch(NCT)
    assert fetched.record.nct_id == NCT
    assert fetched.record.last_update.iso() == "2026-11-20"
    assert api.hits["good"] == 1


def test_follows_a_redirect(api):
    fetched = client(api.base("redirect"))[0].fetch(NCT)
    assert fetched.url.endswith(f"/good/studies/{NCT}")
    assert api.hits["redirect"] == 1 and api.hits["good"] == 1


def test_404_and_400_come_as_plain_text(api):
    assert reason_of(api.base("not_found")) == ("not_found",
                                                "404 Study not found: NCT06686524")
    assert reason_of(api.base("bad_request")) == ("rejected", "400 Bad request: unknown field")


def test_403_retries_once_pinned_to_tls12_then_says_so(api):
    assert reason_of(api.base("forbidden"))[0] == "forbidden"
    assert api.hits["forbidden"] == 2
    assert client(api.base("forbidden_once"))[0].fetch(NCT).record.nct_id == NCT
    assert api.hits["forbidden_once"] == 2


def test_tls12_context_is_pinned_and_verifies():
    context = tls12_context()
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2
    assert context.maximum_version == ssl.TLSVersion.TLSv1_2
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_429_honours_retry_after(api):
    c, sleeps = client(api.base("busy"))
    assert c.fetch(NCT).record.nct_id == NCT
    assert sleeps == [1.0]


def test_429_with_a_long_retry_after_gives_up_without_waiting(api):
    c, sleeps = client(api.base("busy_long"))
    with pytest.raises(FetchError) as caught:
        c.fetch(NCT)
    assert caught.value.reason == "busy"
    assert sleeps == [] and api.hits["busy_long"] == 1


def test_500_then_200_retries_with_backoff(api):
    c, sleeps = client(api.base("flaky"))
    assert c.fetch(NCT).record.nct_id == NCT
    assert sleeps == [api_client.BACKOFF[0]]


def test_retries_are_bounded(api):
    c, sleeps = client(api.base("down"))
    with pytest.raises(FetchError) as caught:
        c.fetch(NCT)
    assert caught.value.reason == "server_error"
    assert api.hits["down"] == api_client.MAX_ATTEMPTS
    assert len(sleeps) == api_client.MAX_ATTEMPTS - 1


def test_total_time_limit_stops_retrying(api):
    c, sleeps = client(api.base("down"), total_limit=0.5)
    with pytest.raises(FetchError):
        c.fetch(NCT)
    assert api.hits["down"] == 1 and sleeps == []


def test_slower_than_the_timeout(api):
    assert reason_of(api.base("slow"))[0] == "timeout"


def test_blackholed_address_times_out(blackhole):
    assert reason_of(blackhole)[0] == "timeout"


def test_refused_connection_is_offline():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    assert reason_of(f"https://127.0.0.1:{port}/api")[0] == "offline"


@pytest.mark.parametrize(("scenario", "reason"), [
    ("truncated", "offline"),
    ("invalid_json", "not_a_record"),
    ("not_a_study", "not_a_record"),
    ("other_study", "other_study"),
    ("stub", "not_a_record"),
    ("portal", "not_a_record"),
    ("huge", "too_large"),
    ("huge_chunked", "too_large"),
])
def test_bad_answers_are_refused(api, scenario, reason):
    assert reason_of(api.base(scenario))[0] == reason


def test_plain_http_is_refused_before_connecting():
    """http:// is refused for every address (the real API's and a test's alike), before any
    connection is made: nothing connects to this listening socket."""
    import select
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        c, _ = client(f"http://127.0.0.1:{listener.getsockname()[1]}/api")
        with pytest.raises(FetchError) as caught:
            c.fetch(NCT)
        assert caught.value.reason == "insecure"
        assert select.select([listener], [], [], 0.3)[0] == []  # no connection came


def test_the_test_certificate_is_trusted_only_when_named(api, monkeypatch):
    """The product's client does not trust the test's certificate authority: only the
    explicit cafile parameter (or the standard SSL_CERT_FILE) makes it do so."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    c = StudyClient(api.base("good"), connect_timeout=2.0, sleep=lambda s: None)
    with pytest.raises(FetchError) as caught:
        c.fetch(NCT)
    # "not secure", not "offline" (which sent a family behind a Wi-Fi login page that
    # intercepts secure connections to check a connection that works)
    assert caught.value.reason == "insecure"
    assert caught.value.detail.startswith("certificate: ")
    assert api.hits["good"] == 0
    assert client(api.base("good"))[0].fetch(NCT).url.startswith("https://127.0.0.1:")


@pytest.mark.parametrize(("value", "seconds"), [
    ("5", 5.0), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_parsing(value, seconds):
    assert retry_after_seconds(value) == seconds


def test_retry_after_date_in_the_future():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0


class NeverAnswers:
    """A name lookup (DNS) that never answers, as with a resolver gone silent: it waits until
    the test lets it go."""

    def __init__(self) -> None:
        import threading

        self.let_go = threading.Event()
        self.asked: list[str] = []

    def __call__(self, host: str, port: int, **options) -> list:
        self.asked.append(host)
        self.let_go.wait(60)
        return []


def test_a_name_lookup_that_never_answers_is_offline_at_the_connect_timeout(api):
    import time

    lookup = NeverAnswers()
    fetcher = api_client.Fetcher(connect_timeout=0.3, total_limit=20, cafile=TRUST["cafile"],
                                 resolve=lookup)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError) as caught:
            fetcher.get(f"{api.base('good')}/studies/{NCT}")
        waited = time.monotonic() - started
    finally:
        lookup.let_go.set()
    assert caught.value.reason == "offline"
    assert "no answer to the name lookup of 127.0.0.1" in caught.value.detail
    assert lookup.asked == ["127.0.0.1"]
    assert waited < 15  # not the resolver's own minute (the limit here is 0.3 s)
    assert api.hits["good"] == 0  # nothing was asked of the server


def test_a_name_that_is_not_found_is_offline_and_says_so(api):
    import socket

    def no_such_name(host: str, port: int, **options) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    fetcher = api_client.Fetcher(connect_timeout=1.0, cafile=TRUST["cafile"],
                                 resolve=no_such_name)
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"{api.base('good')}/studies/{NCT}")
    assert caught.value.reason == "offline"
    assert "Name or service not known" in caught.value.detail


def test_the_system_name_lookup_is_asked_first_then_the_server(api):
    import socket

    asked: list[tuple[str, int]] = []

    def system(host: str, port: int, **options) -> list:
        asked.append((host, port))
        return socket.getaddrinfo(host, port, **options)

    fetcher = api_client.Fetcher(connect_timeout=1.0, cafile=TRUST["cafile"], resolve=system)
    got = fetcher.get(f"{api.base('good')}/studies/{NCT}")
    assert got.body.startswith(b"{")
    assert asked == [("127.0.0.1", api.port)]

