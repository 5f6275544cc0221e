"""The bundled screener files' tables decoded ahead of time (trialfinder.screening.compiled):
current, the same as decoding the TOML, and never used for other bytes."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from trialfinder.screening import compiled
from trialfinder.screening.screener import load_screener_file
from trialfinder.screening.screener_file import bundled_screeners


@pytest.mark.parametrize("path", bundled_screeners(), ids=lambda p: p.name)
def test_each_bundled_screener_has_its_tables_decoded_and_current(path):
    raw = path.read_bytes()
    stored = compiled.stored_tables(path, raw)
    assert stored is not None, "run: python -m trialfinder.screening.compiled"
    assert stored == tomllib.loads(raw.decode("utf-8"))


def test_tables_for_other_bytes_are_not_used(tmp_path):
    bundled = bundled_screeners()[0]
    copy = tmp_path / bundled.name
    shutil.copy(bundled, copy)
    shutil.copy(compiled.decoded_path(bundled), compiled.decoded_path(copy))
    raw = copy.read_bytes()
    assert compiled.stored_tables(copy, raw) is not None
    edited = raw.replace(b'code = "PBC081"', b'code = "PBC082"')
    assert edited != raw
    copy.write_bytes(edited)
    assert compiled.stored_tables(copy, edited) is None  # stale: the TOML is decoded instead


def test_a_damaged_decoded_file_is_passed_over(tmp_path):
    bundled = bundled_screeners()[0]
    copy = tmp_path / bundled.name
    shutil.copy(bundled, copy)
    for damage in (b"", b"{", b"[]", b'{"toml": 1}', b"\xff\xfe"):
        compiled.decoded_path(copy).write_bytes(damage)
        assert compiled.stored_tables(copy, copy.read_bytes()) is None


def test_a_screener_file_elsewhere_is_decoded_from_its_toml(tmp_path):
    """A --trial file's JSON beside it is never read: only bundled files have one."""
    bundled = bundled_screeners()[0]
    (tmp_path / "screeners").mkdir()
    copy = tmp_path / "screeners" / bundled.name
    shutil.copy(bundled, copy)
    shutil.copytree(bundled.parent.parent / "records", tmp_path / "records")
    tables = tomllib.loads(bundled.read_text("utf-8"))
    tables["trial"]["code"] = "FROM-JSON"
    compiled.decoded_path(copy).write_text(
        __import__("json").dumps({"toml": compiled.fingerprint(copy.read_bytes()),
                                  "tables": tables}), "utf-8")
    assert load_screener_file(copy).trial.code == "PBC081"


def test_the_bundled_screener_loads_from_its_decoded_tables(monkeypatch):
    """The app's start-up path: no TOML decoding for a bundled file."""
    import trialfinder.screening.screener as screener

    def no_toml(raw):
        raise AssertionError("decoded the TOML")

    monkeypatch.setattr(compiled, "decode", no_toml)
    path = bundled_screeners()[0]
    loaded = screener._load.__wrapped__(path.absolute())
    assert loaded.nct_id == path.stem
