"""Start-up benchmark: TrialFinder's --self-test against a bare PySide6 window.

    python tests/benchmarks/startup.py [--runs N]

Runs each program alternately, N times each, in fresh processes with no display
(QT_QPA_PLATFORM=offscreen), and prints the median whole-process wall time and peak memory
(maximum resident set size) of each, with their ratios. Target: at most 1.3x on both.
Not a test: timings on a shared machine vary, so they are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
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


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one run of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    programs = {
        "trialfinder --self-test": [sys.executable, "-m", "trialfinder", "--self-test"],
        "bare PySide6 window": [sys.executable, "-c", BARE],
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
    for command in programs.values():  # warm the file cache once, unmeasured
        measure(command, env)
    for _ in range(args.runs):
        for name, command in programs.items():
            results[name].append(measure(command, env))
    medians = {name: (statistics.median(w for w, _m in runs),
                      statistics.median(m for _w, m in runs)) for name, runs in results.items()}
    for name, (wall, memory) in medians.items():
        print(f"{name:26} wall {wall * 1000:7.0f} ms   peak memory {memory:6.1f} MiB")
    (app_wall, app_mem), (bare_wall, bare_mem) = medians.values()
    print(f"{'ratio (app / bare)':26} wall {app_wall / bare_wall:7.2f} x    "
          f"peak memory {app_mem / bare_mem:6.2f} x   (target: at most 1.30 x)")
    print(f"runs: {args.runs} each, alternating; medians")
    return 0


if __name__ == "__main__":
    sys.exit(main())
