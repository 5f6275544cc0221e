"""The screener definition: a trial's facts, rules, criteria, questionnaire pages and the
trial itself (the ``[trial]`` section: ids, titles, welcome and about texts, site names, the
bundled record), read from one TOML file (trialfinder.screening.screener_file finds and
reads it) and checked once, when it loads.

Every problem is an error naming the file and the key (``NCT06686524.toml:
pages[3].questions[2].fact: unknown fact 'foo'``). ``--trial`` names a bundled trial (a file
in resources/screeners) or a screener file anywhere; a file is parsed once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from trialfinder.paths import resources_dir
from trialfinder.screening.pages import Page, parse_pages
from trialfinder.screening.rules import (
    AtLeast,
    Call,
    Compare,
    Node,
    RuleSyntaxError,
    names_in,
    parse_rule,
)
from trialfinder.screening.schema import (
    CRITERION,
    FACT,
    FORMULAS,
    HEAD,
    TIME_LIMIT,
    TOP,
    ScreenerError,
    array,
    known_keys,
    table,
    text,
)
from trialfinder.screening.screener_file import named_problems, read_tables, screener_path
from trialfinder.screening.trial_section import TrialInfo, parse_trial

FACT_TYPES = ("yn", "choice", "number", "date")
SOURCES = ("family", "records", "screening_test", "study_team")
CRITERION_KINDS = ("inclusion", "exclusion", "path", "judgment")
ROLES = ("fact", "input", "date", "gate")

__all__ = ["Criterion", "Derived", "FactSpec", "Screener", "ScreenerError", "TimeLimit",
           "TrialInfo", "load_screener", "load_screener_file", "parse_screener"]


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
    choice_labels: tuple[tuple[str, str], ...] = ()  # (a choice's value, its label msgid)

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
    shown_id: str = ""  # how the criterion is named in text output ("I2-I4"), if not its id


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
    trial: TrialInfo
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
    # a test not listed among those to check at the screening visit when its rule is true
    not_checked: dict[str, Node]
    time_limits: tuple[TimeLimit, ...]
    pages: tuple[Page, ...]

    @property
    def nct_id(self) -> str:
        return self.trial.nct_id

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    @property
    def reported_criteria(self) -> list[Criterion]:
        """Inclusion and exclusion criteria that the engine evaluates (not the path)."""
        return [c for c in self.criteria if c.kind in ("inclusion", "exclusion")]



def _words(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = array(data.get(key, []), f"{where}.{key}")
    if not all(isinstance(item, str) and item for item in items):
        raise ScreenerError(f"{where}.{key}: must be an array of texts")
    return tuple(items)


def _fact(name: str, raw: Any) -> FactSpec:
    where = f"facts.{name}"
    data = table(raw, where)
    known_keys(data, FACT, where)
    kind = data.get("type")
    if kind not in FACT_TYPES:
        raise ScreenerError(f"{where}.type: must be one of {FACT_TYPES}")
    if data.get("source") not in SOURCES:
        raise ScreenerError(f"{where}.source: must be one of {SOURCES}")
    if kind == "number" and ("min" not in data or "max" not in data):
        raise ScreenerError(f"{where}: a number needs min and max")
    if kind == "choice" and not data.get("choices"):
        raise ScreenerError(f"{where}: a choice needs choices")
    choices = _words(data, "choices", where)
    labels = _words(data, "choice_labels", where)
    if labels and len(labels) != len(choices):
        raise ScreenerError(f"{where}.choice_labels: one text for each of the choices")
    for key in ("min", "max"):
        if key in data and (not isinstance(data[key], int | float)
                            or isinstance(data[key], bool)):
            raise ScreenerError(f"{where}.{key}: must be a number")
    if not isinstance(data.get("integer", False), bool):
        raise ScreenerError(f"{where}.integer: must be true or false")
    if data.get("role", "fact") not in ROLES:
        raise ScreenerError(f"{where}.role: must be one of {ROLES}")
    normal = data.get("normal")
    if normal is not None and not (
            (kind == "yn" and isinstance(normal, bool)) or (
                kind == "number" and isinstance(normal, int | float)
                and not isinstance(normal, bool))):
        raise ScreenerError(f"{where}.normal: must be a value of the fact's type")
    if data.get("source") == "screening_test" and "normal" not in data:
        raise ScreenerError(f"{where}: a screening-test fact needs its normal value")
    return FactSpec(
        name=name,
        type=kind,
        source=data["source"],
        label=text(data, "label", where, required=False) or name,
        unit=text(data, "unit", where, required=False),
        minimum=data.get("min"),
        maximum=data.get("max"),
        integer=bool(data.get("integer", False)),
        choices=choices,
        normal=data.get("normal"),
        role=data.get("role", "fact"),
        ask=text(data, "ask", where, required=False),
        choice_labels=tuple(zip(choices, labels, strict=False)),
    )


def _check_rule(where: str, node: Node, facts: dict[str, FactSpec], rule_names: set[str]
                ) -> None:
    for ref in names_in(node):
        if ref not in facts and ref not in rule_names:
            raise ScreenerError(f"{where}: unknown fact {ref!r} (neither a fact nor a rule)")
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Compare):
            spec = facts.get(current.fact)
            if spec is None:
                raise ScreenerError(f"{where}: compares {current.fact!r}, not a fact")
            if current.op == "==":
                if spec.type != "choice" or current.value not in spec.choices:
                    raise ScreenerError(f"{where}: {current.fact} == {current.value} is wrong")
            elif spec.type != "number" or not isinstance(current.value, float):
                raise ScreenerError(f"{where}: {current.op} needs a number fact")
        elif isinstance(current, Call | AtLeast):
            stack.extend(current.args)


def _check_acyclic(rules: dict[str, Node], where: dict[str, str]) -> None:
    state: dict[str, int] = {}

    def visit(name: str) -> None:
        if state.get(name) == 1:
            raise ScreenerError(f"{where[name]}: rule {name} refers to itself")
        if state.get(name) == 2:
            return
        state[name] = 1
        for ref in names_in(rules[name]):
            if ref in rules:
                visit(ref)
        state[name] = 2

    for name in rules:
        visit(name)


def _criterion(index: int, raw: Any) -> Criterion:
    where = f"criteria[{index}]"
    item = table(raw, where)
    known_keys(item, CRITERION, where)
    if item.get("kind") not in CRITERION_KINDS:
        raise ScreenerError(f"{where}.kind: must be one of {CRITERION_KINDS}")
    criterion = Criterion(
        id=text(item, "id", where), kind=item["kind"], title=text(item, "title", where),
        fits=text(item, "fits", where), does_not_fit=text(item, "does_not_fit", where),
        unknown=text(item, "unknown", where), registry=text(item, "registry", where),
        rule_text=text(item, "rule", where, required=False),
        may_change=text(item, "may_change", where, required=False),
        shown_id=text(item, "shown_id", where, required=False))
    if criterion.kind != "judgment" and not criterion.rule_text:
        raise ScreenerError(f"{where}.rule: missing (criterion {criterion.id})")
    return criterion


def _derived(name: str, raw: Any, facts: dict[str, FactSpec]) -> Derived:
    where = f"derived.{name}"
    spec = table(raw, where)
    formula = text(spec, "formula", where)
    if formula not in FORMULAS:
        raise ScreenerError(f"{where}.formula: unknown formula {formula!r}")
    known_keys(spec, FORMULAS[formula] | {"formula"}, where)
    if name not in facts:
        raise ScreenerError(f"{where}: unknown fact {name!r}")
    inputs = {k: text(spec, k, where) for k in spec if k != "formula"}
    for key, source in inputs.items():
        if source not in facts:
            raise ScreenerError(f"{where}.{key}: unknown fact {source!r}")
    return Derived(fact=name, formula=formula, inputs=inputs)


def _names(head: dict[str, Any], key: str, known: dict[str, Any], what: str) -> tuple[str, ...]:
    names = array(head.get(key, []), f"screener.{key}")
    for index, name in enumerate(names):
        if not isinstance(name, str) or name not in known:
            raise ScreenerError(f"screener.{key}[{index}]: unknown {what} {name!r}")
    return tuple(names)


def _test_rules(data: dict[str, Any], key: str, facts: dict[str, FactSpec],
                rule_names: set[str]) -> dict[str, Node]:
    """A table of screening-test facts, each with a rule (``[holdback]``, ``[not_checked]``)."""
    found: dict[str, Node] = {}
    for name in table(data.get(key, {}), key):
        spot = f"{key}.{name}"
        if name not in facts or not facts[name].is_screening_test:
            raise ScreenerError(f"{spot}: not a screening-test fact")
        try:
            found[name] = parse_rule(text(data[key], name, key))
        except RuleSyntaxError as exc:
            raise ScreenerError(f"{spot}: {exc}") from exc
        _check_rule(spot, found[name], facts, rule_names)
    return found


def parse_screener(data: dict[str, Any], folder: Path | None = None) -> Screener:
    """Build and check a screener from its decoded TOML; ``folder`` holds the screener file
    (the trial's record is named relative to it; default: the bundled screeners)."""
    known_keys(data, TOP, "")
    for key in ("screener", "trial", "facts", "criteria"):
        if key not in data:
            raise ScreenerError(f"{key}: missing")
    head = table(data["screener"], "screener")
    known_keys(head, HEAD, "screener")
    facts = {name: _fact(name, spec) for name, spec in table(data["facts"], "facts").items()}
    texts: dict[str, str] = {}
    where: dict[str, str] = {}
    for name in table(data.get("rules", {}), "rules"):
        texts[name], where[name] = text(data["rules"], name, "rules"), f"rules.{name}"
    criteria = [_criterion(i, item) for i, item in enumerate(array(data["criteria"],
                                                                   "criteria"))]
    for index, criterion in enumerate(criteria):
        if criterion.kind != "judgment":
            texts[criterion.id] = criterion.rule_text
            where[criterion.id] = f"criteria[{index}].rule"
    derived = {name: _derived(name, spec, facts)
               for name, spec in table(data.get("derived", {}), "derived").items()}
    overlap = set(texts) & set(facts)
    if overlap:
        raise ScreenerError(f"names used for both a fact and a rule: {sorted(overlap)}")
    rules: dict[str, Node] = {}
    for name, source in texts.items():
        try:
            rules[name] = parse_rule(source)
        except RuleSyntaxError as exc:
            raise ScreenerError(f"{where[name]}: {exc}") from exc
    for name, node in rules.items():
        _check_rule(where[name], node, facts, set(rules))
    _check_acyclic(rules, where)
    required = _names(head, "required", rules, "rule")
    excluding = _names(head, "excluding", rules, "rule")
    holdback = _test_rules(data, "holdback", facts, set(rules))
    not_checked = _test_rules(data, "not_checked", facts, set(rules))
    for_you = _names(head, "for_you", facts, "fact")
    time_limits = []
    for index, item in enumerate(array(data.get("time_limits", []), "time_limits")):
        spot = f"time_limits[{index}]"
        known_keys(table(item, spot), TIME_LIMIT, spot)
        periods = {key: item.get(key, 0) for key in ("years", "months", "days")}
        for key, value in periods.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ScreenerError(f"{spot}.{key}: must be a whole number")
        limit = TimeLimit(text(item, "criterion", spot), text(item, "fact", spot),
                          text(item, "date", spot), **periods)
        if limit.criterion not in rules:
            raise ScreenerError(f"{spot}.criterion: unknown criterion {limit.criterion!r}")
        if limit.fact not in facts:
            raise ScreenerError(f"{spot}.fact: unknown fact {limit.fact!r}")
        if facts.get(limit.date) is None or facts[limit.date].type != "date":
            raise ScreenerError(f"{spot}.date: {limit.date!r} is not a date fact")
        time_limits.append(limit)

    def check(spot: str, node: Node) -> None:
        _check_rule(spot, node, facts, set(rules))

    pages = parse_pages(data.get("pages", []), set(facts), check, {c.id for c in criteria})
    trial = parse_trial(data["trial"], folder or resources_dir() / "screeners", set(facts))
    return Screener(
        trial=trial,
        criteria_sha256=text(head, "criteria_sha256", "screener", required=False),
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
        not_checked=not_checked,
        time_limits=tuple(time_limits),
        pages=pages,
    )


@cache
def _load(path: Path) -> Screener:
    with named_problems(path):
        screener = parse_screener(read_tables(path), path.parent)
    from trialfinder.trial.names import add_known_names

    add_known_names(screener.trial.site_names)  # the record's place names, translated
    return screener


def load_screener_file(path: Path) -> Screener:
    """Read and check a screener file (each file once per process)."""
    return _load(Path(path).absolute())


def load_screener(trial: str | None = None) -> Screener:
    """The screener for ``--trial`` (a bundled trial's id or a file; None: the default)."""
    return load_screener_file(screener_path(trial))
