"""Keys that two sources state for records that disagree: kept apart, and reported.

Two mappings can build keys from one template (a CRM and an ERP both keyed ``C-{id}``)
for different things: CRM customer 1001 and ERP customer 1001 are two companies. When a
source states a key that another source stated first, and the two records give one
property different values, the later source's record is not merged into the first: its
node, and every edge that source draws to that key, take the key ``<source>:<key>``
(``erp:C-1001``), and the run's rejects get one ``conflicting_source`` entry naming both
sources, the key and the property. Nothing is lost and nothing is overwritten. Records that
agree on every property both give are one node, as before (a shared key space).

Only labels that several sources state are tracked, with the first record's properties.
"First" is the first read: sources in the run's order, those with entities to resolve
first (they are read in the first pass). A rerun makes the same choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ingest.connectors import RawRecord
from ingest.records.rejects import Reject
from ingest.records.report import Source
from ingest.records.transform import Mapped

CONFLICTING_SOURCE = "conflicting_source"
Ref = tuple[str, str]  # (label, key)


@dataclass(frozen=True, slots=True)
class _Claim:
    source: str
    file: str
    line: int
    props: dict[str, Any]


class KeyClaims:
    """The first statement of each key of the labels several sources state, and the keys
    that later sources' disagreeing records were given."""

    def __init__(self, sources: list[Source]) -> None:
        stating: dict[str, set[str]] = {}
        for source in sources:
            for node in source.mapping.nodes:
                stating.setdefault(node.label, set()).add(source.mapping.source)
        self.labels = frozenset(label for label, names in stating.items() if len(names) > 1)
        self._first: dict[Ref, _Claim] = {}
        self._own: dict[tuple[str, str, str], str] = {}  # (source, label, key) -> the key it was given

    def apply(self, source: str, record: RawRecord, mapped: Mapped) -> list[Reject]:
        """Give ``mapped``'s nodes and edge ends the keys their source holds (in place);
        returns an entry for each key this record is the first of ``source`` to be kept apart on."""
        found = []
        for node in mapped.nodes:
            if node.label not in self.labels:
                continue
            ref = (node.label, node.key)
            first = self._first.setdefault(ref, _Claim(source, record.source, record.line, node.props))
            if first.source == source or (source, *ref) in self._own:
                continue
            differ = sorted(
                name
                for name, value in node.props.items()
                if value is not None and first.props.get(name) not in (None, value)
            )
            if differ:
                own = f"{source}:{node.key}"
                self._own[(source, *ref)] = own
                found.append(_entry(first, source, record, ref, differ[0], node.props[differ[0]], own))
        if self._own:
            for node in mapped.nodes:
                node.key = self._own.get((source, node.label, node.key), node.key)
            for edge in mapped.edges:
                edge.start = self._key(source, edge.start)
                edge.end = self._key(source, edge.end)
        return found

    def _key(self, source: str, ref: Ref) -> Ref:
        return (ref[0], self._own.get((source, *ref), ref[1]))


def _entry(
    first: _Claim, source: str, record: RawRecord, ref: Ref, name: str, value: Any, own: str
) -> Reject:
    detail = (
        f"{ref[0]} {ref[1]!r} is stated by source {first.source!r} ({first.file} line {first.line}) with "
        f"{name}={first.props[name]!r} and by source {source!r} with {name}={value!r}; the record of "
        f"{source!r} is kept as {ref[0]} {own!r}"
    )
    return Reject(record.source, record.line, name, str(value), CONFLICTING_SOURCE, detail)
