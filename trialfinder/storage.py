"""Files the app keeps between runs: where they live and how they are written.

Only settings, the cached public trial record and (in volunteer mode) a tally of outcomes
are kept; never a family's answers unless the user saves them. Every write is atomic (a
temporary file, then os.replace), and a damaged file is moved aside, logged and replaced by
defaults: never a crash.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import sys
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


class NotRegularFile(OSError):
    """A device, a FIFO, a folder: never read (it may never end)."""


class TooLarge(OSError):
    """A file over the size cap for what it should hold."""


def write_atomic(path: Path, data: bytes, make_dirs: bool = True) -> None:
    """Write a file so that a reader sees the old content or the new, never half of it.
    make_dirs=False for a place the person chose: their folder must already be there."""
    if make_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # never replace a device, FIFO, folder
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
    except FileNotFoundError:
        pass
    import tempfile  # only when writing: not at start-up

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


def read_regular(path: Path, limit: int) -> bytes:
    """A regular file's bytes, reading at most ``limit`` + 1 (TooLarge if there are more).
    A FIFO, device (/dev/zero), socket or folder raises NotRegularFile without blocking."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"larger than {limit // 1024} KB", str(path))
    return data


class JsonError(ValueError):
    """Bytes that are not a JSON document this app can use. ``kind`` says why: "utf8",
    "syntax" (with line and column), "nesting" or "number" (a number too long to be real)."""

    def __init__(self, kind: str, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.column = column


MAX_NUMBER_DIGITS = 40


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise JsonError("number", f"a number with {len(text)} digits")
    return int(text)


def _real(text: str) -> float:
    if len(text) > 10 * MAX_NUMBER_DIGITS:
        raise JsonError("number", f"a number with {len(text)} digits")
    return float(text)


def decode_json(raw: bytes) -> Any:
    """Decode UTF-8 JSON (a byte-order mark is allowed); JsonError for anything else,
    including numbers longer than any real one (Python refuses to convert those)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonError("utf8", "not UTF-8 text") from exc
    try:
        value = json.loads(text, parse_int=_integer, parse_float=_real)
    except json.JSONDecodeError as exc:
        raise JsonError("syntax", f"{exc.msg} (line {exc.lineno}, column {exc.colno})",
                        exc.lineno, exc.colno) from exc
    except RecursionError as exc:
        raise JsonError("nesting", "nested too deeply") from exc
    except JsonError:
        raise
    except ValueError as exc:  # e.g. Python's own limit on digits
        raise JsonError("number", str(exc)[:200]) from exc
    if nested_deeper_than(value, MAX_JSON_DEPTH):
        raise JsonError("nesting", "nested too deeply")
    return value


# Deeper than any file or record this app reads (a study record nests about 7 deep). A fixed
# limit: Python's own (RecursionError) depends on how deep the caller's stack is, so a record
# kept in the cache at one depth could be refused when read back at another.
MAX_JSON_DEPTH = 100


def nested_deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and objects in ``value`` nest more than ``limit`` deep (no recursion)."""
    stack = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return False


MAX_JSON_BYTES = 1024 * 1024


def read_json_object(path: Path, max_bytes: int = MAX_JSON_BYTES) -> dict[str, Any] | None:
    """A JSON object from a file; None if there is none; a damaged one is moved aside. Only a
    regular file is read, and only up to ``max_bytes``."""
    try:
        raw = read_regular(path, max_bytes)
    except FileNotFoundError:
        return None
    except TooLarge as exc:
        move_aside(path, str(exc))
        return None
    except OSError as exc:
        log.warning("could not read %s: %s", path, exc)
        return None
    try:
        data = decode_json(raw)
    except JsonError as exc:
        move_aside(path, str(exc))
        return None
    if not isinstance(data, dict):
        move_aside(path, "not a JSON object")
        return None
    return data


def write_json_object(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
