"""Mutations: signal triage and validated upserts, each checked by the policy and audited;
the ingest and recompute mutations (background jobs) come from ``api._job_fields``."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import graphene
from graphene.types.generic import GenericScalar
from graphene.utils.str_converters import to_snake_case
from graphql import GraphQLResolveInfo

from api._context import Context, audit_args
from api._deletes import delete_mutations
from api._errors import ApiError, Code
from api._job_fields import job_mutations
from api._relay import from_global_id
from api._types import TYPES, Node, Rec, ctx_of, scalar
from api._write_checks import require_writer, visible_end
from graph import DanglingEdgeError
from schema import REGISTRY, PropType, RelType, SchemaError
from schema import ValidationError as SchemaValidationError

_NOT_INPUT = frozenset({"source", "source_key", "source_keys", "run_id", "ingested_at", "content_hash"})


_ID_DOC = (
    "the key of the node to change; omit it to create a node, which gets a key of its own "
    "(a rep's id must name a node in the rep's scope)"
)


def _provenance(context: Context) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return {
        "source": "api",
        "source_key": context.principal.subject,
        "run_id": f"api-{now:%Y%m%d}",
        "ingested_at": now,
    }


def _input(label: str, skip: frozenset[str] = frozenset()) -> Any:
    """``<label>Input``: the properties people write; what an analysis owns is left out."""
    attrs = {"id": graphene.String(description=_ID_DOC)} | {
        p.name: scalar(p, required=p.required)
        for p in REGISTRY.node(label).props
        if p.name not in _NOT_INPUT | skip | {"id"} and not p.derived_by
    }
    return type(f"{label}Input", (graphene.InputObjectType,), attrs)


def _upsert(context: Context, label: str, row: dict[str, Any]) -> None:
    try:
        context.store.upsert_nodes(label, [row])
    except SchemaValidationError as exc:
        raise ApiError(Code.BAD_USER_INPUT, str(exc)) from None


async def _set_signal_status(info: GraphQLResolveInfo, id: str, status: str, field: str) -> Rec:
    context = ctx_of(info)
    require_writer(context)
    label, key = from_global_id(id)
    if label != "Signal":
        raise ApiError(Code.BAD_USER_INPUT, "the id is not a signal's")
    current = await context.node_loader("Signal").load(key)
    if current is None:
        raise ApiError(Code.NOT_FOUND, "no such signal")
    await context.run(_upsert, context, "Signal", {"id": key, "kind": current["kind"], "status": status})
    context.audit.record(context.principal, "mutation", field=field, target=f"Signal:{key}")
    props = await context.run(context.reads.nodes, "Signal", [key])
    return Rec("Signal", props[key])


async def _acknowledge(root: Any, info: GraphQLResolveInfo, id: str) -> Rec:
    return await _set_signal_status(info, id, "acknowledged", "acknowledgeSignal")


async def _dismiss(root: Any, info: GraphQLResolveInfo, id: str) -> Rec:
    return await _set_signal_status(info, id, "dismissed", "dismissSignal")


async def _target(context: Context, label: str, row: dict[str, Any]) -> dict[str, Any]:
    """The stored node the upsert writes (``{}`` if new), setting ``row["id"]``: without an id a
    new node gets a key of its own. A scoped caller's id must name a node it may see: an unknown
    id and one outside its scope get one answer, so no key's existence shows through (a caller
    who chose keys could otherwise probe for other territories' accounts)."""
    key = row.get("id")
    if not key:
        row["id"] = f"api-{label.lower()}-{uuid.uuid4().hex[:16]}"
        return {}
    if context.principal.scoped:
        visible = await context.run(context.reads.nodes, label, [key])
        if key not in visible:
            raise ApiError(
                Code.NOT_FOUND, f"no {label.lower()} with this id in your scope; omit id to create one"
            )
        return visible[key]
    if not await context.run(context.store.node_exists, label, key):
        return {}
    stored = await context.run(context.reads.nodes, label, [key])
    return stored.get(key, {})


async def _upsert_company(root: Any, info: GraphQLResolveInfo, input: dict[str, Any]) -> Rec:
    context = ctx_of(info)
    require_writer(context)
    row = dict(input)
    existing = await _target(context, "Company", row)
    if not context.policy.may_write_company(existing | row):
        raise ApiError(Code.FORBIDDEN, "a company you write must stay in your territory or be owned by you")
    await context.run(_upsert, context, "Company", row | _provenance(context))
    context.audit.record(
        context.principal,
        "mutation",
        field="upsertCompany",
        target=f"Company:{row['id']}",
        arguments=audit_args({"input": row}),
        created=not existing,
    )
    props = await context.run(context.reads.nodes, "Company", [row["id"]])
    return Rec("Company", props[row["id"]])


async def _upsert_person(
    root: Any,
    info: GraphQLResolveInfo,
    input: dict[str, Any],
    company_key: str | None = None,
) -> Rec:
    context = ctx_of(info)
    require_writer(context)
    row = dict(input)
    existing = await _target(context, "Person", row)
    if company_key is not None:
        company = await context.run(context.reads.nodes, "Company", [company_key])
        if company_key not in company:
            raise ApiError(Code.NOT_FOUND, "no such company in your scope")
    elif not existing and context.principal.scoped:
        raise ApiError(
            Code.BAD_USER_INPUT, "give companyKey: a new contact must work at one of your accounts"
        )
    provenance = _provenance(context)
    await context.run(_upsert, context, "Person", row | provenance)
    if company_key is not None:
        edge = {"_from": row["id"], "_to": company_key, "current": True, **provenance}
        await context.run(context.store.upsert_edges, "WORKS_AT", "Person", "Company", [edge])
    context.audit.record(
        context.principal,
        "mutation",
        field="upsertPerson",
        target=f"Person:{row['id']}",
        arguments=audit_args({"input": row, "companyKey": company_key}),
        created=not existing,
    )
    props = await context.run(context.reads.nodes, "Person", [row["id"]])
    return Rec("Person", props[row["id"]])


