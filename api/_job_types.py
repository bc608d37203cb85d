"""The GraphQL types of background jobs: a job's status and an ingest's run report.

A job this process no longer holds (a restart, another worker) is rebuilt from the
``Run`` node it wrote; its summary is then the run's counts.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any

import graphene
from graphql import GraphQLResolveInfo

from api._ingest import IngestResult
from api._jobs import Job, JobStatus
from api._named import NamedNumber, named_numbers
from api._relay import page_size
from api._types import ctx_of, services_of
from ingest.records import Reject

JobStatusEnum = graphene.Enum.from_enum(JobStatus)


class RejectType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "IngestReject"

    file = graphene.String(required=True, description="the file, relative to the ingest directory")
    line = graphene.Int(required=True)
    field = graphene.String()
    reason = graphene.String(required=True, description="a stable code, e.g. bad_phone")
    detail = graphene.String()
    value = graphene.String(description="the value refused; only for callers with the pii right")


class RejectCountType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "RejectCount"

    reason = graphene.String(required=True)
    count = graphene.Int(required=True)


def _first_rejects(path: Path, first: int) -> list[Reject]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [Reject(**json.loads(line)) for line in itertools.islice(f, first)]


class IngestReportType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "IngestReport"

    run_id = graphene.String(required=True)
    read = graphene.Int(required=True, description="records or documents read")
    nodes_written = graphene.Int(required=True)
    edges_written = graphene.Int(required=True)
    counts = graphene.JSONString(
        required=True, description="what only this kind of run counts", deprecation_reason="use countsByName"
    )
    counts_by_name = graphene.List(
        graphene.NonNull(NamedNumber), required=True, description="what only this kind of run counts"
    )
    rejected = graphene.List(graphene.NonNull(RejectCountType), required=True)
    rejects = graphene.List(graphene.NonNull(RejectType), required=True, first=graphene.Int(default_value=20))

    @staticmethod
    def resolve_counts_by_name(result: IngestResult, info: GraphQLResolveInfo) -> list[dict[str, Any]]:
        return named_numbers(result.counts)

    @staticmethod
    def resolve_rejected(result: IngestResult, info: GraphQLResolveInfo) -> list[dict[str, Any]]:
        return [{"reason": r, "count": n} for r, n in sorted(result.rejected.items())]

    @staticmethod
    async def resolve_rejects(
        result: IngestResult, info: GraphQLResolveInfo, first: int | None = 20
    ) -> list[dict[str, Any]]:
        context = ctx_of(info)
        found = await context.run(_first_rejects, result.rejects_file, page_size(first, context.max_page))
        root = services_of(context).ingest_root.resolve()
        pii = context.principal.sees_pii
        for _ in (r for r in found if pii and r.value is not None):
            context.read_pii("IngestReject", "value")  # audited with the answer
        return [
            {
                "file": _shown(Path(r.source), root),
                "line": r.line,
                "field": r.field,
                "reason": r.reason,
                "detail": r.detail if pii else without_values(r.detail, r.value),
                "value": r.value if pii else None,
            }
            for r in found
        ]


#: what reject details quote: literals (a normaliser's repr of the raw text) and the
#: ontology check's ``(got <value>)``, whose repr may be cut before its closing quote
_QUOTED = re.compile(r"\(got .*\)|'[^']*'|\"[^\"]*\"")


def without_values(detail: str, value: str | None) -> str:
    """A reject's detail for a caller without the pii right: the refused value, and any
    literal the detail quotes, as ``***`` (a bad phone's detail quotes the phone)."""
    if value:
        detail = detail.replace(value, "***")
    return _QUOTED.sub("***", detail)


def _shown(path: Path, root: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(root)) if resolved.is_relative_to(root) else path.name


class JobType(graphene.ObjectType):  # type: ignore[misc]
    class Meta:
        name = "Job"
        description = "A background ingest or analysis; its id is the id of the run it records"

    id = graphene.ID(required=True)
    kind = graphene.String(required=True, description="analyze, ingest_records or ingest_text")
    status = graphene.Field(JobStatusEnum, required=True)
    submitted_at = graphene.DateTime()
    started_at = graphene.DateTime()
    finished_at = graphene.DateTime()
    summary = graphene.JSONString(
        description="counts by name, once completed", deprecation_reason="use counts"
    )
    counts = graphene.List(graphene.NonNull(NamedNumber), description="counts by name, once completed")
    error = graphene.String(description="why it failed")
    report = graphene.Field(IngestReportType, description="an ingest's run report, once completed")

    @staticmethod
    def resolve_summary(job: Job, info: GraphQLResolveInfo) -> Any:
        return None if job.summary is None else json.loads(json.dumps(job.summary, default=str))

    @staticmethod
    def resolve_counts(job: Job, info: GraphQLResolveInfo) -> list[dict[str, Any]] | None:
        return None if job.summary is None else named_numbers(job.summary)

    @staticmethod
    def resolve_report(job: Job, info: GraphQLResolveInfo) -> IngestResult | None:
        return job.report if isinstance(job.report, IngestResult) else None


_RUN_STATUS = {"running": JobStatus.RUNNING, "completed": JobStatus.COMPLETED, "failed": JobStatus.FAILED}
_RUN_COUNTS = ("read", "nodes_written", "edges_written", "rejected", "merged", "review_pairs")


def from_run(props: dict[str, Any]) -> Job:
    """A job this process no longer holds (or never ran), from the ``Run`` node it wrote."""
    status = _RUN_STATUS[props["status"]]
    return Job(
        id=props["id"],
        kind=props["kind"],
        submitted_by="",
        submitted_at=props.get("started_at") or dt.datetime.now(dt.UTC),
        status=status,
        started_at=props.get("started_at"),
        finished_at=props.get("finished_at"),
        summary={k: props[k] for k in _RUN_COUNTS if props.get(k) is not None}
        if status is JobStatus.COMPLETED
        else None,
        error=props.get("message"),
    )
