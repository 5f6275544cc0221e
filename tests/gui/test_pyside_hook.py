"""PySide's import hook stops reading every new module's source once trialfinder.ui is
imported (ui.pyside_hook), and PySide's own features still work. Each check runs in a fresh
Python, where nothing has imported PySide yet."""

from __future__ import annotations

import os
import subprocess
import sys
from types import ModuleType

from tests.conftest import ROOT

# Imports modules nobody has imported yet, counting how often PySide's hook reads a source.
COUNT_SCANS = """
import sys
{first}
feature = sys.modules["shibokensupport.feature"]
real = feature._mod_uses_pyside
scanned = []
def counted(module):
    scanned.append(module.__name__)
    return real(module)
feature._mod_uses_pyside = counted
import trialfinder.screening.screener, trialfinder.trial.parser, json.tool, tomllib
print(len(scanned))
"""


def python(script: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "TRIALFINDER_CONFIG_DIR": str(tmp_path), "TRIALFINDER_CACHE_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_after_the_ui_package_no_module_source_is_read(tmp_path):
    done = python(COUNT_SCANS.format(first="import trialfinder.ui"), tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0"]


def test_with_pyside_alone_every_new_module_source_is_read(tmp_path):
    """The same imports with PySide's hook as it comes: the count above is not zero by
    chance (and the hook is where ui.pyside_hook expects it)."""
    done = python(COUNT_SCANS.format(first="import PySide6.QtCore"), tmp_path)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) >= 10


def test_a_module_that_selects_a_pyside_feature_still_gets_it(tmp_path):
    """``from __feature__ import snake_case`` (never used by the app) works as before."""
    module = tmp_path / "snake_module.py"
    module.write_text("from __feature__ import snake_case  # noqa: F401\n"
                      "from PySide6.QtWidgets import QApplication, QWidget\n"
                      "app = QApplication.instance() or QApplication([])\n"
                      "widget = QWidget()\n"
                      "widget.set_window_title('snake')\n"
                      "print(widget.window_title())\n", encoding="utf-8")
    done = python(f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\n"
                  "import trialfinder.ui\nimport json\nimport snake_module\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["snake"]


def test_a_hook_of_another_shape_is_left_alone(monkeypatch):
    from trialfinder.ui import pyside_hook

    def theirs(module):
        return None

    other = ModuleType(pyside_hook.FEATURE_MODULE)
    other.feature_imported = theirs  # but no pyside_feature_dict: not the hook we know
    monkeypatch.setitem(sys.modules, pyside_hook.FEATURE_MODULE, other)
    assert pyside_hook.quiet_source_scan() is False
    assert other.feature_imported is theirs
    monkeypatch.delitem(sys.modules, pyside_hook.FEATURE_MODULE)
    assert pyside_hook.quiet_source_scan() is False