class JSONObject(GenericScalar):  # type: ignore[misc]
    """A JSON object, e.g. ``{strength: 0.8, lastContact: "2026-07-01"}``."""


class RelationshipType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "Relationship"

    type = graphene.String(required=True)
    start = graphene.Field(Node, required=True, name="from")
    end = graphene.Field(Node, required=True, name="to")
    properties = graphene.JSONString(required=True, description="as stored, provenance aside")


def _coerce(prop_type: PropType, name: str, value: Any) -> Any:
    """A JSON value as the ontology types it: ISO dates and times, integers as floats."""
    try:
        if prop_type is PropType.DATE and isinstance(value, str):
            return dt.date.fromisoformat(value)
        if prop_type is PropType.DATETIME and isinstance(value, str):
            return dt.datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(
            Code.BAD_USER_INPUT, f"properties.{name}: not an ISO {prop_type.value}: {value!r:.40}"
        ) from None
    if prop_type is PropType.FLOAT and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _edge_props(rel: RelType, given: Any) -> dict[str, Any]:
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise ApiError(Code.BAD_USER_INPUT, "properties: give an object of property names and values")
    known = {p.name: p for p in rel.props if p.name not in _NOT_INPUT and not p.derived_by}
    out: dict[str, Any] = {}
    for name, value in given.items():
        prop = known.get(to_snake_case(str(name)))
        if prop is None:
            allowed = ", ".join(sorted(known)) or "none"
            raise ApiError(
                Code.BAD_USER_INPUT, f"properties.{name}: {rel.type} has no such property (known: {allowed})"
            )
        out[prop.name] = _coerce(prop.type, str(name), value)
    return out


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    shown = {k: v for k, v in props.items() if k not in _NOT_INPUT}
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in sorted(shown.items())}


async def _upsert_relationship(
    root: Any, info: GraphQLResolveInfo, type: str, start: str, end: str, properties: Any = None
) -> dict[str, Any]:
    context = ctx_of(info)
    require_writer(context)
    a, b = await visible_end(context, "from", start), await visible_end(context, "to", end)
    (a_label, a_key), (b_label, b_key) = (a.label, a.key), (b.label, b.key)
    try:
        rel = REGISTRY.check_endpoints(type, a_label, b_label)
    except SchemaError as exc:
        raise ApiError(Code.BAD_USER_INPUT, f"type: {exc}") from None
    if rel.derived_by:
        raise ApiError(Code.BAD_USER_INPUT, f"type: {rel.type} is written by the analyses, not by hand")
    props = _edge_props(rel, properties)
    row = {"_from": a_key, "_to": b_key, **props, **_provenance(context)}
    try:
        await context.run(context.store.upsert_edges, rel.type, a_label, b_label, [row])
    except SchemaValidationError as exc:
        raise ApiError(Code.BAD_USER_INPUT, str(exc)) from None
    except DanglingEdgeError:
        raise ApiError(Code.NOT_FOUND, "from or to: deleted meanwhile") from None
    context.audit.record(
        context.principal,
        "mutation",
        field="upsertRelationship",
        target=f"{rel.type}:{a_label}:{a_key}->{b_label}:{b_key}",
        arguments=audit_args({"properties": props}),
    )
    found = await context.run(context.reads.related, rel.type, a_label, b_label, True, [a_key])
    stored = [
        e for n, e in found[a_key] if n["id"] == b_key and (not rel.key or e.get(rel.key) == row.get(rel.key))
    ]
    return {
        "type": rel.type,
        "start": a,
        "end": b,
        "properties": _plain(stored[0] if stored else row),
    }


def mutation_attrs() -> dict[str, Any]:
    signal, company, person = TYPES["Signal"], TYPES["Company"], TYPES["Person"]
    return {
        "acknowledge_signal": graphene.Field(
            signal, required=True, id=graphene.ID(required=True), resolver=_acknowledge
        ),
        "dismiss_signal": graphene.Field(
            signal, required=True, id=graphene.ID(required=True), resolver=_dismiss
        ),
        "upsert_company": graphene.Field(
            company,
            required=True,
            input=graphene.Argument(_input("Company", frozenset({"is_self"})), required=True),
            resolver=_upsert_company,
        ),
        "upsert_person": graphene.Field(
            person,
            required=True,
            input=graphene.Argument(_input("Person", frozenset({"internal"})), required=True),
            company_key=graphene.String(description="the company the person works at (WORKS_AT)"),
            resolver=_upsert_person,
        ),
        "upsert_relationship": graphene.Field(
            RelationshipType,
            required=True,
            type=graphene.String(required=True, description="an ontology relationship type, e.g. KNOWS"),
            start=graphene.ID(required=True, name="from"),
            end=graphene.ID(required=True, name="to"),
            properties=JSONObject(description="its properties by name, e.g. {strength: 0.8}"),
            resolver=_upsert_relationship,
            description="merge a relationship between two nodes you may see, validated against the ontology",
        ),
        **delete_mutations(),
        **job_mutations(),
    }
