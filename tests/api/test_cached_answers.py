"""Cached answers through HTTP: reused while the graph is unchanged, never across callers,
fresh after any write (this process's at once, another process's within the interval),
and the PII audit still sees every read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api import create_app
from api._relay import to_global_id
from api._state import ApiState
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from graph.adapters.neo4j import Neo4jStore
from tests.api import market
from tests.api.conftest import LiveServer, make_keys, settings
from tools import neo4j_launcher

SIGNAL = '{ company(key: "E-001") { signals(first: 5) { nodes { id status } } } }'
CONTACT = '{ person(key: "P-E-001-0") { email } }'


class Served:
    def __init__(self, client: httpx.Client, keys: dict[str, str], state: ApiState, data_dir: Path) -> None:
        self.client, self.keys, self.state, self.data_dir = client, keys, state, data_dir

    def body(self, query: str, who: str) -> bytes:
        response = self.client.post(
            "/graphql",
            json={"query": query},
            headers={"authorization": f"Bearer {self.keys[who]}", "accept": "application/json"},
        )
        assert response.status_code == 200 and b'"errors"' not in response.content, response.text
        return response.content

    def data(self, query: str, who: str) -> object:
        return json.loads(self.body(query, who))["data"]


def _serve(store: GraphStore, data_dir: Path, **overrides: object) -> Iterator[Served]:
    keys = make_keys(data_dir)
    app = create_app(store, settings(data_dir, rate_burst=10_000, rate_limit=10_000, **overrides), data_dir)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield Served(client, keys, app.state.api, data_dir)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    store = LadybugStore().open()
    store.create_schema()
    market.build(store)
    try:
        yield from _serve(store, tmp_path)
    finally:
        store.close()


def test_a_repeated_query_is_answered_from_the_cache_until_a_mutation(served: Served) -> None:
    cache = served.state.responses
    first = served.body(SIGNAL, "admin")
    assert served.body(SIGNAL, "admin") == first
    assert cache.hits == 1

    signal_id = to_global_id("Signal", "S-E-001")
    served.data(f'mutation {{ acknowledgeSignal(id: "{signal_id}") {{ status }} }}', "admin")
    after = served.data(SIGNAL, "admin")
    assert after == {"company": {"signals": {"nodes": [{"id": signal_id, "status": "acknowledged"}]}}}
    assert cache.hits == 1  # the write emptied the cache: that was a fresh answer


def test_callers_never_share_an_answer(served: Served) -> None:
    west = '{ company(key: "W-001") { key } }'
    assert served.data(west, "rep_west") == {"company": {"key": "W-001"}}
    assert served.data(west, "rep_east") == {"company": None}
    masked = served.data(CONTACT, "analyst")
    clear = served.data(CONTACT, "analyst_pii")
    assert masked != clear
    assert served.data(CONTACT, "analyst") == masked  # a hit, still masked
    assert served.state.responses.hits == 1


def test_every_cached_pii_read_is_audited(served: Served) -> None:
    for _ in range(3):
        served.data(CONTACT, "analyst_pii")
    assert served.state.responses.hits == 2
    log = (served.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    reads = [e for e in map(json.loads, log.splitlines()) if e["action"] == "pii_read"]
    assert [r["fields"] for r in reads] == [{"Person.email": 1}] * 3
    assert "c0.e-001@client.example" not in log


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    store = LadybugStore().open()
    store.create_schema()
    market.build(store)
    try:
        for served in _serve(store, tmp_path, response_cache_mb=0):
            served.data(SIGNAL, "admin")
            served.data(SIGNAL, "admin")
            assert served.state.responses.hits == 0
    finally:
        store.close()


@pytest.mark.neo4j
def test_a_write_by_another_process_is_seen_within_the_check_interval(
    neo4j_store: Neo4jStore, neo4j_server: neo4j_launcher.Neo4jServer, tmp_path: Path
) -> None:
    market.build(neo4j_store)
    name = '{ company(key: "E-001") { name } }'
    for served in _serve(neo4j_store, tmp_path, store_check_interval=0):
        before = served.data(name, "admin")
        assert served.data(name, "admin") == before
        assert served.state.responses.hits == 1
        other = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password).open()
        try:
            renamed = {"id": "E-001", "name": "Renamed Elsewhere", **market.PROV, "source_key": "E-001"}
            other.upsert_nodes("Company", [renamed])
        finally:
            other.close()
        assert served.data(name, "admin") == {"company": {"name": "Renamed Elsewhere"}}
