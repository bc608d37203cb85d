"""Reviewing entity resolution over GraphQL: ``reviewPairs``, ``acceptReviewPairs``,
``rejectReviewPairs`` and ``unmergeRecord``, what ``accountgraph review`` does on the
command line, for admins and analysts (the roles that run ingests, which apply decisions).

Every other role is refused before a file or the store is read, with one message whatever
the arguments, so a rep learns nothing about which pair ids or records exist.

Personal data: a pair shows each record's names and the evidence in words. Names are
shown as ``Person.name`` is, unmasked for every role that may review; a person's e-mail
addresses and phone numbers, which the evidence quotes ("different emails a@x.cn /
b@y.cn"), are masked for a caller without the pii right exactly as ``Person.email`` and
``Person.phone`` are, and audited as read when shown. Masking keeps reviewing open to
analysts without the right: the names and the shapes of the addresses are what a
reviewer needs.
"""

from __future__ import annotations

import re
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context, audit_args
from api._errors import ApiError, Code
from api._policy import mask
from api._principal import Role
from api._relay import Slice, offset_after, page_size, slice_list, to_global_id
from api._review_files import STATUSES, Listed, decide, decision_log, listed
from api._types import connection_type, ctx_of, services_of
from ingest.records.entities import RESOLVED_LABELS
from ingest.records.review import ReviewPair, UnmergeError, Verdict, unmerge

_REVIEWERS = frozenset({Role.ADMIN, Role.ANALYST})
#: what the evidence of a person pair may quote from the record, by ``Person`` field
_QUOTED = {"email": re.compile(r"[^\s/()]+@[^\s/()]+"), "phone": re.compile(r"\+\d{6,15}")}

ResolvedType = graphene.Enum(
    "ResolvedType",
    [(label.upper(), label) for label in RESOLVED_LABELS],
    description="The node types entity resolution merges across sources",
)
ReviewStatus = graphene.Enum(
    "ReviewStatus",
    [(s.upper(), s) for s in STATUSES],
    description="awaiting: no decision yet; decided: a decision is recorded; all: both",
)
ReviewVerdict = graphene.Enum(
    "ReviewVerdict",
    [("SAME", "same"), ("DIFFERENT", "different")],
    description="same: one entity, merged by the next ingest run; different: kept apart",
)


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def _require_reviewer(context: Context) -> None:
    role = context.principal.role
    if role not in _REVIEWERS:
        raise ApiError(Code.FORBIDDEN, f"the {role.value} role may not review or undo merges")


class ReviewRecordType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "ReviewRecord"
        description = "One source record of a candidate pair"

    source = graphene.String(required=True, description="the source's name in its mapping, e.g. crm")
    key = graphene.String(required=True, description="the record's key in that source")
    source_key = graphene.String(required=True, description="source:key, as unmergeRecord takes it")
    names = graphene.List(graphene.NonNull(graphene.String), required=True)

    @staticmethod
    def resolve_source_key(side: dict[str, Any], info: GraphQLResolveInfo) -> str:
        return f"{side['source']}:{side['key']}"


class ReviewDecisionType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "ReviewDecision"

    verdict = graphene.Field(ReviewVerdict, required=True)
    by = graphene.String(required=True, description="who decided: the API key's name or the token's")
    at = graphene.DateTime(required=True)


def _reasons(pair: ReviewPair, context: Context) -> list[str]:
    """The evidence in words, with a person's e-mail and phone masked as the policy says."""
    reasons = list(pair.reasons)
    if pair.label != "Person":
        return reasons
    for field, pattern in _QUOTED.items():
        if not any(pattern.search(r) for r in reasons):
            continue
        if context.policy.masked("Person", field):
            reasons = [pattern.sub(lambda m: mask(m.group()), r) for r in reasons]
        else:
            context.read_pii("Person", field)
    return reasons


class ReviewPairType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "ReviewPair"
        description = "Two records entity resolution could not decide on: one entity or two?"

    id = graphene.ID(
        required=True,
        resolver=lambda item, info: item.pair.id,
        description="the pair's id, as `accountgraph review list` shows it; the same in every run",
    )
    run_id = graphene.String(required=True, description="the ingest run whose review file lists it")
    type = graphene.Field(ResolvedType, required=True, resolver=lambda item, info: item.pair.label)
    score = graphene.Float(
        required=True,
        resolver=lambda item, info: item.pair.score,
        description="0..1; resolution merges at the high threshold and sends pairs from the low one here",
    )
    reasons = graphene.List(graphene.NonNull(graphene.String), required=True, description="the evidence")
    a = graphene.Field(ReviewRecordType, required=True, resolver=lambda item, info: item.pair.a)
    b = graphene.Field(ReviewRecordType, required=True, resolver=lambda item, info: item.pair.b)
    decision = graphene.Field(ReviewDecisionType, description="the latest decision; unset while awaiting")

    @staticmethod
    def resolve_reasons(item: Listed, info: GraphQLResolveInfo) -> list[str]:
        return _reasons(item.pair, ctx_of(info))


