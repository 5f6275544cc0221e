"""Fetching from the ClinicalTrials.gov API v2 (httpx, no Qt).

The only network requests the app makes. Careful by design:

- HTTPS only, always; redirects are followed only within the address asked for (the API
  redirects aliased NCT IDs), never to another host, port or scheme.
- A total time limit for the whole fetch, retries and waits included, that also holds while
  a server drips its answer byte by byte: at the deadline the connection is shut. The name
  lookup (DNS), which the system does with no time limit of its own, is done first in a
  helper thread and given the connect timeout: a resolver that never answers means offline.
- A cap on the size of the answer *after* decoding: the body is read raw and each
  Content-Encoding layer (gzip or deflate only) is inflated with the cap, so a small
  compressed "bomb" cannot grow in memory.
- A bounded retry with backoff for 5xx and 429 (Retry-After honoured) within the limit; on
  403 one retry with a TLS 1.2-only connection (the API has been reported to refuse some
  default TLS handshakes).
- The study record must parse and be the study asked for before anything uses it.

``fetch_bytes(url)`` (or ``Fetcher(...).get(url)``, which also gives the final address) is the
reusable part: bytes from one API address, with all of the above; ``StudyClient.fetch`` adds
the study record's checks.
"""

from __future__ import annotations

import contextlib
import email.utils
import os
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
MAX_ERROR_BODY = 2000
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Content-Encoding layers we undo ourselves, each capped; anything else is refused.
ENCODINGS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16,
             "deflate": zlib.MAX_WBITS | 32}
MAX_ENCODING_LAYERS = 2


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


@dataclass(frozen=True)
class Got:
    """An answer's decoded body (at most the cap) and the address it finally came from."""

    body: bytes
    url: str


def verifying_context(cafile: str | None = None, tls12_only: bool = False) -> ssl.SSLContext:
    """A verifying client context. The certificate authorities are httpx's (SSL_CERT_FILE or
    SSL_CERT_DIR when set, else certifi's); ``cafile`` replaces them (tests only)."""
    if cafile:
        context = ssl.create_default_context(cafile=cafile)
    elif os.environ.get("SSL_CERT_FILE"):
        context = ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    elif os.environ.get("SSL_CERT_DIR"):
        context = ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    else:
        import certifi

        context = ssl.create_default_context(cafile=certifi.where())
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if tls12_only:
        context.maximum_version = ssl.TLSVersion.TLSv1_2
    return context


def tls12_context(cafile: str | None = None) -> ssl.SSLContext:
    """A verifying client context pinned to TLS 1.2."""
    return verifying_context(cafile, tls12_only=True)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) if len(value) < 10 else float("inf")
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


class _Deadline:
    """Shuts the connection's socket at the deadline, so that no read (headers or body, a
    byte at a time) outlives it. The sockets come from httpx's public ``trace`` extension."""

    def __init__(self, deadline: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        stream = info.get("return_value")
        if not event.endswith(".complete") or not hasattr(stream, "get_extra_info"):
            return
        sock = stream.get_extra_info("socket")
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)


def look_up(host: str, port: int, timeout: float,
            resolve: Callable[..., Any] = socket.getaddrinfo) -> None:
    """Look ``host`` up, waiting at most ``timeout`` seconds, or raise FetchError (OFFLINE).

    The system's resolver has no time limit of its own (a DNS server that never answers can
    hold a lookup for half a minute or more), and httpx's connect timeout does not cover it.
    So the lookup runs in a daemon thread, which is left behind if it has not answered in
    time. A name that was just found is, in practice, found again at once when httpx
    connects."""
    done = threading.Event()
    failed: list[BaseException] = []

    def work() -> None:
        try:
            resolve(host, port, type=socket.SOCK_STREAM)
        except BaseException as exc:  # reported in the caller's thread
            failed.append(exc)
        finally:
            done.set()

    threading.Thread(target=work, name="trialfinder-name-lookup", daemon=True).start()
    if not done.wait(max(0.0, timeout)):
        raise FetchError(OFFLINE, f"no answer to the name lookup of {host[:100]} in "
                                  f"{timeout:.1f} s")
    if failed:
        raise FetchError(OFFLINE, f"{type(failed[0]).__name__}: {str(failed[0])[:200]}")


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # the plain socket's shutdown, also for TLS:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # it wakes a blocked read


