"""A real HTTPS server on 127.0.0.1 that plays the ClinicalTrials.gov API, scenario by scenario.

The base URL is https://127.0.0.1:PORT/SCENARIO, so the client asks for
/SCENARIO/studies/NCT06686524 and the server answers as that scenario says. Its certificate
is made for the test session by the openssl command (a throw-away certificate authority and
a server certificate for 127.0.0.1 and localhost). In-process clients trust that authority
through their explicit ``cafile`` parameter; the `api` fixture also sets SSL_CERT_FILE (the
standard OpenSSL/httpx variable) for what runs as a subprocess or in the GUI's worker.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import json
import socket
import ssl
import subprocess
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gui.conftest import window  # noqa: F401 - the same window fixture as the GUI tests
from tests.net.search_server import answer_search

NCT = "NCT06686524"
BUNDLED = json.loads((ROOT / "resources" / "records" / f"{NCT}.json").read_text("utf-8"))


def record(change: Callable[[dict], None] | None = None) -> bytes:
    data = copy.deepcopy(BUNDLED)
    data["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-11-20"
    if change:
        change(data)
    return json.dumps(data).encode("utf-8")


def completed(d: dict) -> None:
    d["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    d["protocolSection"]["contactsLocationsModule"]["locations"][0]["status"] = "COMPLETED"


def site_closed(d: dict) -> None:
    d["protocolSection"]["contactsLocationsModule"]["locations"][0]["status"] = (
        "NOT_YET_RECRUITING")


def new_phone(d: dict) -> None:
    d["protocolSection"]["contactsLocationsModule"]["centralContacts"][0]["phone"] = (
        "+86 571 0000 1111")
    d["protocolSection"]["contactsLocationsModule"]["locations"][0]["contacts"][0]["phone"] = (
        "+86 571 0000 1111")


def new_criteria(d: dict) -> None:
    d["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] += (
        "\n* (13) Weight at least 15 kg.")


def html_facility(d: dict) -> None:
    d["protocolSection"]["contactsLocationsModule"]["locations"][0]["facility"] = (
        "<b>Bold</b> <a href='http://example.invalid'>link</a> &amp; hospital")


def other_study(d: dict) -> None:
    d["protocolSection"]["identificationModule"]["nctId"] = "NCT00000001"


# scenario -> list of answers, one per request (the last repeats): (status, headers, body)
Answer = tuple[int, dict[str, str], bytes]
TEXT = {"Content-Type": "text/plain"}
JSON = {"Content-Type": "application/json"}
SCENARIOS: dict[str, list[Answer | str]] = {
    "good": [(200, JSON, record())],
    "completed": [(200, JSON, record(completed))],
    "site_closed": [(200, JSON, record(site_closed))],
    "new_phone": [(200, JSON, record(new_phone))],
    "new_criteria": [(200, JSON, record(new_criteria))],
    "html_facility": [(200, JSON, record(html_facility))],
    "redirect": ["redirect"],
    "not_found": [(404, TEXT, b"Study not found: NCT06686524\n")],
    "bad_request": [(400, TEXT, b"Bad request: unknown field\n")],
    "forbidden": [(403, TEXT, b"Forbidden")],
    "forbidden_once": [(403, TEXT, b"Forbidden"), (200, JSON, record())],
    "busy": [(429, {**TEXT, "Retry-After": "1"}, b"slow down"), (200, JSON, record())],
    "busy_long": [(429, {**TEXT, "Retry-After": "3600"}, b"come back in an hour")],
    "flaky": [(500, TEXT, b"oops"), (200, JSON, record())],
    "down": [(503, TEXT, b"down")],
    "slow": ["slow"],
    "truncated": ["truncated"],
    "invalid_json": [(200, JSON, b'{"protocolSection": {"identificationModule": ')],
    "not_a_study": [(200, JSON, b'{"studies": [], "nextPageToken": null}')],
    "other_study": [(200, JSON, record(other_study))],
    "stub": [(200, JSON, json.dumps({"protocolSection": {
        "identificationModule": {"nctId": NCT},
        "statusModule": {"overallStatus": "RECRUITING",
                         "lastUpdatePostDateStruct": {"date": "2026-11-21"}}}}).encode())],
    "portal": [(200, {"Content-Type": "text/html"},
                b"<html><body><h1>Welcome to Hospital Wi-Fi</h1>Please log in.</body></html>")],
    "huge": ["huge"],
    "huge_chunked": ["huge_chunked"],
}
SLOW_SECONDS = 2.0
# A record inflated past every cap by two stacked gzip layers: a few KB on the wire.
BOMB_BYTES = 1536 * 1024 * 1024
for name in ("bomb", "bomb_404", "drip_headers", "drip_body", "redirect_away",
             "redirect_other_port", "deflate", "gzip_good", "brotli", "surrogate",
             "redirect_bomb", "redirect_endless", "redirect_loop"):
    SCENARIOS[name] = [name]
SCENARIOS["surrogate"] = [(200, JSON, record(lambda d: d["protocolSection"][
    "identificationModule"].update(briefTitle="A \ud800 title")))]
SCENARIOS["huge_int"] = [(200, JSON, record().replace(b'"count": ', b'"count": ' + b"9" * 5000
                                                       + b', "x": ', 1))]
SCENARIOS["huge_name"] = [(200, JSON, record(lambda d: d["protocolSection"][
    "contactsLocationsModule"]["centralContacts"][0].update(name="N" * 2300)))]
SCENARIOS["many_contacts"] = [(200, JSON, record(lambda d: d["protocolSection"][
    "contactsLocationsModule"]["locations"][0].update(
        contacts=[{"name": f"Person {i}", "phone": "+86 571 0000 1111"} for i in range(5000)])))]


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throw-away CA, and a server certificate it signed for 127.0.0.1 and localhost."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True,
                       timeout=60)

    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=TrialFinder test CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
    (folder / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext")
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    return make_certificates(tmp_path_factory.mktemp("tls"))


_BOMB: dict[str, bytes] = {}


def gzip_bomb() -> bytes:
    """{ and BOMB_BYTES zeros, gzipped, gzipped again (made once per session, ~3 s)."""
    if "bomb" not in _BOMB:
        inner = zlib.compressobj(1, zlib.DEFLATED, 31)
        parts = [inner.compress(b"{")]
        zeros = b"\0" * (1 << 24)
        parts += [inner.compress(zeros) for _ in range(BOMB_BYTES >> 24)]
        parts.append(inner.flush())
        _BOMB["bomb"] = gzip.compress(b"".join(parts), 9)
    return _BOMB["bomb"]


class ApiServer:
    def __init__(self, certificates: tuple[Path, Path, Path]) -> None:
        self.hits: dict[str, int] = defaultdict(int)
        self.cafile = str(certificates[0])
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(certificates[1]), str(certificates[2]))
        self.other: ApiServer | None = None  # a second server, for redirects elsewhere
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                self.request.settimeout(30)
                self.request.do_handshake()  # in this thread: a silent client stalls no one
                super().setup()

            def log_message(self, *args: object) -> None:
                pass

            def _drip(self, data: bytes) -> None:
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(1.0)

            def _encoded(self, status: int, coding: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Encoding", coding)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                scenario, _, rest = self.path.strip("/").partition("/")
                if answer_search(self, server, scenario, rest):  # tests/net/search_server.py
                    return
                if rest != f"studies/{NCT}" and not rest.startswith("studies/"):
                    self._send(404, TEXT, b"no such path")
                    return
                answers = SCENARIOS.get(scenario)
                if answers is None:
                    self._send(404, TEXT, b"no such scenario")
                    return
                number = server.hits[scenario]
                server.hits[scenario] += 1
                answer = answers[min(number, len(answers) - 1)]
                if answer == "bomb":
                    self._encoded(200, "gzip, gzip", gzip_bomb())
                elif answer == "bomb_404":
                    self._encoded(404, "gzip, gzip", gzip_bomb())
                elif answer == "gzip_good":
                    self._encoded(200, "gzip", gzip.compress(record()))
                elif answer == "deflate":
                    self._encoded(200, "deflate", zlib.compress(record()))
                elif answer == "brotli":
                    self._encoded(200, "br", record())
                elif answer == "drip_headers":
                    with contextlib.suppress(OSError):
                        self._drip(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                   + b"X-Slow: " + b"a" * 10000)
                    self.close_connection = True
                elif answer == "drip_body":
                    body = record()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    with contextlib.suppress(OSError):
                        self._drip(body)
                    self.close_connection = True
                elif answer in ("redirect_away", "redirect_other_port"):
                    where = (f"https://localhost:{server.port}" if answer == "redirect_away"
                             else f"https://127.0.0.1:{server.other.port if server.other else 1}")
                    self.send_response(302)
                    self.send_header("Location", f"{where}/good/studies/{NCT}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif answer == "redirect_bomb":  # a same-place redirect whose body is a bomb
                    self.send_response(302)
                    self.send_header("Location", f"/good/studies/{NCT}")
                    self.send_header("Content-Encoding", "gzip, gzip")
                    body = gzip_bomb()
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    with contextlib.suppress(OSError):
                        self.wfile.write(body)
                elif answer == "redirect_endless":  # ... whose body never ends
                    self.send_response(302)
                    self.send_header("Location", f"/good/studies/{NCT}")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b" " * 65536
                    with contextlib.suppress(OSError):
                        for _ in range(100_000):  # 6 GB, unless the client hangs up
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.close_connection = True
                elif answer == "redirect_loop":
                    self.send_response(302)
                    self.send_header("Location", f"/redirect_loop/studies/{NCT}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif answer == "redirect":
                    self.send_response(301)
                    self.send_header("Location", f"/good/studies/{NCT}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif answer == "slow":
                    time.sleep(SLOW_SECONDS)
                    self._send(200, JSON, record())
                elif answer == "truncated":
                    body = record()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 3])
                    self.wfile.flush()
                    self.close_connection = True
                elif answer == "huge":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(50 * 1024 * 1024))
                    self.end_headers()
                    self.wfile.write(b"{" + b" " * 65536)
                    self.close_connection = True
                elif answer == "huge_chunked":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b" " * 65536
                    try:
                        for _ in range(200):  # 12.5 MiB, over the cap, then stop
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        self.wfile.write(b"0\r\n\r\n")
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    self.close_connection = True
                else:
                    assert isinstance(answer, tuple)
                    self._send(*answer)

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up early (size cap, timeout) is expected here

            def get_request(self) -> tuple[socket.socket, object]:
                sock, address = self.socket.accept()
                return context.wrap_socket(sock, server_side=True,
                                           do_handshake_on_connect=False), address

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        # shutdown() waits for the next poll: 0.5 s by default, for every test
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.02}, daemon=True)

    def base(self, scenario: str) -> str:
        return f"https://127.0.0.1:{self.port}/{scenario}"


@contextlib.contextmanager
def serving(certificates: tuple[Path, Path, Path]) -> Iterator[ApiServer]:
    server = ApiServer(certificates)
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def api(certificates: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
        ) -> Iterator[ApiServer]:
    """The HTTPS server; SSL_CERT_FILE names its CA for subprocesses and the GUI's worker."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates[0]))
    with serving(certificates) as server, serving(certificates) as other:
        server.other = other
        yield server


@pytest.fixture
def blackhole() -> Iterator[str]:
    """An address on loopback that accepts connections and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield f"https://127.0.0.1:{sock.getsockname()[1]}/api"
    sock.close()
