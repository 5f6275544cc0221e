"""Starting the Qt application: the window, --screenshots and --self-test.

The app's parts (the mode, the trial's screener and its record source) are chosen here from
the command line and the site's kiosk configuration, once, and handed to the window
(trialfinder.composition.AppParts; ui.window_setup.build_window)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time

from trialfinder.composition import AppParts
from trialfinder.modes import HOME, KIOSK, VOLUNTEER
from trialfinder.ui.window_setup import (
    NO_WINDOW_PLATFORMS,
    build_window,
    make_application,
    start_live_check,
)

__all__ = ["build_window", "collect_again", "run_gui", "show_refusal", "start_live_check"]


def run_gui(args: argparse.Namespace, lang: str, settings: dict | None = None,
            screener=None, started: float | None = None) -> int:
    """Start the app, or with --screenshots / --self-test, render and exit without a window;
    ``screener`` is the loaded --trial (None: the default bundled trial); ``started`` is
    when the command line began to be read (time.perf_counter), for the self-test's time to
    first paint (None: now)."""
    started = time.perf_counter() if started is None else started
    platform = os.environ.get("QT_QPA_PLATFORM") or None  # what a normal start would use
    probing = args.self_test and os.environ.get("TRIALFINDER_WINDOW_PROBE") == "1"
    if (args.screenshots or args.self_test) and not platform and not probing:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.self_test:
        from trialfinder.ui.self_test import self_test

        return self_test(lang, started, AppParts(HOME, api_base=args.api_base, screener=screener),
                         platform)
    if args.screenshots:
        from trialfinder.cli_output import screenshots_failed, writable_folder

        try:
            writable_folder(args.screenshots)  # before any window: a plain error, at once
            parts = AppParts(HOME, screener=screener)
            app, window = build_window(lang, args.text_scale, parts=parts)
            from trialfinder.ui.screenshots import render_all

            written = render_all(window, args.screenshots)
        except OSError as exc:
            return screenshots_failed(args.screenshots, exc)
        print(f"wrote {len(written)} screenshots to {args.screenshots}")
        return 0
    from trialfinder.settings import save_setting
    from trialfinder.site_config import load_kiosk_config

    config = load_kiosk_config()
    if config.problem:  # fail closed: never a kiosk whose staff exit lacks its PIN
        from trialfinder.cli_output import error_line

        error_line(config.refusal())
        if platform not in NO_WINDOW_PLATFORMS:  # a screen someone can see
            show_refusal(lang, config.refusal())
        return 2
    if args.kiosk or config.kiosk:
        # A kiosk: its own language and text size, and nothing written to disk, ever.
        kiosk_lang = args.lang or config.language or lang
        parts = AppParts(KIOSK, api_base=args.api_base, screener=screener)
        app, window = build_window(kiosk_lang, config.text_scale, parts=parts)
        from trialfinder.ui import kiosk

        window.kiosk = kiosk.install(window, config)
        window.after_paint.append(collect_again)
        keep_going_on_errors(window)
        if not args.offline:
            start_live_check(window)
        window.showFullScreen()
        return app.exec()
    saved_scale = (settings or {}).get("text_scale", 1.0)
    parts = AppParts(VOLUNTEER if args.volunteer else HOME, api_base=args.api_base,
                     screener=screener)
    app, window = build_window(lang, args.text_scale if args.text_scale != 1.0 else saved_scale,
                               parts=parts)
    # Preferences (never answers) are remembered for the next start.
    window.after_paint.append(collect_again)
    keep_going_on_errors(window)
    window.language_chosen.connect(lambda code: save_setting("language", code))
    if window.text_scale is not None:
        window.text_scale.on_change = lambda scale: save_setting("text_scale", scale)
    if not args.offline:
        start_live_check(window)
    window.fit_screen()  # a 1366x768 laptop shows all of it, title bar included
    if os.environ.get("TRIALFINDER_QUIT_WHEN_SHOWN"):  # packaging/build.py times start-up
        window.after_paint.append(app.quit)
    window.show()
    return app.exec()


def show_refusal(lang: str, message: str) -> None:
    """Say on screen, too, why the kiosk did not start: a kiosk is started by its computer,
    and its staff never see standard error. One message in ``lang`` and the app's large
    text, until they close it; then the app ends (it never opens without a usable PIN)."""
    from PySide6.QtCore import QCoreApplication

    from trialfinder.ui.common import ask

    make_application(lang)
    ask(None, QCoreApplication.translate("Launch", "TrialFinder did not start"), message,
        [("refusal-close", QCoreApplication.translate("Launch", "Close"))],
        safe="refusal-close")


def collect_again() -> None:
    """Once the first screen has painted: start-up's objects live as long as the app, so
    they are set aside (gc.freeze: never scanned again), and the garbage collector, paused
    while the app started (trialfinder.app.main), runs again for what the session makes."""
    gc.freeze()
    gc.enable()


def keep_going_on_errors(window) -> None:
    """An unexpected error in a slot is logged (to standard error only: no file, and never
    an answer) and told kindly; the app and the family's answers stay."""
    from PySide6.QtCore import QCoreApplication

    def hook(kind, error, trace) -> None:
        import logging
        import traceback  # loaded when needed, not at start-up

        logging.getLogger("trialfinder").error(
            "unexpected %s: %s\n%s", kind.__name__, error, "".join(traceback.format_tb(trace)))
        window.notify(lambda: QCoreApplication.translate(
            "Launch", "Something went wrong there. Your answers are kept; please try again."))

    sys.excepthook = hook
