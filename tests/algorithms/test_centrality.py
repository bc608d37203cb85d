"""PageRank and betweenness against networkx's reference implementations."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from algorithms._sparse import adjacency
from algorithms.centrality import betweenness, pagerank, sample_pivots
from algorithms.errors import EmptyGraph

Graph = Any  # networkx ships no type information


def _weighted_florentine() -> Graph:
    g = nx.florentine_families_graph()
    rng = random.Random(3)
    for u, v in g.edges:
        g[u][v]["weight"] = rng.uniform(0.5, 3.0)
    return g


def _random_digraph(nodes: int, edges: int, seed: int) -> Graph:
    g = nx.gnm_random_graph(nodes, edges, seed=seed, directed=True)
    rng = np.random.default_rng(seed)
    for u, v in g.edges:
        g[u][v]["weight"] = float(rng.uniform(0.1, 5.0))
    return g


GRAPHS: dict[str, Callable[[], Graph]] = {
    "karate": nx.karate_club_graph,
    "les_miserables": nx.les_miserables_graph,
    "florentine": _weighted_florentine,
    "random_digraph_100k": lambda: _random_digraph(20_000, 100_000, seed=1),
}


def arrays(g: Graph, weight: str | None = "weight") -> tuple[list[Any], sp.csr_array]:
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    edges = list(g.edges(data=weight, default=1.0)) if weight else [(u, v, 1.0) for u, v in g.edges]
    src = [index[u] for u, _, _ in edges]
    dst = [index[v] for _, v, _ in edges]
    wts = [float(w) for _, _, w in edges]
    return nodes, adjacency(len(nodes), src, dst, wts, directed=g.is_directed())


@pytest.mark.parametrize("name", GRAPHS)
def test_pagerank_equals_networkx(name: str) -> None:
    g = GRAPHS[name]()
    nodes, adj = arrays(g)
    ours = pagerank(adj)
    ref = nx.pagerank(g)
    assert np.abs(ours - np.array([ref[v] for v in nodes])).max() < 1e-6


@pytest.mark.parametrize("name", ["karate", "les_miserables", "random_digraph_100k"])
def test_personalised_pagerank_with_dangling_equals_networkx(name: str) -> None:
    g = GRAPHS[name]()
    nodes, adj = arrays(g)
    rng = np.random.default_rng(5)
    seeds = {v: float(rng.uniform()) for v in rng.choice(len(nodes), 10, replace=False).tolist()}
    personal = {nodes[i]: w for i, w in seeds.items()}
    dangling = {v: 1.0 + i % 3 for i, v in enumerate(nodes)}
    ref = nx.pagerank(g, alpha=0.9, personalization=personal, dangling=dangling)
    ours = pagerank(
        adj,
        alpha=0.9,
        personalization=[personal.get(v, 0.0) for v in nodes],
        dangling=[dangling[v] for v in nodes],
    )
    assert np.abs(ours - np.array([ref[v] for v in nodes])).max() < 1e-6


def test_pagerank_handles_dangling_nodes_like_networkx() -> None:
    g = nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3), (4, 3)])
    nodes, adj = arrays(g)
    ref = nx.pagerank(g)
    assert np.allclose(pagerank(adj), [ref[v] for v in nodes], atol=1e-9)


@pytest.mark.parametrize("name", ["karate", "les_miserables", "florentine"])
def test_exact_betweenness_equals_networkx(name: str) -> None:
    g = GRAPHS[name]()
    nodes, adj = arrays(g, weight=None)
    ref = nx.betweenness_centrality(g)
    ours = betweenness(adj, directed=False)
    assert np.abs(ours - np.array([ref[v] for v in nodes])).max() < 1e-6


def test_directed_betweenness_equals_networkx() -> None:
    g = nx.gnm_random_graph(400, 2_000, seed=2, directed=True)
    nodes, adj = arrays(g, weight=None)
    ref = nx.betweenness_centrality(g)
    assert np.abs(betweenness(adj) - np.array([ref[v] for v in nodes])).max() < 1e-6


def test_sampled_betweenness_on_100k_edges_equals_networkx_with_the_same_pivots() -> None:
    g = nx.gnm_random_graph(20_000, 100_000, seed=4)
    nodes, adj = arrays(g, weight=None)
    assert nodes == list(range(len(nodes)))
    ref = nx.betweenness_centrality(g, k=16, seed=11)
    ours = betweenness(adj, directed=False, sources=sample_pivots(len(nodes), 16, seed=11))
    assert np.abs(ours - np.array([ref[v] for v in nodes])).max() < 1e-6
    assert np.array_equal(ours, betweenness(adj, directed=False, k=16, seed=11))


def test_empty_graph_is_refused() -> None:
    with pytest.raises(EmptyGraph):
        pagerank(adjacency(0, [], []))
    with pytest.raises(EmptyGraph):
        betweenness(adjacency(0, [], []))
