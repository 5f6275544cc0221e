"""The README names a Debian package for every library Qt's xcb plugin needs (issue 12: a
fresh Debian machine opened no window until two of them were installed)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import PySide6

from trialfinder.ui.self_test import XCB_PACKAGES

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).resolve().parent / "Qt"


def linked_libraries() -> set[str]:
    """Every libxcb* and libxkbcommon-x11 library the plugin links (ldd, found or not)."""
    files = [QT / "plugins" / "platforms" / "libqxcb.so", *QT.glob("lib/libQt6XcbQpa.so.*")]
    names: set[str] = set()
    for file in files:
        assert file.exists(), file
        out = subprocess.run(["ldd", str(file)], capture_output=True, text=True, timeout=30,
                             check=True).stdout
        names |= {line.split()[0] for line in out.splitlines()
                  if re.match(r"\s*lib(xcb|xkbcommon-x11)", line)}
    return names


def debian_package(library: str) -> str:
    """libxcb-icccm.so.4 -> libxcb-icccm4; libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    name, version = re.fullmatch(r"(lib[\w-]+?)\.so\.(\d+)", library).groups()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def test_every_xcb_library_has_its_package_in_the_readme_and_the_self_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("sudo apt-get install libxcb"))
    listed = set(line.split()[3:])
    assert listed == set(XCB_PACKAGES.split())  # the self-test's hint says the same
    libraries = linked_libraries()
    assert "libxcb-icccm.so.4" in libraries and "libxcb-keysyms.so.1" in libraries
    missing = {lib: debian_package(lib) for lib in libraries
               if debian_package(lib) not in listed}
    assert missing == {}


def test_the_package_names_follow_debian():
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libxcb.so.1") == "libxcb1"
