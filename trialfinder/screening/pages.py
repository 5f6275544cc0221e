"""The questionnaire's pages as the screener file gives them, parsed and checked with the rest
of the file when it loads (see screener.py): each question sets a known fact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from trialfinder.screening.rules import Node, RuleSyntaxError, parse_rule
from trialfinder.screening.schema import (
    PAGE,
    QUESTION,
    ScreenerError,
    array,
    known_keys,
    table,
    text,
)

QUESTION_KINDS = ("yn", "choice", "number", "ratio", "egfr", "date")
INPUT_KEYS = ("value", "upper_limit", "height", "creatinine_umol_l", "creatinine_mg_dl")


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


# Checks a parsed rule's names (facts or named rules) and comparisons; raises ScreenerError.
RuleCheck = Callable[[str, Node], None]


def _rule(data: dict[str, Any], key: str, where: str, check: RuleCheck) -> Node | None:
    source = text(data, key, where, required=False)
    if not source:
        return None
    try:
        node = parse_rule(source)
    except (RuleSyntaxError, ValueError) as exc:
        raise ScreenerError(f"{where}.{key}: {exc}") from exc
    check(f"{where}.{key}", node)
    return node


def _question(item: Any, where: str, facts: set[str], check: RuleCheck) -> Question:
    item = table(item, where)
    known_keys(item, QUESTION, where)
    fact = text(item, "fact", where)
    if fact not in facts:
        raise ScreenerError(f"{where}.fact: unknown fact {fact!r}")
    kind = text(item, "kind", where)
    if kind not in QUESTION_KINDS:
        raise ScreenerError(f"{where}.kind: unknown question kind {kind!r}")
    inputs = {}
    for key in INPUT_KEYS:
        if key in item:
            inputs[key] = text(item, key, where)
            if inputs[key] not in facts:
                raise ScreenerError(f"{where}.{key}: unknown fact {inputs[key]!r}")
    reverse = item.get("reverse", False)
    if not isinstance(reverse, bool):
        raise ScreenerError(f"{where}.reverse: must be true or false")
    question = Question(
        fact=fact, kind=kind, ask=text(item, "ask", where),
        help=text(item, "help", where, required=False),
        why=text(item, "why", where, required=False),
        criterion=text(item, "criterion", where, required=False), inputs=inputs,
        show_if=_rule(item, "show_if", where, check),
        hidden_means=item.get("hidden_means"), reverse=reverse)
    if question.reverse and kind != "yn":
        raise ScreenerError(f"{where}.reverse: needs a yes/no question")
    if question.hidden_means is not None and (
            question.show_if is None or kind != "yn"
            or question.hidden_means not in ("yes", "no")):
        raise ScreenerError(f"{where}.hidden_means: needs a yes/no question with show_if")
    return question


def parse_pages(raw: Any, facts: set[str], check: RuleCheck,
                criteria: set[str]) -> tuple[Page, ...]:
    """The ``[[pages]]`` of a screener file, every key and name checked."""
    pages = []
    for number, page in enumerate(array(raw, "pages")):
        where = f"pages[{number}]"
        page = table(page, where)
        known_keys(page, PAGE, where)
        questions = []
        for index, item in enumerate(array(page.get("questions", []), f"{where}.questions")):
            question = _question(item, f"{where}.questions[{index}]", facts, check)
            if question.criterion and question.criterion not in criteria:
                raise ScreenerError(f"{where}.questions[{index}].criterion: unknown criterion "
                                    f"{question.criterion!r}")
            questions.append(question)
        if not questions:
            raise ScreenerError(f"{where}.questions: a page needs at least one question")
        stop_if = _rule(page, "stop_if", where, check)
        stop_note = text(page, "stop_note", where, required=False)
        if (stop_if is None) != (not stop_note):
            raise ScreenerError(f"{where}: stop_if and stop_note go together")
        pages.append(Page(text(page, "id", where), text(page, "section", where),
                          tuple(questions), _rule(page, "show_if", where, check), stop_if,
                          stop_note))
    return tuple(pages)
