"""``where``: a list's conditions joined by ``AND``, ``OR`` and ``NOT``, with operators per
property type (``eq``, ``in``, ``gt`` ... for numbers and dates, ``contains`` and
``startsWith`` for text, ``isNull`` for all), as ``graph.reads`` conditions, which the graph
layer renders into the store's query (no row is filtered in Python).

A property the caller may not read (masked personal data) filters as if the node had no
value, and text that names nodes outside the caller's view (a signal's reason) is not
offered at all: a filter on either would tell what is hidden.
"""

from __future__ import annotations

from typing import Any

import graphene

from api._enums import choice_enum, choices
from api._types import SCALARS, rel_field_name
from graph.reads import AllOf, AnyOf, Cond, Not, Op, Related, Where
from schema import REGISTRY, PropType, RelType

#: bookkeeping no one filters by
NOT_FILTERED = frozenset({"source", "source_key", "source_keys", "run_id", "content_hash"})
#: text that names nodes, served with those the caller may not see hidden
#: (``api._visible_refs``): no filter, group or scoped sort reads it
NAMES_NODES = {"Signal": frozenset({"reason", "evidence"})}
_OPS = {
    "eq": Op.EQUALS, "in": Op.IN, "gt": Op.GREATER, "gte": Op.AT_LEAST, "lt": Op.LESS, "lte": Op.AT_MOST,
    "contains": Op.CONTAINS, "starts_with": Op.STARTS_WITH,
}  # fmt: skip
_OPERATORS: dict[PropType, tuple[str, ...]] = {
    PropType.STRING: ("eq", "in", "contains", "starts_with"),
    PropType.INT: ("eq", "in", "gt", "gte", "lt", "lte"),
    PropType.FLOAT: ("eq", "in", "gt", "gte", "lt", "lte"),
    PropType.BOOL: ("eq",),
    PropType.DATE: ("eq", "gt", "gte", "lt", "lte"),
    PropType.DATETIME: ("eq", "gt", "gte", "lt", "lte"),
}
_BUILT: dict[str, Any] = {}


def _operator_type(name: str, scalar: Any, ops: tuple[str, ...]) -> Any:
    """``<name>Where``: the operators a property of one kind takes (built once per name)."""
    if name not in _BUILT:
        attrs: dict[str, Any] = {
            op: graphene.List(graphene.NonNull(scalar)) if op == "in" else scalar() for op in ops
        }
        attrs["is_null"] = graphene.Boolean(description="true: no value; false: a value")
        _BUILT[name] = type(f"{name}Where", (graphene.InputObjectType,), attrs)
    return _BUILT[name]


def _property_filter(label: str, name: str, kind: PropType) -> Any:
    if choices(label, name):
        enum = choice_enum(label, name)
        return _operator_type(enum._meta.name, enum, ("eq", "in"))
    return _kind_filter(kind)


def _kind_filter(kind: PropType) -> Any:
    """``StringWhere``, ``IntWhere``, ``DateTimeWhere`` ...: the operators of a property kind."""
    return _operator_type(kind.name.title().replace("time", "Time"), SCALARS[kind], _OPERATORS[kind])


def filterable(label: str) -> list[tuple[str, PropType]]:
    return [
        (p.name, p.type)
        for p in REGISTRY.node(label).props
        if p.type in SCALARS and p.name not in NOT_FILTERED | NAMES_NODES.get(label, frozenset())
    ]


def where_input(label: str) -> Any:
    """``<Label>Where``: ``AND``, ``OR``, ``NOT``, a field per filterable property and one
    per relationship, named as the type's field for it (``Company.contacts``)."""
    key = f"{label}Where"
    if key not in _BUILT:
        attrs: dict[str, Any] = {
            "AND": graphene.List(graphene.NonNull(lambda: _BUILT[key]), name="AND", description="all of"),
            "OR": graphene.List(graphene.NonNull(lambda: _BUILT[key]), name="OR", description="any of"),
            "NOT": graphene.InputField(lambda: _BUILT[key], name="NOT", description="not this"),
        }
        for name, kind in filterable(label):
            attrs[name] = graphene.InputField(_property_filter(label, name, kind))
        for field_name, (rel, _, other) in relationships(label).items():
            attrs[field_name] = graphene.InputField(_through(rel, other), name=field_name)
        _BUILT[key] = type(key, (graphene.InputObjectType,), attrs)
    return _BUILT[key]


