"""Graph algorithms on a large projection: ours vs igraph (and networkx for sampled
betweenness, with the same pivots), measured in the same run.

A random graph with planted communities (blocks of 500 people, 80 % of KNOWS edges
inside a block, strengths in 0..1) is written to an embedded store. Then, for each
algorithm, "ours" = ``store.project`` + the scipy implementation in ``algorithms``,
and "baseline" = building an igraph graph from the same arrays + igraph's algorithm
(PageRank: PRPACK; Louvain: ``community_multilevel``). Betweenness is sampled: both
sides use the same pivots; the baseline is networkx (igraph has no pivot sampling).
Prints seconds and the ratio ours/baseline, plus modularity for Louvain.

    python benchmarks/algorithms_graph.py                 # 1M edges
    python benchmarks/algorithms_graph.py --edges 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from algorithms._sparse import adjacency, projection_adjacency
from algorithms.centrality import betweenness, pagerank, sample_pivots
from algorithms.community import louvain, modularity
from graph import Projection
from graph.adapters.ladybug import LadybugStore

BLOCK = 500
NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def planted_graph(edges: int, seed: int = 7) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = max(edges // 5, BLOCK * 2)
    src = rng.integers(0, n, edges)
    inside = rng.random(edges) < 0.8
    dst = np.where(inside, src - src % BLOCK + rng.integers(0, BLOCK, edges), rng.integers(0, n, edges))
    dst = np.minimum(dst, n - 1)
    keep = src != dst
    pairs = np.unique(np.stack([src[keep], dst[keep]], axis=1), axis=0)
    return n, pairs[:, 0], pairs[:, 1], (0.01 + 0.99 * rng.random(len(pairs))).round(3)


def load(store: LadybugStore, n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray) -> None:
    prov = {"source": "bench", "run_id": "b1", "ingested_at": NOW}
    store.upsert_nodes("Person", [{"id": f"p{i:07d}", "name": f"P {i}", **prov} for i in range(n)])
    store.upsert_edges(
        "KNOWS",
        "Person",
        "Person",
        [
            {"_from": f"p{s:07d}", "_to": f"p{d:07d}", "strength": float(x), **prov}
            for s, d, x in zip(src.tolist(), dst.tolist(), w.tolist(), strict=True)
        ],
    )


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def report(name: str, ours: float, base: float, note: str = "") -> None:
    print(f"{name:<24} ours {ours:8.2f}s   baseline {base:8.2f}s   ratio {ours / base:6.2f}x  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--pivots", type=int, default=8)
    args = parser.parse_args()
    n, src, dst, w = planted_graph(args.edges)
    print(f"graph: {n} nodes, {len(src)} edges")
    store = LadybugStore().open()
    store.create_schema()
    seconds, _ = timed(lambda: load(store, n, src, dst, w))
    print(f"loaded into the embedded store in {seconds:.1f}s")

    def project() -> Projection:
        return store.project(["Person"], ["KNOWS"])

    def ig_graph(directed: bool) -> Any:
        return igraph.Graph(n=n, edges=np.stack([src, dst], axis=1).tolist(), directed=directed)

    ours, _ = timed(lambda: pagerank(projection_adjacency(project())))
    base, _ = timed(lambda: ig_graph(True).pagerank(weights=w.tolist(), damping=0.85))
    report("pagerank", ours, base, "(incl. projection / graph build)")

    def our_louvain() -> float:
        adj = projection_adjacency(project(), directed=False)
        return modularity(adj, louvain(adj, seed=1))

    ours, q_ours = timed(our_louvain)
    base, parts = timed(lambda: ig_graph(False).community_multilevel(weights=w.tolist()))
    q_base = modularity(adjacency(n, src, dst, w, directed=False), parts.membership)
    report("louvain", ours, base, f"modularity {q_ours:.4f} vs {q_base:.4f}")

    pivots = sample_pivots(n, args.pivots, seed=3)
    ours, _ = timed(
        lambda: betweenness(projection_adjacency(project(), directed=False), directed=False, sources=pivots)
    )
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True))
    base, _ = timed(lambda: nx.betweenness_centrality(g, k=args.pivots, seed=3))
    report(f"betweenness ({args.pivots} pivots)", ours, base, "(baseline networkx, same pivots)")
    store.close()


if __name__ == "__main__":
    main()
