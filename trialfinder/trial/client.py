"""Fetching the public trial record from the ClinicalTrials.gov API v2 (httpx, no Qt).

The only network request the app makes. Careful by design: connect and read timeouts; a
bounded retry with backoff for 5xx and 429 (Retry-After honoured) within a total time limit;
redirects followed (the API redirects aliased NCT IDs) but HTTPS only; a cap on the response
size; 400 and 404 carry text/plain bodies; on 403 one retry with a TLS 1.2-only connection
(the API has been reported to refuse some default TLS handshakes); and the record must parse
and be the study asked for before anything uses it.
"""

from __future__ import annotations

import email.utils
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from trialfinder import __version__
from trialfinder.trial.model import TrialRecord
from trialfinder.trial.parser import MAX_RECORD_BYTES, RecordError, parse_study_bytes

DEFAULT_API_BASE = "https://clinicaltrials.gov/api/v2"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
TOTAL_TIME_LIMIT = 30.0
MAX_ATTEMPTS = 3
BACKOFF = (1.0, 3.0)


class FetchError(Exception):
    """The record could not be fetched or was not usable; ``reason`` is a key for the UI."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# Reasons, each with plain words in trialfinder.trial.source.FETCH_PROBLEMS.
OFFLINE = "offline"
TIMEOUT = "timeout"
NOT_FOUND = "not_found"
REJECTED = "rejected"
FORBIDDEN = "forbidden"
BUSY = "busy"
SERVER_ERROR = "server_error"
TOO_LARGE = "too_large"
NOT_A_RECORD = "not_a_record"
OTHER_STUDY = "other_study"
INSECURE = "insecure"


@dataclass(frozen=True)
class Fetched:
    record: TrialRecord
    raw: bytes
    url: str


def tls12_context() -> ssl.SSLContext:
    """A verifying client context pinned to TLS 1.2."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    return context


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class StudyClient:
    """Fetches one study record. ``api_base`` other than the default is for tests only, and
    only then may it be plain http (a loopback test server)."""

    def __init__(self, api_base: str = DEFAULT_API_BASE, *,
                 connect_timeout: float | None = None, read_timeout: float | None = None,
                 total_limit: float | None = None, max_bytes: int = MAX_RECORD_BYTES,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.api_base = api_base.rstrip("/")
        self.allow_http = api_base != DEFAULT_API_BASE
        self.timeout = httpx.Timeout(read_timeout or READ_TIMEOUT,
                                     connect=connect_timeout or CONNECT_TIMEOUT)
        self.total_limit = total_limit or TOTAL_TIME_LIMIT
        self.max_bytes = max_bytes
        self.sleep = sleep

    def _client(self, verify: ssl.SSLContext | bool = True) -> httpx.Client:
        def https_only(request: httpx.Request) -> None:
            if request.url.scheme != "https" and not self.allow_http:
                raise FetchError(INSECURE, str(request.url))

        return httpx.Client(
            timeout=self.timeout, follow_redirects=True, max_redirects=5, verify=verify,
            headers={"Accept": "application/json",
                     "User-Agent": f"TrialFinder/{__version__}"},
            event_hooks={"request": [https_only]},
        )

    def fetch(self, nct_id: str) -> Fetched:
        """The study record, checked; or FetchError with a reason."""
        url = f"{self.api_base}/studies/{nct_id}"
        deadline = time.monotonic() + self.total_limit
        try:
            return self._fetch_with_retries(url, nct_id, deadline, verify=True)
        except FetchError as error:
            if error.reason != FORBIDDEN:
                raise
        # One more try, pinned to TLS 1.2; if the API still refuses, say so plainly.
        return self._fetch_with_retries(url, nct_id, deadline, verify=tls12_context(),
                                        attempts=1)

    def _fetch_with_retries(self, url: str, nct_id: str, deadline: float,
                            verify: ssl.SSLContext | bool, attempts: int = MAX_ATTEMPTS
                            ) -> Fetched:
        last: FetchError | None = None
        with self._client(verify) as client:
            for attempt in range(attempts):
                try:
                    return self._fetch_once(client, url, nct_id)
                except _Retry as retry:
                    last = FetchError(retry.reason, retry.detail)
                    wait = retry.wait if retry.wait is not None else BACKOFF[
                        min(attempt, len(BACKOFF) - 1)]
                    if attempt + 1 >= attempts or time.monotonic() + wait > deadline:
                        break
                    self.sleep(wait)
        assert last is not None
        raise last

    def _fetch_once(self, client: httpx.Client, url: str, nct_id: str) -> Fetched:
        try:
            with client.stream("GET", url) as response:
                status = response.status_code
                if status == 429:
                    raise _Retry(BUSY, "429",
                                 retry_after_seconds(response.headers.get("Retry-After")))
                if status >= 500:
                    raise _Retry(SERVER_ERROR, str(status),
                                 retry_after_seconds(response.headers.get("Retry-After")))
                if status in (400, 404, 403) or status >= 300:
                    body = _read_capped(response, 2000).decode("utf-8", "replace")
                    reason = {404: NOT_FOUND, 400: REJECTED, 403: FORBIDDEN}.get(
                        status, REJECTED)
                    raise FetchError(reason, f"{status} {body.strip().splitlines()[0][:200]}"
                                     if body.strip() else str(status))
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(TOO_LARGE, declared)
                raw = _read_capped(response, self.max_bytes)
                final_url = str(response.url)
        except FetchError:
            raise
        except _Retry:
            raise
        except httpx.TimeoutException as exc:
            raise FetchError(TIMEOUT, type(exc).__name__) from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(REJECTED, "too many redirects") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchError(OFFLINE, f"{type(exc).__name__}: {exc}") from exc
        except _TooLarge as exc:
            raise FetchError(TOO_LARGE, str(self.max_bytes)) from exc
        return self.accept(raw, final_url, nct_id)

    def accept(self, raw: bytes, final_url: str, nct_id: str) -> Fetched:
        """Check the answer before anything uses it (a subclass checks other kinds)."""
        try:
            record = parse_study_bytes(raw)
        except RecordError as exc:
            raise FetchError(NOT_A_RECORD, str(exc)) from exc
        if record.nct_id != nct_id:
            raise FetchError(OTHER_STUDY, record.nct_id)
        return Fetched(record, raw, final_url)


class _Retry(Exception):
    def __init__(self, reason: str, detail: str, wait: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.wait = wait


class _TooLarge(Exception):
    pass


def _read_capped(response: httpx.Response, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            if limit <= 2000:  # an error body: the start is enough
                chunks.append(chunk[: max(0, limit - (size - len(chunk)))])
                break
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)
