"""The test displays themselves (tests/xdisplay.py): a display is handed over only once its X
server takes connections, the server does not reset when a client leaves, and a server that
cannot start is said, not waited on.

An X server resets when its last client leaves, and refuses connections meanwhile: openbox,
starting while xprop asked whether it had taken over, failed about 1 start in 50 ("openbox
did not start" failed a CI run)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.xdisplay import xvfb, xvfb_with_openbox

pytestmark = pytest.mark.slow


def needs(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    assert not missing, f"install {' '.join(missing)} (see .ci/run)"


def test_the_server_does_not_reset_when_its_last_client_leaves():
    # a reset clears the root window's properties: one set by a client that then left
    # (the only client) must still be there for the next
    needs("Xvfb", "xprop")
    with xvfb(320, 240) as name:
        subprocess.run(["xprop", "-display", name, "-root", "-f", "TF_MARK", "8s", "-set",
                        "TF_MARK", "still here"], check=True, timeout=10)
        done = subprocess.run(["xprop", "-display", name, "-root", "TF_MARK"],
                              capture_output=True, text=True, timeout=10)
    assert 'TF_MARK(STRING) = "still here"' in done.stdout, done.stdout + done.stderr


def test_openbox_has_taken_over_when_the_display_is_handed_over():
    needs("Xvfb", "openbox", "xprop")
    for _ in range(5):
        with xvfb_with_openbox(640, 480) as env:
            done = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                                  capture_output=True, text=True, timeout=10)
            assert "window id" in done.stdout
            assert "QT_QPA_PLATFORM" not in env and env["DISPLAY"].startswith(":")


def test_a_server_that_cannot_start_is_said_at_once():
    needs("Xvfb")
    with pytest.raises(RuntimeError, match="Xvfb did not start"), xvfb(-5, 768):
        pass
