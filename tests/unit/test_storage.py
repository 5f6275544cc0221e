"""Settings on disk: atomic, forgiving of damage, never holding answers."""

import json
import logging
import os

import pytest

from trialfinder.settings import DEFAULTS, load_settings, save_setting, settings_path
from trialfinder.storage import config_dir, read_json_object, write_atomic


def test_settings_live_under_the_platformdirs_config_dir(isolated_dirs):
    assert settings_path().is_relative_to(isolated_dirs / "config")


def test_override_for_portable_installs(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALFINDER_CONFIG_DIR", str(tmp_path / "portable"))
    assert config_dir() == tmp_path / "portable"


def test_defaults_without_a_file():
    assert load_settings() == DEFAULTS
    assert not settings_path().exists()


def test_save_and_load():
    save_setting("language", "zh_CN")
    save_setting("text_scale", 1.5)
    assert load_settings() == {"language": "zh_CN", "text_scale": 1.5}
    assert json.loads(settings_path().read_text("utf-8")) == {"language": "zh_CN",
                                                               "text_scale": 1.5}


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b"[1, 2]", b"", b"null"])
def test_a_damaged_file_is_moved_aside_and_defaults_used(content, caplog):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert load_settings() == DEFAULTS
    assert not path.exists()
    assert path.with_name("settings.json.broken").read_bytes() == content
    assert "damaged" in caplog.text
    save_setting("language", "en")  # and saving works again afterwards
    assert load_settings()["language"] == "en"


def test_bad_values_and_unknown_keys_are_ignored():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"language": "fr", "text_scale": 99, "answers": {"x": 1}}))
    assert load_settings() == DEFAULTS


def test_only_preferences_can_be_saved():
    with pytest.raises(ValueError):
        save_setting("age_years", 9)
    with pytest.raises(ValueError):
        save_setting("language", "klingon")


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "deep" / "file.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(os.listdir(target.parent)) == ["file.json"]


def test_unreadable_path_gives_none(tmp_path):
    (tmp_path / "dir.json").mkdir()
    assert read_json_object(tmp_path / "dir.json") is None


def test_portable_folder_next_to_a_frozen_executable(tmp_path, monkeypatch):
    import sys

    from trialfinder.site_config import site_config_path
    from trialfinder.storage import cache_dir, data_dir

    (tmp_path / "TrialFinder-data").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "TrialFinder"))
    for variable in ("TRIALFINDER_CONFIG_DIR", "TRIALFINDER_CACHE_DIR", "TRIALFINDER_DATA_DIR",
                     "TRIALFINDER_SITE_CONFIG"):
        monkeypatch.delenv(variable, raising=False)
    root = tmp_path / "TrialFinder-data"
    assert (config_dir(), cache_dir(), data_dir()) == (root / "config", root / "cache",
                                                        root / "data")
    assert site_config_path() == root / "kiosk.json"
    save_setting("language", "zh_CN")
    assert (root / "config" / "settings.json").exists()


def test_environment_variables_win(tmp_path, monkeypatch):
    from trialfinder.storage import cache_dir, data_dir

    monkeypatch.setenv("TRIALFINDER_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("TRIALFINDER_DATA_DIR", str(tmp_path / "d"))
    assert cache_dir() == tmp_path / "c" and data_dir() == tmp_path / "d"
