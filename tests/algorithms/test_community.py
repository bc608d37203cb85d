"""Louvain communities: invariants, and modularity against networkx's Louvain."""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from algorithms._sparse import adjacency
from algorithms.community import louvain, modularity

Graph = Any


def undirected(g: Graph) -> tuple[list[Any], sp.csr_array]:
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    edges = list(g.edges(data="weight", default=1.0))
    return nodes, adjacency(
        len(nodes),
        [index[u] for u, _, _ in edges],
        [index[v] for _, v, _ in edges],
        [float(w) for _, _, w in edges],
        directed=False,
    )


GRAPHS = {
    "karate": nx.karate_club_graph,
    "les_miserables": nx.les_miserables_graph,
    "florentine": nx.florentine_families_graph,
    "random_3k": lambda: nx.gnm_random_graph(3_000, 15_000, seed=3),
    "planted_partition": lambda: nx.planted_partition_graph(20, 50, 0.3, 0.005, seed=4),
}


@pytest.mark.parametrize("name", GRAPHS)
def test_modularity_equals_networkx_for_the_same_partition(name: str) -> None:
    g = GRAPHS[name]()
    nodes, adj = undirected(g)
    labels = louvain(adj, seed=1)
    parts = [{nodes[i] for i in np.flatnonzero(labels == c)} for c in range(labels.max() + 1)]
    assert modularity(adj, labels) == pytest.approx(nx.community.modularity(g, parts), abs=1e-9)


@pytest.mark.parametrize("name", GRAPHS)
def test_louvain_modularity_is_within_two_percent_of_networkx(name: str) -> None:
    g = GRAPHS[name]()
    nodes, adj = undirected(g)
    ref = nx.community.modularity(g, nx.community.louvain_communities(g, seed=1))
    labels = louvain(adj, seed=1)
    ours = modularity(adj, labels)
    assert ours >= ref * 0.98, (ours, ref)
    assert sorted(np.unique(labels).tolist()) == list(range(labels.max() + 1))
    assert ours > modularity(adj, np.arange(len(nodes)))


def test_louvain_is_reproducible_per_seed_and_finds_planted_blocks() -> None:
    g = nx.planted_partition_graph(4, 25, 0.5, 0.01, seed=9)
    _, adj = undirected(g)
    labels = louvain(adj, seed=2)
    assert np.array_equal(labels, louvain(adj, seed=2))
    for block in range(4):
        assert len(set(labels[block * 25 : (block + 1) * 25].tolist())) == 1


def test_self_loops_count_once_internally_twice_in_degree() -> None:
    g = nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 3)])
    _, adj = undirected(g)
    labels = np.array([0, 0, 0, 1])
    assert modularity(adj, labels) == pytest.approx(nx.community.modularity(g, [{0, 1, 2}, {3}]))
