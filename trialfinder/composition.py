"""The composition root of the app: the trial's screener, its record source and the mode, each
built once and handed down to the window and its screens (constructor arguments).

Qt-free. Nothing here reads a file when made: the screener is parsed once, when first needed
(after the first screen has painted), and the stored record is read the same way.

    parts = AppParts(KIOSK)                                   # the bundled trial
    parts = AppParts(HOME, screener_file=Path("other.toml"))  # read when first needed
    parts = AppParts(HOME, screener=loaded)                   # one the caller has read
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from trialfinder.modes import HOME, Mode, mode_named

if TYPE_CHECKING:  # loaded when first needed, not at start-up
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.screener import Screener
    from trialfinder.trial.source import CurrentRecord


class AppParts:
    """What one run of the app is made of. The trial's screener: ``screener`` (already
    read, e.g. the one --trial chose), else ``screener_file``, else the bundled one.
    ``live``: whether the record (and the list of other studies) may be checked on the
    network, at ``api_base`` (None: ClinicalTrials.gov)."""

    def __init__(self, mode: Mode | str = HOME, screener_file: Path | None = None,
                 live: bool = False, api_base: str | None = None,
                 screener: Screener | None = None) -> None:
        self.mode = mode_named(mode)
        self.screener_file = screener_file
        self.live = live
        self.api_base = api_base
        if screener is not None:
            self.screener = screener  # the cached property's value: never read again

    @cached_property
    def screener(self) -> Screener:
        """The trial's screener, parsed and checked once."""
        from trialfinder.screening.screener import load_screener, load_screener_file

        if self.screener_file is None:
            return load_screener()
        return load_screener_file(self.screener_file)

    @cached_property
    def questionnaire(self) -> Questionnaire:
        from trialfinder.screening.questionnaire import Questionnaire

        return Questionnaire(self.screener)

    def stored_record(self) -> CurrentRecord:
        """The trial's record without the network: the newest of the cached and bundled."""
        from trialfinder.trial.source import current_record

        return current_record(self.screener.nct_id, self.screener.criteria_sha256,
                              bundled_path=self.screener.trial.record)
