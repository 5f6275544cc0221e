"""The garbage collector is paused while the app starts (trialfinder.app.main) and comes back:
before a command runs, once the window's first screen has painted, and when main returns."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_a_command_runs_with_the_collector(monkeypatch, tmp_path):
    from trialfinder import app, cli

    seen: list[bool] = []
    monkeypatch.setattr(cli, "run", lambda command, args: seen.append(gc.isenabled()) or 0)
    assert app.main(["evaluate", str(tmp_path / "facts.json")]) == 0
    assert seen == [True]
    assert gc.isenabled()


def test_main_gives_the_collector_back_when_it_returns():
    from trialfinder import app

    assert app.main(["--trial", "NCT99999999"]) == 2  # not a trial: one line, exit 2
    assert gc.isenabled()


def test_the_window_resumes_the_collector_after_its_first_paint(tmp_path):
    """A real start, offscreen, that quits once painted: start-up's objects were frozen
    (collect_again ran after the first paint) and the collector is on."""
    script = ("import gc\n"
              "from trialfinder.ui import launch\n"
              "seen = []\n"
              "real = launch.collect_again\n"
              "def watched():\n"
              "    seen.append(gc.isenabled())\n"
              "    real()\n"
              "    seen.append(gc.isenabled())\n"
              "launch.collect_again = watched\n"
              "from trialfinder.app import main\n"
              "code = main(['--offline', '--lang', 'en'])\n"
              "print(code, seen, gc.get_freeze_count() > 0)\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRIALFINDER_QUIT_WHEN_SHOWN": "1",
           "TRIALFINDER_CONFIG_DIR": str(tmp_path), "TRIALFINDER_CACHE_DIR": str(tmp_path),
           "TRIALFINDER_SITE_CONFIG": str(tmp_path / "kiosk.json")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip().splitlines()[-1] == "0 [False, True] True", done.stderr


def test_the_process_entry_point_ends_with_the_output_whole_and_its_exit_status(tmp_path):
    """run() (python -m trialfinder, the installed command, the frozen app) freezes what is
    left before the process ends: the output is complete and the exit status is main's."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "TRIALFINDER_CONFIG_DIR": str(tmp_path), "TRIALFINDER_CACHE_DIR": str(tmp_path),
           "TRIALFINDER_SITE_CONFIG": str(tmp_path / "kiosk.json")}
    done = subprocess.run([sys.executable, "-m", "trialfinder", "--self-test", "--offline"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("time to first paint:")
    bad = subprocess.run([sys.executable, "-m", "trialfinder", "--trial", "NCT99999999"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                         check=False)
    assert bad.returncode == 2 and "NCT99999999" in bad.stderr
