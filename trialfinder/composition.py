"""The composition root of the app: the trial's screener, its record source and the mode, each
built once and handed down to the window and its screens (constructor arguments).

Qt-free. The screener is the one the caller has read (``--trial``), else the bundled one,
parsed once when first needed, after the first paint: the welcome screen needs only the
trial's words (``trial``), read from the file's ``[trial]`` table alone. The stored record is
read when first needed, after the first paint too.

    parts = AppParts(KIOSK)                  # the bundled trial
    parts = AppParts(HOME, screener=loaded)  # the trial --trial chose
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from trialfinder.modes import HOME, Mode, mode_named

if TYPE_CHECKING:  # loaded when first needed, not at start-up
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.screener import Screener
    from trialfinder.screening.trial_section import TrialInfo
    from trialfinder.trial.source import CurrentRecord


class AppParts:
    """What one run of the app is made of. The trial's screener: ``screener`` (already
    read, e.g. the one --trial chose), else the bundled one. ``live``: whether the record
    (and the list of other studies) may be checked on the network, at ``api_base`` (None:
    ClinicalTrials.gov)."""

    def __init__(self, mode: Mode | str = HOME, live: bool = False,
                 api_base: str | None = None, screener: Screener | None = None) -> None:
        self.mode = mode_named(mode)
        self.live = live
        self.api_base = api_base
        if screener is not None:
            self.screener = screener  # the cached property's value: never read again

    @cached_property
    def screener(self) -> Screener:
        """The bundled trial's screener, parsed and checked once per process."""
        from trialfinder.screening.screener import load_screener

        return load_screener()

    @cached_property
    def trial(self) -> TrialInfo:
        """The trial's words (titles, welcome, about): all the first screen needs. For the
        bundled trial they are read from its file's [trial] table alone, so the window shows
        before the facts, rules and pages are read."""
        if "screener" in self.__dict__:  # given, or already read
            return self.screener.trial
        from trialfinder.screening.screener_file import trial_info

        return trial_info()

    @cached_property
    def questionnaire(self) -> Questionnaire:
        from trialfinder.screening.questionnaire import Questionnaire

        return Questionnaire(self.screener)

    def stored_record(self) -> CurrentRecord:
        """The trial's record without the network: the newest of the cached and bundled."""
        from trialfinder.trial.source import current_record

        return current_record(self.screener.nct_id, self.screener.criteria_sha256,
                              bundled_path=self.screener.trial.record)
