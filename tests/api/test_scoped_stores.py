"""Scope and ordering answers the graph layer renders, over HTTP on both stores: a
territory filter places no one through an employer out of scope; nulls sort last."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api import create_app
from graph import GraphStore
from tests.api import market
from tests.api.conftest import LiveServer, make_keys, settings

Ask = Callable[[str, str, dict[str, Any] | None], Any]
BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def ask(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ask]:
    store: GraphStore = request.getfixturevalue(f"{request.param}_store")
    market.build(store, n=6)
    _mover(store)
    for key, risk in (("E-001", 0.2), ("W-002", 0.9), ("E-003", 0.5)):
        market.set_props(store, "Company", key, churn_risk=risk)
    keys = make_keys(tmp_path)
    app = create_app(store, settings(tmp_path), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:

        def post(query: str, who: str, variables: dict[str, Any] | None = None) -> Any:
            headers = {"authorization": f"Bearer {keys[who]}"}
            body = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
            assert "errors" not in body.json(), body.json()
            return body.json()["data"]

        yield post


def _mover(store: GraphStore) -> None:
    """A contact the East rep knows from a past job at an East account, now at a West one."""
    person = {"id": "P-MOVER", "name": "Mo Ver", "network_influence": 0.9, "network_rank": 1}
    store.upsert_nodes("Person", [person | market.PROV])
    jobs = [
        {"_from": "P-MOVER", "_to": "E-001", "current": False, "until": dt.date(2025, 1, 1)},
        {"_from": "P-MOVER", "_to": "W-001", "current": True},
    ]
    store.upsert_edges("WORKS_AT", "Person", "Company", [j | market.PROV for j in jobs])


def test_a_territory_filter_places_no_one_through_an_employer_out_of_scope(ask: Ask) -> None:
    query = "query($t: String) { influencers(scope: {territory: $t}, first: 50) { node { key } } }"

    def found(who: str, territory: str) -> set[str]:
        return {r["node"]["key"] for r in ask(query, who, {"t": territory})["influencers"]}

    assert "P-MOVER" in found("admin", "West") and "P-MOVER" in found("rep_west", "West")
    assert ask('{ person(key: "P-MOVER") { key } }', "rep_east", None) == {"person": {"key": "P-MOVER"}}
    assert "P-MOVER" not in found("rep_east", "West") | found("rep_east", "East")


def test_nulls_come_last_in_either_direction(ask: Ask) -> None:
    """Companies by churn risk, highest first, start with the scored ones."""
    query = (
        "query($d: SortDirection) { companies(first: 100, orderBy: [{field: CHURN_RISK, direction: $d}]) "
        "{ nodes { key churnRisk } } }"
    )
    for direction in ("DESC", "ASC"):
        nodes = ask(query, "admin", {"d": direction})["companies"]["nodes"]
        risks = [n["churnRisk"] for n in nodes]
        scored = [r for r in risks if r is not None]
        assert risks == scored + [None] * (len(risks) - len(scored)), direction
        assert scored == sorted(scored, reverse=direction == "DESC") and len(scored) == 3
