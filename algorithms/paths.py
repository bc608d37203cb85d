"""Graph paths as values, and the path searches: warm introductions and shortest paths."""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from algorithms.market import Market
from graph import NodeRef

__all__ = [
    "GraphPath",
    "Hop",
    "PeopleGraph",
    "path_through",
    "people_graph",
    "relationship_cost",
    "shortest_path",
    "warm_intro_paths",
]


@dataclass(frozen=True)
class Hop:
    """One step of a path: the relationship type and whether it is walked start→end."""

    rel: str
    forward: bool = True


@dataclass(frozen=True)
class GraphPath:
    """``nodes[0] -hops[0]- nodes[1] ...``; every hop names an edge that exists."""

    nodes: tuple[NodeRef, ...]
    hops: tuple[Hop, ...]
    cost: float = 0.0

    def __str__(self) -> str:
        parts = [f"{self.nodes[0][0]}:{self.nodes[0][1]}"]
        for hop, node in zip(self.hops, self.nodes[1:], strict=True):
            arrow = f"-{hop.rel}->" if hop.forward else f"<-{hop.rel}-"
            parts.append(f"{arrow} {node[0]}:{node[1]}")
        return " ".join(parts)

    def edges(self) -> Iterator[tuple[str, NodeRef, NodeRef]]:
        """Each hop as ``(type, start, end)`` in the edge's own direction."""
        for hop, a, b in zip(self.hops, self.nodes, self.nodes[1:], strict=False):
            yield (hop.rel, a, b) if hop.forward else (hop.rel, b, a)


def relationship_cost(strength: float, last_contact: dt.date | None, as_of: dt.date) -> float:
    """The cost of one step of a warm introduction, defined here once for every executor:
    a strong, recent acquaintance is a short step; a weak or stale one a long one
    (``-ln(strength)`` plus half a unit per year since the last contact, plus 0.1)."""
    age_years = max((as_of - last_contact).days, 0) / 365 if last_contact else 3.0
    warmth = max(strength, 0.01) * math.exp(-age_years / 2)
    return -math.log(min(warmth, 1.0)) + 0.1


PeopleGraph = dict[str, list[tuple[str, float, Hop]]]


def people_graph(market: Market) -> PeopleGraph:
    """Who can introduce whom: per person, each neighbour with the step's cost
    (``relationship_cost``) and the hop it walks; once per snapshot."""
    return market.cached("people_graph", lambda: _build_people_graph(market))


def _build_people_graph(market: Market) -> PeopleGraph:
    """Each ordered pair of people joined by its cheapest edge, in either direction:
    a pair that both KNOWS and REPORTS_TO is one step, not two alternative paths."""
    best: dict[tuple[str, str], tuple[float, Hop]] = {}

    def offer(a: str, b: str, cost: float, rel: str) -> None:
        for s, t, hop in ((a, b, Hop(rel)), (b, a, Hop(rel, forward=False))):
            if (s, t) not in best or cost < best[(s, t)][0]:
                best[(s, t)] = (cost, hop)

    for e in market.edges.get("KNOWS", []):
        strength = float(e.props.get("strength") or 0.3)
        offer(
            e.start[1],
            e.end[1],
            relationship_cost(strength, e.props.get("last_contact"), market.as_of),
            "KNOWS",
        )
    for e in market.edges.get("REPORTS_TO", []):
        offer(e.start[1], e.end[1], relationship_cost(0.6, None, market.as_of), "REPORTS_TO")
    graph: PeopleGraph = defaultdict(list)
    for (s, t), (cost, hop) in sorted(best.items()):
        graph[s].append((t, cost, hop))
    return graph


def warm_intro_paths(market: Market, target: str, *, k: int = 3, max_hops: int = 4) -> list[GraphPath]:
    """Up to ``k`` cheapest simple paths from any of our reps to person ``target``, over
    KNOWS (cost from strength and recency) and REPORTS_TO; at most ``max_hops`` hops.

    An A* search over path prefixes, exact for simple paths: a prefix is extended only
    where the target is still within the hop limit, in the order of its cost plus the
    cheapest way on to the target (``_towards``, a consistent lower bound), so complete
    paths come off the queue cheapest first. Our reps are never passed through.
    """
    graph = people_graph(market)
    reps = market.reps()
    hops_to, cost_to = _towards(graph, target, max_hops)
    queue: list[tuple[float, int, float, tuple[str, ...], tuple[Hop, ...]]] = [
        (cost_to[rep], tie, 0.0, (rep,), ()) for tie, rep in enumerate(sorted(reps)) if rep in hops_to
    ]
    heapq.heapify(queue)
    tie = len(queue)
    found: list[GraphPath] = []
    while queue and len(found) < k:
        _, _, cost, nodes, hops = heapq.heappop(queue)
        if nodes[-1] == target:
            found.append(GraphPath(tuple(("Person", n) for n in nodes), hops, round(cost, 6)))
            continue
        for nxt, step, hop in graph.get(nodes[-1], []):
            if nxt in nodes or (nxt in reps and nxt != target):
                continue
            if len(hops) + 1 + hops_to.get(nxt, max_hops + 1) > max_hops:
                continue
            tie += 1
            heapq.heappush(queue, (cost + step + cost_to[nxt], tie, cost + step, (*nodes, nxt), (*hops, hop)))
    return found


