"""The top-level lists: ``companies``, ``people``, ... with their ``filter`` and
``orderBy`` inputs derived from the ontology, and how those become store conditions."""

from __future__ import annotations

from functools import cache
from typing import Any

import graphene
from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLResolveInfo

from api._context import Context
from api._enums import choice_enum, choices
from api._errors import ApiError, Code
from api._relay import Edge as SliceEdge
from api._relay import Slice, keyset_cursor, page_size, position_after
from api._types import TYPES, Rec, connection_type, ctx_of, scalar
from api._where import NAMES_NODES, where_conditions, where_input
from graph.reads import Cond, Op
from schema import REGISTRY, PropType

#: equality filters (any of the given values) per type
EQUALS: dict[str, tuple[str, ...]] = {
    "Company": ("industry", "region", "country", "city", "tier", "lifecycle", "territory", "owner_id"),
    "Person": ("seniority", "department", "territory", "internal"),
    "Product": ("category", "family", "currency"),
    "Opportunity": ("stage", "status"),
    "Activity": ("kind",),
    "Document": ("kind", "lang"),
    "Topic": (),
    "Signal": ("kind", "severity", "status"),
    "Run": ("kind", "status"),
}
#: inclusive ranges (``<prop>Min``/``<prop>Max``) per type
RANGES: dict[str, tuple[str, ...]] = {
    "Company": ("employees", "annual_revenue"),
    "Product": ("price",),
    "Opportunity": ("amount", "close_date"),
    "Activity": ("at", "sentiment"),
    "Signal": ("score", "detected_at"),
}
_SORTABLE = {PropType.STRING, PropType.INT, PropType.FLOAT, PropType.DATE, PropType.DATETIME, PropType.BOOL}
_HIDDEN = {"source", "source_key", "run_id", "ingested_at", "content_hash"}
#: personal data no list sorts by: an order reveals what masking hides
_UNSORTED = {"Person": frozenset({"address", "postcode", "birth_date", "external_id"})}

Direction = graphene.Enum("SortDirection", [("ASC", "asc"), ("DESC", "desc")])


def enum_value(v: Any) -> Any:
    """An enum argument as its stored value (Graphene hands over members or values)."""
    return getattr(v, "value", v)


@cache
def filter_input(label: str) -> Any:
    """``<Label>Filter`` (built once: the lists and the aggregates share it)."""
    node = REGISTRY.node(label)
    props = {p.name: p for p in node.props}
    attrs: dict[str, Any] = {}
    if "name" in props:
        attrs["name_contains"] = graphene.String(description="in the name or an alias, any case")
    for name in EQUALS.get(label, ()):
        prop = props[name]
        if prop.type is PropType.BOOL:
            attrs[name] = graphene.Boolean()
        elif choices(label, name):
            # the enum field replaces the string one, which stays until clients have moved
            enum = choice_enum(label, name)
            attrs[f"{name}_in"] = graphene.List(graphene.NonNull(enum), description="any of")
            attrs[name] = graphene.List(
                graphene.NonNull(graphene.String),
                description="any of (checked against the same values)",
                deprecation_reason=f"use {to_camel_case(name)}In, the values as an enum",
            )
        else:
            attrs[name] = graphene.List(graphene.NonNull(graphene.String), description="any of")
    for name in RANGES.get(label, ()):
        attrs[f"{name}_min"] = scalar(props[name])
        attrs[f"{name}_max"] = scalar(props[name])
    return type(f"{label}Filter", (graphene.InputObjectType,), attrs)


def _order_input(label: str) -> Any:
    node = REGISTRY.node(label)
    fields = [
        (p.name.upper(), p.name)
        for p in node.props
        if p.type in _SORTABLE and p.name not in _HIDDEN and p.name not in _UNSORTED.get(label, ())
    ]
    enum = graphene.Enum(f"{label}SortField", fields)
    attrs = {"field": enum(required=True), "direction": Direction(default_value="asc")}
    return type(f"{label}Order", (graphene.InputObjectType,), attrs)


