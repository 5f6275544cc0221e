"""The command line's output and error lines, so that no output problem becomes a traceback
(no Qt): a terminal that cannot show Chinese, a closed standard output, a full disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from trialfinder.i18n.content import _

EXIT_OUTPUT = 1
MAX_NAME = 80


class BadInput(Exception):
    """Input the command cannot use; the message is one line for standard error."""


def prepare_streams() -> None:
    """Characters the output's encoding cannot show are written as \\u escapes (JSON stays
    valid) instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def cut(text: object, most: int = MAX_NAME) -> str:
    """A name or value from the input, short enough for one line of an error message."""
    shown = str(text)
    return shown if len(shown) <= most else shown[: most - 1] + "…"


def reason_text(exc: OSError) -> str:
    """Why a file could not be read or written, in the user's language."""
    reasons = {
        errno.ENOENT: _("no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.EROFS: _("the place is read-only"),
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk is full"),
        errno.ENOTDIR: _("it is not a folder"),
        errno.EEXIST: _("it is not a folder"),
        errno.EISDIR: _("it is a folder"),
        errno.EFBIG: _("it is too large"),
        errno.EINVAL: _("it is not a regular file"),
        errno.EPIPE: _("the output was closed"),
        errno.EBADF: _("the output was closed"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or cut(exc, 200))


def error_line(message: str) -> None:
    """One line on standard error (if there is one to write to)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(_("trialfinder: error: {message}").format(message=message) + "\n")
        sys.stderr.flush()


def finish(stdout: TextIO | None) -> int | None:
    """Flush the output; on failure, one error line and EXIT_OUTPUT (None if all is well)."""
    if stdout is None:
        error_line(_("cannot write the output: standard output is closed"))
        return EXIT_OUTPUT
    try:
        stdout.flush()
    except (OSError, ValueError) as exc:
        return output_failed(stdout, exc)
    return None


def output_failed(stdout: TextIO, exc: Exception) -> int:
    """Writing the output failed (closed, full): one error line, EXIT_OUTPUT."""
    _silence(stdout)
    reason = reason_text(exc) if isinstance(exc, OSError) else _("the output was closed")
    error_line(_("cannot write the output: {reason}").format(reason=reason))
    return EXIT_OUTPUT


def _silence(stdout: TextIO) -> None:
    """Point the failed output at /dev/null so that Python's exit does not retry it."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stdout.fileno())
        os.close(null)


def writable_folder(path: str) -> Path:
    """The folder to write files into, made if missing; OSError if it is not a folder or
    cannot be written."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", path)
    with tempfile.TemporaryFile(dir=folder):  # the real reason (read-only, full) if not
        pass
    return folder


def screenshots_failed(path: str, exc: OSError) -> int:
    """The one line for --screenshots into a place that cannot take them."""
    error_line(_("cannot write screenshots to {path}: {reason}").format(
        path=cut(path, 200), reason=reason_text(exc)))
    return 2
