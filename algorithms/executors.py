"""Where the whole-graph algorithms run: in this process, or inside Neo4j with GDS.

An executor answers the questions the analyses put to the graph as a whole: network
influence (PageRank and betweenness), each account's similar accounts (node
similarity), account communities (Louvain over that similarity), warm-introduction
paths (k shortest) and shortest paths. ``InProcess`` computes them from the ``Market``
snapshot with this package's scipy implementations; ``algorithms.gds.GdsExecutor`` has
the Neo4j server compute them on projections of the stored graph, with the same
definitions (which edges, directions, weights and costs) and results equal within
floating-point tolerance. ``choose_executor`` picks GDS on a Neo4j store whose server
has the plugin, unless told otherwise; the rest of every analysis runs in-process.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
from typing import Literal

from algorithms import influence, paths, segments
from algorithms.market import Market
from graph import GraphStore, NodeRef

__all__ = ["EXECUTORS", "Executor", "ExecutorChoice", "InProcess", "choose_executor"]

ExecutorChoice = Literal["auto", "in-process", "gds"]
EXECUTORS: tuple[ExecutorChoice, ...] = ("auto", "in-process", "gds")


class Executor(abc.ABC):
    """The whole-graph algorithms, each over a ``Market`` snapshot of the same store."""

    #: what the run summary names as the executor, e.g. ``in-process`` or ``gds 2.13.9``
    name: str

    @abc.abstractmethod
    def network_influence(self, market: Market, *, seed: int = 0) -> list[influence.NetworkInfluence]:
        """``influence.network_influence``: PageRank and brokerage in the REFERRED / KNOWS /
        INFLUENCES network, highest PageRank first."""

    @abc.abstractmethod
    def similar_accounts(self, market: Market, *, top: int) -> dict[str, list[tuple[str, float]]]:
        """For each account that buys from us, its ``top`` most similar accounts by
        ``segments.account_similarity`` (similarity > 0), unranked."""

    @abc.abstractmethod
    def account_communities(self, market: Market, *, neighbours: int = 10, seed: int = 0) -> dict[str, int]:
        """``segments.account_communities``: Louvain over the ``neighbours``-nearest
        similarity graph; labels are dense, 0 = the largest community."""

    @abc.abstractmethod
    def warm_intro_paths(
        self, market: Market, target: str, *, k: int = 3, max_hops: int = 4
    ) -> list[paths.GraphPath]:
        """``paths.warm_intro_paths``: the ``k`` cheapest introductions from our reps."""

    @abc.abstractmethod
    def shortest_path(
        self,
        market: Market,
        start: NodeRef,
        end: NodeRef,
        *,
        max_depth: int = 4,
        rel_types: Iterable[str] | None = None,
    ) -> paths.GraphPath | None:
        """``paths.shortest_path``: a fewest-hops path within ``max_depth`` hops."""


class InProcess(Executor):
    """The algorithms computed here, from the snapshot (scipy.sparse, numpy)."""

    name = "in-process"

    def network_influence(self, market: Market, *, seed: int = 0) -> list[influence.NetworkInfluence]:
        return influence.network_influence(market, seed=seed)

    def similar_accounts(self, market: Market, *, top: int) -> dict[str, list[tuple[str, float]]]:
        return segments.all_similar_accounts(market, top=top)

    def account_communities(self, market: Market, *, neighbours: int = 10, seed: int = 0) -> dict[str, int]:
        return segments.account_communities(market, neighbours=neighbours, seed=seed)

    def warm_intro_paths(
        self, market: Market, target: str, *, k: int = 3, max_hops: int = 4
    ) -> list[paths.GraphPath]:
        return paths.warm_intro_paths(market, target, k=k, max_hops=max_hops)

    def shortest_path(
        self,
        market: Market,
        start: NodeRef,
        end: NodeRef,
        *,
        max_depth: int = 4,
        rel_types: Iterable[str] | None = None,
    ) -> paths.GraphPath | None:
        return paths.shortest_path(market, start, end, max_depth=max_depth, rel_types=rel_types)


def choose_executor(store: GraphStore, choice: ExecutorChoice = "auto") -> Executor:
    """``auto``: GDS when ``store`` is Neo4j and its server has the plugin, else in-process;
    ``in-process`` forces this process; ``gds`` insists on the server (an error without)."""
    if choice not in EXECUTORS:
        raise ValueError(f"unknown executor {choice!r}; known: {', '.join(EXECUTORS)}")
    if choice == "in-process":
        return InProcess()
    from algorithms.gds import GdsExecutor  # noqa: PLC0415 - it builds on this module
    from graph.adapters.neo4j import Neo4jStore  # noqa: PLC0415

    gds = store.gds() if isinstance(store, Neo4jStore) else None
    if gds is not None:
        return GdsExecutor(gds)
    if choice == "gds":
        raise ValueError(
            f"executor 'gds' needs a Neo4j store with the GDS plugin; this store is {store.kind}"
        )
    return InProcess()
