"""A real X display for the real-window tests and the start-up benchmark: Xvfb with a window
manager (openbox) on a free display number. Needs Xvfb and openbox (.ci/run installs them);
xprop, if there, tells when openbox has taken over."""

from __future__ import annotations

import os
import subprocess
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
def xvfb_with_openbox(width: int = 1366, height: int = 768,
                      base: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """A fresh X server of ``width`` x ``height`` with openbox; yields ``base`` (default: this
    process's environment) pointed at it: DISPLAY set, QT_QPA_PLATFORM and WAYLAND_DISPLAY
    removed. Both end after."""
    number = free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    env = {**(os.environ if base is None else base), "DISPLAY": f":{number}"}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    manager = None
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb")
        manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        wait_for(lambda: manager.poll() is not None or wm_running(env), 10, "openbox")
        if manager.poll() is not None:
            raise RuntimeError("openbox did not start")
        yield env
    finally:
        for process in (manager, server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
