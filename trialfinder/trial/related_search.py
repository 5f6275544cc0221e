"""The registry's study search through the record client: the same timeouts, size cap,
retries and HTTPS-only rule; only the check of what came back differs (a page of the search,
not one record). Every page is fetched within one total time limit."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from trialfinder.trial.client import (
    FORBIDDEN,
    NOT_A_RECORD,
    TIMEOUT,
    Fetched,
    FetchError,
    StudyClient,
    tls12_context,
)
from trialfinder.trial.related import (
    MAX_PAGES,
    MAX_STUDIES,
    NotASearchReply,
    RelatedStudy,
    SearchPage,
    parse_search_page,
    search_params,
)


class SearchClient(StudyClient):
    """The record client, asked for pages of the study search instead of one record."""

    def accept(self, raw: bytes, final_url: str, nct_id: str) -> Fetched:
        try:
            page = parse_search_page(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # JSON errors too
            reason = str(exc) if isinstance(exc, NotASearchReply) else type(exc).__name__
            raise FetchError(NOT_A_RECORD, f"not a search reply: {reason}"[:200]) from exc
        return Fetched(page, raw, final_url)  # type: ignore[arg-type]

    def search(self) -> list[RelatedStudy]:
        """Every page of the search (at most MAX_PAGES), within one total time limit."""
        deadline = time.monotonic() + self.total_limit
        token: str | None = None
        seen: set[str] = set()
        studies: list[RelatedStudy] = []
        for _ in range(MAX_PAGES):
            page = self._page(f"{self.api_base}/studies?{urlencode(search_params(token))}",
                              deadline)
            studies.extend(page.studies)
            token = page.next_token
            if not token or token in seen or len(studies) >= MAX_STUDIES:
                break
            seen.add(token)
        return studies[:MAX_STUDIES]

    def _page(self, url: str, deadline: float) -> SearchPage:
        if time.monotonic() >= deadline:
            raise FetchError(TIMEOUT, "total time limit")
        try:
            return self._fetch_with_retries(url, "", deadline, verify=True).record  # type: ignore[return-value]
        except FetchError as error:
            if error.reason != FORBIDDEN:
                raise
        return self._fetch_with_retries(  # type: ignore[return-value]
            url, "", deadline, verify=tls12_context(), attempts=1).record
