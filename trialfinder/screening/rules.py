"""A small rule language, read from the screener definition.

The syntax mirrors the criteria spec, so that each rule can be read side by side with it:

    all(R1, any(R2, R3))          Kleene and / or
    not(can_become_pregnant)      Kleene not
    at_least(2, [a >= 2, b > 1])  true once two parts are true
    age_years >= 5                a comparison on a number fact (>=, >, <=, <)
    sex == male                   an equality on a choice fact
    jdm_diagnosis                 a yes / no fact, or the name of another rule
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from trialfinder.screening.logic import Tri, tri_all, tri_any, tri_at_least, tri_not


class RuleSyntaxError(ValueError):
    """A rule text that does not parse."""


class Name(NamedTuple):
    name: str


class Compare(NamedTuple):
    fact: str
    op: str
    value: float | str


class Call(NamedTuple):
    func: str  # "all", "any" or "not"
    args: tuple[Node, ...]


class AtLeast(NamedTuple):
    k: int
    args: tuple[Node, ...]


Node = Name | Compare | Call | AtLeast

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>>=|<=|==|>|<)|(?P<punct>[(),\[\]]))"
)
_FUNCS = {"all", "any", "not", "at_least"}


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise RuleSyntaxError(f"unexpected text at {pos}: {text[pos:pos + 12]!r}")
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None, kind: str | None = None) -> str:
        token = self.peek()
        if token is None or (value and token[1] != value) or (kind and token[0] != kind):
            want = value or kind
            raise RuleSyntaxError(f"expected {want} in {self.text!r}, found {token and token[1]!r}")
        self.pos += 1
        return token[1]

    def parse(self) -> Node:
        node = self.expr()
        if self.peek() is not None:
            raise RuleSyntaxError(f"unexpected {self.peek()[1]!r} in {self.text!r}")  # type: ignore[index]
        return node

    def expr(self) -> Node:
        name = self.take(kind="name")
        token = self.peek()
        if name in _FUNCS:
            self.take("(")
            if name == "at_least":
                k = int(self.take(kind="num"))
                self.take(",")
                self.take("[")
                args = self.args("]")
                self.take(")")
                return AtLeast(k, args)
            args = self.args(")")
            if name == "not" and len(args) != 1:
                raise RuleSyntaxError(f"not() takes one part in {self.text!r}")
            return Call(name, args)
        if token is not None and token[0] == "op":
            op = self.take(kind="op")
            value_token = self.peek()
            if value_token is None or value_token[0] not in ("num", "name"):
                raise RuleSyntaxError(f"expected a value after {op} in {self.text!r}")
            self.pos += 1
            value: float | str = (
                float(value_token[1]) if value_token[0] == "num" else value_token[1]
            )
            return Compare(name, op, value)
        return Name(name)

    def args(self, close: str) -> tuple[Node, ...]:
        args = [self.expr()]
        while self.peek() == ("punct", ","):
            self.take(",")
            args.append(self.expr())
        self.take(close)
        return tuple(args)


def parse_rule(text: str) -> Node:
    """Parse one rule text into a tree."""
    return _Parser(text).parse()


def names_in(node: Node) -> Iterator[str]:
    """Every fact or rule name a rule mentions, comparisons included."""
    if isinstance(node, Name):
        yield node.name
    elif isinstance(node, Compare):
        yield node.fact
    else:
        for arg in node.args:
            yield from names_in(arg)


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
}


class Evaluation:
    """Evaluates named rules on one set of fact values, remembering each result."""

    def __init__(self, rules: Mapping[str, Node], values: Mapping[str, object]) -> None:
        self.rules = rules
        self.values = values
        self._memo: dict[str, Tri] = {}

    def rule(self, name: str) -> Tri:
        if name not in self._memo:
            self._memo[name] = self.node(self.rules[name])
        return self._memo[name]

    def node(self, node: Node) -> Tri:
        if isinstance(node, Name):
            if node.name in self.rules:
                return self.rule(node.name)
            value = self.values.get(node.name)
            return value if isinstance(value, bool) else None
        if isinstance(node, Compare):
            value = self.values.get(node.fact)
            if value is None:
                return None
            if node.op == "==":
                return value == node.value
            assert isinstance(value, int | float) and isinstance(node.value, float)
            return _COMPARE[node.op](float(value), node.value)
        if isinstance(node, AtLeast):
            return tri_at_least(node.k, (self.node(a) for a in node.args))
        if node.func == "not":
            return tri_not(self.node(node.args[0]))
        parts = (self.node(a) for a in node.args)
        return tri_all(parts) if node.func == "all" else tri_any(parts)

    def unknown_facts(self, node: Node) -> list[str]:
        """The facts behind an unknown node, following only its unknown parts."""
        found: dict[str, None] = {}
        self._walk(node, found)
        return list(found)

    def _walk(self, node: Node, found: dict[str, None]) -> None:
        if self.node(node) is not None:
            return
        if isinstance(node, Name):
            if node.name in self.rules:
                self._walk(self.rules[node.name], found)
            else:
                found.setdefault(node.name)
        elif isinstance(node, Compare):
            found.setdefault(node.fact)
        else:
            for arg in node.args:
                self._walk(arg, found)
