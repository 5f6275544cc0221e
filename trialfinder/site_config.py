"""The site-wide kiosk configuration an administrator puts in place (no Qt).

A JSON file in the site config directory (platformdirs; TRIALFINDER_SITE_CONFIG names another
file), for example:

    {"kiosk": true, "idle_seconds": 120, "countdown_seconds": 20, "language": "<code>",
     "text_scale": 1.25, "pin": {"salt": "...", "hash": "...", "iterations": 200000}}

(``language``: a code of the languages table, trialfinder/i18n/languages.py.)

The PIN for the staff exit is stored only as a salted hash: make one with
`python -m trialfinder kiosk-pin`. Damaged numbers are logged and ignored (defaults apply);
but a file that cannot be read, or a PIN entry that is not a usable salted hash, fails
closed: ``problem`` says what is wrong and the app refuses to start, saying why on standard
error and on the screen (ui/launch.show_refusal): a kiosk must never open its staff exit
without the PIN the administrator meant to set.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, NamedTuple

from trialfinder.i18n.content import N_, _
from trialfinder.i18n.languages import CODES
from trialfinder.storage import JsonError, decode_json, portable_root, read_regular

log = logging.getLogger(__name__)
PIN_ITERATIONS = 200_000
# Bounds on a configured PIN hash: enough work to slow guessing, little enough that the
# check answers within about a second; a salt of 8 to 64 bytes; a SHA-256 digest.
MIN_PIN_ITERATIONS = 1_000
MAX_PIN_ITERATIONS = 2_000_000
MAX_SITE_CONFIG_BYTES = 64 * 1024
PIN_NOT_USABLE = N_("the staff PIN is not a salted hash made by {command}")
FILE_NOT_USABLE = N_("the file is damaged or cannot be read")
REFUSE_TO_START = N_("The kiosk settings in {path} cannot be used: {problem}. TrialFinder "
                     "does not start until they are fixed.")


class KioskConfig(NamedTuple):  # not a dataclass: quicker to make at start-up
    kiosk: bool = False
    idle_seconds: int = 120
    countdown_seconds: int = 20
    language: str | None = None
    text_scale: float = 1.25
    pin: dict[str, Any] | None = None
    problem: str = ""  # a message id: the file or its PIN is not usable (fail closed)

    def refusal(self) -> str:
        """Why the app will not start, in the current language (empty if it may)."""
        if not self.problem:
            return ""
        return _(REFUSE_TO_START).format(path=str(site_config_path())[:300],
                                         problem=_(self.problem).format(
                                             command="`trialfinder kiosk-pin`"))


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


def valid_pin_hash(pin: Any) -> bool:
    """Whether a "pin" entry is a salted hash this app made, with bounded iterations."""
    if not isinstance(pin, dict) or set(pin) - {"salt", "hash", "iterations"}:
        return False
    salt, digest = pin.get("salt"), pin.get("hash")
    iterations = pin.get("iterations", PIN_ITERATIONS)
    return (isinstance(salt, str) and 16 <= len(salt) <= 128 and _hex(salt)
            and isinstance(digest, str) and len(digest) == 64 and _hex(digest)
            and type(iterations) is int
            and MIN_PIN_ITERATIONS <= iterations <= MAX_PIN_ITERATIONS)


def _hex(text: str) -> bool:
    return len(text) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in text)


def _read_site_config() -> tuple[dict[str, Any], str]:
    """The file's object, or a problem; never moved aside (it is the administrator's)."""
    path = site_config_path()
    try:
        data = decode_json(read_regular(path, MAX_SITE_CONFIG_BYTES))
    except FileNotFoundError:
        return {}, ""
    except (OSError, JsonError) as exc:
        log.info("kiosk settings %s not usable: %s", path, exc)
        return {}, FILE_NOT_USABLE
    if not isinstance(data, dict):
        return {}, FILE_NOT_USABLE
    return data, ""


def load_kiosk_config() -> KioskConfig:
    data, problem = _read_site_config()
    pin = data.get("pin")
    if pin is not None and not valid_pin_hash(pin):
        log.info("kiosk PIN not usable: it is not a salted hash with bounded iterations")
        pin, problem = None, PIN_NOT_USABLE
    language = data.get("language")
    return KioskConfig(
        kiosk=data.get("kiosk") is True,
        idle_seconds=int(_number(data, "idle_seconds", 10, 3600, 120)),
        countdown_seconds=int(_number(data, "countdown_seconds", 5, 120, 20)),
        language=language if language in CODES else None,
        text_scale=float(_number(data, "text_scale", 0.75, 2.5, 1.25)),
        pin=pin,
        problem=problem,
    )


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = PIN_ITERATIONS
             ) -> dict[str, Any]:
    """A salted PBKDF2-SHA256 hash of a PIN, as the config file stores it."""
    import hashlib
    import secrets

    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return {"salt": salt.hex(), "hash": digest.hex(), "iterations": iterations}


def pin_matches(pin: str, stored: dict[str, Any]) -> bool:
    """Whether the PIN typed matches the stored hash; never raises, and a stored entry that
    is not a valid hash (so an unbounded or broken check) matches nothing."""
    import hashlib
    import hmac

    if not valid_pin_hash(stored) or not isinstance(pin, str) or len(pin) > 64:
        return False
    try:
        salt = bytes.fromhex(stored["salt"])
        expected = bytes.fromhex(stored["hash"])
        iterations = stored.get("iterations", PIN_ITERATIONS)
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8", "replace"), salt,
                                     iterations)
    except (KeyError, ValueError, TypeError, OverflowError):
        return False
    return hmac.compare_digest(digest, expected)
