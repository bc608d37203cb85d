"""Ingest and recompute mutations, which start background jobs, and ``Query.job``.

``ingestRecords`` and ``ingestText`` take inline content (analysts and admins) or a path
on the server under its ingest directory (admins only); ``recomputeAnalytics`` runs the
analyses. Each returns its job at once, or with ``wait: true`` once it has finished (or
the server's ``job_wait`` has passed): status, times, summary counts, and for an ingest
its run report with the rejects. Every call is audited by argument name, never value.
"""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._context import Context, audit_args
from api._errors import ApiError, Code
from api._ingest import (
    IngestInputError,
    analyze_body,
    new_run_id,
    prepare_records,
    prepare_text,
    records_body,
    text_body,
)
from api._job_types import JobType, from_run
from api._jobs import Body, Job
from api._principal import Role
from api._services import Services
from api._types import ctx_of, services_of

_JOB_ROLES = frozenset({Role.ADMIN, Role.ANALYST})
ANALYSES = ("influence", "crosssell", "signals", "segments", "all")

AnalysisEnum = graphene.Enum("Analysis", [(a.upper(), a) for a in ANALYSES])
RecordFormat = graphene.Enum("RecordFormat", [("CSV", "csv"), ("JSONL", "jsonl")])


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def _require_job_role(context: Context, server_path: bool = False) -> None:
    role = context.principal.role
    if role not in _JOB_ROLES:
        raise ApiError(Code.FORBIDDEN, f"the {role.value} role may not ingest, recompute or see jobs")
    if server_path and role is not Role.ADMIN:
        raise ApiError(Code.FORBIDDEN, "only admins may ingest from a path on the server")


async def _job(root: Any, info: GraphQLResolveInfo, id: str) -> Job | None:
    context = ctx_of(info)
    _require_job_role(context)
    context.volatile()  # a job's progress is not in the store: never a cached answer
    job = services_of(context).jobs.get(id)
    if job is not None:
        return job
    runs = await context.run(context.reads.nodes, "Run", [id])
    return from_run(runs[id]) if id in runs else None


async def _start(
    context: Context, field: str, kind: str, job_id: str, body: Body, args: dict[str, Any], wait: bool
) -> Job:
    services = services_of(context)
    job = services.jobs.submit(Job(job_id, kind, context.principal.subject), body)
    context.audit.record(
        context.principal, "mutation", field=field, target=f"Job:{job.id}", arguments=audit_args(args)
    )
    if wait:
        await context.run(job.done.wait, services.job_wait)
    return job


def _check_size(services: Services, field: str, texts: list[str]) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts)
    if size > services.max_ingest_bytes:
        raise ApiError(
            Code.BAD_USER_INPUT,
            f"{field}: {size:,} bytes, more than this server takes ({services.max_ingest_bytes:,})",
        )


async def _ingest_records(
    root: Any, info: GraphQLResolveInfo, input: dict[str, Any], wait: bool = False
) -> Job:
    context = ctx_of(info)
    given = {k: _value(v) for k, v in input.items()}
    _require_job_role(context, server_path=given.get("path") is not None)
    services = services_of(context)
    _check_size(services, "content", [str(given.get("content") or ""), str(given.get("mapping_yaml") or "")])
    try:
        request = await context.run(prepare_records, services.data_dir, services.ingest_root, given)
    except IngestInputError as exc:
        raise ApiError(Code.BAD_USER_INPUT, str(exc)) from None
    decisions = services.data_dir / "review" / "decisions.jsonl"
    body = records_body(context.store, request, decisions)
    return await _start(
        context, "ingestRecords", "ingest_records", request.run_id, body, {"input": given}, wait
    )


async def _ingest_text(root: Any, info: GraphQLResolveInfo, input: dict[str, Any], wait: bool = False) -> Job:
    context = ctx_of(info)
    path, documents = input.get("path"), input.get("documents")
    _require_job_role(context, server_path=path is not None)
    services = services_of(context)
    docs = [dict(d) for d in documents] if documents is not None else None
    _check_size(services, "documents", [str(d.get("text") or "") for d in docs or ()])
    try:
        request = await context.run(prepare_text, services.data_dir, services.ingest_root, docs, path)
    except IngestInputError as exc:
        raise ApiError(Code.BAD_USER_INPUT, str(exc)) from None
    body = text_body(context.store, request)
    return await _start(
        context, "ingestText", "ingest_text", request.run_id, body, {"input": dict(input)}, wait
    )


async def _recompute(
    root: Any, info: GraphQLResolveInfo, what: list[Any] | None = None, wait: bool = False
) -> Job:
    context = ctx_of(info)
    _require_job_role(context)
    names = ["all"] if what is None else [str(_value(w)) for w in what]
    if not names:
        raise ApiError(Code.BAD_USER_INPUT, f"what: name at least one of {', '.join(ANALYSES)}")
    run_id = new_run_id("analyze")
    body = analyze_body(context.store, names, run_id, services_of(context).data_dir / "results")
    return await _start(context, "recomputeAnalytics", "analyze", run_id, body, {"what": names}, wait)


class IngestRecordsInput(graphene.InputObjectType):  # type: ignore[misc]
    mapping = graphene.String(description="a sample mapping's name (12_crm_relationships), or sample for all")
    mapping_yaml = graphene.String(description="an inline mapping (YAML), checked against the ontology")
    content = graphene.String(description="inline records: CSV with a header row, or JSON lines")
    format = RecordFormat(description="of the inline content (default CSV)")
    path = graphene.String(description="a file or directory under the server's ingest directory (admins)")


class TextDocumentInput(graphene.InputObjectType):  # type: ignore[misc]
    id = graphene.String(
        required=True, description="the document's id; a rerun with the same text writes nothing"
    )
    text = graphene.String(required=True)
    kind = graphene.String(description="note (default), email, call_note or meeting_note")
    lang = graphene.String(description="en or zh; guessed when absent")
    at = graphene.DateTime()
    account_id = graphene.String(description="the company the note is about")


class IngestTextInput(graphene.InputObjectType):  # type: ignore[misc]
    documents = graphene.List(graphene.NonNull(TextDocumentInput), description="inline documents")
    path = graphene.String(description="TXT, EML or JSONL files under the server's ingest directory (admins)")


def job_query() -> Any:
    return graphene.Field(
        JobType, id=graphene.ID(required=True), resolver=_job, description="a background job by id"
    )


def _wait() -> Any:
    return graphene.Boolean(default_value=False, description="answer once the job has finished")


def job_mutations() -> dict[str, Any]:
    return {
        "ingest_records": graphene.Field(
            JobType,
            required=True,
            input=graphene.Argument(IngestRecordsInput, required=True),
            wait=_wait(),
            resolver=_ingest_records,
        ),
        "ingest_text": graphene.Field(
            JobType,
            required=True,
            input=graphene.Argument(IngestTextInput, required=True),
            wait=_wait(),
            resolver=_ingest_text,
        ),
        "recompute_analytics": graphene.Field(
            JobType,
            required=True,
            what=graphene.List(graphene.NonNull(AnalysisEnum), description="default: all"),
            wait=_wait(),
            resolver=_recompute,
        ),
    }
