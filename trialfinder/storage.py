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
import tempfile
from pathlib import Path
from typing import Any

APP = "trialfinder"
log = logging.getLogger(__name__)


def config_dir() -> Path:
    """Per-user settings (platformdirs; TRIALFINDER_CONFIG_DIR overrides, for portable use)."""
    override = os.environ.get("TRIALFINDER_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Per-user cache (TRIALFINDER_CACHE_DIR overrides)."""
    override = os.environ.get("TRIALFINDER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


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
