"""Filter conditions on the nodes a read lists: structured values, rendered to Cypher here.

Callers say what they want (``Cond("tier", Op.IN, ["A", "B"])``,
``Cond.name_contains("瑞金")``); the property is checked against the node type in the
ontology when the condition is rendered, and values always travel as parameters.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from schema import REGISTRY


class Op(enum.Enum):
    EQUALS = "equals"
    IN = "in"  #: any of the values
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    GREATER = "greater"
    LESS = "less"
    #: a text property holds the text, in any case
    CONTAINS = "contains"
    #: a text property begins with the text, in any case
    STARTS_WITH = "starts_with"
    IS_SET = "is_set"
    UNSET = "unset"
    #: the name or an alias contains any of the texts, in any case
    NAME_CONTAINS = "name_contains"
    #: a node of the territory: a person's own territory or a current employer's
    IN_TERRITORY = "in_territory"


_COMPARE = {
    Op.EQUALS: "=", Op.IN: "IN", Op.AT_LEAST: ">=", Op.AT_MOST: "<=", Op.GREATER: ">", Op.LESS: "<",
    Op.IN_TERRITORY: "=", Op.CONTAINS: "CONTAINS", Op.STARTS_WITH: "STARTS WITH",
}  # fmt: skip
_TEXT_OPS = (Op.CONTAINS, Op.STARTS_WITH)
_NO_VALUE = {Op.IS_SET: "IS NOT NULL", Op.UNSET: "IS NULL"}
_EMPLOYER_IN = (
    "EXISTS {{ MATCH ({v})-[w:WORKS_AT]->(c:Company) WHERE c.territory = ${p} "
    "AND coalesce(w.current, true) = true AND w.until IS NULL{visible} }}"
)


@dataclass(frozen=True)
class Cond:
    """A condition on one property of the listed node."""

    prop: str
    op: Op
    value: Any = None

    def __post_init__(self) -> None:
        if self.op in _NO_VALUE:
            if self.value is not None:
                raise ValueError(f"{self.prop}: {self.op.value} takes no value, got {self.value!r}")
        elif self.op in (Op.IN, Op.NAME_CONTAINS):
            if isinstance(self.value, str | bytes) or not isinstance(self.value, Sequence | frozenset | set):
                raise ValueError(f"{self.prop}: {self.op.value} takes a list of values, got {self.value!r}")
            object.__setattr__(self, "value", tuple(self.value))
            if self.op is Op.NAME_CONTAINS and not all(isinstance(t, str) for t in self.value):
                raise ValueError(f"{self.prop}: {self.op.value} takes texts, got {self.value!r}")
        elif self.value is None or isinstance(self.value, list | tuple | set | frozenset | dict):
            raise ValueError(f"{self.prop}: {self.op.value} takes one value, got {self.value!r}")
        elif self.op in _TEXT_OPS and not isinstance(self.value, str):
            raise ValueError(f"{self.prop}: {self.op.value} takes a text, got {self.value!r}")

    @classmethod
    def name_contains(cls, *texts: str) -> Cond:
        return cls("name", Op.NAME_CONTAINS, texts)

    @classmethod
    def in_territory(cls, territory: str) -> Cond:
        return cls("territory", Op.IN_TERRITORY, territory)


@dataclass(frozen=True)
class AllOf:
    """Every one of the conditions holds (none given: true)."""

    items: tuple[Where, ...]


@dataclass(frozen=True)
class AnyOf:
    """At least one of the conditions holds (none given: false)."""

    items: tuple[Where, ...]


@dataclass(frozen=True)
class Not:
    """The condition does not hold (a node without the value meets neither it nor its
    negation, as in Cypher)."""

    item: Where


@dataclass(frozen=True)
class Related:
    """Through a ``rel`` edge (outgoing from the listed node, or incoming), some node of
    ``other`` the reader may see meets ``node`` with the edge meeting ``edge``; with
    ``exists`` False, no such node does."""

    rel: str
    outgoing: bool
    other: str
    node: tuple[Where, ...] = ()
    edge: tuple[Where, ...] = ()
    exists: bool = True


Where = Cond | AllOf | AnyOf | Not | Related
#: the reader's condition on a node of a type, as text on a variable (None: sees them all)
Visible = Callable[[str, str], str | None]


@dataclass
class Rendered:
    """Condition texts on one variable, their parameters, and the parameters they read as
    variables: LadybugDB's list lambdas (``any(x IN ...)``) cannot read a parameter, but
    can read a variable bound by ``WITH $p AS p`` before the ``MATCH``."""

    texts: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    bound: list[str] = field(default_factory=list)
    leaves: int = 0  # conditions rendered so far: the next one's parameter is f<leaves>
    hops: int = 0  # relationships rendered so far: the next one's variables are e<hops>, m<hops>
    scoped: bool = False  # some condition reads the reader's scope (its parameters must come along)

    def binding(self) -> str:
        """The ``WITH`` clause a query opens with when some parameter is bound."""
        return ("WITH " + ", ".join(f"${b} AS {b}" for b in self.bound) + " ") if self.bound else ""


def render(
    label: str,
    conds: Sequence[Where],
    var: str = "n",
    employer: str | None = None,
    absent: Mapping[str, frozenset[str]] | None = None,
    visible: Visible | None = None,
) -> Rendered:
    """``conds`` on ``var``, a node of ``label``; parameters ``f0``, ``f1``, ... .

    ``employer`` is a condition on ``c`` that the employer an ``in_territory`` condition
    finds must meet as well: a reader's scope, so that a person is never placed in a
    territory through an employer the reader may not see. A condition on a property in
    ``absent`` (per type: what the reader may not see) reads it as missing: so it filters
    as a node without the value would, and reveals nothing of the value. ``visible`` is the
    reader's scope on the nodes a ``Related`` condition reaches: one the reader may not see
    meets no condition, so no answer tells of it."""
    tree = _Tree(Rendered(), employer, absent or {}, visible or (lambda label, var: None))
    for cond in conds:
        tree.out.texts.append(tree.text(label, var, cond))
    return tree.out


@dataclass
class _Tree:
    out: Rendered
    employer: str | None
    absent: Mapping[str, frozenset[str]]
    visible: Visible

    def text(self, label: str, var: str, where: Where, edge: bool = False) -> str:
        """``where`` on ``var``: a node of ``label``, or with ``edge`` an edge of that type."""
        if isinstance(where, Cond):
            names = REGISTRY.rel(label).prop_names if edge else REGISTRY.node(label).prop_names
            if where.prop not in names:
                raise ValueError(f"{label} has no property {where.prop!r}")
            self.out.leaves += 1
            hidden = not edge and where.prop in self.absent.get(label, frozenset())
            return _text(label, var, where, f"f{self.out.leaves - 1}", self.out, self.employer, hidden)
        if isinstance(where, Not):
            return f"NOT ({self.text(label, var, where.item, edge)})"
        if isinstance(where, Related):
            return self.related(label, var, where)
        parts = [self.text(label, var, item, edge) for item in where.items]
        if not parts:
            return "true" if isinstance(where, AllOf) else "false"
        joint = " AND " if isinstance(where, AllOf) else " OR "
        return "(" + joint.join(f"({p})" for p in parts) + ")"

    def related(self, label: str, var: str, where: Related) -> str:
        ends = (label, where.other) if where.outgoing else (where.other, label)
        rel = REGISTRY.check_endpoints(where.rel, *ends)
        e, m = f"e{self.out.hops}", f"m{self.out.hops}"
        self.out.hops += 1
        other = REGISTRY.node(where.other).label
        left, right = ("-", "->") if where.outgoing else ("<-", "-")
        parts = [self.text(where.other, m, c) for c in where.node]
        parts += [self.text(rel.type, e, c, edge=True) for c in where.edge]
        if (scope := self.visible(where.other, m)) is not None:
            parts.append(scope)
            self.out.scoped = True
        condition = f" WHERE {' AND '.join(parts)}" if parts else ""
        found = f"EXISTS {{ MATCH ({var}){left}[{e}:{rel.type}]{right}({m}:{other}){condition} }}"
        return found if where.exists else f"NOT {found}"


def _text(
    label: str, var: str, cond: Cond, param: str, out: Rendered, employer: str | None, hidden: bool = False
) -> str:
    ref = "null" if hidden else f"{var}.{cond.prop}"
    if cond.op in _NO_VALUE:
        return f"{ref} {_NO_VALUE[cond.op]}"
    if cond.op is Op.NAME_CONTAINS:
        return _name_contains(label, var, cond, param, out)
    out.params[param] = list(cond.value) if cond.op is Op.IN else cond.value
    if cond.op is Op.IN_TERRITORY and label == "Person":
        visible = f" AND {employer}" if employer else ""
        return f"({ref} = ${param} OR {_EMPLOYER_IN.format(v=var, p=param, visible=visible)})"
    if cond.op in _TEXT_OPS:
        out.params[param] = str(cond.value).lower()
        return f"lower({ref}) {_COMPARE[cond.op]} ${param}"
    return f"{ref} {_COMPARE[cond.op]} ${param}"


def _name_contains(label: str, var: str, cond: Cond, param: str, out: Rendered) -> str:
    if cond.prop != "name":
        raise ValueError(f"{label}.{cond.prop}: name_contains looks in the name (and aliases)")
    aliases = "aliases" in REGISTRY.node(label).prop_names
    alternatives = []
    for j, text in enumerate(cond.value):
        # one variable per text: LadybugDB's lambdas see neither parameters nor outer lambdas
        name = f"{param}_{j}"
        out.params[name] = text.lower()
        out.bound.append(name)
        alternatives.append(f"lower({var}.name) CONTAINS {name}")
        if aliases:
            alternatives.append(f"any(x IN coalesce({var}.aliases, []) WHERE lower(x) CONTAINS {name})")
    return "(" + (" OR ".join(alternatives) or "false") + ")"