class Fetcher:
    """GETs from one API address with every limit above; see ``get``."""

    def __init__(self, *, connect_timeout: float | None = None,
                 read_timeout: float | None = None, total_limit: float | None = None,
                 max_bytes: int = MAX_RECORD_BYTES, cafile: str | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 resolve: Callable[..., Any] = socket.getaddrinfo) -> None:
        self.timeout = httpx.Timeout(read_timeout or READ_TIMEOUT,
                                     connect=connect_timeout or CONNECT_TIMEOUT)
        self.total_limit = total_limit or TOTAL_TIME_LIMIT
        self.max_bytes = max_bytes
        self.cafile = cafile  # trust this certificate authority instead (tests only)
        self.sleep = sleep
        self.resolve = resolve  # the system's name lookup (tests: one that never answers)

    def get(self, url: str, accept: str = "application/json") -> Got:
        """The decoded body (at most max_bytes) of a 200 answer from an https address, or
        FetchError with a reason. Never takes longer than total_limit (plus, at worst, one
        connect timeout for a TLS handshake under way)."""
        address = httpx.URL(url)
        if address.scheme != "https":
            raise FetchError(INSECURE, url)
        deadline = time.monotonic() + self.total_limit
        look_up(address.host, address.port or 443,
                min(self.timeout.connect or CONNECT_TIMEOUT, self.total_limit), self.resolve)
        try:
            return self._with_retries(url, accept, deadline, verifying_context(self.cafile))
        except FetchError as error:
            if error.reason != FORBIDDEN or time.monotonic() >= deadline:
                raise
        # One more try, pinned to TLS 1.2; if the API still refuses, say so plainly.
        return self._with_retries(url, accept, deadline, tls12_context(self.cafile), attempts=1)

    def _client(self, verify: ssl.SSLContext, origin: tuple[str, str, int | None]
                ) -> httpx.Client:
        def same_place_only(request: httpx.Request) -> None:
            if request.url.scheme != "https":
                raise FetchError(INSECURE, str(request.url)[:200])
            if _origin(request.url) != origin:
                raise FetchError(REJECTED, f"redirect to {str(request.url)[:200]}")

        # Redirects are followed by _request, never by httpx: httpx reads a redirect's whole
        # body (decompressed, with no cap) before it moves on, so an endless or bombed 3xx
        # body would take all the memory there is.
        return httpx.Client(
            timeout=self.timeout, follow_redirects=False,
            verify=verify,
            headers={"User-Agent": f"TrialFinder/{__version__}",
                     "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_keepalive_connections=0),  # a fresh, watched connection
            event_hooks={"request": [same_place_only]},
        )

    def _with_retries(self, url: str, accept: str, deadline: float, verify: ssl.SSLContext,
                      attempts: int = MAX_ATTEMPTS) -> Got:
        last: FetchError | None = None
        origin = _origin(httpx.URL(url))
        with self._client(verify, origin) as client:
            for attempt in range(attempts):
                if time.monotonic() >= deadline:
                    raise last or FetchError(TIMEOUT, "total time limit")
                try:
                    return self._once(client, url, accept, deadline)
                except _Retry as retry:
                    last = FetchError(retry.reason, retry.detail)
                    wait = retry.wait if retry.wait is not None else BACKOFF[
                        min(attempt, len(BACKOFF) - 1)]
                    if attempt + 1 >= attempts or time.monotonic() + wait > deadline:
                        break
                    self.sleep(wait)
        assert last is not None
        raise last

    def _once(self, client: httpx.Client, url: str, accept: str, deadline: float) -> Got:
        with _Deadline(deadline) as watch:
            try:
                return self._request(client, url, accept, deadline, watch)
            except (FetchError, _Retry):
                raise
            except httpx.TimeoutException as exc:
                raise FetchError(TIMEOUT, type(exc).__name__) from exc
            except (httpx.HTTPError, httpx.InvalidURL, ValueError, OSError) as exc:
                if watch.fired or time.monotonic() >= deadline:
                    raise FetchError(TIMEOUT, "total time limit") from exc
                refused = certificate_refused(exc)
                if refused is not None:  # connected, but not to whom it claimed to be
                    raise FetchError(INSECURE, f"certificate: {refused}"[:200]) from exc
                raise FetchError(OFFLINE, f"{type(exc).__name__}: {str(exc)[:200]}") from exc

    def _request(self, client: httpx.Client, url: str, accept: str, deadline: float,
                 watch: _Deadline) -> Got:
        """One answer, following at most MAX_REDIRECTS redirects within the API's origin
        (each next address is checked by the client's same_place_only hook before it is
        asked); a redirect's body is never read."""
        for _hop in range(MAX_REDIRECTS + 1):
            with client.stream("GET", url, headers={"Accept": accept},
                               extensions={"trace": watch.trace}) as response:
                if response.status_code not in REDIRECTS:
                    return self._answer(response, deadline)
                location = response.headers.get("Location", "").strip()
                if not location:
                    raise FetchError(REJECTED, f"{response.status_code} with no Location")
                url = str(response.url.join(location))
        raise FetchError(REJECTED, "too many redirects")

    def _answer(self, response: httpx.Response, deadline: float) -> Got:
        """The body of a final (not a redirect) answer, or FetchError / _Retry."""
        status = response.status_code
        if status == 429:
            raise _Retry(BUSY, "429", retry_after_seconds(response.headers.get("Retry-After")))
        if status >= 500:
            raise _Retry(SERVER_ERROR, str(status),
                         retry_after_seconds(response.headers.get("Retry-After")))
        if status != 200:
            body = _body(response, MAX_ERROR_BODY, deadline, partial=True)
            text = body.decode("utf-8", "replace").strip()
            reason = {404: NOT_FOUND, 400: REJECTED, 403: FORBIDDEN}.get(status, REJECTED)
            raise FetchError(reason, f"{status} {text.splitlines()[0][:200]}"
                             if text else str(status))
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and (len(declared) > 15 or int(declared) > self.max_bytes):
            raise FetchError(TOO_LARGE, declared[:20])
        return Got(_body(response, self.max_bytes, deadline), str(response.url))


def certificate_refused(exc: BaseException) -> str | None:
    """Why the server's certificate was refused, if that is what ``exc`` (or what it wraps:
    httpx puts it in a ConnectError) comes from; else None. A network that intercepts
    secure connections (a Wi-Fi login page) is then "not secure", not "offline"."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause.verify_message or str(cause)
        cause = cause.__cause__ or cause.__context__
    return None


class _Retry(Exception):
    def __init__(self, reason: str, detail: str, wait: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.wait = wait


def _body(response: httpx.Response, limit: int, deadline: float, partial: bool = False
          ) -> bytes:
    """The body, read raw and decoded layer by layer, never more than ``limit`` bytes at any
    stage. Too large: FetchError(TOO_LARGE), or (partial=True, for an error's text) the start."""
    codings = [c.strip().lower() for c in response.headers.get("Content-Encoding", "").split(",")
               if c.strip() and c.strip().lower() != "identity"]
    if len(codings) > MAX_ENCODING_LAYERS or any(c not in ENCODINGS for c in codings):
        if partial:
            return b""
        raise FetchError(NOT_A_RECORD, "content encoding " + ",".join(codings)[:100])
    raw = bytearray()
    for chunk in response.iter_raw():
        raw += chunk
        if len(raw) > limit:
            if partial:
                break
            raise FetchError(TOO_LARGE, str(limit))
        if time.monotonic() > deadline:
            raise FetchError(TIMEOUT, "total time limit")
    data = bytes(raw[:limit]) if partial else bytes(raw)
    for coding in reversed(codings):
        data = _inflate(data, ENCODINGS[coding], limit, partial)
    return data


def _inflate(data: bytes, wbits: int, limit: int, partial: bool) -> bytes:
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(wbits)
        try:
            out += inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            if partial:
                return bytes(out)
            raise FetchError(NOT_A_RECORD, f"damaged {exc}"[:200]) from exc
        if len(out) > limit or inflater.unconsumed_tail:
            if partial:
                return bytes(out[:limit])
            raise FetchError(TOO_LARGE, str(limit))
        if not inflater.eof:
            if partial:
                return bytes(out)
            raise FetchError(NOT_A_RECORD, "compressed answer cut short")
        data = inflater.unused_data  # another gzip member follows
    return bytes(out)


def fetch_bytes(url: str, *, max_bytes: int = MAX_RECORD_BYTES, total_limit: float | None = None,
                accept: str = "application/json", cafile: str | None = None) -> bytes:
    """The decoded body of one https GET with every limit above, or FetchError (reusable for
    any ClinicalTrials.gov API address, e.g. a search URL with its query)."""
    return Fetcher(max_bytes=max_bytes, total_limit=total_limit, cafile=cafile).get(
        url, accept).body


class StudyClient:
    """Fetches one study record from ``api_base`` (https only; another address than the
    default is for tests, with ``cafile`` naming the test's certificate authority)."""

    def __init__(self, api_base: str = DEFAULT_API_BASE, *,
                 connect_timeout: float | None = None, read_timeout: float | None = None,
                 total_limit: float | None = None, max_bytes: int = MAX_RECORD_BYTES,
                 cafile: str | None = None, sleep: Callable[[float], None] = time.sleep
                 ) -> None:
        self.api_base = api_base.rstrip("/")
        self.fetcher = Fetcher(connect_timeout=connect_timeout, read_timeout=read_timeout,
                               total_limit=total_limit, max_bytes=max_bytes, cafile=cafile,
                               sleep=sleep)

    def fetch(self, nct_id: str) -> Fetched:
        """The study record, checked; or FetchError with a reason."""
        got = self.fetcher.get(f"{self.api_base}/studies/{nct_id}")
        try:
            record = parse_study_bytes(got.body)
        except RecordError as exc:
            raise FetchError(NOT_A_RECORD, str(exc)[:300]) from exc
        if record.nct_id != nct_id:
            raise FetchError(OTHER_STUDY, record.nct_id)
        missing = [name for name, value in (("title", record.brief_title),
                                            ("eligibility criteria", record.eligibility_criteria))
                   if not value.strip()]
        if missing:  # every registered study has both: a stub must not replace a kept record
            raise FetchError(NOT_A_RECORD, "no " + " and no ".join(missing))
        return Fetched(record, got.body, got.url)
