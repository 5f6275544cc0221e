"""The questionnaire as data: pages of questions, skip logic, and answers to facts.

Answers are kept as the answers file has them ("yes" / "no" / "unsure", a choice, a number),
keyed by fact name; a number question answered "not sure" holds ``UNSURE``. Only the answers
of questions that are shown count: changing an earlier answer that hides a page drops its
facts from the verdict (the answers are kept, so changing back brings them back).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trialfinder.screening.derive import with_derived
from trialfinder.screening.facts import UNSURE, check_answers
from trialfinder.screening.pages import QUESTION_KINDS, Page, Question, as_asked
from trialfinder.screening.rules import Evaluation, Node
from trialfinder.screening.screener import Screener
from trialfinder.screening.verdict import Outcome, screen

__all__ = ["QUESTION_KINDS", "Page", "Question", "Questionnaire", "as_asked", "load_pages"]


def load_pages(screener: Screener) -> tuple[Page, ...]:
    """The questionnaire pages of a screener (parsed and checked when the screener loaded)."""
    return screener.pages


class Questionnaire:
    """A screener's pages with the logic that decides what is shown and what counts."""

    def __init__(self, screener: Screener) -> None:
        self.screener = screener
        self.pages = screener.pages

    def _engine_value(self, fact: str, raw: Any) -> Any:
        spec = self.screener.facts[fact]
        if raw == UNSURE and spec.type in ("number", "choice", "date"):
            return None
        return raw

    def visible(self, answers: Mapping[str, Any]) -> list[tuple[Page, list[Question]]]:
        """The pages shown, in order, each with its shown questions.

        A show_if rule is evaluated on the answers of shown questions before it; it hides
        only when it is false ("not sure" never counts as "no").
        """
        return self._walk(answers)[0]

    def _walk(self, answers: Mapping[str, Any]
              ) -> tuple[list[tuple[Page, list[Question]]], dict[str, str]]:
        """The pages shown with their questions, and the answers implied by questions hidden
        because their show_if is false (``hidden_means``)."""
        shown: dict[str, Any] = {}
        implied: dict[str, str] = {}
        result = []
        for page in self.pages:
            if page.show_if is not None and self._decide(page.show_if, shown) is False:
                continue
            questions = []
            for question in page.questions:
                if question.show_if is not None and self._decide(question.show_if,
                                                                 shown) is False:
                    if question.hidden_means is not None:
                        implied[question.fact] = question.hidden_means
                    continue
                questions.append(question)
                for fact in question.answer_facts:
                    if fact in answers:
                        shown[fact] = answers[fact]
            if questions:
                result.append((page, questions))
        return result, implied

    def may_stop(self, page: Page, answers: Mapping[str, Any]) -> bool:
        """Whether the page's stop rule is true on these answers (not when unknown)."""
        return page.stop_if is not None and self._decide(page.stop_if, answers) is True

    def _decide(self, rule: Node, raw: Mapping[str, Any]) -> bool | None:
        facts = with_derived(self.screener, check_answers(self.screener, self._counted(raw)))
        return Evaluation(self.screener.rules, facts).node(rule)

    def _counted(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        return {f: self._engine_value(f, v) for f, v in raw.items()}

    def counted_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: those of shown questions, in the answers-file form."""
        pages, implied = self._walk(answers)
        counted: dict[str, Any] = dict(implied)
        for _page, questions in pages:
            for question in questions:
                for fact in question.answer_facts:
                    if fact in answers:
                        counted[fact] = self._engine_value(fact, answers[fact])
        return counted

    def unanswered(self, answers: Mapping[str, Any]) -> int:
        """How many shown questions have no answer at all ("not sure" is an answer)."""
        return sum(
            1
            for _page, questions in self.visible(answers)
            for question in questions
            if not any(answers.get(f) is not None for f in question.answer_facts)
        )

    def outcome(self, answers: Mapping[str, Any]) -> Outcome:
        """The verdict on the answers that count."""
        return screen(self.screener, check_answers(self.screener, self.counted_answers(answers)))
