"""Modes are data (trialfinder.modes): each mode's fields, as the app behaved before they were
a table (tests/gui/test_kiosk*.py, test_volunteer.py and test_never_lose_work.py pin the
behaviour itself), and no screen compares mode names any more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trialfinder.modes import HOME, KIOSK, MODES, VOLUNTEER, Mode, mode_named

ROOT = Path(__file__).resolve().parents[2]

# field: (home, kiosk, volunteer)
EXPECTED = {
    "can_save_answers": (True, False, False),  # only at home: a file to carry on later
    "can_save_pdf": (True, False, True),  # a kiosk writes no file, ever
    "may_close": (True, False, True),  # a kiosk: only the staff exit
    "asks_before_closing": (True, False, True),
    "keeps_tally": (False, False, True),
    "shows_registry_words": (False, False, True),
    "can_call": (True, False, True),  # a kiosk has no phone: the QR code only
    "opens_browser": (True, False, True),
    "print_dialog": (True, False, True),  # a kiosk prints at once
    "next_family": (False, False, True),
    "writes_nothing": (False, True, False),
}


@pytest.mark.parametrize("field", sorted(EXPECTED))
def test_each_field_of_each_mode(field):
    assert (getattr(HOME, field), getattr(KIOSK, field), getattr(VOLUNTEER, field)) == (
        EXPECTED[field])


def test_the_table_names_every_field_and_every_mode():
    fields = set(Mode._fields) - {"name"}
    assert fields == set(EXPECTED)
    assert list(MODES) == ["home", "kiosk", "volunteer"]
    assert all(MODES[name].name == name for name in MODES)


def test_modes_are_frozen_and_found_by_name():
    with pytest.raises(AttributeError):
        KIOSK.may_close = True  # type: ignore[misc]
    assert mode_named("kiosk") is KIOSK and mode_named(VOLUNTEER) is VOLUNTEER
    with pytest.raises(KeyError):
        mode_named("museum")


def test_no_screen_compares_mode_names():
    """The window and its screens read fields; `mode == "kiosk"` and the like are gone."""
    pattern = re.compile(r"""mode\s*[!=]=\s*["']|["'](home|kiosk|volunteer)["']\s*[!=]=""")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in sorted((ROOT / "trialfinder").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []
