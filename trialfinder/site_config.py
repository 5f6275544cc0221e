"""The site-wide kiosk configuration an administrator puts in place (no Qt).

A JSON file in the site config directory (platformdirs; TRIALFINDER_SITE_CONFIG names another
file), for example:

    {"kiosk": true, "idle_seconds": 120, "countdown_seconds": 20, "language": "zh_CN",
     "text_scale": 1.25, "pin": {"salt": "...", "hash": "...", "iterations": 200000}}

The PIN for the staff exit is stored only as a salted hash: make one with
`python -m trialfinder kiosk-pin`. A damaged file is logged and ignored (defaults apply).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trialfinder.storage import portable_root, read_json_object

log = logging.getLogger(__name__)
PIN_ITERATIONS = 200_000


@dataclass(frozen=True)
class KioskConfig:
    kiosk: bool = False
    idle_seconds: int = 120
    countdown_seconds: int = 20
    language: str | None = None
    text_scale: float = 1.25
    pin: dict[str, Any] | None = None


def site_config_path() -> Path:
    override = os.environ.get("TRIALFINDER_SITE_CONFIG")
    if override:
        return Path(override)
    portable = portable_root()
    if portable is not None:
        return portable / "kiosk.json"
    from platformdirs import site_config_dir

    return Path(site_config_dir("trialfinder", appauthor=False)) / "kiosk.json"


def _number(data: dict[str, Any], key: str, low: float, high: float, default: float) -> Any:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        log.warning("kiosk setting %s=%r ignored", key, value)
        return default
    return value


def load_kiosk_config() -> KioskConfig:
    data = read_json_object(site_config_path()) or {}
    pin = data.get("pin")
    if pin is not None and not (isinstance(pin, dict) and isinstance(pin.get("salt"), str)
                                and isinstance(pin.get("hash"), str)
                                and isinstance(pin.get("iterations", PIN_ITERATIONS), int)):
        log.warning("kiosk PIN ignored: it is not a salted hash")
        pin = None
    language = data.get("language")
    return KioskConfig(
        kiosk=data.get("kiosk") is True,
        idle_seconds=int(_number(data, "idle_seconds", 10, 3600, 120)),
        countdown_seconds=int(_number(data, "countdown_seconds", 5, 120, 20)),
        language=language if language in ("en", "zh_CN") else None,
        text_scale=float(_number(data, "text_scale", 0.75, 2.5, 1.25)),
        pin=pin,
    )


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = PIN_ITERATIONS
             ) -> dict[str, Any]:
    """A salted PBKDF2-SHA256 hash of a PIN, as the config file stores it."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return {"salt": salt.hex(), "hash": digest.hex(), "iterations": iterations}


def pin_matches(pin: str, stored: dict[str, Any]) -> bool:
    try:
        salt = bytes.fromhex(stored["salt"])
        expected = bytes.fromhex(stored["hash"])
    except (KeyError, ValueError):
        return False
    iterations = int(stored.get("iterations", PIN_ITERATIONS))
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)
