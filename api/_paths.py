"""``Query.path``: the shortest chain of relationships between two nodes, through nodes
the caller may see only (a rep's path never crosses another territory's accounts)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context
from api._errors import ApiError, Code
from api._relay import from_global_id
from api._types import Node, Rec, ctx_of
from graph import NodeRef

MAX_HOPS = 6
#: neighbours read per hop and label; a hub (a product every account buys) is cut here
FANOUT = 2000
#: the nodes of a path from its start, each with the relationship that reached it
Chain = list[tuple[NodeRef, str]]


class PathType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "Path"

    length = graphene.Int(required=True)
    nodes = graphene.List(graphene.NonNull(Node), required=True)
    relationships = graphene.List(graphene.NonNull(graphene.String), required=True)


async def _visible(context: Context, refs: list[NodeRef]) -> set[NodeRef]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for label, key in refs:
        by_label[label].append(key)
    seen: set[NodeRef] = set()
    for label, keys in by_label.items():
        found = await context.run(context.reads.visible_keys, label, keys)
        seen.update((label, k) for k in found)
    return seen


async def _search(
    context: Context, start: NodeRef, goal: NodeRef, max_hops: int
) -> list[tuple[NodeRef, str]] | None:
    parent: dict[NodeRef, tuple[NodeRef, str] | None] = {start: None}
    frontier = [start]
    for _ in range(max_hops):
        by_label: dict[str, list[str]] = defaultdict(list)
        for label, key in frontier:
            by_label[label].append(key)
        found: list[tuple[NodeRef, str, NodeRef]] = []
        for label, keys in by_label.items():
            hops = await context.run(context.reads.neighbours, label, keys, FANOUT)
            found.extend(((label, a), rel, (other, key)) for a, rel, other, key in hops)
        fresh = [n for _, _, n in found if n not in parent]
        visible = await _visible(context, list(dict.fromkeys(fresh)))
        frontier = []
        for here, rel, there in found:
            if there in visible and there not in parent:
                parent[there] = (here, rel)
                frontier.append(there)
        if goal in parent:
            chain: Chain = []
            node = goal
            while (step := parent[node]) is not None:
                chain.append((node, step[1]))
                node = step[0]
            return [(start, ""), *reversed(chain)]
        if not frontier:
            return None
    return None


async def resolve_path(
    root: Any, info: GraphQLResolveInfo, from_id: str, to_id: str, max_hops: int | None = 4
) -> dict[str, Any] | None:
    max_hops = 4 if max_hops is None else max_hops  # an explicit null means the default
    if not 1 <= max_hops <= MAX_HOPS:
        raise ApiError(Code.BAD_USER_INPUT, f"maxHops must be between 1 and {MAX_HOPS}")
    context = ctx_of(info)
    start, goal = from_global_id(from_id), from_global_id(to_id)
    if await _visible(context, [start, goal]) != {start, goal}:
        return None
    if start == goal:
        chain: Chain | None = [(start, "")]
    else:
        chain = await _search(context, start, goal, max_hops)
    if chain is None:
        return None
    nodes = []
    for label, key in (ref for ref, _ in chain):
        props = await context.node_loader(label).load(key)
        if props is None:
            return None
        nodes.append(Rec(label, props))
    return {"length": len(chain) - 1, "nodes": nodes, "relationships": [rel for _, rel in chain[1:]]}


def path_field() -> Any:
    return graphene.Field(
        PathType,
        from_id=graphene.ID(required=True, name="from"),
        to_id=graphene.ID(required=True, name="to"),
        max_hops=graphene.Int(default_value=4),
        resolver=resolve_path,
        description="a shortest chain of relationships between two nodes, through nodes you may see",
    )
