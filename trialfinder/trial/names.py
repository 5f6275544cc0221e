"""Names from the trial record that have a translation: the registry's spelling -> a msgid.

Filled from each loaded screener file's ``[trial.site_names]`` (no imports: loading a
screener stays cheap); trialfinder.trial.display shows them translated."""

from __future__ import annotations

from collections.abc import Mapping

KNOWN_NAMES: dict[str, str] = {}


def add_known_names(names: Mapping[str, str]) -> None:
    """Names a trial file knows (its sites, cities, provinces, countries)."""
    KNOWN_NAMES.update(names)
