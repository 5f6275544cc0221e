"""The three ways the app runs (at home, a clinic kiosk, an advocacy volunteer), as data.

The window and its screens read a mode's fields; nothing compares mode names. A new mode is
one more row in MODES. Qt-free (the kiosk's site configuration is in site_config).
"""

from __future__ import annotations

from typing import NamedTuple


class Mode(NamedTuple):  # a named tuple, not a dataclass: quicker to make at start-up
    """What the app may do, and offers, in one way of running."""

    name: str
    can_save_answers: bool  # save and open an answers file (the button, Ctrl+S, the welcome)
    can_save_pdf: bool  # the result offers the summary as a PDF file
    may_close: bool  # the window manager and Alt+F4 may close it (a kiosk: the staff exit)
    asks_before_closing: bool  # closing with unsaved answers asks first
    keeps_tally: bool  # the anonymous tally: its button, and one row per family's result
    shows_registry_words: bool  # the registry's own words beside each plain question
    can_call: bool  # offers to call the study team (a kiosk has no phone: the QR code only)
    opens_browser: bool  # links to other studies open the web browser
    print_dialog: bool  # printing asks which printer first (a kiosk prints at once)
    next_family: bool  # "Next family" on every screen but the first, instead of "Start again"
    writes_nothing: bool  # nothing is ever written to disk, and the welcome screen says so


HOME = Mode("home", can_save_answers=True, can_save_pdf=True, may_close=True,
            asks_before_closing=True, keeps_tally=False, shows_registry_words=False,
            can_call=True, opens_browser=True, print_dialog=True, next_family=False,
            writes_nothing=False)
KIOSK = Mode("kiosk", can_save_answers=False, can_save_pdf=False, may_close=False,
             asks_before_closing=False, keeps_tally=False, shows_registry_words=False,
             can_call=False, opens_browser=False, print_dialog=False, next_family=False,
             writes_nothing=True)
VOLUNTEER = Mode("volunteer", can_save_answers=False, can_save_pdf=True, may_close=True,
                 asks_before_closing=True, keeps_tally=True, shows_registry_words=True,
                 can_call=True, opens_browser=True, print_dialog=True, next_family=True,
                 writes_nothing=False)

MODES: dict[str, Mode] = {mode.name: mode for mode in (HOME, KIOSK, VOLUNTEER)}


def mode_named(mode: Mode | str) -> Mode:
    """A mode, given itself or its name ("home", "kiosk", "volunteer")."""
    return mode if isinstance(mode, Mode) else MODES[mode]
