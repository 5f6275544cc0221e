"""Shared test set-up: no display, every standard directory in a temporary folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
# Markers given by folder (registered in pyproject.toml; "slow" and "frozen" are set per test)
FOLDER_MARKERS = {"gui": "gui", "net": "net"}


# Whole modules whose tests each start processes (the CLI, a real X server, a hostile server),
# write PDFs, or wait on purpose (timed taps, searches in the background, windows at 200%):
# ``slow``, so that `pytest -m "not slow and not frozen"` stays quick while working. CI runs
# them all.
SLOW_MODULES = {
    "gui/test_kiosk_blockers.py", "gui/test_keyboard_and_text_size.py",
    "gui/test_one_explanation.py", "gui/test_real_window.py", "gui/test_revision2.py",
    "gui/test_volunteer.py",
    "net/test_client.py", "net/test_hostile_server.py", "net/test_live_record.py",
    "net/test_related_cli.py", "net/test_related_gui.py",
    "net/test_related_live.py", "net/test_status_live.py", "unit/test_cli.py",
    "unit/test_gettext_tools.py", "unit/test_hardening.py", "unit/test_help_language.py",
    "unit/test_revision2.py", "unit/test_second_trial.py", "unit/test_summary.py",
    "unit/test_workflow.py",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in tests/gui with ``gui`` and every test in tests/net with ``net``, and
    the tests of SLOW_MODULES with ``slow``."""
    tests = Path(__file__).resolve().parent
    for item in items:
        if not item.path.is_relative_to(tests):
            continue
        where = item.path.relative_to(tests)
        if where.parts[0] in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[where.parts[0]])
        if where.as_posix() in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                  ) -> Iterator[Path]:
    """Point platformdirs (XDG on Linux) and the temp dir at a fresh folder for each test."""
    home = tmp_path_factory.mktemp("home")
    for variable, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                          ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
                          ("XDG_RUNTIME_DIR", "runtime")):
        (home / sub).mkdir()
        monkeypatch.setenv(variable, str(home / sub))
    (home / "runtime").chmod(0o700)
    monkeypatch.setenv("HOME", str(home))
    # The temp directory too, so that a test can see every file the app writes there.
    (home / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield home


@pytest.fixture(autouse=True)
def english_first() -> Iterator[None]:
    """Each test starts and ends in English, whatever it switched to."""
    from trialfinder.i18n.content import set_language

    set_language("en")
    yield
    set_language("en")
