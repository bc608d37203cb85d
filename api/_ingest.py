"""What the ingest and recompute mutations run: their inputs checked, then a job body.

Inline content is written into the run's folder (``<data_dir>/runs/<run>/``) and read from
there by the pipelines the CLI runs, so a run started over the API leaves the same traces
(``Run`` node, rejects, report, review pairs) as ``accountgraph ingest``. A server path
must lie under the ingest root; symbolic links are resolved before the check.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import shutil
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from api._jobs import Body
from graph import GraphStore, RunLog
from ingest.records import (
    SAMPLE_MAPPINGS,
    Mapping,
    MappingError,
    ingest_directory,
    load_mapping,
    sources_for,
)
from ingest.records.review import DecisionLog
from schema import REGISTRY

INLINE_FORMATS = ("csv", "jsonl")


class IngestInputError(ValueError):
    """Input an ingest mutation refuses; the message starts with the field it is about."""


@dataclass(frozen=True)
class IngestResult:
    """An ingest run's counts, as both pipelines report them, and where its rejects are."""

    run_id: str
    read: int
    nodes_written: int
    edges_written: int
    rejected: dict[str, int]
    rejects_file: Path
    counts: dict[str, int] = field(default_factory=dict)  # what only one pipeline counts


def new_run_id(kind: str) -> str:
    return f"{kind}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def server_path(root: Path, given: str) -> Path:
    """``given`` (absolute, or relative to ``root``), refused unless it exists under ``root``."""
    path = (root / given).resolve()
    if not path.is_relative_to(root.resolve()):
        raise IngestInputError("path: outside the directory this server ingests from")
    if not path.exists():
        raise IngestInputError("path: no such file or directory under the ingest directory")
    return path


def _confined(path: Path, root: Path) -> None:
    """A mapping's ``file`` (joined to the given directory) may not lead out of ``root``:
    ``..``, an absolute path and a symbolic link are judged by where they resolve."""
    if not path.resolve().is_relative_to(root.resolve()):
        raise IngestInputError("mapping: its file lies outside the directory this server ingests from")


def _people_write(mapping: Mapping) -> None:
    """Refuse a mapping that writes what an analysis owns (``schema`` marks it)."""
    for node in mapping.nodes:
        owned = sorted(set(node.props) & REGISTRY.node(node.label).derived)
        if owned:
            raise IngestInputError(f"mapping: {node.label}.{owned[0]} is written by the analyses")
    for edge in mapping.edges:
        if REGISTRY.rel(edge.type).derived_by:
            raise IngestInputError(f"mapping: {edge.type} is written by the analyses")


def sample_mapping(name: str) -> Path:
    """A sample mapping by name (``12_crm_relationships``), or ``sample`` for all of them."""
    if name == "sample":
        return SAMPLE_MAPPINGS
    known = {p.stem: p for p in SAMPLE_MAPPINGS.glob("*.yaml")}
    found = known.get(name.removesuffix(".yaml"))
    if found is None:
        raise IngestInputError(
            f"mapping: no sample mapping {name!r} (known: sample, {', '.join(sorted(known))})"
        )
    return found


def _inline_mapping(run_dir: Path, text: str) -> Path:
    path = run_dir / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_mapping(path)
    except MappingError as exc:
        raise IngestInputError("mappingYaml" + str(exc).removeprefix(str(path))) from None
    return path


def _inline_records(run_dir: Path, mappings: Path, content: str, fmt: str) -> Path:
    if mappings.is_dir():
        raise IngestInputError("mapping: inline content is read with one mapping, not a directory of them")
    mapping = load_mapping(mappings)
    if mapping.format is not None and mapping.format != fmt:
        raise IngestInputError(f"format: the mapping reads {mapping.format}, the content is {fmt}")
    path = run_dir / f"records.{fmt}"
    try:
        path.write_bytes(content.encode(mapping.encoding or "utf-8"))
    except UnicodeEncodeError as exc:
        raise IngestInputError(
            f"content: not encodable as the mapping's {mapping.encoding}: {exc.reason}"
        ) from None
    return path


@dataclass(frozen=True)
class RecordsRequest:
    run_id: str
    run_dir: Path
    data: Path
    mappings: Path


