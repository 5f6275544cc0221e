"""Other studies: how long the list takes to read and show (printed, never asserted).

    python tests/benchmarks/related.py

- reading a full search (5 pages of 100 studies, each with 50 sites) and choosing by age;
- building the result screen with the list (bundled) and without it, offscreen;
- the UI thread's longest wait while a search runs against a silent server.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(action, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    import tempfile

    os.environ["TRIALFINDER_CACHE_DIR"] = tempfile.mkdtemp()
    from tests.net.search_server import study
    from trialfinder.screening.screener import load_screener
    from trialfinder.trial.related import parse_search_page, select

    query = load_screener().trial.related

    sites = [(f"City {n}", "China", "RECRUITING") for n in range(50)]
    page = {"studies": [study(f"NCT0900{n:04d}", f"CAR-T study {n} in dermatomyositis",
                              ["Dermatomyositis"], min_age="5 Years", sites=sites)
                        for n in range(100)]}
    raw = json.dumps(page).encode("utf-8")

    def read_all() -> None:
        studies = []
        for _ in range(5):
            studies += parse_search_page(json.loads(raw), query).studies
        select(studies, 9, query)

    print(f"page size: {len(raw) / 1024:.0f} KiB; read 5 pages and choose: "
          f"{median_ms(read_all):.1f} ms")

    from PySide6.QtWidgets import QApplication

    from trialfinder.ui import result_page
    from trialfinder.ui.launch import build_window
    from trialfinder.ui.screenshots import VERDICT_ANSWERS

    app, window = build_window("en")
    window.show()
    window.answers.update(VERDICT_ANSWERS["likely_not_eligible"])

    def show() -> None:
        window.screen("result").refresh()
        app.processEvents()

    with_list = median_ms(show)
    original = result_page.related_view
    result_page.related_view = lambda outcome, win, parent: result_page.QWidget(parent)
    without = median_ms(show)
    result_page.related_view = original
    print(f"result screen built: {with_list:.1f} ms with the list, {without:.1f} ms without")

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)
    window.related_search = None
    window.parts.live, window.parts.api_base = True, (
        f"http://127.0.0.1:{silent.getsockname()[1]}/api")
    window.show_screen("result")
    longest, until = 0.0, time.perf_counter() + 3
    while time.perf_counter() < until:
        started = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - started)
        time.sleep(0.01)
    print(f"silent server: longest UI-thread step over 3 s: {longest * 1000:.1f} ms "
          f"(search still running: {window.related_search.searching})")
    silent.close()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
