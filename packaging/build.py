"""Build the bundle for this platform, smoke-test it, and compare it with a bare PySide6 bundle.

    python3 -m pip install '.[build]' && python3 packaging/build.py [--dist DIR] [--runs N]

Runs unchanged on Linux, Windows and macOS (PyInstaller builds for the platform it runs on).
Writes dist/TrialFinder/ (run dist/TrialFinder/TrialFinder, TrialFinder.exe on Windows) and
dist/Hello/, runs the bundle's --self-test offscreen, prints both sizes and their ratio
(target: at most 1.2x), then the time from starting each bundle to its window painted on
screen (median of --runs alternating runs; on Linux without a display, under Xvfb).
Exits non-zero if a build or the self-test fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if sys.platform == "win32" else ""


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(dist: Path, name: str) -> Path:
    return dist / name / f"{name}{EXE}"


def pyinstaller(spec: str, dist: Path, work: Path) -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
                    str(ROOT / "packaging" / spec)], check=True, cwd=ROOT)


@contextmanager
def display() -> Iterator[str | None]:
    """A display to open windows on: the desktop's, else (Linux) a private Xvfb; None if
    there is none to be had."""
    if sys.platform != "linux" or os.environ.get("DISPLAY") or os.environ.get(
            "WAYLAND_DISPLAY"):
        yield "the desktop's"
        return
    if not shutil.which("Xvfb"):
        yield None
        return
    read, write = os.pipe()
    # -noreset: a server resets when its last client (each start) leaves, refusing the next
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                               "-nolisten", "tcp", "-noreset"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    os.environ["DISPLAY"] = f":{number}"
    try:
        yield f"Xvfb :{number}"
    finally:
        del os.environ["DISPLAY"]
        server.terminate()
        server.wait(timeout=10)


def time_to_window(program: Path, args: list[str]) -> float:
    """Seconds from starting the program to its first window painted on screen (it quits
    then: TRIALFINDER_QUIT_WHEN_SHOWN; the same for the app and the hello-world)."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["TRIALFINDER_QUIT_WHEN_SHOWN"] = "1"
    started = time.perf_counter()
    subprocess.run([str(program), *args], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120, check=True)
    return time.perf_counter() - started


def startup_times(dist: Path, runs: int) -> None:
    with display() as where:
        if where is None:
            print("time to a visible window: not measured (no display and no Xvfb)")
            return
        app, hello = executable(dist, "TrialFinder"), executable(dist, "Hello")
        time_to_window(app, ["--offline"])  # the first start reads the files from disk
        time_to_window(hello, [])
        app_times, hello_times = [], []
        for _ in range(runs):
            app_times.append(time_to_window(app, ["--offline"]))
            hello_times.append(time_to_window(hello, []))
        app_ms = statistics.median(app_times) * 1000
        hello_ms = statistics.median(hello_times) * 1000
        print(f"time to a visible window ({where}, median of {runs}):")
        print(f"  TrialFinder bundle: {app_ms:7.0f} ms")
        print(f"  Hello bundle:       {hello_ms:7.0f} ms")
        print(f"  ratio: {app_ms / hello_ms:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--runs", type=int, default=5, help="start-up timing runs (0: none)")
    args = parser.parse_args()
    dist: Path = args.dist
    work = dist.parent / "build-pyinstaller" if args.dist != ROOT / "dist" else (
        ROOT / "build" / "pyinstaller")
    for spec in ("hello.spec", "trialfinder.spec"):
        print(f"building {spec} ...", flush=True)
        pyinstaller(spec, dist, work)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    test = subprocess.run([str(executable(dist, "TrialFinder")), "--self-test", "--offline"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    print(test.stdout.strip())
    if test.returncode != 0:
        print(f"self-test failed ({test.returncode}):\n{test.stderr}")
        return 1
    hello = subprocess.run([str(executable(dist, "Hello")), "--self-test"], env=env,
                           capture_output=True, text=True, timeout=120, check=False)
    if hello.returncode != 0:
        print(f"hello-world failed ({hello.returncode}):\n{hello.stderr}")
        return 1
    app_size, hello_size = size_of(dist / "TrialFinder"), size_of(dist / "Hello")
    print(f"TrialFinder bundle: {app_size / 2**20:7.1f} MiB  ({dist / 'TrialFinder'})")
    print(f"Hello bundle:       {hello_size / 2**20:7.1f} MiB  ({dist / 'Hello'})")
    print(f"ratio: {app_size / hello_size:.2f}x (target: at most 1.2x)", flush=True)
    if args.runs > 0:
        startup_times(dist, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
