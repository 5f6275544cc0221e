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


def test_the_bundled_trials_words_come_without_reading_its_screener():
    """The first screen needs only the trial's words: the bundled file's [trial] table."""
    parts = AppParts(HOME)
    words = parts.trial
    assert "screener" not in vars(parts)
    assert words == parts.screener.trial  # the same words the whole file gives
    assert words.nct_id == "NCT06686524"


def test_the_words_of_a_screener_given_are_its_own(tmp_path):
    loaded = load_screener_file(trial_copy(tmp_path))
    assert AppParts(HOME, screener=loaded).trial is loaded.trial


def test_a_start_with_no_trial_named_reads_no_rules_pages_or_criteria():
    """trialfinder --help and the window's start: the default trial's words alone (the
    screener module, its rules and pages load when first needed); --trial reads it whole."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = ("import sys\n"
              "from trialfinder.app import load_trial\n"
              "chosen = load_trial([])\n"
              "print(chosen.info.nct_id, chosen.screener,\n"
              "      [m for m in ('trialfinder.screening.screener',\n"
              "                   'trialfinder.screening.rules',\n"
              "                   'trialfinder.screening.pages') if m in sys.modules])\n"
              "named = load_trial(['--trial', 'NCT06686524'])\n"
              "print(named.screener.nct_id, named.info is named.screener.trial)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.stdout.splitlines() == ["NCT06686524 None []", "NCT06686524 True"], done.stderr
