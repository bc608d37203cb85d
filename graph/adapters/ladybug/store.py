"""The embedded store: LadybugDB in-process, on disk or in memory.

The main connection writes and scans, guarded by a lock (a connection is not meant to
be shared by threads at once); a small pool of read connections, one query thread each,
serves the short reads of the API beside it (LadybugDB releases the GIL while it runs a
query, and readers see the last committed state). Writes run in explicit transactions per batch; an upsert
of many rows bulk-loads the new ones with ``COPY FROM`` an Arrow table (10x the rate of
``UNWIND ... MERGE``) and merges only those that already exist.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa

from graph import _cypher
from graph.adapters.ladybug import _bulk, _ddl, _projection, _scan
from graph.errors import ConstraintViolation, GraphError, QueryError, StoreUnavailable
from graph.model import Edge, Node, Projection
from graph.port import Check, GraphStore, Results, Statement, edge_identity
from schema import REGISTRY, NodeType, Registry, RelType, Row, check_identifier

MEMORY = ":memory:"


class LadybugStore(GraphStore):
    """``GraphStore`` on LadybugDB; ``path=":memory:"`` for a throw-away store."""

    kind = "embedded"
    #: rows in one upsert call from which new rows are bulk-loaded with ``COPY FROM``
    bulk_threshold = 5000
    #: connections for short reads beside the main one
    read_connections = 2
    #: a keyed read of at most this many keys runs key by key: LadybugDB 0.22 seeks one key
    #: (``a.id = $key``, about 1.4 ms for a company's signals) but scans for a key list
    #: (``a.id IN $keys``, about 9 ms even for one key); longer lists scan once
    seek_keys = 4

    def __init__(self, path: str | Path = MEMORY, registry: Registry = REGISTRY) -> None:
        super().__init__(registry)
        self.path = str(path)
        self._lock = threading.RLock()
        self._db: ladybug.Database | None = None
        self._conn: ladybug.Connection | None = None
        self._readers: queue.SimpleQueue[ladybug.Connection] = queue.SimpleQueue()
        self._reader_count = 0
        self._opened = ""

    def open(self) -> LadybugStore:
        if self.path != MEMORY:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        with _translated():
            self._db = ladybug.Database(self.path)
            self._conn = ladybug.Connection(self._db)
            for _ in range(self.read_connections):
                reader = ladybug.Connection(self._db)
                reader.set_max_threads_for_exec(1)  # short reads: thread start-up costs more than it gains
                self._readers.put(reader)
                self._reader_count += 1
        self._opened = uuid.uuid4().hex  # a reopened database starts a new run of versions
        return self

    @property
    def conn(self) -> ladybug.Connection:
        if self._conn is None:
            raise StoreUnavailable("the embedded store is not open (call open() first)")
        return self._conn

    def create_schema(self) -> None:
        with self._lock, _translated():
            for text in _ddl.statements(self.registry):
                self.conn.execute(text)
            self._migrate()
            self.write_count += 1

    def _migrate(self) -> None:
        for name, props in [(n.label, n.props) for n in self.registry.nodes.values()] + [
            (r.type, r.props) for r in self.registry.rels.values()
        ]:
            have = {row[1] for row in _all(self.conn.execute(f"CALL table_info('{name}') RETURN *"))}
            for prop in props:
                if prop.name not in have:
                    self.conn.execute(_ddl.add_column(name, prop.name, prop.type))

    def _write(self, statements: Sequence[Statement], check: Check | None = None) -> Results:
        with self._lock, _translated():
            self.conn.execute("BEGIN TRANSACTION")
            try:
                results = [_rows(self.conn.execute(q, _to_store(p))) for q, p in statements]
                if check is not None:
                    check(results)
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
            self.write_count += 1
            return results

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except RuntimeError as exc:
            # a failed statement has already rolled the transaction back
            if "no active transaction" not in str(exc).lower():
                raise

    def _upsert_node_rows(self, node: NodeType, valid: list[Row]) -> int:
        """Large calls: ``COPY`` the rows whose key is new, ``MERGE`` the others."""
        if len(valid) < self.bulk_threshold:
            return super()._upsert_node_rows(node, valid)
        existing = self.existing_keys(node.label, [r[node.key] for r in valid])
        new = [r for r in valid if r[node.key] not in existing]
        written = super()._upsert_node_rows(node, [r for r in valid if r[node.key] in existing])
        if new:
            data = _bulk.table(new, node.props)
            self._retrying(partial(self._copy, f"COPY {check_identifier(node.label)} FROM $rows", data))
        return written + len(new)

    def _upsert_edge_rows(self, rel: RelType, start: NodeType, end: NodeType, valid: list[Row]) -> int:
        """Large calls: ``COPY`` the edges that are new (one scan of the type finds them)."""
        if len(valid) < self.bulk_threshold:
            return super()._upsert_edge_rows(rel, start, end, valid)
        identity = edge_identity(rel)
        have = self._edge_identities(rel, start, end)
        new = [r for r in valid if identity(r) not in have]
        written = super()._upsert_edge_rows(rel, start, end, [r for r in valid if identity(r) in have])
        if new:
            text = (
                f"COPY {check_identifier(rel.type)} FROM $rows "
                f"(from='{check_identifier(start.label)}', to='{check_identifier(end.label)}')"
            )
            try:
                self._retrying(partial(self._copy, text, _bulk.table(new, rel.props, endpoints=True)))
            except QueryError as exc:
                if "unable to find primary key" not in str(exc).lower():
                    raise
                raise self._dangling(rel.type, (start.label, end.label), new) from exc
        return written + len(new)

    def existing_keys(self, label: str, keys: Sequence[str]) -> set[str]:
        """Many keys: one columnar scan of the label beats key lookups (about 5k/s here)."""
        if len(keys) < self.bulk_threshold:
            return super().existing_keys(label, keys)
        stored = self._read_columns(_cypher.keys_of(self.registry.node(label)), {}).get("key", [])
        return set(keys).intersection(stored)

    def _edge_identities(self, rel: RelType, start: NodeType, end: NodeType) -> set[Any]:
        ident = f"e.{check_identifier(rel.key)} AS k" if rel.key else f"a.{start.key} AS s, b.{end.key} AS t"
        cols = self._read_columns(
            f"MATCH (a:{check_identifier(start.label)})-[e:{check_identifier(rel.type)}]->"
            f"(b:{check_identifier(end.label)}) RETURN {ident}",
            {},
        )
        if rel.key:
            return set(cols.get("k", []))
        return set(zip(cols.get("s", []), cols.get("t", []), strict=True))

    def _copy(self, text: str, data: Any) -> None:
        with self._lock, _translated():
            self.conn.execute(text, {"rows": data})
            self.write_count += 1

    def data_version(self) -> str:
        """The write count: the database file is locked to this process, so every change
        to its data went through this object."""
        return f"{self._opened}:{self.write_count}"

    def _read(self, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        if not self._reader_count:
            raise StoreUnavailable("the embedded store is not open (call open() first)")
        reader = self._readers.get()
        try:
            with _translated():
                return _rows(reader.execute(query, _to_store(dict(params))))
        finally:
            self._readers.put(reader)

    def read_keyed(self, query: str, keys: Sequence[str], params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """A few keys: one seek per key (see ``seek_keys``); the rows are the same."""
        if not 0 < len(keys) <= self.seek_keys or " IN $keys" not in query:
            return super().read_keyed(query, keys, params)
        text = query.replace(" IN $keys", " = $key")
        return [row for key in keys for row in self._read(text, {**params, "key": key})]

    def _read_columns(self, query: str, params: Mapping[str, Any]) -> dict[str, list[Any]]:
        with self._lock, _translated():
            result = self.conn.execute(query, _to_store(dict(params)))
            assert not isinstance(result, list), "one statement gives one result"
            table = result.get_as_arrow()
            return {name: table.column(name).to_pylist() for name in table.column_names}

    def project(
        self,
        node_labels: Sequence[str],
        rel_types: Sequence[str],
        weights: Mapping[str, str | None] | None = None,
    ) -> Projection:
        """The port's projection read as columns of offsets (``_projection``): no key
        lookup per edge. The lock holds for all of it, so the offsets stay one snapshot."""
        with self._lock:
            return _projection.project(self._read_arrow, self.registry, node_labels, rel_types, weights)

    def _read_arrow(self, query: str, params: Mapping[str, Any] | None = None) -> pa.Table:
        with self._lock, _translated():
            result = self.conn.execute(query, _to_store(dict(params or {})))
            assert not isinstance(result, list), "one statement gives one result"
            table: pa.Table = result.get_as_arrow()
            return table

    def iter_nodes(self, label: str, page: int = 5000) -> Iterator[Node]:
        """The port's pages, read as Arrow columns (``_scan``)."""
        return _scan.nodes(self._read_arrow, self.registry.node(label), page)

    def iter_edges(self, rel_type: str, page: int = 2000) -> Iterator[Edge]:
        """Each endpoint pair in one Arrow scan, in the port's order (``_scan``)."""
        rel = self.registry.rel(rel_type)
        for start, end in rel.endpoints:
            yield from _scan.edges(self._read_arrow, rel, self.registry.node(start), self.registry.node(end))

    def _node_label(self, var: str) -> str:
        return f"label({var})"

    def _rel_type(self, var: str) -> str:
        return f"label({var})"

    def close(self) -> None:
        with self._lock:
            while self._reader_count:
                self._readers.get().close()  # waits for a reader still at work
                self._reader_count -= 1
            if self._conn is not None:
                self._conn.close()
            if self._db is not None:
                self._db.close()
            self._conn = self._db = None


@contextmanager
def _translated() -> Iterator[None]:
    """Map LadybugDB's RuntimeErrors to the graph layer's errors."""
    try:
        yield
    except GraphError:
        raise
    except RuntimeError as exc:
        text = str(exc)
        if "duplicated primary key" in text.lower():
            raise ConstraintViolation(text) from exc
        if "lock" in text.lower() and "file" in text.lower():
            raise StoreUnavailable(f"the embedded store is in use by another process: {text}") from exc
        raise QueryError(text) from exc


def _all(result: Any) -> list[list[Any]]:
    rows: list[list[Any]] = result.get_all()
    return rows


def _rows(result: Any) -> list[dict[str, Any]]:
    names = result.get_column_names()
    return [dict(zip(names, (_from_store(v) for v in row), strict=True)) for row in _all(result)]


def _from_store(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC)
    if isinstance(value, dict):
        return {k: _from_store(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_store(v) for v in value]
    return value


def _to_store(value: Any) -> Any:
    """TIMESTAMP ignores an offset, so aware datetimes are converted to naive UTC first."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dict):
        if not any(isinstance(v, dt.datetime | dict | list) for v in value.values()):
            return value  # the common row: nothing to convert, no copy
        return {k: _to_store(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_store(v) for v in value]
    return value
