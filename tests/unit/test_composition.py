"""The composition root (trialfinder.composition.AppParts) builds the screener, the record
source and the mode once; nothing is read when it is made."""

from __future__ import annotations

import shutil

import pytest

from trialfinder.composition import AppParts
from trialfinder.modes import HOME, KIOSK
from trialfinder.paths import resources_dir
from trialfinder.screening.schema import ScreenerError
from trialfinder.screening.screener import load_screener

BUNDLED = resources_dir() / "screeners" / "NCT06686524.toml"


def test_nothing_is_read_when_made(tmp_path):
    parts = AppParts(KIOSK, screener_file=tmp_path / "no-such.toml")
    assert parts.mode is KIOSK and not parts.live and parts.api_base is None
    with pytest.raises(ScreenerError, match=r"no-such\.toml: cannot read"):
        parts.screener  # noqa: B018  (read only when first needed)


def trial_copy(tmp_path):
    """A copy of the bundled screener file, with its record where the file says."""
    (tmp_path / "screeners").mkdir()
    copy = tmp_path / "screeners" / "trial.toml"
    shutil.copy(BUNDLED, copy)
    shutil.copytree(resources_dir() / "records", tmp_path / "records")
    return copy


def test_the_screener_is_parsed_once(tmp_path):
    copy = trial_copy(tmp_path)
    parts = AppParts(HOME, screener_file=copy)
    first = parts.screener
    copy.unlink()  # a second parse would fail now
    assert parts.screener is first
    assert parts.questionnaire.screener is first
    assert parts.questionnaire is parts.questionnaire
    assert first is not load_screener()  # it is the file given, not the bundled one
    assert first.nct_id == load_screener().nct_id


def test_the_bundled_screener_and_its_record():
    parts = AppParts("volunteer")
    assert parts.mode.name == "volunteer"
    assert parts.screener is load_screener()  # the one cached for the process
    record = parts.stored_record()
    assert record.nct_id == parts.screener.nct_id
    assert record.criteria_sha256 == parts.screener.criteria_sha256


def test_a_screener_already_read_is_used_as_it_is(tmp_path):
    copy = trial_copy(tmp_path)
    from trialfinder.screening.screener import load_screener_file

    loaded = load_screener_file(copy)
    parts = AppParts(KIOSK, screener_file=tmp_path / "no-such.toml", screener=loaded)
    assert parts.screener is loaded and parts.questionnaire.screener is loaded
