"""Finding and reading a screener file: the bundled ones, ``--trial``, the decoded tables,
and the trial's words alone.

The first screen and ``--help`` need only the trial's words (the ``[trial]`` table), so a
start reads that table at once (``trial_info``) and leaves the facts, rules, criteria and
pages (trialfinder.screening.screener, and the modules it loads) until they are first needed.
A problem is an error naming the file (and, from the checks, the key)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from trialfinder.paths import resources_dir
from trialfinder.screening import compiled
from trialfinder.screening.schema import ScreenerError, table
from trialfinder.screening.trial_section import TrialInfo, parse_trial

MAX_SCREENER_BYTES = 4 * 1024 * 1024  # far more than a trial's questions take


def bundled_screeners() -> list[Path]:
    """The screener files that come with the app, by name: the first is the default."""
    return sorted((resources_dir() / "screeners").glob("*.toml"))


def screener_path(trial: str | None = None) -> Path:
    """The screener file for ``--trial``: a bundled trial's id, or a path to a .toml file
    (None: the default bundled trial)."""
    bundled = bundled_screeners()
    if not trial:
        if not bundled:
            raise ScreenerError("no screener file comes with this copy of the app")
        return bundled[0]
    for path in bundled:
        if path.stem == trial:
            return path
    if trial.endswith(".toml") or "/" in trial or "\\" in trial:
        return Path(trial)
    names = ", ".join(path.stem for path in bundled)
    raise ScreenerError(f"{trial}: not a bundled trial ({names}) nor a .toml screener file")


def _read(path: Path) -> bytes:
    """A regular file's bytes (never a FIFO or device: no waiting), at most
    MAX_SCREENER_BYTES."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(MAX_SCREENER_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) > MAX_SCREENER_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_SCREENER_BYTES // 1024 // 1024} MB")
    return raw


@cache
def read_tables(path: Path) -> dict[str, Any]:
    """The file's decoded tables (read once per process; never changed by a reader): for a
    bundled file, decoded ahead of time when that copy is of exactly these bytes
    (trialfinder.screening.compiled), else decoded now."""
    raw = _read(path)
    if path.parent == (resources_dir() / "screeners").absolute():
        stored = compiled.stored_tables(path, raw)
        if stored is not None:
            return stored
    return compiled.decode(raw)


@contextmanager
def named_problems(path: Path) -> Iterator[None]:
    """Any problem reading or checking the file, as a ScreenerError that names it."""
    try:
        yield
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ScreenerError(f"{path.name}: cannot read ({reason})") from exc
    except RecursionError as exc:
        raise ScreenerError(f"{path.name}: nested too deeply") from exc
    except (ScreenerError, compiled.DecodeError) as exc:
        raise ScreenerError(f"{path.name}: {exc}") from exc


@cache
def _trial_info(path: Path) -> TrialInfo:
    with named_problems(path):
        data = table(read_tables(path), "")
        if "trial" not in data:
            raise ScreenerError("trial: missing")
        facts = table(data.get("facts", {}), "facts")
        trial = parse_trial(data["trial"], path.parent, set(facts))
    from trialfinder.trial.names import add_known_names

    add_known_names(trial.site_names)  # the record's place names, translated
    return trial


def trial_info(trial: str | None = None) -> TrialInfo:
    """The words of the trial ``--trial`` names (None: the default bundled trial), from its
    screener file's ``[trial]`` table alone, checked (the whole file is checked when its
    screener is first loaded: trialfinder.screening.screener.load_screener)."""
    return _trial_info(screener_path(trial).absolute())
