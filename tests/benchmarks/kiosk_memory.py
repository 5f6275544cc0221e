"""Kiosk memory benchmark: memory after 200 family sessions and resets against after 10.

    python tests/benchmarks/kiosk_memory.py [--sessions 200]

Each session fills the answers, builds the question pages, the review and the result, then
resets as the kiosk does after idle time. Prints resident memory (VmRSS) after 10 sessions and
after all of them, and the growth. Target: under 5%. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.mkdtemp(prefix="trialfinder-kiosk-")
    os.environ.update(TRIALFINDER_CONFIG_DIR=scratch, TRIALFINDER_CACHE_DIR=scratch)


    from trialfinder.site_config import KioskConfig
    from trialfinder.ui import kiosk
    from trialfinder.ui.launch import build_window
    from trialfinder.ui.screenshots import SHOW_ALL, VERDICT_ANSWERS

    app, window = build_window("zh_CN", 1.25, "kiosk")
    controller = kiosk.install(window, KioskConfig(kiosk=True, language="zh_CN"))
    window.show()
    answers = [SHOW_ALL, *VERDICT_ANSWERS.values()]
    pages = [page.id for page in window.questionnaire.pages]
    after_10 = 0.0
    for session in range(1, args.sessions + 1):
        window.answers.update(answers[session % len(answers)])
        for page in pages[session % 4::4]:  # a share of the pages each time
            window.show_screen(page)
        window.show_screen("review")
        window.show_screen("result")
        app.processEvents()
        controller.reset()
        app.processEvents()
        if session == 10:
            after_10 = rss_mib()
    final = rss_mib()
    print(f"memory after 10 sessions:  {after_10:7.1f} MiB")
    print(f"memory after {args.sessions} sessions: {final:7.1f} MiB")
    print(f"growth: {100 * (final - after_10) / after_10:+.1f}% (target: under 5%)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
