"""The GDS executor on the real Neo4j server agrees with the in-process algorithms."""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from algorithms._sparse import projection_adjacency
from algorithms.centrality import betweenness, pagerank
from algorithms.community import louvain, modularity
from algorithms.gds import GdsExecutor
from graph import Projection
from graph.adapters.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


def _load_karate(store: Neo4jStore) -> None:
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


@pytest.fixture
def karate(neo4j_store: Neo4jStore) -> tuple[GdsExecutor, Projection]:
    _load_karate(neo4j_store)
    return GdsExecutor(neo4j_store), neo4j_store.project(["Person"], ["KNOWS"])


def _adjacency(p: Projection, weighted: bool) -> sp.csr_array:
    return projection_adjacency(p, directed=False, weighted=weighted)


def test_pagerank_on_gds_equals_in_process(karate: tuple[GdsExecutor, Projection]) -> None:
    gds, p = karate
    ours = pagerank(_adjacency(p, weighted=True), tol=1e-12, max_iter=500)
    theirs = gds.pagerank(["Person"], ["KNOWS"], undirected=True)
    got = np.array([theirs[("Person", k)] for k in p.keys])
    assert np.abs(got - ours).max() < 1e-5


def test_betweenness_on_gds_equals_in_process(karate: tuple[GdsExecutor, Projection]) -> None:
    gds, p = karate
    ours = betweenness(_adjacency(p, weighted=False), directed=False, normalized=False)
    theirs = gds.betweenness(["Person"], ["KNOWS"], undirected=True)
    got = np.array([theirs[("Person", k)] for k in p.keys])
    assert np.abs(got - ours).max() < 1e-6


def test_louvain_on_gds_reaches_in_process_modularity(karate: tuple[GdsExecutor, Projection]) -> None:
    gds, p = karate
    adj = _adjacency(p, weighted=True)
    theirs = gds.louvain(["Person"], ["KNOWS"])
    q_gds = modularity(adj, [theirs[("Person", k)] for k in p.keys])
    q_ours = modularity(adj, louvain(adj, seed=1))
    assert abs(q_gds - q_ours) <= 0.02 * q_ours, (q_gds, q_ours)
