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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in tests/gui with ``gui`` and every test in tests/net with ``net``."""
    tests = Path(__file__).resolve().parent
    for item in items:
        folder = item.path.relative_to(tests).parts[0] if item.path.is_relative_to(tests) else ""
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


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
