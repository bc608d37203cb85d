"""GDS in the Neo4j adapter, on the real server, against networkx and the in-process code
(karate club; the sample market's comparisons are in ``test_gds_market.py``)."""

from __future__ import annotations

from itertools import islice
from typing import Any

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from algorithms._sparse import projection_adjacency
from algorithms.centrality import betweenness, pagerank
from algorithms.community import louvain, modularity
from algorithms.gds import GdsExecutor
from algorithms.market import load_market
from algorithms.paths import GraphPath
from graph import Projection
from graph.adapters.neo4j import Gds, Neo4jStore

pytestmark = pytest.mark.neo4j


def _load_karate(store: Neo4jStore) -> Any:
    g: Any = nx.karate_club_graph()
    provenance = {"source": "test", "run_id": "t"}
    store.upsert_nodes(
        "Person", [{"id": f"k{v}", "name": f"member {v}", "source_key": str(v), **provenance} for v in g]
    )
    store.upsert_edges(
        "KNOWS",
        "Person",
        "Person",
        [
            {"_from": f"k{u}", "_to": f"k{v}", "strength": w / 10, "source_key": f"{u}-{v}", **provenance}
            for u, v, w in g.edges(data="weight")
        ],
    )
    return g


@pytest.fixture
def karate(neo4j_store: Neo4jStore) -> tuple[Gds, Projection]:
    _load_karate(neo4j_store)
    gds = neo4j_store.gds()
    assert gds is not None, "the test server loads OpenGDS"
    return gds, neo4j_store.project(["Person"], ["KNOWS"])


def _adjacency(p: Projection, weighted: bool) -> sp.csr_array:
    return projection_adjacency(p, directed=False, weighted=weighted)


def test_gds_is_detected_once_per_store(neo4j_store: Neo4jStore) -> None:
    gds = neo4j_store.gds()
    assert gds is not None and gds.version.startswith("2.")
    assert neo4j_store.gds() is gds


def test_pagerank_on_gds_equals_in_process(karate: tuple[Gds, Projection]) -> None:
    gds, p = karate
    ours = pagerank(_adjacency(p, weighted=True), tol=1e-12, max_iter=500)
    with gds.project(["KNOWS"], undirected=True) as graph:
        assert (graph.node_count, graph.relationship_count) == (34, 2 * 78)  # both directions
        theirs = graph.pagerank()
    got = np.array([theirs[("Person", k)] for k in p.keys])
    assert np.abs(got - ours).max() < 1e-9


def test_betweenness_on_gds_equals_in_process(karate: tuple[Gds, Projection]) -> None:
    gds, p = karate
    ours = betweenness(_adjacency(p, weighted=False), directed=False, normalized=False)
    with gds.project(["KNOWS"], undirected=True, weighted=False, simple=True) as graph:
        theirs = graph.betweenness()
    got = np.array([theirs[("Person", k)] for k in p.keys])
    assert np.abs(got - ours).max() < 1e-9


def test_louvain_on_gds_reaches_in_process_modularity(karate: tuple[Gds, Projection]) -> None:
    gds, p = karate
    adj = _adjacency(p, weighted=True)
    with gds.project(["KNOWS"], undirected=True) as graph:
        theirs = graph.louvain()
    q_gds = modularity(adj, [theirs[("Person", k)] for k in p.keys])
    q_ours = modularity(adj, louvain(adj, seed=1))
    assert abs(q_gds - q_ours) <= 0.02 * q_ours, (q_gds, q_ours)


def test_k_shortest_paths_on_gds_equal_networkx(neo4j_store: Neo4jStore) -> None:
    """Yen's k shortest loopless paths and Dijkstra on costs the caller derives, against
    networkx's ``shortest_simple_paths`` on the same directed costs."""
    g = _load_karate(neo4j_store)
    gds = neo4j_store.gds()
    assert gds is not None
    cost = {(u, v): 1 / w for u, v, w in g.edges(data="weight")}
    cost |= {(v, u): c for (u, v), c in cost.items()}
    edges = [(f"k{u}", f"k{v}", c) for (u, v), c in sorted(cost.items())]
    ref = nx.DiGraph()
    ref.add_weighted_edges_from(edges)
    with gds.project_edges("Person", edges) as graph:
        for target in ("k33", "k26", "k9"):
            expected = list(islice(nx.shortest_simple_paths(ref, "k16", target, weight="weight"), 4))
            found = graph.k_shortest_paths(("Person", "k16"), ("Person", target), 4)
            want = [nx.path_weight(ref, path, "weight") for path in expected]
            assert [p.cost for p in found] == pytest.approx(want, abs=1e-9)
            assert [n for _, n in found[0].nodes] == expected[0]
            best = graph.shortest_path(("Person", "k16"), ("Person", target))
            assert best is not None and best.cost == pytest.approx(want[0], abs=1e-9)
        hops = graph.shortest_path(("Person", "k16"), ("Person", "k33"), weighted=False)
        assert hops is not None and hops.cost == nx.shortest_path_length(ref, "k16", "k33")


def test_a_node_outside_the_projection_has_no_path(neo4j_store: Neo4jStore) -> None:
    _load_karate(neo4j_store)
    neo4j_store.upsert_nodes("Person", [{"id": "hermit", "name": "Hermit"}])
    gds = neo4j_store.gds()
    assert gds is not None
    with gds.project(["KNOWS"], undirected=True) as graph:
        assert graph.shortest_path(("Person", "k0"), ("Person", "hermit")) is None
        assert graph.k_shortest_paths(("Person", "hermit"), ("Person", "k0"), 2) == []
    with gds.project(["REFERRED"]) as empty:
        assert empty.node_count == 0 and empty.pagerank() == {}


def test_the_gds_executor_on_an_empty_graph(neo4j_store: Neo4jStore) -> None:
    neo4j_store.upsert_nodes("Person", [{"id": "R1", "name": "Rep", "internal": True}])
    gds = neo4j_store.gds()
    assert gds is not None
    executor, market = GdsExecutor(gds), load_market(neo4j_store)
    assert executor.network_influence(market) == []
    assert executor.similar_accounts(market, top=10) == {}
    assert executor.account_communities(market) == {}
    assert executor.warm_intro_paths(market, "R1") == [GraphPath((("Person", "R1"),), (), 0.0)]
    assert executor.shortest_path(market, ("Person", "R1"), ("Person", "nobody")) is None
