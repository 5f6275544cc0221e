"""Running the app as a subprocess under a memory limit and a time limit, for the tests of
bombs, special files and hostile servers: a failure is a clean exit, never the test runner's
memory or a hang."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space: Python, httpx and a thread fit well
# Runs the app (or some code) and, at exit, writes the process's own peak resident memory
# (VmHWM: this process alone, unlike ru_maxrss, which also counts the forking parent).
LAUNCH = """
import atexit, runpy, sys
report, mode = sys.argv[1], sys.argv[2]
def peak():
    with open("/proc/self/status") as status, open(report, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM")))
atexit.register(peak)
if mode == "-c":
    code = sys.argv[3]
    sys.argv = ["-c", *sys.argv[4:]]
    exec(compile(code, "<code>", "exec"), {"__name__": "__main__"})
else:
    sys.argv = ["trialfinder", *sys.argv[3:]]
    runpy.run_module("trialfinder", run_name="__main__", alter_sys=True)
"""


@dataclass
class Limited:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float


def run_limited(*args: str, stdin: bytes | int | None = None, timeout: float = 60,
                memory: int = MEMORY_LIMIT, env: dict[str, str] | None = None,
                stdout: int | None = None, code: str | None = None) -> Limited:
    """``python -m trialfinder ARGS`` (or ``python -c CODE ARGS``) with RLIMIT_AS = memory;
    killed after ``timeout``."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY",
                                                                     "WAYLAND_DISPLAY")}
    environment.update(env or {})

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    handle, report_name = tempfile.mkstemp(prefix="peak-")
    os.close(handle)
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, report_name, *(("-c", code) if code else ("-m",)),
         *args], cwd=ROOT, env=environment,
        stdin=subprocess.PIPE if isinstance(stdin, bytes) else stdin,
        stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE,
        preexec_fn=limit)
    pipes: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        pipes[name] = stream.read() if stream is not None else b""

    def feed() -> None:
        with contextlib.suppress(OSError):
            process.stdin.write(stdin)
            process.stdin.close()

    threads = [threading.Thread(target=drain, args=("out", process.stdout), daemon=True),
               threading.Thread(target=drain, args=("err", process.stderr), daemon=True)]
    if isinstance(stdin, bytes):
        threads.append(threading.Thread(target=feed, daemon=True))
    for thread in threads:
        thread.start()
    while True:
        pid, status = os.waitpid(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > timeout:
            process.kill()
            os.waitpid(process.pid, 0)
            raise AssertionError(f"still running after {timeout} s")
        time.sleep(0.02)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for thread in threads:
        thread.join(10)
    peak = Path(report_name).read_text() or "0"
    Path(report_name).unlink()
    return Limited(process.returncode, pipes.get("out", b"").decode("utf-8", "replace"),
                   pipes.get("err", b"").decode("utf-8", "replace"), int(peak) / 1024, seconds)
