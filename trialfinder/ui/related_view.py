"""Other studies a family could ask about, on the result screen.

The list shown first is the one the app already has (the last live answer, else the bundled
one). When the window may use the network (its parts' ``live``: see
ui.window_setup.start_live_check), the first result shown starts one search of
ClinicalTrials.gov in a plain Python thread; a timer on the UI thread picks up the answer, so
the window never waits. Every text is a plain-text label:
nothing from the search becomes markup, and links are built from the checked NCT number.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from trialfinder.trial.related_query import RelatedQuery
from trialfinder.trial.related_source import LIVE, RelatedList, live_related, stored_related
from trialfinder.trial.related_text import Line, age_number, section
from trialfinder.ui.common import button, card, label

if TYPE_CHECKING:
    from trialfinder.screening.verdict import Outcome

log = logging.getLogger(__name__)
RETRY_AFTER = 60.0  # seconds between searches after one failed


class RelatedSearch(QObject):
    """The window's list of other studies, and its one background search at a time."""

    changed = Signal()

    def __init__(self, query: RelatedQuery, live: bool, api_base: str | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = query  # the trial's search, from its screener file
        self.live = live
        self.api_base = api_base
        self.found: RelatedList | None = None
        self.thread: threading.Thread | None = None
        self._tried: float | None = None
        self._results: queue.Queue[RelatedList] = queue.Queue()
        self._timer = QTimer(self)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._poll)

    def current(self) -> RelatedList:
        if self.found is None:
            self.found = stored_related(self.query)
        return self.found

    @property
    def searching(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> None:
        """Search once per window; after a failure, again when a result shows a minute on."""
        if not self.live or self.searching or (self.found and self.found.source == LIVE):
            return
        if self._tried is not None and time.monotonic() - self._tried < RETRY_AFTER:
            return
        self._tried = time.monotonic()
        self.thread = threading.Thread(target=self._work, name="related-studies", daemon=True)
        self.thread.start()
        self._timer.start()

    def _work(self) -> None:
        try:
            self._results.put(live_related(self.query, self.api_base))
        except Exception:  # never let a surprise kill the app; the stored list stays shown
            log.exception("search for other studies failed")

    def _poll(self) -> None:
        try:
            result = self._results.get_nowait()
        except queue.Empty:
            if not self.searching:
                self._timer.stop()
                self.changed.emit()  # the "looking" line goes
            return
        self._timer.stop()
        self.found = result
        self.changed.emit()


def search_for(window: QWidget) -> RelatedSearch:
    """The window's search (its trial's): live only where the window may use the network."""
    search = getattr(window, "related_search", None)
    if search is None:
        parts = window.parts  # type: ignore[attr-defined]
        search = RelatedSearch(parts.screener.trial.related, parts.live, parts.api_base, window)
        window.related_search = search  # type: ignore[attr-defined]
    return search


class RelatedView(QWidget):
    """The list for a child's age; rebuilt when a newer list arrives."""

    def __init__(self, age: object, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("related-studies")
        self.age = age_number(age)
        self.search = search_for(window)
        self.can_open = window.parts.mode.opens_browser  # type: ignore[attr-defined]
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.body = QWidget(self)
        self.column.addWidget(self.body)
        self.search.changed.connect(self.rebuild)
        self.search.start()
        self.rebuild()

    def rebuild(self) -> None:
        old, self.body = self.body, QWidget(self)
        self.column.replaceWidget(old, self.body)
        old.hide()
        old.deleteLater()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        words = section(self.search.current(), self.age)
        for line in words.intro:
            layout.addWidget(self._line(line, self.body))
        if self.search.searching:
            layout.addWidget(self._line(Line("muted", self.tr(
                "Looking for newer information on ClinicalTrials.gov…")), self.body, "looking"))
        for title, studies in words.groups:
            layout.addWidget(self._line(Line("heading", title), self.body, "related-group"))
            for lines in studies:
                layout.addWidget(self._study(lines))
        for line in words.outro:
            layout.addWidget(self._line(line, self.body, "related-outro"))
        self.body.show()

    def _line(self, line: Line, parent: QWidget, name: str = "") -> QWidget:
        role = {"title": "", "link": "muted"}.get(line.role, line.role)
        widget = label(role, parent, name or f"related-{line.role or 'text'}")
        widget.setText(line.text)  # plain text: label() sets Qt.PlainText
        widget.setProperty("remote", line.remote)  # a listing's or the registry's own words
        if line.role == "title":
            font = QFont(widget.font())
            font.setBold(True)
            widget.setFont(font)
        return widget

    def _study(self, lines: list[Line]) -> QWidget:
        frame, layout = card(self.body)
        frame.setObjectName("related-study")
        for line in lines:
            if line.role != "link":
                layout.addWidget(self._line(line, frame))
                continue
            row = QHBoxLayout()
            row.addWidget(self._line(line, frame, "related-link"), 1)
            layout.addLayout(row)
            if not self.can_open:
                continue
            opener = button("link", frame, "related-open")
            opener.setText(self.tr("Open in the browser"))
            opener.setMinimumWidth(88)  # a large target in every language
            opener.setAccessibleName(self.tr("Open {address} in the browser").format(
                address=line.text))
            opener.clicked.connect(
                lambda _c=False, u=line.text: QDesktopServices.openUrl(QUrl(u)))
            row.addWidget(opener)
        return frame


def related_view(outcome: Outcome, window: QWidget, parent: QWidget) -> RelatedView:
    """The list for the result screen, for the child's age as answered."""
    return RelatedView(outcome.values.get("age_years"), window, parent)
