"""The registry's study search through the record client: the same timeouts, size cap,
retries and HTTPS-only rule; only the check of what came back differs (a page of the search,
not one record). Every page is fetched within one total time limit; the query is the trial's
(its screener file's ``[trial.related]``)."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from trialfinder.trial.client import NOT_A_RECORD, TIMEOUT, FetchError, StudyClient
from trialfinder.trial.related import (
    MAX_PAGES,
    MAX_STUDIES,
    NotASearchReply,
    RelatedStudy,
    SearchPage,
    parse_search_page,
    search_params,
)
from trialfinder.trial.related_query import RelatedQuery


class SearchClient(StudyClient):
    """The record client, asked for pages of the study search instead of one record: the
    same fetcher (timeouts, decoded-size cap, retries, 403 retry pinned to TLS 1.2, same-host
    redirects only, HTTPS only); every page within one total time limit."""

    def search(self, query: RelatedQuery) -> list[RelatedStudy]:
        """Every page of the search (at most MAX_PAGES), within one total time limit."""
        deadline = time.monotonic() + self.fetcher.total_limit
        token: str | None = None
        seen: set[str] = set()
        studies: list[RelatedStudy] = []
        for _ in range(MAX_PAGES):
            page = self._page(f"{self.api_base}/studies?{urlencode(search_params(query, token))}",
                              query, deadline)
            studies.extend(page.studies)
            token = page.next_token
            if not token or token in seen or len(studies) >= MAX_STUDIES:
                break
            seen.add(token)
        return studies[:MAX_STUDIES]

    def _page(self, url: str, query: RelatedQuery, deadline: float) -> SearchPage:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(TIMEOUT, "total time limit")
        full = self.fetcher.total_limit
        self.fetcher.total_limit = remaining  # the rest of the one limit, for this page
        try:
            raw = self.fetcher.get(url).body
        finally:
            self.fetcher.total_limit = full
        try:
            return parse_search_page(json.loads(raw.decode("utf-8")), query)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # JSON errors too
            reason = str(exc) if isinstance(exc, NotASearchReply) else type(exc).__name__
            raise FetchError(NOT_A_RECORD, f"not a search reply: {reason}"[:200]) from exc
