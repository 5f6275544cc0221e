"""The composition root (trialfinder.composition.AppParts) holds the screener, the record
source and the mode, each built once."""

from __future__ import annotations

import shutil

from trialfinder.composition import AppParts
from trialfinder.modes import HOME, KIOSK
from trialfinder.paths import resources_dir
from trialfinder.screening.screener import load_screener, load_screener_file

BUNDLED = resources_dir() / "screeners" / "NCT06686524.toml"


def trial_copy(tmp_path):
    """A copy of the bundled screener file, with its record where the file says."""
    (tmp_path / "screeners").mkdir()
    copy = tmp_path / "screeners" / "trial.toml"
    shutil.copy(BUNDLED, copy)
    shutil.copytree(resources_dir() / "records", tmp_path / "records")
    return copy


def test_the_defaults():
    parts = AppParts(KIOSK)
    assert parts.mode is KIOSK and not parts.live and parts.api_base is None
    assert "screener" not in vars(parts)  # read only when first needed


def test_the_bundled_screener_and_its_record():
    parts = AppParts("volunteer")
    assert parts.mode.name == "volunteer"
    assert parts.screener is load_screener()  # the one cached for the process
    record = parts.stored_record()
    assert record.nct_id == parts.screener.nct_id
    assert record.criteria_sha256 == parts.screener.criteria_sha256


def test_a_screener_already_read_is_used_as_it_is_and_never_read_again(tmp_path):
    copy = trial_copy(tmp_path)
    loaded = load_screener_file(copy)
    copy.unlink()  # a second parse would fail now
    parts = AppParts(HOME, screener=loaded)
    assert parts.screener is loaded and parts.questionnaire.screener is loaded
    assert parts.questionnaire is parts.questionnaire
    assert loaded is not load_screener()  # it is the file given, not the bundled one
    assert parts.stored_record().nct_id == loaded.nct_id  # its record, beside the file
