"""Delete mutations: a company or a person (with its relationships), or one relationship,
within the caller's scope, each audited with what it removed (label, key and provenance,
never names or values).

What an ingest brought (a CRM account, an ERP code) comes back with the next run of that
source, so only an admin removes it; the other writers remove what was written through the
API. A node or relationship the caller may not see is answered as one that does not exist.
"""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context
from api._errors import ApiError, Code
from api._principal import Role
from api._relay import from_global_id, to_global_id
from api._types import ctx_of
from api._write_checks import require_writer, visible_end
from schema import REGISTRY, SchemaError

DELETABLE = ("Company", "Person")
_PROVENANCE = ("source", "source_key", "run_id")


class Deleted(graphene.ObjectType):  # type: ignore[misc]
    """What a delete removed."""

    id = graphene.ID(required=True, description="the global id the node had")
    key = graphene.String(required=True)
    label = graphene.String(required=True)


def _may_remove(context: Context, props: dict[str, Any], what: str) -> None:
    if context.principal.role is not Role.ADMIN and props.get("source") != "api":
        raise ApiError(
            Code.FORBIDDEN,
            f"this {what} came from an ingest ({props.get('source')}): only an admin removes it",
        )


async def _delete_node(root: Any, info: GraphQLResolveInfo, id: str) -> dict[str, str]:
    context = ctx_of(info)
    require_writer(context)
    label, key = from_global_id(id)
    if label not in DELETABLE:
        raise ApiError(Code.BAD_USER_INPUT, f"only {' and '.join(DELETABLE)} nodes are deleted here")
    props = await context.node_loader(label).load(key)
    if props is None:
        raise ApiError(Code.NOT_FOUND, f"no such {label.lower()} in your scope")
    _may_remove(context, props, label.lower())
    await context.run(context.store.delete_nodes, label, [key])
    context.audit.record(
        context.principal,
        "mutation",
        field="deleteNode",
        target=f"{label}:{key}",
        deleted={p: props.get(p) for p in _PROVENANCE},
    )
    return {"id": to_global_id(label, key), "key": key, "label": label}


async def _delete_relationship(root: Any, info: GraphQLResolveInfo, type: str, start: str, end: str) -> bool:
    context = ctx_of(info)
    require_writer(context)
    a, b = await visible_end(context, "from", start), await visible_end(context, "to", end)
    try:
        rel = REGISTRY.check_endpoints(type, a.label, b.label)
    except SchemaError as exc:
        raise ApiError(Code.BAD_USER_INPUT, f"type: {exc}") from None
    if rel.derived_by or rel.key:
        raise ApiError(Code.BAD_USER_INPUT, f"type: {rel.type} is not deleted by hand")
    found = await context.run(context.reads.related, rel.type, a.label, b.label, True, [a.key])
    stored = [e for n, e in found[a.key] if n["id"] == b.key]
    if not stored:
        raise ApiError(Code.NOT_FOUND, f"no {rel.type} between these two in your scope")
    _may_remove(context, stored[0], "relationship")
    await context.run(context.store.delete_edges, rel.type, a.label, b.label, [(a.key, b.key)])
    context.audit.record(
        context.principal,
        "mutation",
        field="deleteRelationship",
        target=f"{rel.type}:{a.label}:{a.key}->{b.label}:{b.key}",
        deleted={p: stored[0].get(p) for p in _PROVENANCE},
    )
    return True


def delete_mutations() -> dict[str, Any]:
    return {
        "delete_node": graphene.Field(
            Deleted,
            required=True,
            id=graphene.ID(required=True),
            resolver=_delete_node,
            description="delete a company or a person you may see, with its relationships",
        ),
        "delete_relationship": graphene.Field(
            graphene.Boolean,
            required=True,
            type=graphene.String(required=True),
            start=graphene.ID(required=True, name="from"),
            end=graphene.ID(required=True, name="to"),
            resolver=_delete_relationship,
            description="delete a relationship between two nodes you may see",
        ),
    }
