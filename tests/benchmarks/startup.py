"""Start-up benchmark: TrialFinder's --self-test against a bare PySide6 window.

    python tests/benchmarks/startup.py [--runs N]

Runs, alternately and N times each, in fresh processes with no display
(QT_QPA_PLATFORM=offscreen):
- trialfinder --self-test --offline
- trialfinder --self-test with the live check aimed at a blackholed address (a loopback
  socket that accepts connections and never answers: the network is "unreachable")
- a bare PySide6 window (a QMainWindow with one QLabel, shown until painted, then closed)
and prints the median whole-process wall time, peak memory (maximum resident set size) and,
for TrialFinder, the time to first paint it reports, with the ratios. Target: at most 1.3x.
Not a test: timings on a shared machine vary, so they are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Painted(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            Painted.done = True
        return False

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
watcher = Painted()
window.installEventFilter(watcher)
window.show()
while not Painted.done:
    app.processEvents()
window.removeEventFilter(watcher)
window.close()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float | None]:
    """(wall seconds, peak RSS in MiB, reported first paint in seconds) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{output}")
    paint = re.search(r"time to first paint: (\d+) ms", output)
    return wall, usage.ru_maxrss / 1024, int(paint.group(1)) / 1000 if paint else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Settings and cache in a throw-away place, the same for every run.
    scratch = tempfile.mkdtemp(prefix="trialfinder-bench-")
    env.update(TRIALFINDER_CONFIG_DIR=scratch, TRIALFINDER_CACHE_DIR=scratch)
    blackhole = socket.socket()
    blackhole.bind(("127.0.0.1", 0))
    blackhole.listen(64)  # accepts connections (in the kernel) and never answers
    silent = f"https://127.0.0.1:{blackhole.getsockname()[1]}/api"  # https only
    app = [sys.executable, "-m", "trialfinder", "--self-test"]
    programs = {
        "self-test, --offline": [*app, "--offline"],
        "self-test, network blackholed": [*app, "--api-base", silent],
        "bare PySide6 window": [sys.executable, "-c", BARE],
    }
    results: dict[str, list[tuple[float, float, float | None]]] = {n: [] for n in programs}
    for command in programs.values():  # warm the file cache once, unmeasured
        measure(command, env)
    for _ in range(args.runs):
        for name, command in programs.items():
            results[name].append(measure(command, env))
    blackhole.close()
    medians = {}
    for name, runs in results.items():
        paints = [p for _w, _m, p in runs if p is not None]
        medians[name] = (statistics.median(w for w, _m, _p in runs),
                         statistics.median(m for _w, m, _p in runs),
                         statistics.median(paints) if paints else None)
    for name, (wall, memory, paint) in medians.items():
        first = f"   first paint {paint * 1000:5.0f} ms" if paint is not None else ""
        print(f"{name:31} wall {wall * 1000:6.0f} ms   peak memory {memory:6.1f} MiB{first}")
    bare_wall, bare_mem, _ = medians["bare PySide6 window"]
    for name in ("self-test, --offline", "self-test, network blackholed"):
        wall, memory, _ = medians[name]
        print(f"ratio ({name} / bare){'':3} wall {wall / bare_wall:5.2f} x   "
              f"peak memory {memory / bare_mem:5.2f} x   (target: at most 1.30 x)")
    offline = medians["self-test, --offline"][2]
    silent_paint = medians["self-test, network blackholed"][2]
    if offline and silent_paint:
        print(f"first paint, blackholed / offline: {silent_paint / offline:5.2f} x")
    print(f"runs: {args.runs} each, alternating; medians")
    return 0


if __name__ == "__main__":
    sys.exit(main())