def prepare_records(data_dir: Path, ingest_root: Path, given: dict[str, Any]) -> RecordsRequest:
    """Check an ``ingestRecords`` input and put its inline parts in a new run folder."""
    if (given.get("mapping") is None) == (given.get("mapping_yaml") is None):
        raise IngestInputError("mapping: give a sample mapping's name or mappingYaml, one of them")
    if (given.get("content") is None) == (given.get("path") is None):
        raise IngestInputError("content: give inline content or a server path, one of them")
    fmt = str(given.get("format") or "csv")
    if fmt not in INLINE_FORMATS:
        raise IngestInputError(f"format: inline records are {' or '.join(INLINE_FORMATS)}")
    run_id = new_run_id("ingest")
    run_dir = data_dir / "runs" / run_id
    data = server_path(ingest_root, given["path"]) if given.get("path") is not None else None
    run_dir.mkdir(parents=True, exist_ok=True)
    try:
        mappings = (
            _inline_mapping(run_dir, given["mapping_yaml"])
            if given.get("mapping_yaml") is not None
            else sample_mapping(str(given["mapping"]))
        )
        if data is None:
            data = _inline_records(run_dir, mappings, str(given["content"]), fmt)
        try:
            sources = sources_for(data, mappings)  # every mapping finds its file before the job is queued
        except MappingError as exc:
            raise IngestInputError(f"path: {exc}") from None
        for source in sources:
            _confined(source.path, ingest_root if given.get("path") is not None else run_dir)
            _people_write(source.mapping)
    except IngestInputError:
        shutil.rmtree(run_dir, ignore_errors=True)  # nothing ran: leave no run folder behind
        raise
    return RecordsRequest(run_id, run_dir, data, mappings)


def records_body(store: GraphStore, request: RecordsRequest, decisions: Path) -> Body:
    def body() -> tuple[dict[str, Any], IngestResult]:
        report = ingest_directory(
            store,
            request.data,
            request.mappings,
            request.run_dir,
            request.run_id,
            decisions=DecisionLog(decisions),
        )
        counts = {"merged": report.merged, "review_pairs": report.review_pairs, "skipped": report.skipped}
        return _outcome(request.run_id, request.run_dir, report.read, report, counts)

    return body


@dataclass(frozen=True)
class TextRequest:
    run_id: str
    run_dir: Path
    paths: list[Path]


def prepare_text(
    data_dir: Path, ingest_root: Path, documents: Sequence[dict[str, Any]] | None, path: str | None
) -> TextRequest:
    """Check an ``ingestText`` input; inline documents become one JSONL file in the run folder."""
    if (documents is None) == (path is None):
        raise IngestInputError("documents: give inline documents or a server path, one of them")
    run_id = new_run_id("text")
    run_dir = data_dir / "runs" / run_id
    if path is not None:
        return TextRequest(run_id, run_dir, [server_path(ingest_root, path)])
    run_dir.mkdir(parents=True, exist_ok=True)
    file = run_dir / "documents.jsonl"
    with file.open("w", encoding="utf-8") as out:
        for doc in documents or ():
            row = {
                k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in doc.items() if v is not None
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return TextRequest(run_id, run_dir, [file])


def text_body(store: GraphStore, request: TextRequest) -> Body:
    def body() -> tuple[dict[str, Any], IngestResult]:
        from ingest.text import ingest_text  # noqa: PLC0415 - loads spaCy

        report = ingest_text(store, request.paths, request.run_id, request.run_dir)
        counts = {
            "documents": report.documents,
            "unchanged": report.unchanged,
            "corroborated": report.corroborated,
        }
        return _outcome(request.run_id, request.run_dir, report.documents + report.unchanged, report, counts)

    return body


class _Written(Protocol):
    """What both pipelines' reports count alike."""

    nodes_written: int
    edges_written: int
    rejected: Counter[str]


def _outcome(
    run_id: str, run_dir: Path, read: int, report: _Written, counts: dict[str, int]
) -> tuple[dict[str, Any], IngestResult]:
    """A job's summary and its run report."""
    result = IngestResult(
        run_id,
        read,
        report.nodes_written,
        report.edges_written,
        dict(report.rejected),
        run_dir / "rejects.jsonl",
        counts,
    )
    summary = {
        "read": read,
        "nodes_written": report.nodes_written,
        "edges_written": report.edges_written,
        "rejected": sum(report.rejected.values()),
        **counts,
    }
    return summary, result


def analyze_body(store: GraphStore, names: Sequence[str], run_id: str, results_dir: Path) -> Body:
    """The named analyses (``all`` among them: every one), in a ``Run`` as the CLI records them."""
    what: str | list[str] = "all" if "all" in names else list(dict.fromkeys(names))

    def body() -> tuple[dict[str, Any], None]:
        from algorithms.run import analyze  # noqa: PLC0415 - loads scipy/sklearn

        log = RunLog(store, run_id, "analyze", [what] if isinstance(what, str) else what)
        log.start()
        try:
            summary = analyze(store, what, run_id, results_dir=results_dir)
        except Exception as exc:
            log.fail(f"{type(exc).__name__}: {exc}")
            raise
        log.complete({})
        return summary, None

    return body
