"""``<plural>Aggregate``: counts and sums, averages, minima and maxima of a type's numeric
properties, per group of chosen properties (pipeline by territory and stage, signals by kind
and severity), under the caller's scope and the list's ``filter`` and ``where``.

Personal data (masked for most callers) is never a group, and nothing that names nodes
outside the caller's view is; the store groups and sums (``ScopedReads.aggregate``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._enums import choices
from api._lists import conditions, filter_input
from api._policy import PII_FIELDS
from api._types import ctx_of, scalar
from api._where import NAMES_NODES, NOT_FILTERED, where_conditions, where_input
from graph.reads._lists import MEASURES
from schema import REGISTRY, PropType

_GROUPABLE = (PropType.STRING, PropType.INT, PropType.BOOL, PropType.DATE)


def _groupable(label: str) -> list[str]:
    hidden = NOT_FILTERED | NAMES_NODES.get(label, frozenset()) | PII_FIELDS.get(label, frozenset())
    node = REGISTRY.node(label)
    return [p.name for p in node.props if p.type in _GROUPABLE and p.name not in hidden | {"id", "name"}]


def _measured(label: str) -> list[str]:
    hidden = PII_FIELDS.get(label, frozenset())
    node = REGISTRY.node(label)
    return [p.name for p in node.props if p.type in (PropType.INT, PropType.FLOAT) and p.name not in hidden]


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float | Decimal) else None


def aggregate_field(label: str, plural: str) -> Any | None:
    """The ``<plural>Aggregate`` query field of ``label`` (none for a type with nothing to
    group by)."""
    node = REGISTRY.node(label)
    groupable = _groupable(label)
    measured = _measured(label)
    if not groupable:
        return None
    group_field = graphene.Enum(
        f"{label}GroupField",
        [(p.upper(), p) for p in groupable],
        description=f"a property of {label} that {plural} can be grouped by",
    )
    key_type = type(
        f"{label}GroupKey",
        (graphene.ObjectType,),
        {p: scalar(node.prop(p)) if not choices(label, p) else graphene.String() for p in groupable},
    )
    measures_type = type(f"{label}Measures", (graphene.ObjectType,), {p: graphene.Float() for p in measured})
    group_attrs: dict[str, Any] = {
        "key": graphene.Field(key_type, required=True, description="the group's values; null: none"),
        "count": graphene.Int(required=True),
    }
    for m in MEASURES if measured else ():
        group_attrs[m] = graphene.Field(measures_type, required=True, description=f"{m} per numeric property")
    group_type = type(f"{label}Group", (graphene.ObjectType,), group_attrs)

    async def resolve(
        root: Any,
        info: GraphQLResolveInfo,
        group_by: list[Any] | None = None,
        filter: dict[str, Any] | None = None,  # the GraphQL argument's name
        where: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        context = ctx_of(info)
        by = [str(getattr(g, "value", g)) for g in group_by or []]
        conds = [*conditions(label, filter), *where_conditions(label, where)]
        rows = await context.run(context.reads.aggregate, label, conds, by, measured)
        return [
            {
                "key": dict(zip(by, row["group"], strict=True)),
                "count": int(row["count"]),
                **{m: {p: _number(row[f"{m}_{p}"]) for p in measured} for m in MEASURES},
            }
            for row in rows
        ]

    return graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(group_type))),
        group_by=graphene.List(graphene.NonNull(group_field), description="the properties that make a group"),
        filter=graphene.Argument(filter_input(label)),
        where=graphene.Argument(where_input(label)),
        resolver=resolve,
        description=f"{plural} counted and measured per group (at most 1000 groups)",
    )
