"""Start-up benchmark: TrialFinder against a bare PySide6 window, as a family waits for it.

    python tests/benchmarks/startup.py [--runs N] [--no-bytecode] [--skip-visible]
                                       [--before DIR]

1. A visible window. On its own X server (Xvfb, 1366x768) with a window manager (openbox),
   alternately and N times each: ``trialfinder --offline --lang en`` (the bundled record, no
   network) and a bare PySide6 QMainWindow with one QLabel; the time from starting the process
   until ``xdotool search --onlyvisible --pid`` finds its window mapped (polled every 2 ms),
   then the process is ended. Target: the app at most 1.15x the bare window.
2. ``--self-test``, with no display (QT_QPA_PLATFORM=offscreen), alternately N times each:
   - trialfinder --self-test --offline
   - trialfinder --self-test with the live check aimed at a blackholed address (a loopback
     socket that accepts connections and never answers: the network is "unreachable")
   - a bare PySide6 window (the same QMainWindow, shown until painted, then closed)
   the median whole-process wall time, peak memory (maximum resident set size) and, for
   TrialFinder, the time to first paint it reports. Target: at most 1.3x.

``--before DIR`` also runs the app from another checkout (DIR: its top folder, e.g. a
``git worktree`` of an older commit) in the same alternation, for before-and-after figures
taken on the same machine at the same moments. Settings, cache and the site's kiosk file
are in a throw-away folder. Python's compiled
bytecode is written there too (PYTHONPYCACHEPREFIX) by one unmeasured warm-up run, as an
installed app has its bytecode; ``--no-bytecode`` keeps the caller's PYTHONDONTWRITEBYTECODE
(every module compiled from source on every start: the app has many more modules than the
bare window, so its ratio is worse). Not a test: timings on a shared machine vary, so they are
printed, never asserted. Each ratio is of medians (the targets'); beside it, the ratio of the
fastest runs, which a busy machine disturbs least.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # this checkout: the app measured
sys.path.insert(0, str(ROOT))  # run as a script: tests.xdisplay
from tests.xdisplay import end, xvfb_with_openbox  # noqa: E402 (after the path)

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

# The same bare window for the visible-window measure: shown, then left open until ended.
BARE_VISIBLE = """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication([])
window = QMainWindow()
window.setWindowTitle("Bare")
window.setCentralWidget(QLabel("Hello"))
window.show()
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float | None]:
    """(wall seconds, peak RSS in MiB, reported first paint in seconds) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, cwd=code_folder(env))
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{output}")
    paint = re.search(r"time to first paint: (\d+) ms", output)
    return wall, usage.ru_maxrss / 1024, int(paint.group(1)) / 1000 if paint else None


def until_visible(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` until its window is mapped (the window manager has
    shown it), polled with xdotool; the process is then ended."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, cwd=code_folder(env))
    try:
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                    str(process.pid)], env=env, capture_output=True,
                                   check=False).stdout.split()
            if found:
                return time.perf_counter() - started
            if process.poll() is not None:
                raise SystemExit(f"ended before showing a window: {' '.join(command)}")
            if time.perf_counter() - started > 30:
                raise SystemExit(f"no window within 30 s: {' '.join(command)}")
            time.sleep(0.002)
    finally:
        end(process)


CODE = "TRIALFINDER_BENCH_CODE"  # which checkout a run's app comes from


def with_code(env: dict[str, str], folder: str) -> dict[str, str]:
    """``env`` running the app from ``folder`` (a checkout's top folder) instead."""
    return {**env, CODE: folder}


def code_folder(env: dict[str, str]) -> str:
    """Where a run starts: its checkout (``python -m`` finds the app there first)."""
    return env.get(CODE, str(ROOT))


def visible_window(runs: int, env: dict[str, str], before: str | None = None) -> None:
    """Measure 1 (see the module's docstring) on a fresh Xvfb with openbox."""
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]
    if missing:
        print(f"visible window: skipped, {' '.join(missing)} not installed")
        return
    with xvfb_with_openbox(base=env) as env:
        app = [sys.executable, "-m", "trialfinder", "--offline", "--lang", "en"]
        programs = {"app window (--offline)": (app, env)}
        if before:
            programs["app window, before"] = (app, with_code(env, before))
        programs["bare PySide6 window"] = ([sys.executable, "-c", BARE_VISIBLE], env)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for command, its_env in programs.values():  # warm the file cache, unmeasured
            until_visible(command, its_env)
        for _ in range(runs):
            for name, (command, its_env) in programs.items():
                times[name].append(until_visible(command, its_env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        spread = f"{min(times[name]) * 1000:.0f}-{max(times[name]) * 1000:.0f}"
        print(f"{name:31} visible after {median * 1000:6.0f} ms   (range {spread} ms)")
    bare = "bare PySide6 window"
    for name in [name for name in programs if name.startswith("app window")]:
        ratio = medians[name] / medians[bare]
        quiet = min(times[name]) / min(times[bare])
        print(f"ratio ({name} / bare){'':4} visible {ratio:5.2f} x   (target: at most 1.15 x;"
              f" fastest runs {quiet:4.2f} x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep the caller's PYTHONDONTWRITEBYTECODE (compile every start)")
    parser.add_argument("--skip-visible", action="store_true",
                        help="only the --self-test measure (no Xvfb needed)")
    parser.add_argument("--before", metavar="DIR",
                        help="also run the app from this checkout, in the same alternation")
    args = parser.parse_args()
    # Settings, cache and the kiosk file in a throw-away place, the same for every run.
    scratch = tempfile.mkdtemp(prefix="trialfinder-bench-")
    base_env = {**os.environ, "TRIALFINDER_CONFIG_DIR": scratch,
                "TRIALFINDER_CACHE_DIR": scratch,
                "TRIALFINDER_SITE_CONFIG": os.path.join(scratch, "kiosk.json")}
    if not args.no_bytecode:
        base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        base_env["PYTHONPYCACHEPREFIX"] = os.path.join(scratch, "pycache")
    print(f"bytecode: {'compiled on every start' if args.no_bytecode else 'kept, as installed'}"
          f"; load average {os.getloadavg()[0]:.2f} at the start")
    before = os.path.abspath(args.before) if args.before else None
    if before and not os.path.isfile(os.path.join(before, "trialfinder", "__main__.py")):
        raise SystemExit(f"--before: no trialfinder checkout in {before}")
    if not args.skip_visible:
        visible_window(args.runs, base_env, before)
    env = {**base_env, "QT_QPA_PLATFORM": "offscreen"}
    blackhole = socket.socket()
    blackhole.bind(("127.0.0.1", 0))
    blackhole.listen(64)  # accepts connections (in the kernel) and never answers
    silent = f"https://127.0.0.1:{blackhole.getsockname()[1]}/api"  # https only
    app = [sys.executable, "-m", "trialfinder", "--self-test"]
    programs = {
        "self-test, --offline": ([*app, "--offline"], env),
        "self-test, network blackholed": ([*app, "--api-base", silent], env),
    }
    if before:
        programs["self-test, --offline, before"] = ([*app, "--offline"],
                                                    with_code(env, before))
        programs["self-test, blackholed, before"] = ([*app, "--api-base", silent],
                                                     with_code(env, before))
    programs["bare PySide6 window"] = ([sys.executable, "-c", BARE], env)
    results: dict[str, list[tuple[float, float, float | None]]] = {n: [] for n in programs}
    for command, its_env in programs.values():  # warm the file cache once, unmeasured
        measure(command, its_env)
    for _ in range(args.runs):
        for name, (command, its_env) in programs.items():
            results[name].append(measure(command, its_env))
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
    fastest_bare = min(w for w, _m, _p in results["bare PySide6 window"])
    for name in [name for name in programs if name.startswith("self-test")]:
        wall, memory, _ = medians[name]
        quiet = min(w for w, _m, _p in results[name]) / fastest_bare
        print(f"ratio ({name} / bare){'':3} wall {wall / bare_wall:5.2f} x   "
              f"peak memory {memory / bare_mem:5.2f} x   (target: at most 1.30 x;"
              f" fastest runs {quiet:4.2f} x)")
    offline = medians["self-test, --offline"][2]
    silent_paint = medians["self-test, network blackholed"][2]
    if offline and silent_paint:
        print(f"first paint, blackholed / offline: {silent_paint / offline:5.2f} x")
    print(f"runs: {args.runs} each, alternating; medians; "
          f"load average {os.getloadavg()[0]:.2f} at the end")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
