"""Analytics results served from the graph: ``analyze`` writes them, the API reads them
(cross-sell, decision chain, influence, RFM, signal evidence) through HTTP, batched and
inside the territory policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from algorithms.run import analyze
from api import create_app
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from tests.algorithms.small_market import write_small_market
from tests.api.conftest import Api, LiveServer, make_keys, settings
from tests.api.test_dataloaders import CountingStore

EAST = [f"C{i}" for i in range(6)]
WEST = [f"C{i}" for i in range(6, 12)]

ACCOUNT = """query($key: String!) {
  company(key: $key) {
    key
    rfm { tier recency frequency monetary recencyDays orders spend ltv community churnRisk }
    decisionChain { rank role stance influence reasons person { key influence { score rank reasons } } }
    crossSell(first: 3) {
      rank score explanation evidence paths kinds product { key name } contact { key }
    }
    signals(first: 20) { nodes { kind reason evidence lastDetectedAt detectedAt } }
  }
}"""


@pytest.fixture(scope="module")
def analysed_store() -> Iterator[LadybugStore]:
    store = LadybugStore().open()
    store.create_schema()
    write_small_market(store)
    store.upsert_nodes(
        "Company",
        [
            {"id": c, "name": f"Account {c[1:]}", "territory": "East" if c in EAST else "West"}
            for c in EAST + WEST
        ],
    )
    store.upsert_edges(
        "DECISION_ROLE",
        "Person",
        "Company",
        [
            {"_from": "C0-0", "_to": "C0", "role": "economic_buyer", "stance": "supporter"},
            {"_from": "C0-2", "_to": "C0", "role": "technical_evaluator"},
        ],
    )
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def served(analysed_store: LadybugStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data_dir = tmp_path_factory.mktemp("intelligence")
    keys = make_keys(data_dir)
    app = create_app(analysed_store, settings(data_dir, rate_burst=10_000, rate_limit=10_000), data_dir)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield Api(client, keys, data_dir)


def _account(api: Api, key: str, who: str = "admin") -> Any:
    return api.data(ACCOUNT, who, {"key": key})["company"]


def test_before_any_analysis_the_chain_is_role_based_and_nothing_else_is_served(served: Api) -> None:
    company = _account(served, "C0")
    chain = company["decisionChain"]
    assert [m["role"] for m in chain] == ["economic_buyer", "technical_evaluator"]
    assert all(m["rank"] is None and m["person"]["influence"] is None for m in chain)
    assert chain[0]["reasons"][0].startswith("role economic_buyer")
    assert company["crossSell"] == [] and company["rfm"] is None


@pytest.fixture(scope="module")
def analysed(served: Api, analysed_store: LadybugStore) -> Api:
    # after the test above: the same server now serves what the analysis wrote
    analyze(analysed_store, "all", "an-api")
    return served


def test_cross_sell_is_served_ranked_and_explained(analysed: Api) -> None:
    for key in ("C0", "C7"):
        items = _account(analysed, key)["crossSell"]
        assert items, key
        assert [i["rank"] for i in items] == list(range(1, len(items) + 1))
        assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
        for item in items:
            assert item["score"] > 0 and item["explanation"] and item["evidence"] and item["kinds"]
            assert item["product"]["name"].startswith("Product")
            assert item["paths"] and all(len(p) >= 3 for p in item["paths"])
            assert item["contact"] is not None and item["contact"]["key"].startswith(f"{key}-")
            assert item["paths"][-1][-1] == f"Account {key[1:]}"  # contact WORKS_AT the account


def test_decision_chain_and_influence_come_from_the_analysis(analysed: Api) -> None:
    chain = _account(analysed, "C0")["decisionChain"]
    assert [m["rank"] for m in chain] == [1, 2, 3]
    assert chain[0]["person"]["key"] == "C0-0"
    roles = {m["person"]["key"]: m["role"] for m in chain}
    assert roles == {"C0-0": "economic_buyer", "C0-1": "contact", "C0-2": "technical_evaluator"}
    for m in chain:
        assert m["reasons"] and m["person"]["influence"] == {
            "score": m["influence"],
            "rank": m["rank"],
            "reasons": m["reasons"],
        }
    assert "economic buyer" in chain[0]["reasons"]


def test_rfm_and_signal_evidence_are_served(analysed: Api) -> None:
    company = _account(analysed, "C1")
    rfm = company["rfm"]
    assert rfm["tier"] in ("loyal high-value", "growth potential", "at risk", "dormant")
    assert all(1 <= rfm[k] <= 5 for k in ("recency", "frequency", "monetary"))
    assert rfm["ltv"] >= 0 and rfm["orders"] >= 0 and rfm["community"] is not None
    assert 0.0 <= rfm["churnRisk"] <= 1.0
    signals = company["signals"]["nodes"]
    assert signals
    for s in signals:
        evidence = json.loads(s["evidence"])
        assert evidence["refs"] and s["lastDetectedAt"] == s["detectedAt"]


def test_a_rep_sees_intelligence_only_inside_their_territory(analysed: Api) -> None:
    assert _account(analysed, "C7", "rep_east") is None
    admin = _account(analysed, "C0")
    mine = _account(analysed, "C0", "rep_east")
    assert mine["rfm"] == admin["rfm"] and mine["decisionChain"] == admin["decisionChain"]
    assert [i["product"] for i in mine["crossSell"]] == [i["product"] for i in admin["crossSell"]]
    # explanation paths name other accounts (peers, the competitor's vendor): hidden from a
    # rep unless inside their territory
    hidden = {f"Account {c[1:]}" for c in WEST} | {"Rival"}
    admin_words: set[str] = set()
    rep_words: set[str] = set()
    for key in EAST:
        admin_words |= {w for i in _account(analysed, key)["crossSell"] for p in i["paths"] for w in p}
        rep_words |= {
            w for i in _account(analysed, key, "rep_east")["crossSell"] for p in i["paths"] for w in p
        }
    assert admin_words & hidden and "(another account)" in rep_words
    assert not rep_words & hidden
    query = "{ companies(first: 50) { nodes { key recommendedProducts(first: 10) { totalCount } } } }"
    recommended = analysed.data(query, "rep_east")["companies"]["nodes"]
    assert {c["key"] for c in recommended} <= set(EAST)


def test_cross_sell_and_chains_are_batched(
    analysed: Api, analysed_store: LadybugStore, tmp_path: Path
) -> None:
    keys = make_keys(tmp_path)
    counting = CountingStore(analysed_store)
    app = create_app(cast(GraphStore, counting), settings(tmp_path), tmp_path)
    query = """query($n: Int) { companies(first: $n, filter: {territory: ["East", "West"]}) { nodes {
      key rfm { tier } crossSell(first: 3) { score paths contact { key } product { name } }
      decisionChain { rank person { key influence { rank } } } } } }"""
    reads = {}
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        headers = {"authorization": f"Bearer {keys['rep_east']}"}
        for size in (2, 6):
            counting.reads = 0
            response = client.post(
                "/graphql", json={"query": query, "variables": {"n": size}}, headers=headers
            )
            body = response.json()
            assert "errors" not in body, body
            nodes = body["data"]["companies"]["nodes"]
            assert len(nodes) == size and all(n["crossSell"] and n["decisionChain"] for n in nodes)
            reads[size] = counting.reads
    # page; recommendations and the visibility of their path nodes (accounts, people);
    # decision people; products; people (contacts and chain members, one batch or two,
    # as the event loop schedules them): whatever the page size
    assert max(reads.values()) <= 8, reads
