"""The production store: Neo4j through the official driver.

Writes are managed transactions (``execute_write``; the driver retries transient
errors), reads are ``execute_read`` so a cluster behind a ``neo4j://`` URI routes them
to readers. Uniqueness constraints back every key; ``MERGE`` relies on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import neo4j

from graph.adapters.neo4j._errors import translated
from graph.adapters.neo4j._gds import Gds, gds_version
from graph.errors import StoreUnavailable
from graph.model import Edge
from graph.port import Check, GraphStore, Results, Statement, clean_props
from schema import REGISTRY, Registry, check_identifier


class Neo4jStore(GraphStore):
    """``GraphStore`` on a Neo4j 5 server or cluster."""

    kind = "neo4j"
    batch_size = 5000

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str = "",
        database: str = "neo4j",
        registry: Registry = REGISTRY,
    ) -> None:
        super().__init__(registry)
        self.uri = uri
        self.database = database
        self._auth = (user, password)
        self._driver: neo4j.Driver | None = None
        self._gds: Gds | None = None
        self._gds_checked = False

    def open(self) -> Neo4jStore:
        with translated():
            # Counting a type nothing has used yet is normal here; the server's
            # "unknown relationship type" notices would only flood the logs.
            self._driver = neo4j.GraphDatabase.driver(
                self.uri, auth=self._auth, notifications_disabled_classifications=["UNRECOGNIZED"]
            )
            self._driver.verify_connectivity()
        return self

    @property
    def driver(self) -> neo4j.Driver:
        if self._driver is None:
            raise StoreUnavailable("the Neo4j store is not open (call open() first)")
        return self._driver

    def gds(self) -> Gds | None:
        """The server's Graph Data Science procedures, or ``None`` without the plugin.

        Asked once per store (``gds.version()``); algorithms run server-side through it.
        """
        if not self._gds_checked:
            with translated():
                version = gds_version(self.driver, self.database)
            self._gds = None if version is None else Gds(self.driver, self.database, self.registry, version)
            self._gds_checked = True
        return self._gds

    def create_schema(self) -> None:
        with translated(), self.driver.session(database=self.database) as session:
            for text in _ddl(self.registry):
                session.run(text).consume()

    def _write(self, statements: Sequence[Statement], check: Check | None = None) -> Results:
        def work(tx: neo4j.ManagedTransaction) -> Results:
            results = [[_native(r.data()) for r in tx.run(q, p)] for q, p in statements]
            if check is not None:
                check(results)
            return results

        with translated(), self.driver.session(database=self.database) as session:
            results = session.execute_write(work)
        self.write_count += 1
        return results

    def _read(self, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Reads retry like writes: a restarting server is waited for up to ``retry_for``."""

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [_native(r.data()) for r in tx.run(query, dict(params))]

        def read() -> list[dict[str, Any]]:
            with translated(), self.driver.session(database=self.database) as session:
                return session.execute_read(work)

        return self._retrying(read)

    def data_version(self) -> str:
        """The bookmark of a trivial read: it names the last transaction committed on the
        database by anyone (Community edition has no other cheap way to ask)."""

        def read() -> str:
            with translated(), self.driver.session(database=self.database) as session:
                session.execute_read(lambda tx: tx.run("RETURN 1").consume())
                return ",".join(sorted(session.last_bookmarks().raw_values))

        return self._retrying(read)

    def iter_edges(self, rel_type: str, page: int = 2000) -> Iterator[Edge]:
        """Each endpoint pair in one streamed read, in the port's order (by start key, end
        key, edge key): paging by start keys cost a round trip per 2,000 nodes."""
        rel = self.registry.rel(rel_type)
        for a, b in rel.endpoints:
            start, end = self.registry.node(a), self.registry.node(b)
            pattern = f"(a:{check_identifier(a)})-[e:{check_identifier(rel.type)}]->(b:{check_identifier(b)})"
            text = f"MATCH {pattern} RETURN a.{start.key} AS s, b.{end.key} AS t, properties(e) AS props"
            rows = self._read(text, {})
            rows.sort(key=lambda r: (r["s"], r["t"], str(r["props"].get(rel.key or "", ""))))
            for row in rows:
                yield Edge(rel.type, (a, row["s"]), (b, row["t"]), clean_props(row["props"]))

    def _node_label(self, var: str) -> str:
        return f"labels({var})[0]"

    def _rel_type(self, var: str) -> str:
        return f"type({var})"

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
            self._gds, self._gds_checked = None, False


def _ddl(registry: Registry) -> list[str]:
    out = []
    for node in registry.nodes.values():
        label = check_identifier(node.label)
        out.append(
            f"CREATE CONSTRAINT {label.lower()}_key IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{node.key} IS UNIQUE"
        )
        out += [
            f"CREATE INDEX {label.lower()}_{p} IF NOT EXISTS FOR (n:{label}) ON (n.{check_identifier(p)})"
            for p in node.indexed
        ]
    # A relationship key is unique per type; the constraint's index turns MERGE on it into
    # a seek (a plain range index was planned as a scan of every edge of the type).
    out += [
        f"CREATE CONSTRAINT {rel.type.lower()}_{rel.key} IF NOT EXISTS "
        f"FOR ()-[e:{check_identifier(rel.type)}]-() REQUIRE e.{check_identifier(rel.key)} IS UNIQUE"
        for rel in registry.rels.values()
        if rel.key
    ]
    return out


def _native(value: Any) -> Any:
    """Driver temporal types to Python's (aware datetimes in UTC); maps and lists recursively."""
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    to_native = getattr(value, "to_native", None)
    if to_native is None:
        return value
    native = to_native()
    if isinstance(native, dt.datetime) and native.tzinfo is not None:
        return native.astimezone(dt.UTC)  # one canonical zone, as the embedded store gives
    return native
