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


def test_json_nests_at_most_100_deep_wherever_it_is_read():
    """Python's own limit depends on how deep the caller's stack is: a record kept in the
    cache at one depth was refused when read back at another."""
    from trialfinder.storage import JsonError, decode_json

    assert decode_json(b"[" * 100 + b"]" * 100) is not None
    assert decode_json(b'{"a":' * 99 + b"[]" + b"}" * 99) is not None
    for raw in (b"[" * 101 + b"]" * 101, b"[" * 5000 + b"]" * 5000):
        with pytest.raises(JsonError, match="nested too deeply"):
            decode_json(raw)


def test_a_record_that_would_not_read_back_is_not_kept_and_the_last_one_stays(isolated_dirs):
    """A live record nested 99 deep loads; kept in its envelope (one deeper) it would not, so
    it is not kept and the record kept before stays (it was lost at the next start)."""
    from tests.conftest import ROOT
    from trialfinder.trial import cache

    raw = (ROOT / "resources" / "records" / "NCT06686524.json").read_bytes()
    cache.save("NCT06686524", raw)
    before = cache.cache_path("NCT06686524").read_bytes()
    data = json.loads(raw)
    data["zzz"] = json.loads("[" * 99 + "]" * 99)
    with pytest.raises(OSError, match="not kept"):
        cache.save("NCT06686524", json.dumps(data).encode())
    assert cache.cache_path("NCT06686524").read_bytes() == before
    assert cache.load("NCT06686524") is not None


def test_a_large_list_of_other_studies_is_read_back(isolated_dirs):
    """A list over 1 MB (500 studies of Chinese text) was written, then thrown away at every
    read by the storage module's 1 MB cap."""
    import dataclasses
    import datetime as dt

    from trialfinder.screening.screener import load_screener
    from trialfinder.trial import related_source

    query = load_screener().trial.related
    bundled = related_source.bundled_related(query)
    study = bundled.studies[0]
    many = tuple(dataclasses.replace(study, nct_id=f"NCT{90000000 + i:08d}",
                                     title="细胞治疗" * 70, conditions=("幼年皮肌炎" * 20,) * 3)
                 for i in range(500))
    found = related_source.RelatedList(many, related_source.LIVE, dt.datetime.now(dt.UTC),
                                       query=query)
    related_source.save_cache(found)
    assert related_source.cache_path(query.screened_id).stat().st_size > 1024 * 1024
    kept = related_source.load_cache(query)
    assert kept is not None and len(kept.studies) == 500
