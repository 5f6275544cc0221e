"""Issue 11 in the window: a hostile record still gives the result screen, a failed tally
export says so, a full disk does not leave a "saved" summary, and printers are asked about
once per run (counted as real connections to a loopback CUPS address)."""

from __future__ import annotations

import socket
import sys
import threading
import time

from PySide6.QtWidgets import QLabel

from tests.conftest import ROOT
from tests.gui.conftest import forget_and_allow_close
from tests.unit.test_hardening import full_disk, hostile_record, long_name, many_contacts
from trialfinder import tally
from trialfinder.trial.parser import parse_study
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.launch import build_window
from trialfinder.ui.screenshots import VERDICT_ANSWERS

NCT = "NCT06686524"


def show_with(window, data: dict) -> float:
    window.set_record(CurrentRecord(parse_study(data), "live", NCT, ""))
    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    started = time.perf_counter()
    window.show_screen("result")
    return time.perf_counter() - started


def test_a_huge_contact_name_or_5000_contacts_still_show_the_result(window):
    seconds = show_with(window, hostile_record(long_name))
    assert window.current_name() == "result"
    qr = window.stack.currentWidget().findChild(QLabel, "qr-code")
    assert qr is not None and not qr.pixmap().isNull()
    window.restart()
    seconds = max(seconds, show_with(window, hostile_record(many_contacts)))
    assert window.current_name() == "result"
    contacts = [w for w in window.stack.currentWidget().findChildren(QLabel, "contact")]
    assert len(contacts) <= 12
    print(f"result screen, worst hostile record: {seconds:.2f} s")


def test_a_failed_tally_export_says_so(qtbot, tmp_path):
    _app, win = build_window("en", 1.0, "volunteer")
    qtbot.addWidget(win, before_close_func=forget_and_allow_close)
    win.show()
    tally.record({"date": "2026-11-20", "verdict": "likely_eligible", "not_met": [],
                  "unknown": []})
    win.show_screen("tally")
    page = win.stack.currentWidget()
    assert not page.export_to(tmp_path / "no-such-folder" / "tally.csv")
    assert win.notice.isVisible() and "could not be exported" in win.notice.text()
    win.set_language("zh_CN")  # the message follows a language switch (it stayed English)
    assert "could not" not in win.notice.text() and "文件或文件夹不存在" in win.notice.text()
    win.set_language("en")
    assert page.export_to(tmp_path / "tally.csv")
    assert "Tally exported" in win.notice.text()
    win.set_language("zh_CN")
    assert "Tally exported" not in win.notice.text() and str(tmp_path) in win.notice.text()
    win.set_language("en")


def test_a_summary_on_a_full_disk_is_not_called_saved(window, tmp_path):
    from trialfinder.ui.takeaway import write_summary

    window.answers.update(VERDICT_ANSWERS["likely_eligible"])
    window.show_screen("result")
    with full_disk(tmp_path / "full") as disk:
        old = disk / "summary.pdf"
        old.write_bytes(b"%PDF-1.4 last week's\n")
        try:
            with (disk / "filler").open("wb") as filler:
                filler.write(b"x" * 1024 * 1024)
        except OSError:
            pass
        assert not write_summary(window, old, "en")
        assert "could not be saved" in window.notice.text()
        assert old.read_bytes() == b"%PDF-1.4 last week's\n"


PROBE = """
import sys
from trialfinder.ui.launch import build_window
from trialfinder.ui.screenshots import VERDICT_ANSWERS
app, win = build_window("en")
for _ in range(int(sys.argv[1])):
    win.answers.update(VERDICT_ANSWERS["likely_eligible"])
    win.show_screen("result")
    win.restart()
print("done")
"""


def refuse(conn: socket.socket) -> None:
    """Read the request, answer 403 (a CUPS server that will not say): libcups then makes a
    fixed number of connections per probe, and no retries."""
    conn.settimeout(5)
    try:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close"
                     b"\r\n\r\n")
    except OSError:
        pass
    conn.close()


def connections_to_cups(results: int) -> int:
    """Connections a fresh app makes to CUPS_SERVER while showing ``results`` result
    screens."""
    import os
    import subprocess

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    count = [0]

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            count[0] += 1
            threading.Thread(target=refuse, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    env = dict(os.environ, CUPS_SERVER=f"127.0.0.1:{server.getsockname()[1]}",
               QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE, str(results)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    time.sleep(0.2)
    server.close()
    assert result.returncode == 0 and "done" in result.stdout, result.stderr[-2000:]
    return count[0]


def test_printers_are_probed_once_and_only_for_a_result_screen():
    none, one, three = (connections_to_cups(n) for n in (0, 1, 3))
    print(f"CUPS connections: no result {none}, one result {one}, three results {three}")
    assert none == 0  # start-up and the other screens never ask
    assert one > 0  # the result screen asked (the probe is real)
    assert three == one  # and never again in this run