def conditions(label: str, flt: dict[str, Any] | None) -> list[Cond]:
    """A list's ``filter`` argument as conditions (its fields come from the ontology)."""
    out: list[Cond] = []
    for key, value in (flt or {}).items():
        if value is None:
            continue
        if key == "name_contains":
            out.append(Cond.name_contains(str(value)))
        elif key.endswith("_min") or key.endswith("_max"):
            out.append(Cond(key[:-4], Op.AT_LEAST if key.endswith("_min") else Op.AT_MOST, value))
        elif isinstance(value, bool):
            out.append(Cond(key, Op.EQUALS, value))
        elif key.endswith("_in"):
            out.append(Cond(key[:-3], Op.IN, [enum_value(v) for v in value]))
        else:
            _check_choices(label, key, value)
            out.append(Cond(key, Op.IN, value))
    return out


def _check_choices(label: str, prop: str, given: list[str]) -> None:
    """A string filter on a property with fixed values takes only those values: a typo is
    an error, not an empty list."""
    allowed = choices(label, prop)
    unknown = [v for v in given if v not in allowed]
    if allowed and unknown:
        raise ApiError(
            Code.BAD_USER_INPUT,
            f"filter.{to_camel_case(prop)}: {unknown[0]!r:.40} is not one of {', '.join(allowed)}",
        )


def _effective_order(
    context: Context, label: str, order_by: list[dict[str, Any]] | None, has_name: bool
) -> list[tuple[str, bool]]:
    """The order a list is read in: as asked (by name when not asked), less what the caller may
    not sort by."""
    order = [(str(enum_value(o["field"])), enum_value(o.get("direction")) == "desc") for o in order_by or []]
    if not order and has_name:
        order = [("name", False)]
    # a masked value sorts as if absent: an order by it would reveal what masking hides
    order = [(p, desc) for p, desc in order if not context.policy.masked(label, p)]
    if context.principal.scoped:  # served with the hidden names out: an order by it would sort by them
        order = [(p, desc) for p, desc in order if p not in NAMES_NODES.get(label, ())]
    return order


def list_field(label: str) -> Any:
    """``<plural>(first, after | last, before, filter, where, orderBy)``: a Relay connection over one
    type, paged by keyset cursors either way."""
    node_type = TYPES[label]
    conn = connection_type(label, node_type)
    has_name = "name" in {p.name for p in REGISTRY.node(label).props}

    async def resolve(  # type: ignore[no-untyped-def]
        root: Any,
        info: GraphQLResolveInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: dict[str, Any] | None = None,  # the GraphQL argument's name
        where: dict[str, Any] | None = None,
        order_by: list[dict[str, Any]] | None = None,
    ):
        context = ctx_of(info)
        conds = [*conditions(label, filter), *where_conditions(label, where)]
        order = _effective_order(context, label, order_by, has_name)

        async def count() -> int:
            total: int = await context.run(context.reads.count, label, conds)
            return total

        if last is None and before is None:
            size = page_size(first, context.max_page)
            skip, position = position_after(after, order)
            rows = await context.run(context.reads.page, label, conds, order, skip, size + 1, position)
            edges = [SliceEdge(keyset_cursor(order, r), Rec(label, r), {}) for r in rows[:size]]
            return Slice(edges, len(rows) > size, skip > 0 or position is not None, None, count)
        if first is not None or after is not None:
            raise ApiError(
                Code.BAD_USER_INPUT, "page forward (first, after) or backward (last, before), not both"
            )
        size = page_size(last, context.max_page)
        skip, position = position_after(before, order)
        if skip:
            raise ApiError(Code.BAD_USER_INPUT, "before: an offset cursor pages forward only")
        rows = await context.run(context.reads.page, label, conds, order, 0, size + 1, position, True)
        window = list(reversed(rows[:size]))
        edges = [SliceEdge(keyset_cursor(order, r), Rec(label, r), {}) for r in window]
        return Slice(edges, position is not None, len(rows) > size, None, count)

    return graphene.Field(
        conn,
        required=True,
        first=graphene.Int(),
        after=graphene.String(),
        last=graphene.Int(description="the last rows, or those just before `before`"),
        before=graphene.String(description="a cursor: the rows before it, with `last`"),
        filter=graphene.Argument(filter_input(label)),
        where=graphene.Argument(where_input(label), description="conditions with AND, OR and NOT"),
        order_by=graphene.List(graphene.NonNull(_order_input(label))),
        resolver=resolve,
    )
