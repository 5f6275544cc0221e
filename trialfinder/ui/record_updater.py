"""Fetching the live trial record off the UI thread, and handing it over when it arrives.

The worker is a plain Python thread that never touches Qt: it puts its result in a queue,
and a timer on the UI thread picks it up. So the window never waits on the network, and a
window closed mid-fetch leaves nothing dangling.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from trialfinder.trial.source import CurrentRecord, live_record


class RecordUpdater(QObject):
    updated = Signal(object)  # a CurrentRecord: live, or the stored one with the problem

    def __init__(self, nct_id: str, criteria_sha256: str, api_base: str | None = None,
                 parent: QObject | None = None, bundled_path: Path | None = None) -> None:
        super().__init__(parent)
        self.bundled_path = bundled_path  # the trial's own record file, if not the default
        self.nct_id = nct_id
        self.criteria_sha256 = criteria_sha256
        self.api_base = api_base
        self._results: queue.Queue[CurrentRecord] = queue.Queue()
        self._timer = QTimer(self)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._poll)
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.thread is not None:
            return
        self.thread = threading.Thread(target=self._work, name="trial-record", daemon=True)
        self.thread.start()
        self._timer.start()

    def _work(self) -> None:
        try:
            result = live_record(self.nct_id, self.criteria_sha256, self.api_base,
                                 self.bundled_path)
        except Exception:  # never let a surprise kill the app; the stored record stays shown
            import logging

            logging.getLogger(__name__).exception("live record check failed")
            return
        self._results.put(result)

    def _poll(self) -> None:
        try:
            result = self._results.get_nowait()
        except queue.Empty:
            if self.thread is not None and not self.thread.is_alive():
                self._timer.stop()
            return
        self._timer.stop()
        self.updated.emit(result)
