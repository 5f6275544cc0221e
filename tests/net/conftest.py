"""A real HTTP server on 127.0.0.1 that plays the ClinicalTrials.gov API, scenario by scenario.

The base URL is http://127.0.0.1:PORT/SCENARIO, so the client asks for
/SCENARIO/studies/NCT06686524 and the server answers as that scenario says.
"""

from __future__ import annotations

import contextlib
import copy
import json
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import ROOT
from tests.gui.conftest import window  # noqa: F401 - the same window fixture as the GUI tests

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
    "portal": [(200, {"Content-Type": "text/html"},
                b"<html><body><h1>Welcome to Hospital Wi-Fi</h1>Please log in.</body></html>")],
    "huge": ["huge"],
    "huge_chunked": ["huge_chunked"],
}
SLOW_SECONDS = 2.0


class ApiServer:
    def __init__(self) -> None:
        self.hits: dict[str, int] = defaultdict(int)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                scenario, _, rest = self.path.strip("/").partition("/")
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
                if answer == "redirect":
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

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        # shutdown() waits for the next poll: 0.5 s by default, for every test
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.02}, daemon=True)

    def base(self, scenario: str) -> str:
        return f"http://127.0.0.1:{self.port}/{scenario}"


@pytest.fixture
def api() -> Iterator[ApiServer]:
    server = ApiServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def blackhole() -> Iterator[str]:
    """An address on loopback that accepts connections and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/api"
    sock.close()
