"""The installable app: desktop integration files validate, and the frozen bundle builds,
passes its self-test, shows Chinese, and stays within 1.2x of a bare PySide6 bundle."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"


def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate",
                             str(LINUX / "io.github.trialfinder.TrialFinder.desktop")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_appstream_metainfo_validates_and_is_translated():
    path = LINUX / "io.github.trialfinder.TrialFinder.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    text = path.read_text("utf-8")
    assert '<name xml:lang="zh-CN">' in text and '<summary xml:lang="zh-CN">' in text


def test_icons_come_from_one_svg():
    icons = ROOT / "packaging" / "icons"
    assert (icons / "trialfinder.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "trialfinder.icns").read_bytes()[:4] == b"icns"
    assert (icons / "trialfinder-256.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist") / "dist"
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist",
                             str(dist)], capture_output=True, text=True, timeout=1200,
                            check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dist, result.stdout


@pytest.mark.frozen
def test_bundle_builds_passes_its_self_test_and_is_small(bundle):
    _dist, output = bundle
    assert "ok   first screen painted" in output
    assert "ok   Qt catalog zh_CN" in output and "TrialFinder Noto Sans SC" in output
    ratio = float(re.search(r"ratio: ([\d.]+)x", output).group(1))
    assert ratio <= 1.2
    # both bundles were started to a window painted on screen (Xvfb here), same run
    timing = output[output.index("time to a visible window"):]
    assert re.search(r"TrialFinder bundle: +\d+ ms", timing), timing
    assert re.search(r"Hello bundle: +\d+ ms", timing), timing


@pytest.mark.frozen
def test_bundle_shows_chinese_without_system_cjk_fonts(bundle, tmp_path):
    dist, _output = bundle
    conf = tmp_path / "fonts.conf"
    conf.write_text("<?xml version='1.0'?><fontconfig><dir>/usr/share/fonts/truetype/dejavu"
                    f"</dir><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>", "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(conf)}
    shots = tmp_path / "shots"
    result = subprocess.run([str(dist / "TrialFinder" / "TrialFinder"), "--screenshots",
                             str(shots), "--lang", "zh_CN"], env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert len(list(shots.glob("*.png"))) == 25
    evaluated = subprocess.run([str(dist / "TrialFinder" / "TrialFinder"), "evaluate", "-",
                                "--lang", "zh_CN"], input='{"age_years": 3}', env=env,
                               capture_output=True, text=True, timeout=120, check=False)
    assert evaluated.returncode == 0 and "很可能不符合条件" in evaluated.stdout
