"""Analytics results served from the graph: ``analyze`` writes them, the API reads them
(cross-sell, decision chain, influence, RFM, signal evidence) through HTTP, batched and
inside the territory policy."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from starlette.applications import Starlette

from algorithms.market import load_market
from algorithms.paths import warm_intro_paths
from algorithms.run import analyze
from api import create_app
from api._relay import to_global_id
from graph import GraphStore
from graph.adapters.ladybug import LadybugStore
from tests.algorithms.small_market import write_small_market
from tests.api import market
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
    # roles named on deals: C1-1 decides C1's renewal; C0-0 also uses C0's new line
    store.upsert_nodes(
        "Opportunity", [{"id": "OPP-C0", "name": "New line"}, {"id": "OPP-C1", "name": "Renewal"}]
    )
    store.upsert_edges(
        "HAS_OPPORTUNITY", "Company", "Opportunity", [{"_from": c, "_to": f"OPP-{c}"} for c in ("C0", "C1")]
    )
    store.upsert_edges(
        "DECISION_ROLE",
        "Person",
        "Opportunity",
        [
            {"_from": "C1-1", "_to": "OPP-C1", "role": "decision_maker", "stance": "opponent"},
            {"_from": "C0-0", "_to": "OPP-C0", "role": "user", "stance": "neutral"},
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


def test_a_role_on_an_opportunity_is_a_role_in_the_accounts_chain(served: Api) -> None:
    chain = _account(served, "C1")["decisionChain"]
    assert [(m["person"]["key"], m["role"], m["stance"]) for m in chain] == [
        ("C1-1", "decision_maker", "opponent")
    ]


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
    assert chain[0]["stance"] == "supporter", "the account's economic buyer outweighs the deal's user"
    c1 = {m["person"]["key"]: m for m in _account(analysed, "C1")["decisionChain"]}
    assert c1["C1-1"]["role"] == "decision_maker" and c1["C1-1"]["rank"] == 1
    assert "decision maker" in c1["C1-1"]["reasons"]


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
    assert admin_words & hidden and "someone outside your territory" in rep_words
    assert not rep_words & hidden
    query = "{ companies(first: 50) { nodes { key recommendedProducts(first: 10) { totalCount } } } }"
    recommended = analysed.data(query, "rep_east")["companies"]["nodes"]
    assert {c["key"] for c in recommended} <= set(EAST)


def test_recommendation_edges_hide_other_territories_on_their_paths(analysed: Api) -> None:
    query = """{ companies(first: 12) { nodes { recommendedProducts(first: 5) { edges { paths
      node { recommendedTo(first: 12) { edges { paths node { key } } } } } } } } }"""

    def named(answer: Any) -> set[str]:
        edges = [e for c in answer["companies"]["nodes"] for e in c["recommendedProducts"]["edges"]]
        edges += [e for top in list(edges) for e in top["node"]["recommendedTo"]["edges"]]
        nodes = [n for e in edges for p in json.loads(e["paths"] or "[]") for n in p["nodes"]]
        return {f"{n[0]}:{n[1]}:{n[2]}" for n in nodes}

    west = {f"Company:{c}:Account {c[1:]}" for c in WEST}
    assert named(analysed.data(query)) & west
    seen = named(analysed.data(query, "rep_east"))
    outside = "Company:None:someone outside your territory"
    east = {f"Company:{c}:Account {c[1:]}" for c in EAST}
    assert outside in seen and {n for n in seen if n.startswith("Company:")} <= east | {outside}


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


# ---- network fields: warm introductions, influencers, similar accounts --------------------

WARM = """query($to: ID!, $first: Int) { warmIntroPaths(to: $to, first: $first) {
  cost length rep { key internal } target { key }
  hops { person { key } relationship forward strength lastContact } } }"""
INFLUENCERS = """query($scope: InfluencerScope, $first: Int) { influencers(scope: $scope, first: $first) {
  rank score networkInfluence networkRank brokerage reasons node { __typename key } } }"""
SIMILAR = '{ company(key: "E-001") { similar(first: 5) { rank score reasons company { key } } } }'


@pytest.fixture(scope="module")
def network_store() -> Iterator[LadybugStore]:
    store = LadybugStore().open()
    store.create_schema()
    market.build(store, n=6)
    market.build_network(store)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def network(network_store: LadybugStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NetworkApi]:
    data_dir = tmp_path_factory.mktemp("network")
    app = create_app(network_store, settings(data_dir, rate_burst=10_000, rate_limit=10_000), data_dir)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield NetworkApi(client, make_keys(data_dir), data_dir, app)


class NetworkApi(Api):
    def __init__(self, client: httpx.Client, keys: dict[str, str], data_dir: Path, app: Starlette) -> None:
        super().__init__(client, keys, data_dir)
        self.app = app

    def gid(self, label: str, key: str) -> str:
        return to_global_id(label, key)

    @property
    def warm_loads(self) -> int:
        return int(self.app.state.api.services.warm.loads)


def expected_paths(store: GraphStore, target: str, k: int) -> list[dict[str, Any]]:
    """What ``algorithms.paths`` finds on the whole market, in the API's shape."""
    full = load_market(store)
    strength = {(e.start[1], e.end[1]): e.props for e in full.edges["KNOWS"]}
    out = []
    for path in warm_intro_paths(full, target, k=k):
        hops = []
        for (rel, a, b), hop, node in zip(path.edges(), path.hops, path.nodes[1:], strict=True):
            edge = strength.get((a[1], b[1]), {}) if rel == "KNOWS" else {}
            last = edge.get("last_contact")
            hops.append(
                {
                    "person": {"key": node[1]},
                    "relationship": rel,
                    "forward": hop.forward,
                    "strength": edge.get("strength"),
                    "lastContact": last.isoformat() if last else None,
                }
            )
        rep = {"key": path.nodes[0][1], "internal": True}
        out.append(
            {"cost": path.cost, "length": len(hops), "rep": rep, "target": {"key": target}, "hops": hops}
        )
    return out


