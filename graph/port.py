"""The ``GraphStore`` port: what the rest of AccountGraph may ask of a graph store.

The port owns the behaviour both stores must share: validation against the ontology,
batching, idempotent merge-on-key writes, dangling-edge detection, retries of
retryable errors, and conversion of results to plain Python. An adapter supplies the
few things that really differ (DDL, transactions, running a statement, converting
driver values, two dialect snippets) and nothing else.
"""

from __future__ import annotations

import abc
import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any, TypeVar

import numpy as np

from graph import _cypher
from graph.errors import DanglingEdgeError, GraphError, MissingNodeError, UnknownQuery
from graph.model import Edge, Node, NodeRef, Projection, Subgraph
from graph.queries import NAMED_QUERIES
from schema import REGISTRY, NodeType, Registry, RelType, Row, ValidationError

log = logging.getLogger(__name__)
T = TypeVar("T")
Statement = tuple[str, dict[str, Any]]
Results = list[list[dict[str, Any]]]
Check = Callable[[Results], None]


class GraphStore(abc.ABC):
    """A graph store: schema, batched idempotent upserts, lookups, reads, projections."""

    kind: str = "abstract"
    #: rows per write transaction; LadybugDB has mis-indexed keys after very large UNWINDs
    batch_size: int = 2000
    #: how long to keep retrying a retryable error (e.g. the server restarting), seconds
    retry_for: float = 60.0

    def __init__(self, registry: Registry = REGISTRY) -> None:
        self.registry = registry

    # ---- what an adapter provides ---------------------------------------------------
    @abc.abstractmethod
    def create_schema(self) -> None:
        """Create tables/constraints/indexes for every type; safe to run again."""

    @abc.abstractmethod
    def _write(self, statements: Sequence[Statement], check: Check | None = None) -> Results:
        """Run statements in one write transaction and return each one's rows.

        ``check`` sees the results before commit; if it raises, the transaction is
        rolled back and the exception propagates.
        """

    @abc.abstractmethod
    def _read(self, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a read query; values converted to plain Python (UTC-aware datetimes)."""

    @abc.abstractmethod
    def _node_label(self, var: str) -> str:
        """The dialect's expression for a node's single label."""

    @abc.abstractmethod
    def _rel_type(self, var: str) -> str:
        """The dialect's expression for a relationship's type."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the store; the object is unusable afterwards."""

    #: write transactions committed through this object: a free, in-process change counter
    write_count: int = 0

    @abc.abstractmethod
    def data_version(self) -> str:
        """A token that changes whenever committed data changes, whoever wrote it.

        Caches of what was read compare it; free on the embedded store (one process owns
        it), one round trip on Neo4j.
        """

    def _adapter_query(self, name: str) -> str | None:
        """An adapter's own text for a named query, where the portable one does not fit."""
        return None

    # ---- writes ------------------------------------------------------------------------
    def upsert_nodes(self, label: str, rows: Sequence[Mapping[str, Any]]) -> int:
        """Merge nodes on their key; set the given properties (``None`` clears one).

        All rows are validated before anything is written; then each batch of
        ``batch_size`` rows is one transaction. Properties a row omits are left as they
        are. Returns how many nodes were created or changed: a row equal in content to
        the stored node (``content_hash``) is not rewritten, so a rerun changes nothing.
        """
        node = self.registry.node(label)
        valid = _dedupe(self.registry.validate_nodes(label, rows), lambda r: r[node.key])
        return self._upsert_node_rows(node, _with_content_hash(valid))

    def _upsert_node_rows(self, node: NodeType, valid: list[Row]) -> int:
        """Write validated rows with unique keys; an adapter may take a bulk path."""
        written = 0
        for (names, cleared), group in group_by_fields(valid):
            for batch in chunks(group, self.batch_size):
                rows, shared = hoisted(batch)
                rest = [n for n in names if n not in shared]
                query = _cypher.merge_nodes(node, rest, cleared, shared)
                result = self._retrying(
                    partial(self._write, [(query, {"rows": rows, **shared_params(shared)})])
                )
                written += int(result[0][0]["changed"])
        return written

    def update_nodes(self, label: str, rows: Sequence[Mapping[str, Any]]) -> int:
        """Set some properties of stored nodes, matched on their key (``None`` clears one).

        For values derived from the graph (analytics) that land on nodes an ingestor owns:
        the node's ``content_hash`` stays the ingestor's, so the ingestor's rerun of the
        same input still finds its content unchanged and writes nothing. Every row must
        name a stored node, or the call refuses before writing (``MissingNodeError``); a
        node deleted meanwhile rolls its batch back. Returns how many nodes were set.
        """
        node = self.registry.node(label)
        valid = _dedupe(self.registry.validate_node_updates(label, rows), lambda r: r[node.key])
        missing = self._missing_nodes(label, [r[node.key] for r in valid])
        if missing.missing:
            raise missing
        written = 0
        for (names, cleared), group in group_by_fields(valid):
            if not set(names) - {node.key} and not cleared:
                continue  # a row with nothing to set
            for batch in chunks(group, self.batch_size):
                sent, shared = hoisted(batch)
                query = _cypher.update_nodes(node, [n for n in names if n not in shared], cleared, shared)
                params = {"rows": sent, **shared_params(shared)}
                missing_now = partial(self._missing_nodes, label, [r[node.key] for r in batch])
                self._retrying(partial(self._write_all, query, params, len(batch), missing_now))
                written += len(batch)
        return written

    def _missing_nodes(self, label: str, keys: list[str]) -> MissingNodeError:
        return MissingNodeError(label, sorted(set(keys) - self.existing_keys(label, keys)))

    def upsert_edges(
        self, rel_type: str, start_label: str, end_label: str, rows: Sequence[Mapping[str, Any]]
    ) -> int:
        """Merge edges between existing nodes (rows carry ``_from``/``_to`` keys).

        Rows naming a node that does not exist refuse the whole call before anything is
        written (``DanglingEdgeError`` lists the missing keys). Each batch also checks
        its count in its transaction, so a node deleted meanwhile rolls that batch back.
        """
        rel = self.registry.check_endpoints(rel_type, start_label, end_label)
        start, end = self.registry.node(start_label), self.registry.node(end_label)
        valid = self.registry.validate_edges(rel_type, start_label, end_label, rows)
        dangling = self._dangling(rel_type, (start_label, end_label), valid)
        if dangling.missing:
            raise dangling
        return self._upsert_edge_rows(rel, start, end, _with_content_hash(_dedupe(valid, edge_identity(rel))))

    def _upsert_edge_rows(self, rel: RelType, start: NodeType, end: NodeType, valid: list[Row]) -> int:
        """Write validated edge rows with unique identities; an adapter may take a bulk path."""
        written = 0
        ends = (start.label, end.label)
        for (names, cleared), group in group_by_fields(valid):
            for batch in chunks(group, self.batch_size):
                rows, shared = hoisted(batch)
                rest = [n for n in names if n not in shared]
                query = _cypher.merge_edges(rel, start, end, rest, cleared, shared)
                params = {"rows": rows, **shared_params(shared)}
                missing = partial(self._dangling, rel.type, ends, batch)
                result = self._retrying(partial(self._write_all, query, params, len(batch), missing))
                written += int(result[0][0]["changed"])
        return written

    def _write_all(
        self, query: str, params: dict[str, Any], rows: int, missing: Callable[[], GraphError]
    ) -> Results:
        """Write a batch whose query returns how many rows it ``written``; fewer than
        ``rows`` (a node not found) rolls it back and raises ``missing()``."""

        def complete(result: Results) -> None:
            if int(result[0][0]["written"]) != rows:
                raise _Incomplete

        try:
            return self._write([(query, params)], complete)
        except _Incomplete:
            raise missing() from None

    def _dangling(self, rel: str, ends: NodeRef, rows: list[Row]) -> DanglingEdgeError:
        missing: list[tuple[str, str]] = []
        for label, side in zip(ends, ("_from", "_to"), strict=True):
            wanted = sorted({r[side] for r in rows})  # each key asked once: 16k order lines name 85 companies
            missing += [(label, k) for k in sorted(set(wanted) - self.existing_keys(label, wanted))]
        return DanglingEdgeError(rel, missing)

    def existing_keys(self, label: str, keys: Sequence[str]) -> set[str]:
        """The subset of ``keys`` that a key lookup finds."""
        query = _cypher.existing_keys(self.registry.node(label))
        found: set[str] = set()
        for batch in chunks(list(keys), 5000):
            found.update(self._read_columns(query, {"keys": batch}).get("key", []))
        return found

    def source_key_map(self, label: str) -> dict[str, str]:
        """Every ``source:key`` merged into a node of ``label``, mapped to that node's key.

        An ingest of one source translates its keys to the resolved ids through it (an
        ERP customer code that was merged into a CRM account a run earlier).
        """
        cols = self._read_columns(_cypher.source_keys_of(self.registry.node(label)), {})
        found: dict[str, str] = {}
        for key, source_keys in zip(cols.get("key", []), cols.get("source_keys", []), strict=True):
            for source_key in source_keys or ():
                found.setdefault(source_key, key)
        return found

    def delete_nodes(self, label: str, keys: Sequence[str]) -> int:
        """Delete nodes by key with their edges; returns how many existed."""
        node = self.registry.node(label)
        deleted = 0
        for batch in chunks(list(keys), self.batch_size):
            existing = len(self.existing_keys(label, batch))
            self._retrying(partial(self._write, [(_cypher.delete_nodes(node), {"keys": batch})]))
            deleted += existing
        return deleted

    def delete_edges(
        self,
        rel_type: str,
        start_label: str,
        end_label: str,
        identities: Sequence[str | tuple[str, str]],
    ) -> int:
        """Delete edges by identity; returns how many were deleted (unknown ones are skipped).

        An identity is what tells the type's edges apart (``edge_identity``): the value of
        its key property (``PURCHASED``: the ``line_id``), or for a type without a key the
        ``(from key, to key)`` pair. Every identity is checked before anything is deleted.
        """
        rel = self.registry.check_endpoints(rel_type, start_label, end_label)
        start, end = self.registry.node(start_label), self.registry.node(end_label)
        rows = _identity_rows(rel, identities)
        query = _cypher.delete_edges(rel, start, end)
        deleted = 0
        for batch in chunks(rows, self.batch_size):
            result = self._retrying(partial(self._write, [(query, {"rows": batch})]))
            deleted += int(result[0][0]["deleted"])
        return deleted

    # ---- reads -------------------------------------------------------------------------
    def get_node(self, label: str, key: str) -> Node | None:
        node = self.registry.node(label)
        rows = self._read(_cypher.get_node(node), {"key": key})
        if not rows:
            return None
        return Node(label, key, clean_props(rows[0]["props"]))

    def node_exists(self, label: str, key: str) -> bool:
        return bool(self.existing_keys(label, [key]))

    def count_nodes(self) -> dict[str, int]:
        return {
            label: int(self._read(_cypher.count_nodes(node), {})[0]["n"])
            for label, node in self.registry.nodes.items()
        }

    def count_edges(self) -> dict[str, int]:
        return {
            name: int(self._read(_cypher.count_edges(rel), {})[0]["n"])
            for name, rel in self.registry.rels.items()
        }

    def audit_edges(self, rel_type: str) -> list[str]:
        """Damage to a type's edges that only this adapter's storage can show, a line each
        (LadybugDB keeps every edge twice, once per direction); none by default."""
        self.registry.rel(rel_type)
        return []

    def read_keyed(self, query: str, keys: Sequence[str], params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run a read over a batch of node keys: ``query`` (portable Cypher from the
        ontology's names, values as parameters) filters with ``<var>.id IN $keys``, groups
        by key if it aggregates, and neither orders nor limits across keys, so an adapter
        may split the batch (see ``LadybugStore``). Returns the rows of every key."""
        return self._read(query, {**params, "keys": list(keys)})

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a named read query (see ``graph.queries``)."""
        text = self._adapter_query(name) or NAMED_QUERIES.get(name)
        if text is None:
            raise UnknownQuery(f"no read query named {name!r}; known: {', '.join(sorted(NAMED_QUERIES))}")
        return self._read(text, params)

    def iter_nodes(self, label: str, page: int = 5000) -> Iterator[Node]:
        """Every node of a type, in key order, a page at a time."""
        node = self.registry.node(label)
        after = ""
        while True:
            rows = self._read(_cypher.node_page(node), {"after": after, "limit": page})
            for row in rows:
                props = clean_props(row["props"])
                yield Node(label, props[node.key], props)
            if len(rows) < page:
                return
            after = rows[-1]["props"][node.key]

    def iter_edges(self, rel_type: str, page: int = 2000) -> Iterator[Edge]:
        """Every edge of a type, grouped by start node in key order."""
        rel = self.registry.rel(rel_type)
        for start_label, end_label in rel.endpoints:
            start, end = self.registry.node(start_label), self.registry.node(end_label)
            keys = sorted(n.key for n in self.iter_nodes(start_label))
            query = _cypher.edges_from(rel, start, end)
            for batch in chunks(keys, page):
                rows = self._read(query, {"keys": batch})
                rows.sort(key=lambda r: (r["s"], r["t"], str(r["props"].get(rel.key or "", ""))))
                for row in rows:
                    yield Edge(
                        rel_type, (start_label, row["s"]), (end_label, row["t"]), clean_props(row["props"])
                    )

    def neighbourhood(
        self,
        label: str,
        key: str,
        depth: int = 1,
        rel_types: Sequence[str] | None = None,
        limit: int = 500,
    ) -> Subgraph:
        """Nodes within ``depth`` hops (either direction) of a node, at most ``limit`` nodes."""
        if not 0 <= depth <= 5:
            raise ValueError(f"depth must be between 0 and 5, got {depth}")
        types = [self.registry.rel(t).type for t in rel_types or ()]
        root = self.get_node(label, key)
        sub = Subgraph()
        if root is None:
            return sub
        sub.nodes[root.ref] = root
        frontier = [root.ref]
        seen_edges: set[tuple[str, NodeRef, NodeRef, str]] = set()
        for _ in range(depth):
            frontier = self._expand(frontier, types, sub, seen_edges, limit)
            if not frontier:
                break
        return sub

    def _expand(
        self,
        frontier: list[NodeRef],
        types: list[str],
        sub: Subgraph,
        seen_edges: set[tuple[str, NodeRef, NodeRef, str]],
        limit: int,
    ) -> list[NodeRef]:
        rel = ("e:" + "|".join(types)) if types else "e"
        nxt: list[NodeRef] = []
        by_label: dict[str, list[str]] = {}
        for lab, k in frontier:
            by_label.setdefault(lab, []).append(k)
        for lab, keys in sorted(by_label.items()):
            for outgoing in (True, False):
                arrow = f"-[{rel}]->" if outgoing else f"<-[{rel}]-"
                text = (
                    f"UNWIND $keys AS k MATCH (a:{lab} {{id: k}}){arrow}(b) RETURN a.id AS a, "
                    f"{self._rel_type('e')} AS type, {self._node_label('b')} AS label, "
                    "properties(b) AS node, properties(e) AS props"
                )
                for row in self._read(text, {"keys": keys}):
                    other: NodeRef = (row["label"], row["node"]["id"])
                    here: NodeRef = (lab, row["a"])
                    s, t = (here, other) if outgoing else (other, here)
                    ident = (row["type"], s, t, repr(sorted(clean_props(row["props"]).items())))
                    if other not in sub.nodes:
                        if len(sub.nodes) >= limit:
                            continue
                        sub.nodes[other] = Node(other[0], other[1], clean_props(row["node"]))
                        nxt.append(other)
                    if ident not in seen_edges:
                        seen_edges.add(ident)
                        sub.edges.append(Edge(row["type"], s, t, clean_props(row["props"])))
        return nxt

    # ---- projections -------------------------------------------------------------------
    def _read_columns(self, query: str, params: Mapping[str, Any]) -> dict[str, list[Any]]:
        """Column-wise read; adapters with a columnar path (Arrow) override it."""
        rows = self._read(query, params)
        names = list(rows[0]) if rows else []
        return {n: [r[n] for r in rows] for n in names}

    def project(
        self,
        node_labels: Sequence[str],
        rel_types: Sequence[str],
        weights: Mapping[str, str | None] | None = None,
    ) -> Projection:
        """A typed subgraph for algorithms: all nodes of ``node_labels`` and the edges of
        ``rel_types`` between them, weighted by each type's weight property (or ``weights``).
        """
        labels: list[str] = []
        keys: list[str] = []
        index: dict[NodeRef, int] = {}
        for label in node_labels:
            node = self.registry.node(label)
            for k in sorted(self._read_columns(_cypher.keys_of(node), {}).get("key", [])):
                index[(label, k)] = len(keys)
                labels.append(label)
                keys.append(k)
        src: list[int] = []
        dst: list[int] = []
        wts: list[float] = []
        kinds: list[int] = []
        for t, rel_type in enumerate(rel_types):
            rel = self.registry.rel(rel_type)
            weight = (weights or {}).get(rel_type, rel.weight)
            for a, b in rel.endpoints:
                if a not in node_labels or b not in node_labels:
                    continue
                text = _cypher.edge_columns(rel, self.registry.node(a), self.registry.node(b), weight)
                cols = self._read_columns(text, {})
                for s, d, w in zip(cols.get("s", []), cols.get("t", []), cols.get("w", []), strict=True):
                    src.append(index[(a, s)])
                    dst.append(index[(b, d)])
                    wts.append(1.0 if w is None else float(w))
                    kinds.append(t)
        return Projection(
            labels=labels,
            keys=keys,
            src=np.asarray(src, dtype=np.int64),
            dst=np.asarray(dst, dtype=np.int64),
            weight=np.asarray(wts, dtype=np.float64),
            rel_type_index=np.asarray(kinds, dtype=np.int16),
            rel_types=list(rel_types),
        )

    # ---- retries -----------------------------------------------------------------------
    def _retrying(self, call: Callable[[], T]) -> T:
        deadline = time.monotonic() + self.retry_for
        delay = 0.25
        while True:
            try:
                return call()
            except GraphError as exc:
                if not exc.is_retryable() or time.monotonic() + delay > deadline:
                    raise
                log.warning("store unavailable (%s); retrying in %.1fs", type(exc).__name__, delay)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)


class _Incomplete(Exception):
    """Raised inside a write transaction to roll it back."""


_NOT_CONTENT = frozenset({"run_id", "ingested_at", "content_hash"})


def _with_content_hash(rows: list[Row]) -> list[Row]:
    """Each row with the hash of what it says (provenance of the run left out)."""
    for row in rows:
        content = sorted((k, v) for k, v in row.items() if k not in _NOT_CONTENT)
        digest = hashlib.blake2b(repr(content).encode(), digest_size=12).hexdigest()
        row["content_hash"] = digest
    return rows


def edge_identity(rel: RelType) -> Callable[[Row], Any]:
    """What tells edges of a type apart: the key property, or else the two endpoints."""
    key = rel.key
    if key is not None:
        return lambda r: r[key]
    return lambda r: (r["_from"], r["_to"])


def _identity_rows(rel: RelType, identities: Sequence[str | tuple[str, str]]) -> list[Row]:
    """Identities as query rows (``{"k": key}`` or ``{"_from": a, "_to": b}``), all checked."""
    problems: list[tuple[int, str, str, str]] = []
    rows: list[Row] = []
    for i, ident in enumerate(identities):
        if rel.key is not None:
            if isinstance(ident, str):
                rows.append({"k": ident})
                continue
            reason = f"{rel.type} edges are identified by their {rel.key!r} (a string), got {ident!r}"
        else:
            if isinstance(ident, tuple) and len(ident) == 2 and all(isinstance(k, str) for k in ident):
                rows.append({"_from": ident[0], "_to": ident[1]})
                continue
            reason = f"{rel.type} edges are identified by a (from key, to key) pair, got {ident!r}"
        problems.append((i, repr(ident), "identity", reason))
    if problems:
        raise ValidationError(rel.type, problems)
    return _dedupe(rows, lambda r: tuple(sorted(r.items())))


def clean_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unset properties: LadybugDB returns every column, Neo4j only those set."""
    return {k: v for k, v in props.items() if v is not None and not k.startswith("_")}


def _dedupe(rows: list[Row], key: Callable[[Row], Any]) -> list[Row]:
    """Merge rows with the same identity (later values win), keeping first-seen order."""
    merged: dict[Any, Row] = {}
    for row in rows:
        k = key(row)
        if k in merged:
            merged[k] = merged[k] | row
        else:
            merged[k] = row
    return list(merged.values())


#: provenance that every row of a batch usually shares: sent once per batch instead of once
#: per row (packing a datetime per row took a third of a Neo4j ingest's time)
_SHAREABLE = ("ingested_at", "run_id", "source")


def hoisted(batch: list[Row]) -> tuple[list[Row], dict[str, Any]]:
    """The batch without the shareable properties all its rows have with one value, and
    those properties with their value."""
    first = batch[0]
    shared = {
        n: first[n] for n in _SHAREABLE if n in first and all(n in r and r[n] == first[n] for r in batch)
    }
    if not shared:
        return batch, {}
    return [{k: v for k, v in r.items() if k not in shared} for r in batch], shared


def shared_params(shared: Mapping[str, Any]) -> dict[str, Any]:
    return {_cypher.shared_param(n): v for n, v in shared.items()}


def group_by_fields(rows: list[Row]) -> list[tuple[tuple[tuple[str, ...], tuple[str, ...]], list[Row]]]:
    """Group rows by the properties they set and those they clear (``None``), so that
    omitted properties are left alone; the rows keep only the properties they set."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Row]] = {}
    for row in rows:
        cleared = tuple(sorted(k for k, v in row.items() if v is None))
        kept = {k: v for k, v in row.items() if v is not None} if cleared else row
        groups.setdefault((tuple(sorted(kept)), cleared), []).append(kept)
    return list(groups.items())


def chunks(rows: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
