"""Shared fixtures: a store per backend, and the real Neo4j server the suite starts.

``store`` is parametrised over both adapters, so every test that takes it runs against
LadybugDB (in memory) and against Neo4j. The Neo4j server is started once per session
by ``tools/neo4j_launcher.py`` unless ``ACCOUNTGRAPH_TEST_NEO4J_URI`` points at one; if
it cannot start, those tests error (they never skip).

The suite runs on two xdist workers (``scripts/test``); every test that uses that server is put in
one xdist group, so one worker starts it and the other runs the rest alongside. Tests that start
servers of their own run on either.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from tools import neo4j_launcher

BACKENDS = ["embedded", "neo4j"]


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[neo4j_launcher.Neo4jServer]:
    uri = os.environ.get("ACCOUNTGRAPH_TEST_NEO4J_URI")
    if uri:
        yield neo4j_launcher.Neo4jServer(
            uri=uri,
            user=os.environ.get("ACCOUNTGRAPH_TEST_NEO4J_USER", "neo4j"),
            password=os.environ.get("ACCOUNTGRAPH_TEST_NEO4J_PASSWORD", ""),
            gds=False,
        )
        return
    server = neo4j_launcher.start(tmp_path_factory.mktemp("neo4j"))
    try:
        yield server
    finally:
        server.stop()


def pytest_configure(config: pytest.Config) -> None:
    """An xdist worker inherits a pretend terminal's COLUMNS and LINES, which Rich's consoles would
    fix as their size when imported; the tests that read a table set COLUMNS as they run a command."""
    for size in ("COLUMNS", "LINES"):
        os.environ.pop(size, None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Group the Neo4j tests on one worker (``--dist loadgroup``), so one server serves them all."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        # the store is chosen by a parameter ("store", "backend") and fetched by name at set-up
        if "neo4j_server" in getattr(item, "fixturenames", ()) or "neo4j" in params.values():
            item.add_marker(pytest.mark.xdist_group("neo4j"))


def _clear(store: Neo4jStore) -> None:
    query = "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n"
    while store._write([(query, {})])[0][0]["n"]:
        pass


@pytest.fixture
def neo4j_store(request: pytest.FixtureRequest) -> Iterator[Neo4jStore]:
    server: neo4j_launcher.Neo4jServer = request.getfixturevalue("neo4j_server")
    store = Neo4jStore(server.uri, server.user, server.password).open()
    store.retry_for = 5.0
    store.create_schema()
    _clear(store)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def embedded_store() -> Iterator[LadybugStore]:
    store = LadybugStore().open()
    store.create_schema()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    if request.param == "neo4j":
        request.applymarker(pytest.mark.neo4j)
    result: GraphStore = request.getfixturevalue(f"{request.param}_store")
    return result


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[LadybugStore]:
    store = LadybugStore(tmp_path / "graph.lbdb").open()
    store.create_schema()
    try:
        yield store
    finally:
        store.close()