def check_network(ask: Callable[..., Any], store: GraphStore) -> None:
    """The network fields against the algorithm and the stored values (any store)."""
    target = to_global_id("Person", market.WARM_TARGET)
    paths = ask(WARM, "admin", {"to": target, "first": 10})["warmIntroPaths"]
    assert paths == expected_paths(store, market.WARM_TARGET, 10)
    assert len(paths) == 4 and paths[0]["rep"]["key"] == "R-W"  # the West rep's is the warmest
    assert [p["cost"] for p in paths] == sorted(p["cost"] for p in paths)
    assert ask(WARM, "admin", {"to": target, "first": 1})["warmIntroPaths"] == paths[:1]
    found = ask(INFLUENCERS, "admin", {})["influencers"]
    assert [(i["node"]["__typename"], i["node"]["key"]) for i in found] == [
        (lab, k) for lab, k, *_ in market.NETWORK
    ]
    assert [(i["score"], i["networkRank"], i["brokerage"]) for i in found] == [
        (inf, rank, b) for *_, inf, rank, b in market.NETWORK
    ]
    assert [i["rank"] for i in found] == list(range(1, 7)) and all(i["reasons"] == [] for i in found)
    west = ask(INFLUENCERS, "admin", {"scope": {"territory": "West"}})["influencers"]
    assert [i["node"]["key"] for i in west] == ["P-W-001-0", "W-002"]
    account = ask(INFLUENCERS, "admin", {"scope": {"account": to_global_id("Company", "E-005")}})
    assert [(i["node"]["key"], i["score"], i["reasons"]) for i in account["influencers"]] == [
        (key, score, reasons) for key, score, _, reasons in market.CHAIN
    ]
    similar = ask(SIMILAR)["company"]["similar"]
    assert similar == [
        {"rank": r, "score": s, "reasons": why, "company": {"key": k}} for k, s, r, why in market.SIMILAR
    ]


def test_network_fields_serve_the_algorithm_and_the_stored_analysis(
    network: NetworkApi, network_store: LadybugStore
) -> None:
    check_network(network.data, network_store)


LINK = """mutation($a: ID!, $b: ID!) { upsertRelationship(type: "KNOWS", from: $a, to: $b,
  properties: {strength: 1.0, lastContact: "2026-09-29"}) { type properties } }"""


def check_a_new_tie_is_walked(ask: Callable[..., Any]) -> list[dict[str, Any]]:
    """The East rep meets the target directly: the next search (as that rep) starts there."""
    target = to_global_id("Person", market.WARM_TARGET)
    before: list[dict[str, Any]] = ask(WARM, "rep_east", {"to": target})["warmIntroPaths"]
    made = ask(LINK, "rep_east", {"a": to_global_id("Person", "R-E"), "b": target})
    assert json.loads(made["upsertRelationship"]["properties"]) == {
        "last_contact": "2026-09-29",
        "strength": 1.0,
    }
    after = ask(WARM, "rep_east", {"to": target})["warmIntroPaths"]
    assert after[0]["length"] == 1 and after[0]["hops"][0]["strength"] == 1.0
    assert after[0]["cost"] < before[0]["cost"] and after[1:] == before[: len(after) - 1]
    return before


def test_the_people_graph_is_read_once_and_again_after_a_write(network: NetworkApi) -> None:
    target = network.gid("Person", market.WARM_TARGET)
    before = network.data(WARM, "rep_east", {"to": target})["warmIntroPaths"]
    loads = network.warm_loads
    assert network.data(WARM, "rep_east", {"to": target, "first": 2})["warmIntroPaths"] == before[:2]
    assert network.warm_loads == loads  # nothing written since: the graph is not read again
    assert check_a_new_tie_is_walked(network.data) == before
    assert network.warm_loads == loads + 1


def test_network_fields_refuse_bad_arguments(network: NetworkApi) -> None:
    company = network.gid("Company", "E-001")
    cases: list[tuple[str, dict[str, Any], str]] = [
        (WARM, {"to": company}, "to: warm introductions lead to a person"),
        (WARM, {"to": network.gid("Person", "R-E"), "first": 11}, "first must be between 1 and 10"),
        (INFLUENCERS, {"scope": {"account": company, "territory": "East"}}, "scope: give an account"),
        (INFLUENCERS, {"scope": {"account": network.gid("Person", "R-E")}}, "scope.account: not a company"),
    ]
    for query, variables, message in cases:
        body = network.post(query, "admin", variables).json()
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
        assert body["errors"][0]["message"].startswith(message), body
    unknown = network.gid("Person", "P-nobody")
    assert network.data(WARM, "admin", {"to": unknown}) == {"warmIntroPaths": []}


@pytest.mark.neo4j
def test_network_fields_on_neo4j(neo4j_store: GraphStore, tmp_path: Path) -> None:
    market.build(neo4j_store, n=6)
    market.build_network(neo4j_store)
    keys = make_keys(tmp_path)
    app = create_app(neo4j_store, settings(tmp_path), tmp_path)
    with LiveServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        api = Api(client, keys, tmp_path)
        check_network(api.data, neo4j_store)
        check_a_new_tie_is_walked(api.data)
