"""The launcher starts a real Neo4j 5.26 Community server, reports GDS truthfully, and stops it.

This test starts its own server (not the session fixture) because it checks ``stop``. It never
skips: if Neo4j cannot be built or started, ``start`` raises and the test fails with the JVM log.
"""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import neo4j
import pytest

from tools import neo4j_launcher

pytestmark = pytest.mark.neo4j


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def test_start_write_read_gds_and_stop(tmp_path: Path) -> None:
    server = neo4j_launcher.start(tmp_path / "neo4j")
    try:
        parts = urlsplit(server.uri)
        assert parts.scheme == "bolt"
        assert parts.hostname == "127.0.0.1"
        assert parts.port is not None
        port = parts.port
        assert _port_open("127.0.0.1", port)

        with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
            driver.execute_query(
                "CREATE (:LauncherProbe {name: $a})-[:KNOWS]->(:LauncherProbe {name: $b})",
                a="alice",
                b="bob",
            )
            records, _, _ = driver.execute_query(
                "MATCH (a:LauncherProbe)-[:KNOWS]->(b:LauncherProbe) RETURN a.name AS a, b.name AS b"
            )
            assert [(r["a"], r["b"]) for r in records] == [("alice", "bob")]

            # Authentication is on: a wrong password is refused.
            with (
                neo4j.GraphDatabase.driver(server.uri, auth=(server.user, "wrong-password")) as bad,
                pytest.raises(neo4j.exceptions.AuthError),
            ):
                bad.verify_connectivity()

            # ``gds`` must agree with what the server actually offers.
            try:
                records, _, _ = driver.execute_query("CALL gds.version() YIELD gdsVersion RETURN gdsVersion")
                callable_version: str | None = str(records[0]["gdsVersion"])
            except neo4j.exceptions.Neo4jError:
                callable_version = None
            assert server.gds is (callable_version is not None)
            assert server.gds_version == callable_version
            if server.gds:
                driver.execute_query(
                    "CREATE (a:PR {n: 'a'}), (b:PR {n: 'b'}), (c:PR {n: 'c'}), (a)-[:L]->(b), (c)-[:L]->(b)"
                )
                driver.execute_query("CALL gds.graph.project('launcher_probe', 'PR', 'L')")
                records, _, _ = driver.execute_query(
                    "CALL gds.pageRank.stream('launcher_probe') YIELD nodeId, score "
                    "RETURN gds.util.asNode(nodeId).n AS n, score ORDER BY score DESC"
                )
                assert records[0]["n"] == "b"
                assert records[0]["score"] > records[1]["score"]
                driver.execute_query("CALL gds.graph.drop('launcher_probe') YIELD graphName RETURN graphName")
    finally:
        server.stop()

    assert server._proc is not None
    assert server._proc.poll() is not None, "the JVM must have exited"
    assert not _port_open("127.0.0.1", port), "Bolt port still open after stop()"
    server.stop()  # idempotent


def test_home_mode_restarts_on_the_same_port_with_the_same_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    port = neo4j_launcher.free_port()
    server = neo4j_launcher.start(tmp_path / "neo4j", home=home, bolt_port=port)
    try:
        assert server.uri == f"bolt://127.0.0.1:{port}"
        with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
            driver.execute_query("CREATE (:LauncherPersist {name: $name})", name="kept")
    finally:
        server.stop()
    assert server._proc is not None
    assert server._proc.poll() is not None, "the JVM must have exited"
    assert not _port_open("127.0.0.1", port), "Bolt port still open after stop()"

    # Same home and port: the password is already set (idempotent) and the node is still there.
    again = neo4j_launcher.start(tmp_path / "neo4j", home=home, bolt_port=port)
    try:
        assert again.uri == server.uri
        with neo4j.GraphDatabase.driver(again.uri, auth=(again.user, again.password)) as driver:
            records, _, _ = driver.execute_query("MATCH (n:LauncherPersist) RETURN n.name AS name")
            assert [r["name"] for r in records] == ["kept"]
            records, _, _ = driver.execute_query("CALL gds.version() YIELD gdsVersion RETURN gdsVersion")
            assert again.gds
            assert again.gds_version == str(records[0]["gdsVersion"])
    finally:
        again.stop()
    assert not _port_open("127.0.0.1", port)


def test_external_server_stop_is_a_noop() -> None:
    server = neo4j_launcher.Neo4jServer(uri="bolt://127.0.0.1:1", user="neo4j", password="x", gds=False)
    server.stop()
    server.stop()
