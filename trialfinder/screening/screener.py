"""The screener definition: a trial's facts, rules and criteria, read from a TOML file."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from trialfinder.paths import resources_dir
from trialfinder.screening.rules import (
    AtLeast,
    Call,
    Compare,
    Node,
    RuleSyntaxError,
    names_in,
    parse_rule,
)

FACT_TYPES = ("yn", "choice", "number", "date")
SOURCES = ("family", "records", "screening_test", "study_team")
CRITERION_KINDS = ("inclusion", "exclusion", "path", "judgment")


class ScreenerError(ValueError):
    """A screener definition that is not well formed."""


class FactSpec(NamedTuple):
    name: str
    type: str
    source: str
    label: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    choices: tuple[str, ...] = ()
    normal: bool | float | None = None
    # "input" for the inputs of derived facts, "date" for dates, "gate" for a question that
    # only decides which questions are asked (not a fact of the criteria spec)
    role: str = "fact"
    ask: str = ""  # the fact as a question a parent can ask or answer (shown in the result)

    @property
    def is_screening_test(self) -> bool:
        return self.source == "screening_test"


class Criterion(NamedTuple):
    id: str
    kind: str
    title: str
    fits: str
    does_not_fit: str
    unknown: str
    registry: str
    rule_text: str = ""
    may_change: str = ""


class Derived(NamedTuple):
    fact: str
    formula: str
    inputs: dict[str, str]


class TimeLimit(NamedTuple):
    """A criterion that only time stands behind: the date from which it no longer would."""

    criterion: str
    fact: str
    date: str  # a date fact the family may give
    years: int = 0
    months: int = 0
    days: int = 0


class Screener(NamedTuple):
    nct_id: str
    criteria_sha256: str
    facts: dict[str, FactSpec]
    derived: dict[str, Derived]
    criteria: list[Criterion]
    rules: dict[str, Node]  # named sub-rules and every criterion's rule, by name
    rule_texts: dict[str, str]
    required: tuple[str, ...]
    excluding: tuple[str, ...]
    raw: dict[str, Any]  # the decoded TOML, for the parts read elsewhere (pages)
    for_you: tuple[str, ...]  # unknown facts only the family can answer or decide
    holdback: dict[str, Node]  # a test not assumed normal when its rule is true
    time_limits: tuple[TimeLimit, ...]

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    @property
    def reported_criteria(self) -> list[Criterion]:
        """Inclusion and exclusion criteria that the engine evaluates (not the path)."""
        return [c for c in self.criteria if c.kind in ("inclusion", "exclusion")]


def _fact(name: str, data: dict[str, Any]) -> FactSpec:
    kind = data.get("type")
    if kind not in FACT_TYPES:
        raise ScreenerError(f"fact {name}: type must be one of {FACT_TYPES}")
    if data.get("source") not in SOURCES:
        raise ScreenerError(f"fact {name}: source must be one of {SOURCES}")
    if kind == "number" and ("min" not in data or "max" not in data):
        raise ScreenerError(f"fact {name}: a number needs min and max")
    if kind == "choice" and not data.get("choices"):
        raise ScreenerError(f"fact {name}: a choice needs choices")
    if data.get("source") == "screening_test" and "normal" not in data:
        raise ScreenerError(f"fact {name}: a screening-test fact needs its normal value")
    return FactSpec(
        name=name,
        type=kind,
        source=data["source"],
        label=data.get("label", name),
        unit=data.get("unit", ""),
        minimum=data.get("min"),
        maximum=data.get("max"),
        integer=bool(data.get("integer", False)),
        choices=tuple(data.get("choices", ())),
        normal=data.get("normal"),
        role=data.get("role", "fact"),
        ask=data.get("ask", ""),
    )


def _check_rule(name: str, node: Node, facts: dict[str, FactSpec], rule_names: set[str]) -> None:
    for ref in names_in(node):
        if ref not in facts and ref not in rule_names:
            raise ScreenerError(f"rule {name}: {ref!r} is neither a fact nor a rule")
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Compare):
            spec = facts.get(current.fact)
            if spec is None:
                raise ScreenerError(f"rule {name}: compares {current.fact!r}, not a fact")
            if current.op == "==":
                if spec.type != "choice" or current.value not in spec.choices:
                    raise ScreenerError(f"rule {name}: {current.fact} == {current.value} is wrong")
            elif spec.type != "number" or not isinstance(current.value, float):
                raise ScreenerError(f"rule {name}: {current.op} needs a number fact")
        elif isinstance(current, Call | AtLeast):
            stack.extend(current.args)


def _check_acyclic(rules: dict[str, Node]) -> None:
    state: dict[str, int] = {}

    def visit(name: str) -> None:
        if state.get(name) == 1:
            raise ScreenerError(f"rule {name} refers to itself")
        if state.get(name) == 2:
            return
        state[name] = 1
        for ref in names_in(rules[name]):
            if ref in rules:
                visit(ref)
        state[name] = 2

    for name in rules:
        visit(name)


def parse_screener(data: dict[str, Any]) -> Screener:
    """Build and check a screener from its decoded TOML."""
    try:
        head = data["screener"]
        facts = {name: _fact(name, spec) for name, spec in data["facts"].items()}
        texts: dict[str, str] = dict(data.get("rules", {}))
        criteria = []
        for item in data["criteria"]:
            if item.get("kind") not in CRITERION_KINDS:
                raise ScreenerError(f"criterion {item.get('id')}: unknown kind")
            criterion = Criterion(
                id=item["id"],
                kind=item["kind"],
                title=item["title"],
                fits=item["fits"],
                does_not_fit=item["does_not_fit"],
                unknown=item["unknown"],
                registry=item["registry"],
                rule_text=item.get("rule", ""),
                may_change=item.get("may_change", ""),
            )
            if criterion.kind != "judgment":
                if not criterion.rule_text:
                    raise ScreenerError(f"criterion {criterion.id} has no rule")
                texts[criterion.id] = criterion.rule_text
            criteria.append(criterion)
        derived = {
            name: Derived(
                fact=name,
                formula=spec["formula"],
                inputs={k: v for k, v in spec.items() if k != "formula"},
            )
            for name, spec in data.get("derived", {}).items()
        }
    except KeyError as exc:
        raise ScreenerError(f"missing {exc.args[0]!r}") from exc
    overlap = set(texts) & set(facts)
    if overlap:
        raise ScreenerError(f"names used for both a fact and a rule: {sorted(overlap)}")
    rules: dict[str, Node] = {}
    for name, text in texts.items():
        try:
            rules[name] = parse_rule(text)
        except RuleSyntaxError as exc:
            raise ScreenerError(f"rule {name}: {exc}") from exc
    for name, node in rules.items():
        _check_rule(name, node, facts, set(rules))
    _check_acyclic(rules)
    for item in derived.values():
        if item.fact not in facts:
            raise ScreenerError(f"derived fact {item.fact} is not a fact")
        for source in item.inputs.values():
            if source not in facts:
                raise ScreenerError(f"derived fact {item.fact}: input {source} is not a fact")
    required = tuple(head["required"])
    excluding = tuple(head["excluding"])
    for term in (*required, *excluding):
        if term not in rules:
            raise ScreenerError(f"verdict term {term} has no rule")
    holdback: dict[str, Node] = {}
    for name, text in data.get("holdback", {}).items():
        if name not in facts or not facts[name].is_screening_test:
            raise ScreenerError(f"holdback {name}: not a screening-test fact")
        try:
            holdback[name] = parse_rule(text)
        except RuleSyntaxError as exc:
            raise ScreenerError(f"holdback {name}: {exc}") from exc
        _check_rule(f"holdback {name}", holdback[name], facts, set(rules))
    for_you = tuple(head.get("for_you", ()))
    for name in for_you:
        if name not in facts:
            raise ScreenerError(f"for_you: {name} is not a fact")
    try:
        time_limits = tuple(TimeLimit(**item) for item in data.get("time_limits", ()))
    except TypeError as exc:
        raise ScreenerError(f"time_limits: {exc}") from exc
    for limit in time_limits:
        if limit.criterion not in rules or limit.fact not in facts or (
                facts.get(limit.date) is None or facts[limit.date].type != "date"):
            raise ScreenerError(f"time limit {limit}: unknown criterion or fact")
    return Screener(
        nct_id=head["nct_id"],
        criteria_sha256=head.get("criteria_sha256", ""),
        facts=facts,
        derived=derived,
        criteria=criteria,
        rules=rules,
        rule_texts=texts,
        required=required,
        excluding=excluding,
        raw=data,
        for_you=for_you,
        holdback=holdback,
        time_limits=time_limits,
    )


def load_screener_file(path: Path) -> Screener:
    """Read a screener definition from a TOML file."""
    with path.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ScreenerError(f"{path.name}: {exc}") from exc
    return parse_screener(data)


@cache
def load_screener(nct_id: str = "NCT06686524") -> Screener:
    """The bundled screener definition for a trial."""
    return load_screener_file(resources_dir() / "screeners" / f"{nct_id}.toml")