ReviewPairConnection = connection_type("ReviewPair", ReviewPairType)


class UnmergedRecordType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "UnmergedRecord"
        description = "A record taken out of its entity; the next ingest run puts it on a node of its own"

    record = graphene.String(required=True, description="source:key of the record taken out")
    entity_id = graphene.ID(required=True, description="the entity's global id, which it keeps")
    entity_key = graphene.String(required=True)
    kept_apart_from = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="source:key of the entity's records"
    )


async def _review_pairs(
    root: Any,
    info: GraphQLResolveInfo,
    run: str | None = None,
    status: Any = "awaiting",
    first: int | None = None,
    after: str | None = None,
) -> Slice[Listed]:
    context = ctx_of(info)
    _require_reviewer(context)
    context.volatile()  # read from files, not the store: never a cached answer
    size, skip = page_size(first, context.max_page), offset_after(after)
    items = await context.run(listed, services_of(context).data_dir, run, str(_value(status)))
    return slice_list([(item, {}) for item in items], size, skip)


async def _decide(
    info: GraphQLResolveInfo, field: str, ids: list[str], run: str | None, verdict: Verdict
) -> list[Listed]:
    context = ctx_of(info)
    _require_reviewer(context)
    data_dir = services_of(context).data_dir
    decided = await context.run(decide, data_dir, run, ids, verdict, context.principal.display)
    context.audit.record(
        context.principal,
        "mutation",
        field=field,
        target=f"Run:{decided[0].run_id}",
        arguments=audit_args({"ids": ids, "run": run}),
        pairs=len(decided),
    )
    return decided


async def _accept(
    root: Any, info: GraphQLResolveInfo, ids: list[str], run: str | None = None
) -> list[Listed]:
    return await _decide(info, "acceptReviewPairs", ids, run, "same")


async def _reject(
    root: Any, info: GraphQLResolveInfo, ids: list[str], run: str | None = None
) -> list[Listed]:
    return await _decide(info, "rejectReviewPairs", ids, run, "different")


async def _unmerge(root: Any, info: GraphQLResolveInfo, type: Any, source_key: str) -> dict[str, Any]:
    context = ctx_of(info)
    _require_reviewer(context)
    label = str(_value(type))
    keys = await context.run(context.store.source_key_map, label)
    log = decision_log(services_of(context).data_dir)
    try:
        others = await context.run(unmerge, keys, label, source_key, log, context.principal.display)
    except UnmergeError as exc:
        code = Code.NOT_FOUND if source_key not in keys else Code.BAD_USER_INPUT
        raise ApiError(code, f"sourceKey: {exc}") from None
    node = keys[source_key]
    context.audit.record(
        context.principal,
        "mutation",
        field="unmergeRecord",
        target=f"{label}:{node}",
        arguments=audit_args({"type": label, "sourceKey": source_key}),
    )
    return {
        "record": source_key,
        "entity_id": to_global_id(label, node),
        "entity_key": node,
        "kept_apart_from": others,
    }


def review_query_fields() -> dict[str, Any]:
    return {
        "review_pairs": graphene.Field(
            ReviewPairConnection,
            required=True,
            run=graphene.String(description="an ingest run's id (default: the latest with review pairs)"),
            status=ReviewStatus(default_value="awaiting"),
            first=graphene.Int(),
            after=graphene.String(),
            resolver=_review_pairs,
            description="candidate duplicate pairs entity resolution left to people, highest score first",
        ),
    }


def _ids() -> Any:
    return graphene.List(graphene.NonNull(graphene.ID), required=True, description="pair ids")


def _run() -> Any:
    return graphene.String(description="the run whose review file lists them (default: the latest)")


def review_mutations() -> dict[str, Any]:
    return {
        "accept_review_pairs": graphene.Field(
            graphene.List(graphene.NonNull(ReviewPairType)),
            required=True,
            ids=_ids(),
            run=_run(),
            resolver=_accept,
            description="each pair is one entity: the next ingest run merges its records",
        ),
        "reject_review_pairs": graphene.Field(
            graphene.List(graphene.NonNull(ReviewPairType)),
            required=True,
            ids=_ids(),
            run=_run(),
            resolver=_reject,
            description="each pair is two entities: the next ingest run keeps them apart",
        ),
        "unmerge_record": graphene.Field(
            UnmergedRecordType,
            required=True,
            type=graphene.Argument(ResolvedType, required=True),
            source_key=graphene.String(required=True, description="the record, as source:key"),
            resolver=_unmerge,
            description="take one source record out of the entity it was merged into (next ingest run)",
        ),
    }
