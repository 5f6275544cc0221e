"""A wheel built from the checkout carries everything the Chinese UI needs."""

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_contains_catalogs_font_and_resources(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
         str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("trialfinder-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "trialfinder/app.py",
        "trialfinder/resources/records/NCT06686524.json",
        "trialfinder/resources/screeners/NCT06686524.toml",
        "trialfinder/resources/fonts/TrialFinderNotoSansSC-Regular.otf",
        "trialfinder/resources/fonts/TrialFinderNotoSansSC-Bold.otf",
        "trialfinder/resources/fonts/OFL.txt",
        "trialfinder/translations/zh_CN/LC_MESSAGES/trialfinder.mo",
        "trialfinder/translations/qt/trialfinder_zh_CN.qm",
    ):
        assert needed in names, needed
