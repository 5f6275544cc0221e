"""The screens as a screen reader reads them: the real window on an X server (Xvfb) with the
AT-SPI accessibility bus, read with pyatspi by tests/gui/atspi_walk.py (Debian's
python3-pyatspi, so the system Python, as its own process), in every language the app speaks.
"""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    missing = [tool for tool in NEEDED if not shutil.which(tool)]
    assert not missing, f"install {missing} (.ci/run does)"
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x6000x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    name = f":{number}"
    # a window manager, so that the app's window gets the keyboard focus as on a desktop
    wm = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": name},
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield name
    wm.terminate()
    xvfb.terminate()
    wm.wait(timeout=10)
    xvfb.wait(timeout=10)


def walk(display: str, lang: str) -> tuple[int, dict]:
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
    result = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER)],
                            input=json.dumps(job), capture_output=True, text=True, env=env,
                            timeout=600, check=False)
    try:  # the AT-SPI registry, started on the bus, may say hello on standard output first
        report = json.loads(result.stdout[result.stdout.index("{\n"):])
    except (ValueError, json.JSONDecodeError):
        pytest.fail(f"the walker failed:\n{result.stdout}\n{result.stderr[-3000:]}")
    return result.returncode, report


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_reads_well_to_a_screen_reader(display, lang):
    status, report = walk(display, lang)
    screens = report["screens"]
    assert report["problems"] == [], "\n".join(report["problems"])
    assert status == 0
    # welcome, about, every question page, review, result
    assert len(screens) >= 23, [s["screen"] for s in screens]
    for screen in screens:
        assert screen["focus_order"], screen
