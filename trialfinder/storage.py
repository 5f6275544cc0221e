"""Files the app keeps between runs: where they live and how they are written.

Only settings, the cached public trial record and (in volunteer mode) a tally of outcomes
are kept; never a family's answers unless the user saves them. Every write is atomic (a
temporary file, then os.replace), and a damaged file is moved aside, logged and replaced by
defaults: never a crash.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

APP = "trialfinder"
log = logging.getLogger(__name__)


PORTABLE_FOLDER = "TrialFinder-data"


def portable_root() -> Path | None:
    """For a portable install: a folder named TrialFinder-data next to the app's executable
    (frozen builds only) holds config/, cache/ and data/ instead of the user's directories."""
    if not getattr(sys, "frozen", False):
        return None
    root = Path(sys.executable).resolve().parent / PORTABLE_FOLDER
    return root if root.is_dir() else None


def _directory(variable: str, sub: str, default: str) -> Path:
    override = os.environ.get(variable)
    if override:
        return Path(override)
    portable = portable_root()
    if portable is not None:
        return portable / sub
    import platformdirs

    return Path(getattr(platformdirs, default)(APP, appauthor=False))


def config_dir() -> Path:
    """Settings: TRIALFINDER_CONFIG_DIR, else a portable folder, else platformdirs."""
    return _directory("TRIALFINDER_CONFIG_DIR", "config", "user_config_dir")


def cache_dir() -> Path:
    """The cached trial record: TRIALFINDER_CACHE_DIR, else portable, else platformdirs."""
    return _directory("TRIALFINDER_CACHE_DIR", "cache", "user_cache_dir")


def data_dir() -> Path:
    """The volunteer's tally: TRIALFINDER_DATA_DIR, else portable, else platformdirs."""
    return _directory("TRIALFINDER_DATA_DIR", "data", "user_data_dir")


def write_atomic(path: Path, data: bytes, make_dirs: bool = True) -> None:
    """Write a file so that a reader sees the old content or the new, never half of it.
    make_dirs=False for a place the person chose: their folder must already be there."""
    if make_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def move_aside(path: Path, reason: str) -> Path | None:
    """Keep a damaged file for inspection (name.broken), log why, and stop using it."""
    target = path.with_name(path.name + ".broken")
    try:
        os.replace(path, target)
    except OSError as exc:
        log.warning("could not move damaged %s aside: %s", path, exc)
        return None
    log.warning("%s was damaged (%s); moved to %s and using defaults", path, reason, target)
    return target


def read_json_object(path: Path) -> dict[str, Any] | None:
    """A JSON object from a file; None if there is none; a damaged one is moved aside."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("could not read %s: %s", path, exc)
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        move_aside(path, str(exc))
        return None
    if not isinstance(data, dict):
        move_aside(path, "not a JSON object")
        return None
    return data


def write_json_object(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
