"""Graph algorithms on a large projection from the embedded store: ours vs igraph (and
networkx for sampled betweenness, with the same pivots), measured in the same run.

A random graph with planted communities (blocks of 500 people, 80 % of KNOWS edges
inside a block, strengths in 0..1) is written to an embedded store on disk under
``--workdir`` with the port's bulk path (one ``upsert_nodes`` and one ``upsert_edges``
call, which ``COPY`` new rows), and kept there: a later run with the same size and seed
reuses it. The load is timed on its own. Then, per algorithm:

- ours = ``store.project`` (read from the store) + the scipy implementation in ``algorithms``;
- baseline = an igraph graph built from the same arrays + igraph's algorithm (PageRank:
  PRPACK; Louvain: ``community_multilevel``). Betweenness is sampled and both sides use
  the same pivots; its baseline is networkx (igraph has no pivot sampling).

Prints seconds (each side split into building its graph and computing) and ours /
baseline, plus modularity for Louvain and the largest difference for PageRank and
betweenness.

    python benchmarks/algorithms.py                  # 1M edges
    python -m benchmarks.algorithms --edges 100000
"""

from __future__ import annotations

import sys
from pathlib import Path

# ``python benchmarks/algorithms.py`` puts this file's folder first on sys.path, and there
# this very file would be imported as ``algorithms`` in place of the package. So that
# folder gives way to the repository root (``python -m benchmarks.algorithms`` already
# starts from the root, and then this changes nothing).
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402 - after the sys.path fix above
import datetime as dt  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

import igraph  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from algorithms._sparse import adjacency, projection_adjacency  # noqa: E402
from algorithms.centrality import betweenness, pagerank, sample_pivots  # noqa: E402
from algorithms.community import louvain, modularity  # noqa: E402
from graph import Projection  # noqa: E402
from graph.adapters.ladybug import LadybugStore  # noqa: E402

BLOCK = 500
NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
Arrays = tuple[int, np.ndarray, np.ndarray, np.ndarray]


def planted_graph(edges: int, seed: int = 7) -> Arrays:
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
    """One port call per type: the rows are new, so the adapter ``COPY``s them."""
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


def open_loaded(workdir: Path, arrays: Arrays, seed: int, fresh: bool) -> LadybugStore:
    """The store of this graph under ``workdir``, loaded now unless an earlier run did."""
    n, src, dst, w = arrays
    path = workdir / f"algorithms-{len(src)}-edges-seed{seed}.lbdb"
    if fresh and path.exists():
        for stale in workdir.glob(f"{path.name}*"):
            stale.unlink()
    store = LadybugStore(path).open()
    store.create_schema()
    counts = store.count_nodes()["Person"], store.count_edges()["KNOWS"]
    if counts == (n, len(src)):
        print(f"store: {path} (cached: {n:,} nodes, {len(src):,} edges; delete it or pass --fresh to reload)")
        return store
    if counts != (0, 0):
        raise SystemExit(f"{path} holds {counts} Person/KNOWS, not this graph; pass --fresh")
    start = time.perf_counter()
    load(store, n, src, dst, w)
    seconds = time.perf_counter() - start
    print(
        f"store: {path} loaded in {seconds:.1f}s ({(n + len(src)) / seconds:,.0f} rows/s, not counted below)"
    )
    return store


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def report(name: str, ours: tuple[float, float], base: tuple[float, float], note: str = "") -> None:
    """Seconds as (building the graph: projection / igraph or networkx graph, compute)."""
    print(
        f"{name:<22} ours {sum(ours):6.2f}s (projection {ours[0]:4.2f} + compute {ours[1]:5.2f})"
        f"   baseline {sum(base):6.2f}s (graph {base[0]:5.2f} + compute {base[1]:5.2f})"
        f"   ratio {sum(ours) / sum(base):4.2f}x  {note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--pivots", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=_HERE.parent / "data" / "benchmarks")
    parser.add_argument("--fresh", action="store_true", help="reload the store even if a run left one")
    args = parser.parse_args()
    arrays = n, src, dst, w = planted_graph(args.edges, args.seed)
    print(f"graph: {n:,} nodes, {len(src):,} edges")
    args.workdir.mkdir(parents=True, exist_ok=True)
    store = open_loaded(args.workdir, arrays, args.seed, args.fresh)

    def project() -> Projection:
        return store.project(["Person"], ["KNOWS"])

    def ig_graph(directed: bool) -> Any:
        return igraph.Graph(n=n, edges=np.stack([src, dst], axis=1).tolist(), directed=directed)

    # PageRank: the store's projection (keys sorted) is another node order than the arrays'
    t_proj, proj = timed(project)
    t_pr, ours_pr = timed(lambda: pagerank(projection_adjacency(proj)))
    t_graph, ig = timed(lambda: ig_graph(True))
    t_base, theirs = timed(lambda: ig.pagerank(weights=w.tolist(), damping=0.85, implementation="prpack"))
    index = np.array([int(k[1:]) for k in proj.keys])
    gap = np.abs(ours_pr - np.asarray(theirs)[index]).max()
    report("pagerank", (t_proj, t_pr), (t_graph, t_base), f"max |ours - igraph| {gap:.1e}")

    t_proj, proj = timed(project)

    def our_louvain() -> tuple[np.ndarray, Any]:
        adj = projection_adjacency(proj, directed=False)
        return louvain(adj, seed=1), adj

    t_lv, (labels, adj) = timed(our_louvain)
    t_graph, ig = timed(lambda: ig_graph(False))
    t_base, parts = timed(lambda: ig.community_multilevel(weights=w.tolist()))
    q_ours = modularity(adj, labels)
    q_base = modularity(adjacency(n, src, dst, w, directed=False), parts.membership)
    report("louvain", (t_proj, t_lv), (t_graph, t_base), f"modularity {q_ours:.4f} vs igraph {q_base:.4f}")

    # sampled betweenness: the pivots are positions in the arrays' node order (0..n-1), which
    # is the projection's order too, because the keys p0000000.. sort as the numbers do
    pivots = sample_pivots(n, args.pivots, seed=3)
    t_proj, proj = timed(project)
    assert [int(k[1:]) for k in proj.keys] == list(range(n)), "keys sort as their numbers"
    t_bc, ours_bc = timed(
        lambda: betweenness(projection_adjacency(proj, directed=False), directed=False, sources=pivots)
    )

    def nx_graph() -> Any:
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True))
        return g

    t_graph, g = timed(nx_graph)
    t_base, theirs_bc = timed(lambda: nx.betweenness_centrality(g, k=args.pivots, seed=3))
    gap = np.abs(ours_bc - np.array([theirs_bc[i] for i in range(n)])).max()
    report(
        f"betweenness ({args.pivots} pivots)",
        (t_proj, t_bc),
        (t_graph, t_base),
        f"vs networkx; max diff {gap:.1e}",
    )
    store.close()


if __name__ == "__main__":
    main()