_RELATIONSHIPS: dict[str, dict[str, tuple[RelType, bool, str]]] = {}


def relationships(label: str) -> dict[str, tuple[RelType, bool, str]]:
    """Per field name: the relationship a ``where`` follows from ``label``, its direction
    (outgoing or not) and the other end's type."""
    if label not in _RELATIONSHIPS:
        props = {p.name for p in REGISTRY.node(label).props}
        found: dict[str, tuple[RelType, bool, str]] = {}
        for rel in REGISTRY.rels.values():
            for start, end in rel.endpoints:
                for outgoing, here, other in ((True, start, end), (False, end, start)):
                    name = rel_field_name(rel, start, end, outgoing)
                    if here == label and name not in props and name not in ("AND", "OR", "NOT"):
                        found.setdefault(name, (rel, outgoing, other))
        _RELATIONSHIPS[label] = found
    return _RELATIONSHIPS[label]


def _through(rel: RelType, other: str) -> Any:
    """``<Other>Via<Rel>``: what a related node (``some`` / ``none``) and its edge must meet."""
    camel = "".join(w.capitalize() for w in rel.type.lower().split("_"))
    name = f"{other}Via{camel}"
    if name not in _BUILT:
        attrs: dict[str, Any] = {
            "some": graphene.InputField(
                lambda: where_input(other), description="some related node meets this (and `edge`)"
            ),
            "none": graphene.InputField(
                lambda: where_input(other), description="no related node meets this (and `edge`)"
            ),
        }
        edge = _edge_input(rel, camel)
        if edge is not None:
            attrs["edge"] = graphene.InputField(edge, description="what the relationship itself must meet")
        _BUILT[name] = type(name, (graphene.InputObjectType,), attrs)
    return _BUILT[name]


def _edge_input(rel: RelType, camel: str) -> Any | None:
    name = f"{camel}EdgeWhere"
    if name not in _BUILT:
        fields = [(p.name, p.type) for p in rel.props if p.type in SCALARS and p.name not in NOT_FILTERED]
        if not fields:
            return None
        attrs = {
            p: graphene.InputField(
                _operator_type(k.name.title().replace("time", "Time"), SCALARS[k], _OPERATORS[k])
            )
            for p, k in fields
        }
        _BUILT[name] = type(name, (graphene.InputObjectType,), attrs)
    return _BUILT[name]


def where_conditions(label: str, where: dict[str, Any] | None) -> list[Where]:
    """A ``where`` argument on ``label`` as conditions, all of which must hold."""
    out: list[Where] = []
    related = relationships(label)
    for key, value in (where or {}).items():
        if value is None:
            continue
        if key == "AND":
            out.append(AllOf(tuple(AllOf(tuple(where_conditions(label, w))) for w in value)))
        elif key == "OR":
            out.append(AnyOf(tuple(AllOf(tuple(where_conditions(label, w))) for w in value)))
        elif key == "NOT":
            out.append(Not(AllOf(tuple(where_conditions(label, value)))))
        elif key in related:
            out += _related_conditions(related[key], value)
        else:
            out += _property_conditions(key, value)
    return out


def _related_conditions(through: tuple[RelType, bool, str], given: dict[str, Any]) -> list[Where]:
    rel, outgoing, other = through
    edge = tuple(
        c for prop, ops in (given.get("edge") or {}).items() if ops for c in _property_conditions(prop, ops)
    )
    out: list[Where] = []
    for quantifier, exists in (("some", True), ("none", False)):
        if given.get(quantifier) is not None:
            node = tuple(where_conditions(other, given[quantifier]))
            out.append(Related(rel.type, outgoing, other, node, edge, exists))
    if not out and edge:
        out.append(Related(rel.type, outgoing, other, (), edge))
    return out


def _property_conditions(prop: str, given: dict[str, Any]) -> list[Where]:
    out: list[Where] = []
    for op, value in given.items():
        if value is None:
            continue
        if op == "is_null":
            out.append(Cond(prop, Op.UNSET if value else Op.IS_SET))
        elif op == "in":
            out.append(Cond(prop, Op.IN, [getattr(v, "value", v) for v in value]))
        else:
            out.append(Cond(prop, _OPS[op], getattr(value, "value", value)))
    return out
