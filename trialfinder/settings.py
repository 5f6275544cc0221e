"""The user's settings: a small JSON file under the platformdirs config directory.

Holds preferences only (language, text size), never answers.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from trialfinder.i18n.content import LANGUAGES
from trialfinder.storage import config_dir, read_json_object, write_json_object

log = logging.getLogger(__name__)
DEFAULTS: dict[str, Any] = {"language": None, "text_scale": 1.0}


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _valid(key: str, value: Any) -> bool:
    if key == "language":
        return value is None or value in LANGUAGES
    if key == "text_scale":
        return isinstance(value, int | float) and not isinstance(value, bool) and (
            0.75 <= value <= 2.5)
    return False


def load_settings() -> dict[str, Any]:
    """The saved settings over the defaults; unknown keys and bad values are ignored."""
    settings = dict(DEFAULTS)
    saved = read_json_object(settings_path()) or {}
    for key, value in saved.items():
        if key in DEFAULTS and _valid(key, value):
            settings[key] = value
        else:
            log.warning("ignoring setting %r=%r", key, value)
    return settings


def save_setting(key: str, value: Any) -> None:
    """Change one setting and write the file atomically (a failure is logged, not raised)."""
    if key not in DEFAULTS or not _valid(key, value):
        raise ValueError(f"bad setting {key}={value!r}")
    settings = load_settings()
    settings[key] = value
    try:
        write_json_object(settings_path(), settings)
    except OSError as exc:
        log.warning("could not save settings: %s", exc)
