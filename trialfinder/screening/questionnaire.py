"""The questionnaire as data: pages of questions, skip logic, and answers to facts.

Answers are kept as the answers file has them ("yes" / "no" / "unsure", a choice, a number),
keyed by fact name; a number question answered "not sure" holds ``UNSURE``. Only the answers
of questions that are shown count: changing an earlier answer that hides a page drops its
facts from the verdict (the answers are kept, so changing back brings them back).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from trialfinder.screening.derive import with_derived
from trialfinder.screening.facts import UNSURE, check_answers
from trialfinder.screening.rules import Evaluation, Node, parse_rule
from trialfinder.screening.screener import Screener, ScreenerError
from trialfinder.screening.verdict import Outcome, screen

QUESTION_KINDS = ("yn", "choice", "number", "ratio", "egfr", "date")


class Question(NamedTuple):
    fact: str  # the fact the question settles (for ratio and egfr: the derived fact)
    kind: str
    ask: str
    help: str
    why: str
    criterion: str
    inputs: dict[str, str]  # ratio: value, upper_limit; egfr: height, creatinine_*
    show_if: Node | None = None
    # The answer a question stands for when its show_if is false: the GVHD question, hidden
    # for a child who never had a stem cell transplant, means "no" (None: nothing implied).
    hidden_means: str | None = None
    # A yes/no question asked the other way round from its fact ("was it positive?" for the
    # fact "the test was negative"): "Yes" on screen sets the fact to "no".
    reverse: bool = False

    @property
    def answer_facts(self) -> tuple[str, ...]:
        """The facts this question writes into the answers."""
        if self.kind in ("ratio", "egfr"):
            return tuple(self.inputs.values())
        return (self.fact,)


def as_asked(question: Question, value: str) -> str:
    """A yes/no fact value as the answer to the question asked: flipped for a question asked
    the other way round ("not sure" stays)."""
    if question.reverse and value in ("yes", "no"):
        return "no" if value == "yes" else "yes"
    return value


class Page(NamedTuple):
    id: str
    section: str
    questions: tuple[Question, ...]
    show_if: Node | None = None
    # When this rule is true on the page's answers, the person may see the result at once
    # (a child too young for the study): stop_note says why.
    stop_if: Node | None = None
    stop_note: str = ""


def _rule(text: str | None, where: str, screener: Screener) -> Node | None:
    if not text:
        return None
    try:
        node = parse_rule(text)
    except ValueError as exc:
        raise ScreenerError(f"{where}: show_if: {exc}") from exc
    return node


def load_pages(screener: Screener) -> tuple[Page, ...]:
    """The questionnaire pages of a screener definition, checked against its facts."""
    pages = []
    for page in screener.raw.get("pages", []):
        questions = []
        for item in page["questions"]:
            kind = item["kind"]
            if kind not in QUESTION_KINDS:
                raise ScreenerError(f"page {page['id']}: unknown question kind {kind}")
            inputs = {k: item[k] for k in ("value", "upper_limit", "height",
                                           "creatinine_umol_l", "creatinine_mg_dl") if k in item}
            question = Question(
                fact=item["fact"], kind=kind, ask=item["ask"], help=item.get("help", ""),
                why=item.get("why", ""), criterion=item.get("criterion", ""), inputs=inputs,
                show_if=_rule(item.get("show_if"), item["fact"], screener),
                hidden_means=item.get("hidden_means"),
                reverse=item.get("reverse", False) is True,
            )
            if question.reverse and kind != "yn":
                raise ScreenerError(f"question {question.fact}: reverse needs a yes/no question")
            if question.hidden_means is not None and (
                    question.show_if is None or kind != "yn"
                    or question.hidden_means not in ("yes", "no")):
                raise ScreenerError(f"question {question.fact}: hidden_means needs a yes/no "
                                    "question with show_if")
            for fact in (question.fact, *question.answer_facts):
                if fact not in screener.facts:
                    raise ScreenerError(f"question {question.fact}: unknown fact {fact}")
            questions.append(question)
        stop_if = _rule(page.get("stop_if"), page["id"], screener)
        if (stop_if is None) != (not page.get("stop_note")):
            raise ScreenerError(f"page {page['id']}: stop_if and stop_note go together")
        pages.append(Page(page["id"], page["section"], tuple(questions),
                          _rule(page.get("show_if"), page["id"], screener), stop_if,
                          page.get("stop_note", "")))
    return tuple(pages)


class Questionnaire:
    """A screener's pages with the logic that decides what is shown and what counts."""

    def __init__(self, screener: Screener) -> None:
        self.screener = screener
        self.pages = load_pages(screener)

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
