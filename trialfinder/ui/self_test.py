"""--self-test: start offscreen, paint the first screen, check the resources, report."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def self_test(lang: str, started: float, api_base: str | None = None) -> int:
    """Print what was checked and the time to first paint; 0 if all is well.

    It touches the network only when given an API address (--api-base, for measuring start-up
    with the live check running): a self-test must not depend on the internet.
    """
    from PySide6.QtWidgets import QApplication

    from trialfinder.ui.launch import build_window

    checks: list[tuple[str, bool, str]] = []
    try:
        app, window = build_window(lang)
    except Exception as exc:  # the self-test reports any failure rather than crash
        print(f"FAIL start: {type(exc).__name__}: {exc}")
        return 1
    if api_base:
        from trialfinder.ui.launch import start_live_check

        start_live_check(window, api_base)
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
    checks.append(("screener definition", bool(screener.criteria),
                   f"{len(screener.facts)} facts, {len(screener.criteria)} criteria, "
                   f"{len(window.questionnaire.pages)} pages"))
    record = window.current.record
    checks.append(("trial record", record.nct_id == screener.nct_id,
                   f"{record.nct_id} {record.overall_status} ({window.current.source})"))
    checks.extend(_catalog_checks())
    checks.append(_related_check())
    from trialfinder.i18n.fonts import register_fonts

    families = register_fonts()
    checks.append(("bundled fonts", True, ", ".join(sorted(set(families))) or "none bundled"))
    ok = all(passed for _name, passed, _detail in checks)
    for name, passed, detail in checks:
        print(f"{'ok  ' if passed else 'FAIL'} {name}: {detail}")
    if painted:
        print(f"time to first paint: {(watcher.at - started) * 1000:.0f} ms")
    window.removeEventFilter(watcher)
    window.stack.widget(0).removeEventFilter(watcher)
    window.close()
    app.processEvents()
    return 0 if ok else 1


def _catalog_checks() -> list[tuple[str, bool, str]]:
    import gettext

    from PySide6.QtCore import QTranslator

    from trialfinder.i18n.content import DOMAIN
    from trialfinder.i18n.qt import qt_catalog_dir
    from trialfinder.paths import translations_dir

    found = gettext.find(DOMAIN, str(translations_dir()), languages=["zh_CN"])
    qt = QTranslator()
    qt_ok = qt.load("trialfinder_zh_CN", qt_catalog_dir())
    return [
        ("content catalog zh_CN", found is not None, found or "missing"),
        ("Qt catalog zh_CN", qt_ok, qt.filePath() or "missing"),
    ]


def _related_check() -> tuple[str, bool, str]:
    """The bundled list of other studies is there and readable (no network)."""
    from trialfinder.trial.related_source import bundled_related

    try:
        found = bundled_related()
    except (OSError, ValueError, KeyError) as exc:
        return ("other studies list", False, f"{type(exc).__name__}: {exc}"[:200])
    return ("other studies list", bool(found.studies),
            f"{len(found.studies)} studies, listed {found.listed}")
