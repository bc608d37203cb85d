"""The API's reads on both stores: the same answers from LadybugDB and Neo4j."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from api import create_app
from graph import GraphStore
from tests.api import market
from tests.api.conftest import LiveServer, make_keys, settings


@pytest.mark.parametrize("backend", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_same_answers_on_every_store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    # marked at collection, so ``-m "not neo4j"`` deselects the Neo4j case before it starts a server
    store: GraphStore = request.getfixturevalue(f"{backend}_store")
    market.build(store, n=6)
    keys = make_keys(tmp_path)
    app = create_app(store, settings(tmp_path), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:

        def ask(query: str, who: str = "admin", variables: dict[str, object] | None = None) -> object:
            body = client.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"authorization": f"Bearer {keys[who]}"},
            ).json()
            assert "errors" not in body, body
            return body["data"]

        page = ask(
            '{ companies(first: 3, filter: {nameContains: "medical", tier: ["A", "C"]}, '
            "orderBy: [{field: ANNUAL_REVENUE, direction: DESC}]) { totalCount nodes { key } } }"
        )
        assert page == {
            "companies": {"totalCount": 4, "nodes": [{"key": "E-002"}, {"key": "W-002"}, {"key": "E-000"}]}
        }
        rep = ask(
            '{ search(text: "medical") { key } companies { totalCount } person(key: "P-W-001-0") { key } }',
            "rep_east",
        )
        assert rep == {
            "search": [{"key": "E-000"}, {"key": "E-002"}, {"key": "E-004"}],
            "companies": {"totalCount": 6},
            "person": None,
        }
        nested = ask(
            '{ company(key: "E-001") { contacts { nodes { key employers { nodes { key } } } } '
            "signals { nodes { key } } decisionChain { role person { key } } "
            "purchaseSummary { lines amount product { key } } } }",
            "rep_east",
        )
        assert nested == {
            "company": {
                "contacts": {
                    "nodes": [
                        {"key": "P-E-001-0", "employers": {"nodes": [{"key": "E-001"}]}},
                        {"key": "P-E-001-1", "employers": {"nodes": [{"key": "E-001"}]}},
                    ]
                },
                "signals": {"nodes": [{"key": "S-E-001"}]},
                "decisionChain": [
                    {"role": "economic_buyer", "person": {"key": "P-E-001-0"}},
                    {"role": "user", "person": {"key": "P-E-001-1"}},
                ],
                "purchaseSummary": [{"lines": 1, "amount": 10.0, "product": {"key": "PRD-1"}}],
            }
        }
        ids = ask('{ a: company(key: "E-001") { id } b: company(key: "W-001") { id } }')
        path = "query($a: ID!, $b: ID!) { path(from: $a, to: $b) { length } }"
        variables = {"a": ids["a"]["id"], "b": ids["b"]["id"]}  # type: ignore[index]
        assert ask(path, "admin", variables) == {"path": {"length": 2}}
        assert ask(path, "rep_east", variables) == {"path": None}
