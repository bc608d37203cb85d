"""Mutations: signal triage and validated upserts, each checked by the policy and audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context, audit_args
from api._errors import ApiError, Code
from api._principal import Role
from api._relay import from_global_id
from api._types import TYPES, Rec, ctx_of, scalar
from schema import REGISTRY
from schema import ValidationError as SchemaValidationError

_WRITERS = frozenset({Role.ADMIN, Role.MANAGER, Role.REP})
_NOT_INPUT = frozenset({"source", "source_key", "source_keys", "run_id", "ingested_at", "content_hash"})


def _require_writer(context: Context) -> None:
    if context.principal.role not in _WRITERS:
        raise ApiError(Code.FORBIDDEN, f"the {context.principal.role.value} role may not change the graph")


def _provenance(context: Context) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return {
        "source": "api",
        "source_key": context.principal.subject,
        "run_id": f"api-{now:%Y%m%d}",
        "ingested_at": now,
    }


def _input(label: str, skip: frozenset[str] = frozenset()) -> Any:
    attrs = {
        p.name: scalar(p, required=p.required or p.name == "id")
        for p in REGISTRY.node(label).props
        if p.name not in _NOT_INPUT | skip
    }
    return type(f"{label}Input", (graphene.InputObjectType,), attrs)


def _upsert(context: Context, label: str, row: dict[str, Any]) -> None:
    try:
        context.store.upsert_nodes(label, [row])
    except SchemaValidationError as exc:
        raise ApiError(Code.BAD_USER_INPUT, str(exc)) from None


async def _set_signal_status(info: GraphQLResolveInfo, id: str, status: str, field: str) -> Rec:
    context = ctx_of(info)
    _require_writer(context)
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


async def _check_existing(context: Context, label: str, key: str) -> dict[str, Any]:
    """The stored node (``{}`` if new); refuses one outside the caller's scope."""
    exists = await context.run(context.store.node_exists, label, key)
    if not exists:
        return {}
    visible = await context.run(context.reads.nodes, label, [key])
    if key not in visible:
        raise ApiError(Code.FORBIDDEN, f"this {label.lower()} is outside your scope")
    return visible[key]


async def _upsert_company(root: Any, info: GraphQLResolveInfo, input: dict[str, Any]) -> Rec:
    context = ctx_of(info)
    _require_writer(context)
    row = dict(input)
    existing = await _check_existing(context, "Company", row["id"])
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
    _require_writer(context)
    row = dict(input)
    existing = await _check_existing(context, "Person", row["id"])
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
    }
