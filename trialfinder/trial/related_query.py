"""The search for other studies of one trial, as its screener file gives it (no Qt).

The ``[trial.related]`` table of the screener file holds every word of the search: the
registry query's conditions and interventions, the words that rank a study's own conditions
and titles (closest first), the words of the therapy a study's own titles and interventions
must name, and the link to the same search on ClinicalTrials.gov. The screening package reads
the table and builds this; the trial package only receives it (it imports nothing back).
"""

from __future__ import annotations

from typing import NamedTuple


class RelatedQuery(NamedTuple):  # not a dataclass: quicker to make at start-up
    """One trial's search for other studies (search terms: never translated)."""

    screened_id: str  # the study the app screens for: never an "other" study
    conditions: str  # the registry's query.cond
    interventions: str  # the registry's query.intr
    closeness: tuple[tuple[str, ...], ...]  # lower-case words, the closest group first
    therapy_words: tuple[str, ...]  # lower-case words; a study's own words must name one
    search_url: str  # the same search on ClinicalTrials.gov, for the "more" line

    def rank(self, words: str) -> int:
        """How close a study's own words are (0: not close; the first group scores highest)."""
        words = words.lower()
        return next((len(self.closeness) - index for index, group in enumerate(self.closeness)
                     if any(word in words for word in group)), 0)

    def names_therapy(self, words: str) -> bool:
        words = words.lower()
        return any(word in words for word in self.therapy_words)
