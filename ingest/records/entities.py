"""Entities across sources: collect them, resolve them, merge each cluster into one node.

The merged node takes the id of its highest-priority record (sources in the order the
run lists them, so the CRM can outrank the ERP), fills each property from the first
record that has it, and keeps every other name as an alias and every ``source:key`` in
``source_keys``, so the graph says where each fact came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest import normalize
from ingest.connectors import RawRecord
from ingest.records.transform import Mapped, NodeRow
from ingest.resolve import CandidatePair, Decisions, EntityRecord, Resolution, Thresholds, resolve

Ref = tuple[str, str]  # (label, key)
#: the labels resolved across sources; people are resolved knowing their resolved employer
RESOLVED_LABELS = ("Company", "Person")


@dataclass
class _Entry:
    source: str
    record: RawRecord
    node: NodeRow
    employer: str | None  # the source key of the company a person works at, if the record says
    job: dict[str, Any]  # that WORKS_AT edge's properties (since, until, ...)


@dataclass
class Merged:
    rows: list[dict[str, Any]]
    merged: int  # source records folded into another record's node
    review: list[CandidatePair]
    resolution: Resolution
    files: dict[tuple[str, str], str]  # (source, key) -> the file the record came from
    records: list[RawRecord]  # per row, the record of its highest-priority member


@dataclass
class EntityIndex:
    """Entity records by label, and the resolved id of every (label, source key)."""

    entries: dict[str, list[_Entry]] = field(default_factory=dict)
    canonical: dict[Ref, str] = field(default_factory=dict)
    stored: dict[Ref, str] = field(default_factory=dict)  # source keys merged in earlier runs
    previous: dict[str, dict[str, str]] = field(default_factory=dict)  # label -> source:key -> node
    _props: dict[Ref, dict[str, Any]] = field(default_factory=dict)

    def remember(self, label: str, source_keys: dict[str, str]) -> None:
        """Source keys the graph already maps to a node (``GraphStore.source_key_map``)."""
        self.previous[label] = dict(source_keys)
        for source_key, node_key in source_keys.items():
            _source, _, key = source_key.partition(":")
            self.stored.setdefault((label, key), node_key)

    def add(self, source: str, record: RawRecord, mapped: Mapped) -> None:
        for node in mapped.nodes:
            if not node.resolve:
                continue
            job = next(
                (e for e in mapped.edges if e.type == "WORKS_AT" and e.start == (node.label, node.key)), None
            )
            entry = _Entry(source, record, node, job.end[1] if job else None, job.props if job else {})
            self.entries.setdefault(node.label, []).append(entry)
            self._props.setdefault((node.label, node.key), node.props)

    def lookup(self, label: str, key: str, prop: str) -> Any:
        """A property of an entity record read earlier in this run (e.g. an account's country)."""
        return self._props.get((label, key), {}).get(prop)

    def labels(self) -> list[str]:
        return sorted(
            self.entries,
            key=lambda label: (RESOLVED_LABELS.index(label) if label in RESOLVED_LABELS else 99, label),
        )

    def resolve(self, ref: Ref) -> str:
        """The resolved id: from this run's resolution, else from earlier runs, else the key."""
        return self.canonical.get(ref) or self.stored.get(ref, ref[1])


def _entity_record(label: str, entry: _Entry, index: EntityIndex) -> EntityRecord:
    props = entry.node.props
    names = tuple(n for n in [props.get("name"), *props.get("aliases", [])] if n)
    employer = index.resolve(("Company", entry.employer)) if entry.employer else None
    industry = (
        index.lookup("Company", entry.employer, "industry") if entry.employer else props.get("industry")
    )
    return EntityRecord(
        kind=label,
        source=entry.source,
        key=entry.node.key,
        names=names,
        domain=props.get("domain"),
        phone=props.get("phone"),
        email=props.get("email"),
        city=normalize.city_key(props.get("city")),
        country=props.get("country"),
        company_key=employer,
        tax_id=props.get("tax_id"),
        since=entry.job.get("since"),
        until=entry.job.get("until"),
        seniority=props.get("seniority"),
        industry=industry,
        birth_date=props.get("birth_date"),
        postcode=props.get("postcode"),
        address=props.get("address"),
        external_id=props.get("external_id"),
    )


def merge_entities(
    index: EntityIndex,
    label: str,
    repeating: frozenset[str] = frozenset(),
    thresholds: Thresholds | None = None,
    decisions: Decisions | None = None,
) -> Merged:
    """Resolve one label's records and return one node row per real entity.

    ``repeating`` sources may hold one entity several times (a spreadsheet of leads, see
    ``Mapping.repeats``); the resolver holds records of any other source to one per entity.
    """
    unique: dict[tuple[str, str], _Entry] = {}
    for entry in index.entries.get(label, []):
        unique.setdefault((entry.source, entry.node.key), entry)
    # Sources rank in the order the run lists them; within one source the key decides, not
    # the row order, so a reordered export gives the same node ids and property values.
    rank = {source: i for i, source in enumerate(dict.fromkeys(e.source for e in unique.values()))}
    entries = sorted(unique.values(), key=lambda e: (rank[e.source], e.node.key))
    priority = {id(e): i for i, e in enumerate(entries)}
    records = [_entity_record(label, e, index) for e in entries]
    by_record = {(r.source, r.key): e for r, e in zip(records, entries, strict=True)}
    resolution = resolve(
        records,
        thresholds or Thresholds(),
        repeating_sources=repeating,
        decisions=decisions or Decisions(),
    )
    rows: list[dict[str, Any]] = []
    records_of_rows: list[RawRecord] = []
    merged = 0
    previous = index.previous.get(label, {})
    this_run = {f"{e.source}:{e.node.key}" for e in entries}
    keys_on: dict[str, set[str]] = {}
    for source_key, node in previous.items():
        if source_key not in this_run:
            keys_on.setdefault(node, set()).add(source_key)
    taken: set[str] = set()
    for cluster in resolution.clusters:
        members = sorted((by_record[(r.source, r.key)] for r in cluster), key=lambda e: priority[id(e)])
        row = _merge(members)
        # the entity keeps the id it had, and the keys earlier runs merged into it stay on it
        node_id = _stable_id(members, previous, taken)
        row |= {"id": node_id, "source_keys": sorted(set(row["source_keys"]) | keys_on.get(node_id, set()))}
        taken.add(row["id"])
        rows.append(row)
        records_of_rows.append(members[0].record)
        merged += len(members) - 1
        for member in members:
            index.canonical[(label, member.node.key)] = row["id"]
    files = {(e.source, e.node.key): e.record.source for e in entries}
    return Merged(rows, merged, resolution.review, resolution, files, records_of_rows)


def _stable_id(members: list[_Entry], previous: dict[str, str], taken: set[str]) -> str:
    """The node an earlier run put the highest-priority member on, unless a cluster of this
    run has it already (a split: the other part takes its own key); else the first key."""
    for member in members:
        node = previous.get(f"{member.source}:{member.node.key}")
        if node is not None and node not in taken:
            return node
    return members[0].node.key


def _merge(members: list[_Entry]) -> dict[str, Any]:
    first = members[0]
    row: dict[str, Any] = {}
    for member in members:
        for name, value in member.node.props.items():
            row.setdefault(name, value)
    names = [n for m in members for n in [m.node.props.get("name"), *m.node.props.get("aliases", [])] if n]
    aliases = sorted(set(names) - {row.get("name")})
    row |= {
        "id": first.node.key,
        "aliases": aliases or None,
        "source": first.source,
        "source_key": first.node.key,
        "source_keys": sorted({f"{m.source}:{m.node.key}" for m in members}),
    }
    return row
