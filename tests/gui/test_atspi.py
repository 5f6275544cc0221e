"""The screens as a screen reader reads them: the real window on an X server (Xvfb) with the
AT-SPI accessibility bus, read with pyatspi by tests/gui/atspi_walk.py (Debian's
python3-pyatspi, so the system Python, as its own process), in every language the app speaks.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.xdisplay import xvfb_with_openbox
from trialfinder.i18n.content import LANGUAGES, gettext_for
from trialfinder.i18n.languages import LANGUAGES_TABLE
from trialfinder.screening.wording import VERDICT_TITLE
from trialfinder.trial.parser import parse_study

SYSTEM_PYTHON = "/usr/bin/python3"  # the Python that Debian's python3-pyatspi belongs to
WALKER = Path(__file__).with_name("atspi_walk.py")
NEEDED = ("Xvfb", "dbus-run-session", "xdotool", "openbox")
pytestmark = pytest.mark.slow


def qt_words(lang: str, context: str, *sources: str) -> list[str]:
    """The Qt catalog's words for these source texts, in ``lang``."""
    if lang == "en":
        return list(sources)
    tree = ET.parse(ROOT / "translations" / "qt" / f"trialfinder_{lang}.ts")
    words = {}
    for ctx in tree.getroot():
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                words[message.findtext("source")] = message.findtext("translation")
    return [words[s] for s in sources]


def record():
    return parse_study(json.loads(
        (ROOT / "resources" / "records" / "NCT06686524.json").read_text("utf-8")))


def contacts() -> list[str]:
    """The study team's phone numbers and e-mail addresses."""
    found = [c.phone for c in record().all_contacts() if c.phone]
    found += [c.email for c in record().all_contacts() if c.email]
    return sorted(set(found))


@contextlib.contextmanager
def x_display() -> Iterator[str]:
    """A private X server with a window manager (so the app's window gets the keyboard focus
    as on a desktop); its name, like ":5"."""
    missing = [tool for tool in NEEDED if not shutil.which(tool)]
    assert not missing, f"install {missing} (.ci/run does)"
    with xvfb_with_openbox(1280, 6000) as env:  # focus as on a desktop
        yield env["DISPLAY"]


def start_walk(display: str, lang: str) -> subprocess.Popen:
    """The walker for one language on its own display (a process: every language's walk runs
    at once, each with its own X server, bus and focus)."""
    assert Path(SYSTEM_PYTHON).exists()
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True,
                           check=False)
    assert check.returncode == 0, "install python3-pyatspi (.ci/run does)"
    gettext = gettext_for(lang)
    job = {
        "lang": lang,
        "app": [sys.executable, "-m", "trialfinder", "--offline", "--lang", lang],
        "app_name": "TrialFinder",
        "cwd": str(ROOT),
        "env": {"QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                "PYTHONPATH": str(ROOT), "DISPLAY": display},
        "next_names": qt_words(lang, "MainWindow", "Start", "Next", "See the result"),
        "verdicts": [gettext(title) for title in VERDICT_TITLE.values()],
        "contacts": contacts(),
        # the same in every language: the language buttons (each in its own script), names,
        # units (on Linux a combo box's name is its value; its label is a relation)
        "allowed": [*(row.accessible_name for row in LANGUAGES_TABLE),
                    *(row.native_name for row in LANGUAGES_TABLE), "TrialFinder", "CAR-T",
                    "NCT06686524", "µmol/L", "mg/dL",
                    *(c.name for c in record().all_contacts() if c.name)],
    }
    env = {**os.environ, "DISPLAY": display, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    # dbus-run-session: a private session bus; the AT-SPI bus (at-spi-bus-launcher) and its
    # registry are started on it by D-Bus activation when the app asks for them
    walker = subprocess.Popen(["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    walker.stdin.write(json.dumps(job))
    walker.stdin.close()
    walker.stdin = None  # given in full: communicate() later only reads
    return walker


def finish_walk(walker: subprocess.Popen) -> tuple[int, dict | str]:
    try:
        stdout, stderr = walker.communicate(timeout=900)
    except subprocess.TimeoutExpired:
        walker.kill()
        stdout, stderr = walker.communicate()
    try:  # the AT-SPI registry, started on the bus, may say hello on standard output first
        return walker.returncode, json.loads(stdout[stdout.index("{\n"):])
    except ValueError:
        return walker.returncode, f"the walker failed:\n{stdout}\n{stderr[-3000:]}"


@pytest.fixture(scope="module")
def reports() -> Iterator[dict[str, tuple[int, dict | str]]]:
    """Every language's walk, run at the same time (each takes about two minutes)."""
    with contextlib.ExitStack() as stack:
        displays = {lang: stack.enter_context(x_display()) for lang in LANGUAGES}
        walkers = {lang: start_walk(displays[lang], lang) for lang in LANGUAGES}
        yield {lang: finish_walk(walker) for lang, walker in walkers.items()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_reads_well_to_a_screen_reader(reports, lang):
    status, report = reports[lang]
    if isinstance(report, str):
        pytest.fail(report)
    screens = report["screens"]
    assert report["problems"] == [], "\n".join(report["problems"])
    assert status == 0
    # welcome, about, every question page, review, result
    assert len(screens) >= 23, [s["screen"] for s in screens]
    for screen in screens:
        assert screen["focus_order"], screen
