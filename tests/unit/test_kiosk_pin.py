"""`trialfinder kiosk-pin`: the administrator's tool for the kiosk's staff PIN. Run as a real
process in a new session (no controlling terminal), so Python's getpass prompts on standard
error and reads standard input, as it does when the PIN is piped in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trialfinder.site_config import load_kiosk_config, pin_matches

ROOT = Path(__file__).resolve().parents[2]


def kiosk_pin(typed: str, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "trialfinder", *options, "kiosk-pin"],
                          input=typed, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=60, start_new_session=True)


def test_the_pin_entry_it_prints_opens_the_kiosk_with_that_pin_only(tmp_path, monkeypatch):
    done = kiosk_pin("2468\n2468\n", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "New staff PIN (4 to 12 digits): " in done.stderr
    assert "The same PIN again: " in done.stderr
    entry = json.loads(done.stdout)
    assert set(entry) == {"pin"}
    assert "2468" not in done.stdout  # only the salted hash is shown
    # pasted into kiosk.json as the docs say, it is a usable PIN
    config_file = tmp_path / "kiosk.json"
    config_file.write_text(json.dumps({"kiosk": True, **entry}), encoding="utf-8")
    monkeypatch.setenv("TRIALFINDER_SITE_CONFIG", str(config_file))
    config = load_kiosk_config()
    assert config.problem == "" and config.kiosk
    assert pin_matches("2468", config.pin)
    assert not pin_matches("2469", config.pin)


@pytest.mark.parametrize(("typed", "lang", "message"), [
    ("2468\n2467\n", "en", "the two PINs were not the same. Nothing was made"),
    ("2468\n2467\n", "zh_CN", "两次输入的密码不一样"),
    ("12\n12\n", "zh_TW", "密碼須為 4 到 12 位數字"),
    ("1234567890123\n1234567890123\n", "en", "a PIN is 4 to 12 digits (0 to 9)"),
    # digits the kiosk's number pad cannot type: a PIN nobody could ever enter
    ("\u00b2\u00b2\u00b2\u00b2\n\u00b2\u00b2\u00b2\u00b2\n", "en", "a PIN is 4 to 12 digits"),
    ("\u0661\u0662\u0663\u0664\n\u0661\u0662\u0663\u0664\n", "en", "a PIN is 4 to 12 digits"),
    ("", "en", "no PIN was given, so nothing was made."),
    ("", "zh_CN", "没有输入密码"),
])
def test_a_pin_that_cannot_be_used_makes_nothing_and_says_why(typed, lang, message):
    done = kiosk_pin(typed, "--lang", lang)
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_the_prompts_are_in_the_language_asked_for():
    done = kiosk_pin("2468\n2468\n", "--lang", "zh_TW")
    assert done.returncode == 0, done.stderr
    assert "新的工作人員密碼（4 到 12 位數字）：" in done.stderr
    assert "請再輸入一次同一組密碼：" in done.stderr
    assert "pin" in json.loads(done.stdout)
