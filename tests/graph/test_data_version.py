"""The store's data version: unchanged by reads, changed by every committed write."""

from __future__ import annotations

import datetime as dt

import pytest

from graph import GraphStore
from graph.adapters.neo4j import Neo4jStore
from tools import neo4j_launcher

PROV = {"source": "test", "run_id": "r1", "ingested_at": dt.datetime(2026, 11, 1, tzinfo=dt.UTC)}


def _company(key: str, name: str) -> dict[str, object]:
    return {"id": key, "name": name, **PROV}


def test_reads_keep_the_version_and_writes_change_it(store: GraphStore) -> None:
    store.upsert_nodes("Company", [_company("C1", "Acme")])
    before, writes = store.data_version(), store.write_count
    store.get_node("Company", "C1")
    store.count_nodes()
    assert store.data_version() == before
    assert store.write_count == writes

    store.upsert_nodes("Company", [_company("C1", "Acme Ltd")])
    assert store.write_count > writes
    assert store.data_version() != before


def test_a_bulk_load_changes_the_version(store: GraphStore) -> None:
    before = store.data_version()
    store.upsert_nodes("Company", [_company(f"C{i:05d}", f"Company {i}") for i in range(6000)])
    assert store.data_version() != before


@pytest.mark.neo4j
def test_neo4j_sees_a_write_made_through_another_connection(
    neo4j_store: Neo4jStore, neo4j_server: neo4j_launcher.Neo4jServer
) -> None:
    """Another process writing to the same database moves the version this one reads."""
    before, writes = neo4j_store.data_version(), neo4j_store.write_count
    other = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password).open()
    try:
        other.upsert_nodes("Company", [_company("C-other", "Written elsewhere")])
    finally:
        other.close()
    assert neo4j_store.write_count == writes  # nothing went through this object
    assert neo4j_store.data_version() != before
