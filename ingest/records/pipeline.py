"""Record ingestion: sources → mapped rows → resolved entities → store, with rejects.

Two passes over the files keep memory flat in the size of the big files:
1. the entities to resolve (``resolve: true`` nodes: companies, people) from every source
   are read, resolved across sources and written, one node per real entity, keeping
   every source key and alias;
2. every source is read again and its other nodes and its edges are written in batches,
   with endpoint keys translated to the resolved ids. An edge whose endpoint exists
   nowhere is rejected as ``unknown_reference``.
A record is one fact: if any of its fields is bad, none of its rows is written, and the
reject names the file, line, field, value and reason. A file that cannot be read as a
whole (empty, binary, undecodable, a JSON array broken part-way, a header without the
mapped columns) is one reject for the file (line 0); the other files go on. A row the
store refuses is rejected alone (``refusals``); a key another source stated first for a
record that disagrees is kept apart under the source's name and reported (``claims``).

Keys of entities merged in earlier runs are translated through the graph's
``source_keys``, so one source can be ingested on its own (new ERP order lines whose
customer code was merged into a CRM account last week). Incremental runs (``since``)
skip the facts of sources with a ``changed_at`` column that are older than their start;
entities are always read in full, because resolution compares every record.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from graph import DanglingEdgeError, GraphStore
from ingest import normalize
from ingest.connectors import MissingColumns, RawRecord, RawReject, Records, SourceError, read_records
from ingest.records.claims import KeyClaims
from ingest.records.entities import RESOLVED_LABELS, EntityIndex, Merged, merge_entities
from ingest.records.moves import retire_moved_keys
from ingest.records.refusals import refusal, write_refusing
from ingest.records.rejects import MISSING_COLUMNS, UNREADABLE_FILE, Reject, RejectsFile
from ingest.records.report import Progress, RunReport, Source
from ingest.records.review import ReviewPair, review_pairs
from ingest.records.transform import EdgeRow, Mapped, NodeRow, Transformer
from ingest.resolve import Decisions
from schema import ValidationError


class RecordIngest:
    """One ingest run over a set of sources into a store."""

    def __init__(
        self,
        store: GraphStore,
        sources: list[Source],
        run_id: str,
        rejects: RejectsFile,
        batch_size: int = 20_000,
        on_progress: Progress | None = None,
        decisions: dict[str, Decisions] | None = None,
        since: dict[str, dt.datetime] | None = None,
        track_changes: bool = False,
    ) -> None:
        self.store = store
        self.sources = sources
        self.rejects = rejects
        self.batch_size = batch_size
        self.on_progress = on_progress or (lambda _stage, _n: None)
        self.decisions = decisions or {}
        self.since = since or {}  # per source file
        self.track_changes = track_changes
        now = dt.datetime.now(dt.UTC)
        self.report = RunReport(run_id, now)
        self.review: list[ReviewPair] = []
        self._provenance = {"run_id": run_id, "ingested_at": now}
        self._rejected: set[tuple[str, int]] = set()
        self._counted: set[Path] = set()
        self._seen_edges: set[tuple[Any, ...]] = set()
        self._shared_types = _stated_by_several(sources)
        self.index = EntityIndex()
        self.claims = KeyClaims(sources)

    def run(self) -> RunReport:
        start = time.perf_counter()
        previous = {label: self.store.source_key_map(label) for label in RESOLVED_LABELS}
        for label in RESOLVED_LABELS:
            self.index.remember(label, previous[label])
        for label, merged in self.resolve().items():
            rows = [r | self._provenance for r in merged.rows]
            write = partial(self.store.upsert_nodes, label)
            self.report.nodes_written += self._valid_only(merged.records, rows, write)
            retire_moved_keys(self.store, label, rows, previous.get(label, {}))
        self.on_progress("entities", self.report.nodes_written)
        self._load_facts()
        self.report.seconds = time.perf_counter() - start
        return self.report

    # ---- pass 1 ----------------------------------------------------------------------
    def resolve(self) -> dict[str, Merged]:
        """Read every source's entity records and resolve them; writes nothing to the store."""
        for source in self.sources:
            if not any(n.resolve for n in source.mapping.nodes):
                continue
            for record, mapped in self._mapped(source):
                self.index.add(source.mapping.source, record, mapped)
        resolved = {}
        repeating = frozenset(s.mapping.source for s in self.sources if s.mapping.repeats)
        for label in self.index.labels():
            merged = merge_entities(self.index, label, repeating, decisions=self.decisions.get(label))
            self.report.merged += merged.merged
            self.report.review_pairs += len(merged.review)
            self.review += review_pairs(label, merged.review)
            resolved[label] = merged
        return resolved

    # ---- pass 2 ----------------------------------------------------------------------
    def _load_facts(self) -> None:
        """Other nodes from every source first, then every source's edges, so an edge
        never waits for a node that a later file defines."""
        for source in self.sources:
            if any(not n.resolve for n in source.mapping.nodes):
                self._load(source, nodes_only=True)
        for source in self.sources:
            if source.mapping.edges:
                self._load(source, nodes_only=False)

    def _load(self, source: Source, nodes_only: bool) -> None:
        nodes: dict[str, list[tuple[RawRecord, NodeRow]]] = {}
        edges: dict[tuple[str, str, str], list[tuple[RawRecord, EdgeRow]]] = {}
        pending = 0
        for record, mapped in self._since(source, self._mapped(source)):
            if nodes_only:
                for node in mapped.nodes:
                    if not node.resolve:
                        nodes.setdefault(node.label, []).append((record, node))
            else:
                for edge in mapped.edges:
                    edges.setdefault((edge.type, edge.start[0], edge.end[0]), []).append((record, edge))
            pending += 1
            if pending >= self.batch_size:
                self._flush(source, nodes, edges)
                pending = 0
        self._flush(source, nodes, edges)

    def _flush(
        self,
        source: Source,
        nodes: dict[str, list[tuple[RawRecord, NodeRow]]],
        edges: dict[tuple[str, str, str], list[tuple[RawRecord, EdgeRow]]],
    ) -> None:
        prov = self._provenance | {"source": source.mapping.source}
        for label, items in nodes.items():
            payload = [{"id": n.key, **n.props, "source_key": n.key} | prov for _, n in items]
            records = [r for r, _ in items]
            self.report.nodes_written += self._valid_only(
                records, payload, partial(self.store.upsert_nodes, label)
            )
        for (rel, start, end), facts in edges.items():
            self._write_edges(rel, start, end, facts, prov)
        nodes.clear()
        edges.clear()
        self.on_progress("facts", self.report.read)

    def _write_edges(
        self, rel: str, start: str, end: str, items: list[tuple[RawRecord, EdgeRow]], prov: dict[str, Any]
    ) -> None:
        items = self._first_seen(rel, items)
        while items:
            rows = [
                {"_from": self.index.resolve(e.start), "_to": self.index.resolve(e.end), **e.props} | prov
                for _, e in items
            ]
            try:
                records = [r for r, _ in items]
                write = partial(self.store.upsert_edges, rel, start, end)
                self.report.edges_written += self._valid_only(records, rows, write)
                return
            except DanglingEdgeError as exc:
                missing = set(exc.missing)
                keep = []
                for (record, edge), row in zip(items, rows, strict=True):
                    ends = {(start, row["_from"]), (end, row["_to"])}
                    if ends & missing:
                        gone = sorted(ends & missing)[0]
                        self._reject(
                            Reject(
                                record.source,
                                record.line,
                                None,
                                gone[1],
                                "unknown_reference",
                                f"{rel}: no {gone[0]} with key {gone[1]!r}",
                            )
                        )
                    else:
                        keep.append((record, edge))
                items = keep

    def _first_seen(
        self, rel: str, items: list[tuple[RawRecord, EdgeRow]]
    ) -> list[tuple[RawRecord, EdgeRow]]:
        """One fact per edge identity per run: the first source listed wins, as for nodes.

        After resolution two sources can state the same edge (a contact and a lead who
        are one person, both WORKS_AT one company) with different properties; letting
        the later one overwrite would make every rerun rewrite it. Types only one
        source states are not tracked: their identities would fill memory for nothing.
        """
        if rel not in self._shared_types:
            return items
        key = self.store.registry.rel(rel).key
        kept = []
        for record, edge in items:
            ident = (
                (rel, edge.props.get(key))
                if key
                else (rel, self.index.resolve(edge.start), self.index.resolve(edge.end))
            )
            if ident not in self._seen_edges:
                self._seen_edges.add(ident)
                kept.append((record, edge))
        return kept

    def _since(
        self, source: Source, items: Iterator[tuple[RawRecord, Mapped]]
    ) -> Iterator[tuple[RawRecord, Mapped]]:
        """Facts at or after the run's start for this source; tracks the source's cursor."""
        column = source.mapping.changed_at
        since = self.since.get(str(source.path))
        if column is None or (since is None and not self.track_changes):
            yield from items
            return
        tz = ZoneInfo(source.mapping.timezone)
        latest = self.report.cursor.get(str(source.path))
        for record, mapped in items:
            value = record.fields.get(column)
            try:
                at = normalize.parse_datetime(value, tz=tz) if value else None
            except normalize.NormalizationError:
                at = None  # a bad value was rejected by its own property, or is not one
            if at is not None:
                latest = at if latest is None else max(latest, at)
                if since is not None and at < since:
                    self.report.skipped += 1
                    continue
            yield record, mapped
        if latest is not None:
            self.report.cursor[str(source.path)] = latest

    # ---- shared ------------------------------------------------------------------------
    def _mapped(self, source: Source) -> Iterator[tuple[RawRecord, Mapped]]:
        """Records of a source, mapped; rejects are written once however often a file is read."""
        mapping = source.mapping
        try:
            records = read_records(
                source.path,
                kind=mapping.format,
                encoding=mapping.encoding,
                sheet=mapping.sheet,
                columns=frozenset(mapping.columns_used()),
            )
            yield from self._mapped_records(source, records)
        except SourceError as exc:
            reason = MISSING_COLUMNS if isinstance(exc, MissingColumns) else UNREADABLE_FILE
            self._reject(Reject(exc.path, 0, None, None, reason, exc.reason))

    def _mapped_records(self, source: Source, records: Records) -> Iterator[tuple[RawRecord, Mapped]]:
        count = source.path not in self._counted
        self._counted.add(source.path)
        transformer = Transformer(source.mapping, self.index.lookup)
        # a key stated twice with other values is told on the file's first read (later
        # reads skip the rejected record); a source whose keys repeat by design is not checked
        stated: dict[tuple[str, str], tuple[int, int]] | None = (
            {} if count and not source.mapping.repeats else None
        )
        for item in records:
            if count:
                self.report.read += 1
            if isinstance(item, RawReject):
                self._reject(Reject(item.source, item.line, item.field, item.raw, item.reason, item.detail))
                continue
            if (item.source, item.line) in self._rejected:
                continue
            mapped = transformer.apply(item)
            if count:
                for value in mapped.dropped:
                    self.rejects.write(value)
                    self.report.dropped[value.reason] += 1
            if mapped.rejects:
                for reject in mapped.rejects:
                    self._reject(reject)
                continue
            conflict = _restated(stated, item, mapped) if stated is not None else None
            if conflict is not None:
                self._reject(conflict)
                continue
            for apart in self.claims.apply(source.mapping.source, item, mapped):
                self.rejects.write(apart)  # the record is kept, under a key of its source's
                self.report.kept_apart += 1
            yield item, mapped

    def _valid_only(
        self,
        records: list[RawRecord],
        rows: list[dict[str, Any]],
        write: Callable[[list[dict[str, Any]]], int],
    ) -> int:
        """Write rows; rows the ontology or the store refuses are rejected with the reason."""

        def refused(index: int, why: str) -> None:
            self._reject(refusal(records[index], rows[index], why))

        try:
            return write_refusing(rows, write, refused)
        except ValidationError as exc:
            bad: dict[int, tuple[str, str]] = {}
            for index, _key, field_name, reason in exc.problems:
                bad.setdefault(index, (field_name, reason))
            for index, (field_name, reason) in sorted(bad.items()):
                value = rows[index].get(field_name)
                record = records[index]
                self._reject(
                    Reject(
                        record.source,
                        record.line,
                        field_name,
                        None if value is None else str(value),
                        "invalid_value",
                        reason,
                    )
                )
            keep = [i for i in range(len(rows)) if i not in bad]
            kept = [rows[i] for i in keep]
            return write_refusing(kept, write, lambda i, why: refused(keep[i], why)) if keep else 0

    def _reject(self, reject: Reject) -> None:
        key = (reject.source, reject.line)
        if key in self._rejected:
            return
        self._rejected.add(key)
        self.rejects.write(reject)
        self.report.rejected[reject.reason] += 1


def _restated(
    stated: dict[tuple[str, str], tuple[int, int]], record: RawRecord, mapped: Mapped
) -> Reject | None:
    """A reject when a node of ``record`` was stated earlier in its file with other values
    (the first statement is kept); otherwise remembers the record's nodes."""
    for node in mapped.nodes:
        values = hash(json.dumps(node.props, sort_keys=True, default=str))  # a hash: memory
        first = stated.setdefault((node.label, node.key), (record.line, values))
        if first[1] != values:
            detail = (
                f"{node.label} {node.key!r} was stated on line {first[0]} with other values; that one is kept"
            )
            return Reject(record.source, record.line, None, node.key, "conflicting_duplicate", detail)
    return None


def _stated_by_several(sources: list[Source]) -> frozenset[str]:
    """Relationship types that more than one source's mapping writes."""
    seen: Counter[str] = Counter()
    for source in sources:
        seen.update({edge.type for edge in source.mapping.edges})
    return frozenset(t for t, n in seen.items() if n > 1)
