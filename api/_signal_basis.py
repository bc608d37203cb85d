"""``Signal.basis``: what a signal rests on, as types - the numbers behind it by name, and the
nodes it names, each the node itself or, where the caller may not see it, only its label.
It serves the signal's stored ``evidence`` JSON, which stays as a deprecated string."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._named import NamedNumber, named_numbers
from api._types import EXTRA_FIELDS, SUPERSEDED, Node, Rec, ctx_of


class SignalRef(graphene.ObjectType):  # type: ignore[misc]
    """A node a signal names: ``node`` is null where the caller may not see it."""

    label = graphene.String(required=True)
    node = graphene.Field(Node)
    outside = graphene.Boolean(required=True, description="outside what the caller may see")


class SignalBasis(graphene.ObjectType):  # type: ignore[misc]
    numbers = graphene.List(graphene.NonNull(NamedNumber), required=True)
    rests_on = graphene.List(graphene.NonNull(SignalRef), required=True)


async def _basis(rec: Rec, info: GraphQLResolveInfo) -> dict[str, Any]:
    try:
        stored = json.loads(rec.props.get("evidence") or "{}")
    except ValueError:
        stored = {}
    stored = stored if isinstance(stored, dict) else {}
    given = stored.get("numbers")
    numbers: dict[str, Any] = given if isinstance(given, dict) else {}
    refs = [r for r in stored.get("refs") or [] if isinstance(r, list) and len(r) >= 2]
    context = ctx_of(info)
    found = await asyncio.gather(*(context.node_loader(str(r[0])).load(str(r[1])) for r in refs))
    return {
        "numbers": named_numbers(numbers),
        "rests_on": [
            {"label": str(r[0]), "node": Rec(str(r[0]), p) if p is not None else None, "outside": p is None}
            for r, p in zip(refs, found, strict=True)
        ],
    }


EXTRA_FIELDS["Signal"] = lambda: {
    "basis": graphene.Field(
        SignalBasis, required=True, resolver=_basis, description="what the signal rests on"
    )
}
SUPERSEDED[("Signal", "evidence")] = "use basis: the numbers and the nodes it rests on, as types"
