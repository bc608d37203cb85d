"""The server-side executor: the whole-graph algorithms run by Neo4j's Graph Data Science.

Each method projects what its in-process twin reads from the snapshot, with the same
definitions taken from the same place: the network's types and directions
(``influence.NETWORK_TYPES`` / ``NETWORK_REVERSED``), product weights
(``Baskets.product_weights``), step costs (``paths.relationship_cost`` through
``paths.people_graph``). The projections and the Cypher behind them live in the Neo4j
adapter (``graph.adapters.neo4j.Gds``); what comes back is put in the in-process
results' shape, scale and order, so the two agree within floating-point tolerance:

- PageRank: normalised GDS PageRank (see ``GdsGraph.pagerank``);
- betweenness: exact below ``EXACT_BETWEENNESS_LIMIT`` nodes, normalised as networkx;
  above it GDS samples its own pivots (seeded), so the estimate differs from ours;
- similar accounts: GDS cosine node similarity over PURCHASED of our products, each
  edge weighted by its product's inverse popularity, i.e. ``account_similarity``;
- communities: that similarity's top-k graph made undirected (the larger score per
  pair), then Louvain; equal in modularity, not label for label;
- warm intros: Yen's k shortest paths from each rep over the same people graph and
  costs, merged; paths longer than ``max_hops`` are dropped rather than avoided;
- shortest path: Dijkstra on hop counts over an undirected projection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from algorithms import influence, paths, segments
from algorithms.centrality import EXACT_BETWEENNESS_LIMIT
from algorithms.executors import Executor
from algorithms.market import Market
from graph import NodeRef
from graph.adapters.neo4j import Gds

__all__ = ["GdsExecutor"]

#: similar accounts asked of GDS per requested one, so ties at the cut are ranked by key here
SIMILAR_MARGIN = 2


class GdsExecutor(Executor):
    """The algorithms inside the Neo4j server that holds the graph."""

    def __init__(self, gds: Gds) -> None:
        self.gds = gds
        self.name = f"gds {gds.version}"

    def network_influence(self, market: Market, *, seed: int = 0) -> list[influence.NetworkInfluence]:
        types, reverse = influence.NETWORK_TYPES, influence.NETWORK_REVERSED
        with self.gds.project(types, reverse=reverse) as graph:
            ranks = graph.pagerank(tol=influence.PAGERANK_TOL, max_iter=influence.PAGERANK_MAX_ITER)
        n = len(ranks)
        if n == 0:
            return []
        pivots = EXACT_BETWEENNESS_LIMIT // 10 if n > EXACT_BETWEENNESS_LIMIT else n
        with self.gds.project(types, undirected=True, weighted=False, simple=True) as graph:
            raw = graph.betweenness(sampling_size=pivots if pivots < n else None, seed=seed)
        # GDS sums the sampled sources' dependencies; networkx scales them up by n / k and
        # normalises undirected counts by the (n - 1)(n - 2) / 2 pairs a node can sit between
        scale = (n / pivots) * (2 / ((n - 1) * (n - 2)) if n > 2 else 1.0)
        return influence.ranked_network(ranks, {ref: value * scale for ref, value in raw.items()})

    def _weighted_baskets(self, market: Market) -> tuple[list[str], dict[str, float]]:
        baskets, _ = segments.account_similarity(market)
        weights = dict(zip(baskets.products, baskets.product_weights().tolist(), strict=True))
        return baskets.accounts, weights

    def similar_accounts(self, market: Market, *, top: int) -> dict[str, list[tuple[str, float]]]:
        _, weights = self._weighted_baskets(market)
        with self.gds.project_bipartite("PURCHASED", "Company", "Product", weights) as graph:
            pairs = graph.node_similarity(metric="COSINE", top_k=top * SIMILAR_MARGIN)
        found: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for (_, a), (_, b), score in pairs:
            found[a].append((b, score))
        ranked = {a: segments.best_similar(scores, top) for a, scores in sorted(found.items())}
        return {a: scores for a, scores in ranked.items() if scores}

    def account_communities(self, market: Market, *, neighbours: int = 10, seed: int = 0) -> dict[str, int]:
        """``seed`` is unused: GDS's Louvain is deterministic single-threaded."""
        accounts, weights = self._weighted_baskets(market)
        found: dict[NodeRef, int] = {}
        with self.gds.project_bipartite("PURCHASED", "Company", "Product", weights) as graph:
            if graph.add_similarity("SIMILAR", metric="COSINE", top_k=neighbours):
                graph.add_undirected("SIMILAR", "SIMILAR_EITHER")
                found = graph.louvain(
                    relationship_types=["SIMILAR_EITHER"], node_labels=["Company"], weight="score"
                )
        members: dict[object, list[str]] = defaultdict(list)
        for (_, key), community in found.items():
            members[community].append(key)
        # accounts that share nothing with anyone, or buy none of our products, stand alone
        members |= {("alone", a): [a] for a in accounts if ("Company", a) not in found}
        ordered = sorted((sorted(keys) for keys in members.values()), key=lambda keys: (-len(keys), keys[0]))
        label = {key: i for i, keys in enumerate(ordered) for key in keys}
        return {a: label[a] for a in accounts}

    def warm_intro_paths(
        self, market: Market, target: str, *, k: int = 3, max_hops: int = 4
    ) -> list[paths.GraphPath]:
        graph, reps = paths.people_graph(market), market.reps()
        found = [paths.GraphPath((("Person", target),), (), 0.0)] if target in reps else []
        # a path may end at a rep but not pass through one, as in ``paths.warm_intro_paths``
        steps = {(s, t): hop for s, out in graph.items() for t, _, hop in out if t not in reps or t == target}
        edges = [(s, t, cost) for s, out in sorted(graph.items()) for t, cost, _ in out if (s, t) in steps]
        joined = {s for s, _, _ in edges} | {t for _, t, _ in edges}
        if target not in joined:
            return found[:k]
        with self.gds.project_edges("Person", edges) as projection:
            for rep in sorted((reps & joined) - {target}):
                found += [
                    _intro(p.nodes, p.cost, steps)
                    for p in projection.k_shortest_paths(("Person", rep), ("Person", target), k)
                    if len(p.nodes) - 1 <= max_hops
                ]
        return sorted(found, key=lambda p: (p.cost, p.nodes))[:k]

    def shortest_path(
        self,
        market: Market,
        start: NodeRef,
        end: NodeRef,
        *,
        max_depth: int = 4,
        rel_types: Iterable[str] | None = None,
    ) -> paths.GraphPath | None:
        types = sorted(set(rel_types) if rel_types is not None else set(market.edges))
        if start == end:
            return paths.GraphPath((start,), (), 0.0)
        with self.gds.project(types, undirected=True, weighted=False) as graph:
            found = graph.shortest_path(start, end, weighted=False)
        if found is None or len(found.nodes) - 1 > max_depth:
            return None
        return paths.path_through(market, found.nodes, rel_types=types, cost=float(len(found.nodes) - 1))


def _intro(
    nodes: tuple[NodeRef, ...], cost: float, steps: dict[tuple[str, str], paths.Hop]
) -> paths.GraphPath:
    hops = tuple(steps[(a[1], b[1])] for a, b in pairwise(nodes))
    return paths.GraphPath(nodes, hops, round(cost, 6))
