"""Phone numbers on screen: a tel: link, whether this computer can place a call, and numbers
that never break across lines."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys

from PySide6.QtCore import QUrl

from trialfinder.trial.model import dialable

NO_BREAK_SPACE = "\u00a0"
NO_BREAK_HYPHEN = "\u2011"


def tel_url(phone: str) -> QUrl:
    """A tel: link to the first number of a phone field (trialfinder.trial.model.dialable;
    an empty link if there is none)."""
    return QUrl(f"tel:{dialable(phone)}")


def one_line(text: str) -> str:
    """A phone number that wraps as one word: "+86 138 0000 0000" (spaces and hyphens kept)."""
    return text.replace(" ", NO_BREAK_SPACE).replace("-", NO_BREAK_HYPHEN)


@functools.cache
def can_place_calls() -> bool:
    """Whether the system has a program for tel: links (asked once per run, only when a
    result is shown). macOS always has one (FaceTime); on Windows one is registered for the
    "tel" scheme; on Linux and other systems, xdg-mime names a default handler."""
    if sys.platform == "darwin":
        return True
    if sys.platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"tel\shell\open\command"):
                return True
        except OSError:
            return False
    tool = shutil.which("xdg-mime")
    if tool is None:
        return False
    try:
        found = subprocess.run([tool, "query", "default", "x-scheme-handler/tel"],
                               capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and bool(found.stdout.strip())
