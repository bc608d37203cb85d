"""The embedded store: LadybugDB in-process, on disk or in memory.

The main connection writes and scans, guarded by a lock (a connection is not meant to
be shared by threads at once); a small pool of read connections, one query thread each,
serves the short reads of the API beside it (LadybugDB releases the GIL while it runs a
query, and readers see the last committed state). Writes run in explicit transactions per batch; an upsert
of many rows bulk-loads the new ones with ``COPY FROM`` an Arrow table (10x the rate of
``UNWIND ... MERGE``) and merges only those that already exist. Stored edges are
replaced, never updated in place (``_edges``: a LadybugDB bug), and after a failed write
on the store's files every further call fails at once (``_files``).
"""

from __future__ import annotations

import queue
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import ladybug
import pyarrow as pa

from graph import _cypher
from graph.adapters.ladybug import _audit, _bulk, _ddl, _edges, _files, _projection, _scan, _values
from graph.errors import GraphError, QueryError, StoreIOError, StoreUnavailable
from graph.model import Edge, Node, Projection
from graph.port import Check, GraphStore, Results, Statement, chunks, edge_identity
from schema import REGISTRY, NodeType, Registry, RelType, Row, check_identifier

MEMORY = ":memory:"
T = TypeVar("T")


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

    def __init__(
        self, path: str | Path = MEMORY, registry: Registry = REGISTRY, read_only: bool = False
    ) -> None:
        super().__init__(registry)
        self.path = str(path)
        #: read an existing database beside the process that holds it (``_files.open_database``)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._db: ladybug.Database | None = None
        self._conn: ladybug.Connection | None = None
        self._readers: queue.SimpleQueue[ladybug.Connection] = queue.SimpleQueue()
        self._reader_count = 0
        self._opened = ""
        self._failure: StoreIOError | None = None

    def open(self) -> LadybugStore:
        with self._translated():
            if self.path != MEMORY and not self.read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = _files.open_database(self.path, self.read_only)
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
        with self._lock, self._translated():
            for text in _ddl.statements(self.registry):
                self.conn.execute(text)
            self._migrate()
            self.write_count += 1

    def _migrate(self) -> None:
        for name, props in [(n.label, n.props) for n in self.registry.nodes.values()] + [
            (r.type, r.props) for r in self.registry.rels.values()
        ]:
            have = {
                row[1] for row in _values.all_rows(self.conn.execute(f"CALL table_info('{name}') RETURN *"))
            }
            for prop in props:
                if prop.name not in have:
                    self.conn.execute(_ddl.add_column(name, prop.name, prop.type))

    def _write(self, statements: Sequence[Statement], check: Check | None = None) -> Results:
        def work(run: _edges.Run) -> Results:
            results = [run(q, p) for q, p in statements]
            if check is not None:
                check(results)
            return results

        return self._transaction(work)

    def _transaction(self, work: Callable[[_edges.Run], T]) -> T:
        """Run ``work`` in one write transaction; it gets a function that runs a statement."""
        with self._lock, self._translated():
            self.conn.execute("BEGIN TRANSACTION")
            try:
                result = work(lambda q, p: _values.rows(self.conn.execute(q, _values.to_store(p))))
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
            self.write_count += 1
            return result

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
        """Replace changed edges, create new ones, leave unchanged ones alone (``_edges``);
        a large call finds its new edges with one scan of the type and ``COPY``s them."""
        if len(valid) < self.bulk_threshold:
            return self._replace_edges(rel, start, end, valid)
        identity = edge_identity(rel)
        have = _edges.stored_hashes(self._read_columns, rel, start, end)
        new = [r for r in valid if identity(r) not in have]
        stale = [r for r in valid if identity(r) in have and have[identity(r)] != r["content_hash"]]
        written = self._replace_edges(rel, start, end, stale)
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

    def _replace_edges(self, rel: RelType, start: NodeType, end: NodeType, rows: list[Row]) -> int:
        written = 0
        for batch in chunks(rows, self.batch_size):
            replace = partial(self._transaction, partial(_edges.replace_batch, rel, start, end, batch))
            try:
                written += self._retrying(replace)
            except _edges.Incomplete:
                raise self._dangling(rel.type, (start.label, end.label), batch) from None
        return written

    def existing_keys(self, label: str, keys: Sequence[str]) -> set[str]:
        """Many keys: one columnar scan of the label beats key lookups (about 5k/s here)."""
        if len(keys) < self.bulk_threshold:
            return super().existing_keys(label, keys)
        stored = self._read_columns(_cypher.keys_of(self.registry.node(label)), {}).get("key", [])
        return set(keys).intersection(stored)

    def _copy(self, text: str, data: Any) -> None:
        with self._lock, self._translated():
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
            with self._translated():
                return _values.rows(reader.execute(query, _values.to_store(dict(params))))
        finally:
            self._readers.put(reader)

    def read_keyed(self, query: str, keys: Sequence[str], params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """A few keys: one seek per key (see ``seek_keys``); the rows are the same."""
        if not 0 < len(keys) <= self.seek_keys or " IN $keys" not in query:
            return super().read_keyed(query, keys, params)
        text = query.replace(" IN $keys", " = $key")
        return [row for key in keys for row in self._read(text, {**params, "key": key})]

    def _read_columns(self, query: str, params: Mapping[str, Any]) -> dict[str, list[Any]]:
        with self._lock, self._translated():
            result = self.conn.execute(query, _values.to_store(dict(params)))
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
        with self._lock, self._translated():
            result = self.conn.execute(query, _values.to_store(dict(params or {})))
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

    def audit_edges(self, rel_type: str) -> list[str]:
        """Each edge read from its start and from its end must be the same edge (``_audit``)."""
        return _audit.audit(self._read_arrow, self.registry, rel_type)

    def _node_label(self, var: str) -> str:
        return f"label({var})"

    def _rel_type(self, var: str) -> str:
        return f"label({var})"

    def close(self) -> None:
        """Close the database; after a failed write its handles are abandoned instead (``_files``)."""
        with self._lock:
            readers = []
            while self._reader_count:
                readers.append(self._readers.get())  # waits for a reader still at work
                self._reader_count -= 1
            if self._failure is not None:
                _files.abandon(*readers, self._conn, self._db)
            else:
                for reader in readers:
                    reader.close()
                if self._conn is not None:
                    self._conn.close()
                if self._db is not None:
                    self._db.close()
            self._conn = self._db = None

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Map LadybugDB's errors to the graph layer's; after a failed write on the store's
        files every later call fails with that error without reaching LadybugDB."""
        if self._failure is not None:
            raise StoreIOError(str(self._failure), self._failure.folder)
        try:
            yield
        except GraphError:
            raise
        except (RuntimeError, OSError) as exc:
            error = _files.translate(exc, self.path)
            if isinstance(error, StoreIOError) and self._db is not None:
                self._failure = error
            raise error from exc
