"""--self-test: start offscreen, paint the first screen, check the resources, report; and
try to open a real window and say honestly whether that worked.

The real window opens in a child process, because a Qt platform plugin that cannot load (a
missing xcb library) ends the process it is in: the child's end is then reported as a FAIL
with Qt's words, the missing libraries and what to install. On Linux the child is a fork
made before any QApplication or thread exists (no second Python start); elsewhere it is a
new process (``trialfinder --self-test`` with TRIALFINDER_WINDOW_PROBE=1). Either way it
starts first and runs while this process paints offscreen and checks the resources."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from trialfinder.ui.window_setup import NO_WINDOW_PLATFORMS, build_window, start_live_check

if TYPE_CHECKING:  # subprocess and signal load only when a real window is tried
    import subprocess

    from trialfinder.composition import AppParts
    from trialfinder.screening.screener import Screener

PROBE_ENV = "TRIALFINDER_WINDOW_PROBE"  # set in the child that opens the real window
# Debian/Ubuntu packages Qt's xcb platform plugin needs (also listed in README.md).
XCB_PACKAGES = ("libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 "
                "libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 "
                "libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 "
                "libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 "
                "libdbus-1-3")


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def self_test(lang: str, started: float, parts: AppParts, platform: str | None = None) -> int:
    """Print what was checked and the time to first paint (from ``started``: when the
    command line began to be read, before Qt is imported); 0 if all is well.

    It touches the network only when ``parts`` name an API address (--api-base, for measuring
    start-up with the live check running): a self-test must not depend on the internet.
    ``platform`` is the Qt platform the person's own start would use (their QT_QPA_PLATFORM,
    or None for Qt's default): the real-window check tries that one.
    """
    if os.environ.get(PROBE_ENV) == "1":
        return window_probe()
    probe = WindowProbe.start(platform)  # before any QApplication (None: nothing to try)
    from PySide6.QtWidgets import QApplication

    checks: list[tuple[str, bool, str]] = []
    try:
        app, window = build_window(lang, parts=parts)
    except Exception as exc:  # the self-test reports any failure rather than crash
        print(f"FAIL start: {type(exc).__name__}: {exc}")
        if probe is not None:
            probe.result()
        return 1
    if parts.api_base:
        start_live_check(window)
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.stack.currentWidget().installEventFilter(watcher)
    window.show()
    deadline = time.perf_counter() + 10
    while watcher.at is None and time.perf_counter() < deadline:
        QApplication.processEvents()
    painted = watcher.at is not None
    checks.append(("first screen painted", painted, window.current_name()))
    screener = window.questionnaire.screener
    checks.append(("screener definition", bool(screener.criteria), ", ".join((
        counted(len(screener.facts), "fact", "facts"),
        counted(len(screener.criteria), "criterion", "criteria"),
        counted(len(window.questionnaire.pages), "page", "pages")))))
    record = window.current.record
    checks.append(("trial record", record.nct_id == screener.nct_id,
                   f"{record.nct_id} {record.overall_status} ({window.current.source})"))
    checks.extend(_catalog_checks())
    checks.append(_related_check(screener))
    from trialfinder.i18n.fonts import register_fonts

    families = register_fonts()
    checks.append(("bundled fonts", True, ", ".join(sorted(set(families))) or "none bundled"))
    window_checked = probe.result() if probe is not None else None
    if window_checked is not None:
        checks.append(window_checked)
    ok = all(passed for _name, passed, _detail in checks)
    for name, passed, detail in checks:
        print(f"{'ok  ' if passed else 'FAIL'} {name}: {detail}")
    if window_checked is None:
        print(f"skip real window: {no_window_reason(platform)}")
    if painted:
        print(f"time to first paint: {(watcher.at - started) * 1000:.0f} ms")
    window.removeEventFilter(watcher)
    window.stack.widget(0).removeEventFilter(watcher)
    window.close()
    app.processEvents()
    return 0 if ok else 1


def counted(number: int, one: str, many: str) -> str:
    """"1 page", "19 pages" (the self-test's report is in English)."""
    return f"{number} {one if number == 1 else many}"


def _catalog_checks() -> list[tuple[str, bool, str]]:
    import gettext

    from PySide6.QtCore import QTranslator

    from trialfinder.i18n.content import DOMAIN
    from trialfinder.i18n.languages import TRANSLATED
    from trialfinder.i18n.qt import qt_catalog_dir
    from trialfinder.paths import translations_dir

    checks = []
    for code in TRANSLATED:  # every translated language of the languages table
        found = gettext.find(DOMAIN, str(translations_dir()), languages=[code])
        qt = QTranslator()
        qt_ok = qt.load(f"trialfinder_{code}", qt_catalog_dir())
        checks += [(f"content catalog {code}", found is not None, found or "missing"),
                   (f"Qt catalog {code}", qt_ok, qt.filePath() or "missing")]
    return checks


def _related_check(screener: Screener) -> tuple[str, bool, str]:
    """The trial's bundled list of other studies is there and readable (no network)."""
    from trialfinder.trial.related_source import bundled_related

    query = screener.trial.related
    if not screener.trial.related_studies or query is None:
        return ("other studies list", True, "this trial lists none")
    try:
        found = bundled_related(query)
    except (OSError, ValueError, KeyError) as exc:
        return ("other studies list", False, f"{type(exc).__name__}: {exc}"[:200])
    return ("other studies list", bool(found.studies),
            f"{len(found.studies)} studies, listed {found.listed}")


def no_window_reason(platform: str | None) -> str:
    if platform in NO_WINDOW_PLATFORMS:
        return f"QT_QPA_PLATFORM={platform} opens no window, so none was tried"
    return "no display (DISPLAY and WAYLAND_DISPLAY are not set), so none was tried"


def real_window_check(platform: str | None) -> tuple[str, bool, str] | None:
    """Open a real window in a child process; None when there is nothing to open one on."""
    probe = WindowProbe.start(platform)
    return probe.result() if probe is not None else None


PROBE_SECONDS = 60


class WindowProbe:
    """The child process that opens a real window (see the module's docstring)."""

    def __init__(self, pid: int | None, process: subprocess.Popen | None,
                 out: IO[bytes], err: IO[bytes]) -> None:
        self.pid, self.process, self.out, self.err = pid, process, out, err
        self.started = time.monotonic()

    @classmethod
    def start(cls, platform: str | None) -> WindowProbe | None:
        if platform in NO_WINDOW_PLATFORMS:
            return None
        if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY") and not platform):
            return None
        # the child's output, read (and closed) in result()
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115
        if sys.platform.startswith("linux"):  # fork is safe here; not on macOS, none on Windows
            return cls._fork(platform, out, err)
        env = dict(os.environ, **{PROBE_ENV: "1"})
        env.pop("QT_QPA_PLATFORM", None)
        if platform:
            env["QT_QPA_PLATFORM"] = platform
        command = ([sys.executable, "--self-test"] if getattr(sys, "frozen", False)
                   else [sys.executable, "-m", "trialfinder", "--self-test"])
        import subprocess

        try:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        except OSError as exc:
            err.write(f"the window check could not run ({exc})".encode())
            return cls(None, None, out, err)
        return cls(None, process, out, err)

    @classmethod
    def _fork(cls, platform: str | None, out: IO[bytes], err: IO[bytes]) -> WindowProbe:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid:
            return cls(pid, None, out, err)
        code = 1  # the child: the real window, its words in the files, then gone at once
        try:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            os.environ.pop("QT_QPA_PLATFORM", None)
            if platform:
                os.environ["QT_QPA_PLATFORM"] = platform
            code = window_probe()
        except BaseException as exc:  # whatever happens, the child ends here
            print(f"window: the check failed ({type(exc).__name__}: {exc})", file=sys.stderr)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def _wait(self) -> int | None:
        """The child's exit code (negative: the signal that ended it); None if it hung."""
        deadline = self.started + PROBE_SECONDS
        if self.process is not None:
            import subprocess

            try:
                return self.process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                return None
        if self.pid is None:
            return 1  # it could not start (the reason is in err)
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            if time.monotonic() > deadline:
                import signal

                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                return None
            time.sleep(0.01)

    def result(self) -> tuple[str, bool, str]:
        code = self._wait()
        self.out.seek(0)
        self.err.seek(0)
        stdout = self.out.read().decode("utf-8", "replace")
        stderr = self.err.read().decode("utf-8", "replace")
        self.out.close()
        self.err.close()
        if code is None:
            return ("real window", False,
                    f"the window check did not finish in {PROBE_SECONDS} seconds")
        if self.pid is None and self.process is None:
            return ("real window", False, stderr)
        opened = next((line for line in stdout.splitlines() if line.startswith("window: ")),
                      "")
        if code == 0 and "exposed" in opened:
            return ("real window", True, opened.removeprefix("window: "))
        return ("real window", False, window_failure(stderr, opened))


def window_failure(stderr: str, opened: str) -> str:
    """What went wrong, in Qt's words, with the missing libraries and what to install."""
    qt_lines = [line.strip() for line in stderr.splitlines()
                if "qt.qpa" in line or "platform plugin" in line or "could not connect" in line]
    parts = ["no window could be opened"]
    if opened:
        parts.append(opened.removeprefix("window: "))
    if qt_lines:
        parts.append("Qt said: " + " / ".join(dict.fromkeys(qt_lines)))
    missing = missing_xcb_libraries()
    if missing:
        parts.append("missing libraries: " + ", ".join(missing))
    if sys.platform.startswith("linux"):
        parts.append(f"on Debian/Ubuntu: sudo apt-get install {XCB_PACKAGES} (see README)")
    return "; ".join(parts)


def missing_xcb_libraries() -> list[str]:
    """Libraries Qt's xcb plugin needs that this system lacks (Linux; ldd), best effort."""
    if not sys.platform.startswith("linux"):
        return []
    import subprocess

    try:
        import PySide6

        qt = Path(PySide6.__file__).resolve().parent / "Qt"
        files = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*")]
        missing: list[str] = []
        for file in files:
            if not file.exists():
                continue
            out = subprocess.run(["ldd", str(file)], capture_output=True, text=True,
                                 timeout=20, check=False).stdout
            missing += [line.split()[0] for line in out.splitlines() if "not found" in line]
        return sorted(set(missing))
    except (OSError, subprocess.SubprocessError):
        return []


def window_probe() -> int:
    """In the child: open a small real window and wait until the window system shows it."""
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    name = app.platformName()
    if name in NO_WINDOW_PLATFORMS:
        print(f"window: the {name} platform shows no window")
        return 1
    widget = QWidget()
    widget.resize(240, 120)
    widget.show()
    deadline = time.perf_counter() + 15
    handle = widget.windowHandle()
    while time.perf_counter() < deadline and not (handle and handle.isExposed()):
        app.processEvents()
        time.sleep(0.01)
        handle = widget.windowHandle()
    exposed = bool(handle and handle.isExposed())
    print(f"window: {'exposed' if exposed else 'never shown'} on the {name} platform")
    widget.close()
    return 0 if exposed else 1
