"""A real X display for the real-window tests and the start-up benchmark: Xvfb with a window
manager (openbox) on a display number Xvfb picks. Needs Xvfb and openbox (.ci/run installs them);
xprop, if there, tells when openbox has taken over."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def free_display() -> int:
    """A display number no X server uses (no socket, no lock file)."""
    for number in range(140, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
                f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


def wait_for(test: Callable[[], Any], timeout: float, what: str) -> Any:
    """``test()``'s first true value, tried every 0.1 s; TimeoutError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"timed out waiting for {what}")


def wm_running(env: dict[str, str]) -> bool:
    """Whether a window manager has named itself on the root window."""
    try:
        out = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                             capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        time.sleep(1.0)  # no xprop: give the window manager a moment instead
        return True
    return "window id" in out


@contextmanager
def xvfb(width: int = 1366, height: int = 768) -> Iterator[str]:
    """A fresh X server of ``width`` x ``height``; yields its name, like ":5", once it takes
    connections (Xvfb picks a free number and writes it to a pipe when ready: -displayfd).
    It never resets (-noreset): by default an X server resets when its last client leaves,
    and a client connecting meanwhile is refused. That is how openbox failed to start about
    1 time in 50: xprop, asking whether openbox had taken over, left first. Ends after."""
    read, write = os.pipe()
    try:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                   f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"],
                                  pass_fds=(write,), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
    finally:
        os.close(write)
    try:
        with os.fdopen(read) as pipe:  # empty if Xvfb ends without a display
            number = pipe.readline().strip()
        if not number.isdigit():
            try:
                code = server.wait(10)
            except subprocess.TimeoutExpired:
                code = None
            raise RuntimeError(f"Xvfb did not start (exit code {code})")
        yield f":{number}"
    finally:
        end(server)


def end(process: subprocess.Popen | None) -> None:
    """Terminate ``process`` if it runs (kill it if it will not go within 5 s)."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def xvfb_with_openbox(width: int = 1366, height: int = 768,
                      base: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """A fresh X server of ``width`` x ``height`` with openbox; yields ``base`` (default: this
    process's environment) pointed at it: DISPLAY set, QT_QPA_PLATFORM and WAYLAND_DISPLAY
    removed. Both end after."""
    with xvfb(width, height) as name:
        env = {**(os.environ if base is None else base), "DISPLAY": name}
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        with tempfile.TemporaryFile() as said:  # what openbox says, for a failure's message
            manager = subprocess.Popen(["openbox"], env=env, stdout=said,
                                       stderr=subprocess.STDOUT)
            try:
                wait_for(lambda: manager.poll() is not None or wm_running(env), 10, "openbox")
                if manager.poll() is not None:
                    said.seek(0)
                    words = said.read().decode(errors="replace").strip()
                    raise RuntimeError(f"openbox did not start on {name}: {words}")
                yield env
            finally:
                end(manager)