def _towards(graph: PeopleGraph, target: str, max_hops: int) -> tuple[dict[str, int], dict[str, float]]:
    """For everyone within ``max_hops`` of ``target``: the fewest hops to it, and the
    cheapest cost to it (both ignoring the simple-path rule, so both are lower bounds).
    The people graph is symmetric, so searching from the target gives both."""
    hops_to = {target: 0}
    frontier = deque([target])
    while frontier:
        here = frontier.popleft()
        if hops_to[here] == max_hops:
            continue
        for nxt, _, _ in graph.get(here, []):
            if nxt not in hops_to:
                hops_to[nxt] = hops_to[here] + 1
                frontier.append(nxt)
    cost_to: dict[str, float] = {}
    heap = [(0.0, target)]
    while heap:
        cost, here = heapq.heappop(heap)
        if here in cost_to:
            continue
        cost_to[here] = cost
        for nxt, step, _ in graph.get(here, []):
            if nxt in hops_to and nxt not in cost_to:
                heapq.heappush(heap, (cost + step, nxt))
    return hops_to, cost_to


def shortest_path(
    market: Market,
    start: NodeRef,
    end: NodeRef,
    *,
    max_depth: int = 4,
    rel_types: Iterable[str] | None = None,
) -> GraphPath | None:
    """A fewest-hops path between two entities over any (or the given) relationship
    types in either direction, or ``None`` if none is within ``max_depth`` hops."""
    adj = _adjacency(market, rel_types)
    parent: dict[NodeRef, tuple[NodeRef, Hop] | None] = {start: None}
    frontier = deque([(start, 0)])
    while frontier:
        node, depth = frontier.popleft()
        if node == end:
            return _unwind(parent, end)
        if depth == max_depth:
            continue
        for nxt, hop in adj.get(node, []):
            if nxt not in parent:
                parent[nxt] = (node, hop)
                frontier.append((nxt, depth + 1))
    return None


def _adjacency(market: Market, rel_types: Iterable[str] | None) -> dict[NodeRef, list[tuple[NodeRef, Hop]]]:
    """Each node's neighbours over the given (or all) types in either direction, types in
    name order; once per snapshot and set of types."""
    types = sorted(set(rel_types) if rel_types is not None else set(market.edges))

    def build() -> dict[NodeRef, list[tuple[NodeRef, Hop]]]:
        adj: dict[NodeRef, list[tuple[NodeRef, Hop]]] = defaultdict(list)
        for t in types:
            for e in market.edges.get(t, []):
                adj[e.start].append((e.end, Hop(t)))
                adj[e.end].append((e.start, Hop(t, forward=False)))
        return adj

    result: dict[NodeRef, list[tuple[NodeRef, Hop]]] = market.cached(f"adjacency:{types}", build)
    return result


def path_through(
    market: Market, nodes: Sequence[NodeRef], *, rel_types: Iterable[str] | None = None, cost: float = 0.0
) -> GraphPath:
    """The path along ``nodes`` (each one adjacent to the next), each hop the first edge
    between the two over ``rel_types`` in either direction, as ``shortest_path`` walks it."""
    adj = _adjacency(market, rel_types)
    hops = []
    for a, b in pairwise(nodes):
        hop = next((h for n, h in adj.get(a, []) if n == b), None)
        if hop is None:
            raise ValueError(f"no edge joins {a[0]}:{a[1]} and {b[0]}:{b[1]}")
        hops.append(hop)
    return GraphPath(tuple(nodes), tuple(hops), cost)


def _unwind(parent: dict[NodeRef, tuple[NodeRef, Hop] | None], end: NodeRef) -> GraphPath:
    nodes, hops = [end], []
    step = parent[end]
    while step is not None:
        node, hop = step
        nodes.append(node)
        hops.append(hop)
        step = parent[node]
    return GraphPath(tuple(reversed(nodes)), tuple(reversed(hops)), float(len(hops)))
