"""The people graph warm introductions walk, loaded once per data version and scope.

``algorithms.paths.warm_intro_paths`` needs our reps (``Person.internal``), the KNOWS
edges (strength, last contact) and REPORTS_TO edges between people, and the snapshot's
"today" (the newest order or activity date, as the analyses use). Loading the whole
market for that takes seconds; this part of it is five reads, kept while the stamp of
the types it rests on (count and latest ``ingested_at`` of Person, Company, KNOWS,
REPORTS_TO and WORKS_AT, one read, asked again only once the store's data version moves)
is unchanged, so a write by any process is seen and other writes cost no reload.

A scoped caller (a rep) walks a copy cut to the people they may see, found by a read in
their scope and kept per scope: a path never passes through a contact of
another territory's account. Each search then runs on the people that lie on some path of
at most ``MAX_HOPS`` from a rep to the target (hop distance from the nearest rep plus
distance to the target), which holds every path the search may return and, on the
sample market at scale 10, is what keeps a search at milliseconds rather than a second.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from graph import Edge
from graph.reads import Cond, Op, ScopedReads

if TYPE_CHECKING:  # algorithms loads scipy and scikit-learn: imported when first needed
    from algorithms.market import Market
    from algorithms.paths import GraphPath

MAX_HOPS = 4
#: what visibility and the people graph rest on: a write to any of them reloads it
STAMPED_LABELS = ("Person", "Company")
STAMPED_RELS = ("KNOWS", "REPORTS_TO", "WORKS_AT")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Lru(OrderedDict[K, V]):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: K, value: V) -> V:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
        return value


@dataclass(frozen=True)
class WarmPath:
    """A path and the properties of the edge each hop walks (KNOWS: strength, last contact)."""

    path: GraphPath
    edges: tuple[dict[str, Any], ...]


def load_people_graph(reads: ScopedReads) -> Market:
    """Reps, KNOWS and REPORTS_TO between people, and "today", as a ``Market``."""
    from algorithms.market import LATEST, Market  # noqa: PLC0415 - loads scipy/sklearn

    shared = reads.unscoped()
    reps = shared.all_keys("Person", [Cond("internal", Op.EQUALS, True)])
    edges = {
        "KNOWS": _edges("KNOWS", shared.links("KNOWS", "Person", "Person", ("strength", "last_contact"))),
        "REPORTS_TO": _edges("REPORTS_TO", shared.links("REPORTS_TO", "Person", "Person")),
    }
    people = {k: {"internal": k in reps} for k in _people(edges) | reps}
    return Market({"Person": people}, edges, shared.latest_date() or LATEST)


def _edges(rel: str, rows: list[dict[str, Any]]) -> list[Edge]:
    return [
        Edge(rel, ("Person", r["s"]), ("Person", r["t"]), {k: v for k, v in r.items() if k not in ("s", "t")})
        for r in rows
    ]


def _people(edges: dict[str, list[Edge]]) -> set[str]:
    return {ref[1] for es in edges.values() for e in es for ref in (e.start, e.end)}


def cut(market: Market, visible: set[str]) -> Market:
    """The people graph restricted to ``visible`` people and the edges between them."""
    from algorithms.market import Market  # noqa: PLC0415

    people = {k: v for k, v in market.nodes["Person"].items() if k in visible}
    edges = {
        t: [e for e in es if e.start[1] in visible and e.end[1] in visible] for t, es in market.edges.items()
    }
    return Market({"Person": people}, edges, market.as_of)


def within_reach(market: Market, target: str, hops: int) -> Market:
    """The people on some path of at most ``hops`` from a rep to ``target``, either way."""
    adjacency = market.cached("warm_adjacency", lambda: _adjacency(market))
    from_reps = market.cached("warm_from_reps", lambda: _distances(adjacency, market.reps(), hops))
    from_target = _distances(adjacency, {target}, hops)
    return cut(market, {p for p, d in from_target.items() if from_reps.get(p, hops + 1) + d <= hops})


def _adjacency(market: Market) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in _all(market):
        out.setdefault(e.start[1], set()).add(e.end[1])
        out.setdefault(e.end[1], set()).add(e.start[1])
    return out


def _distances(adjacency: dict[str, set[str]], starts: set[str], hops: int) -> dict[str, int]:
    """Hop distance from the nearest of ``starts``, up to ``hops`` (breadth first)."""
    seen = dict.fromkeys(starts, 0)
    frontier = list(starts)
    for depth in range(1, hops + 1):
        frontier = [n for here in frontier for n in adjacency.get(here, ()) if n not in seen]
        for n in frontier:
            seen.setdefault(n, depth)
        frontier = list(dict.fromkeys(frontier))
    return seen


class WarmGraphs:
    """People graphs by data version and scope, and the paths found on them."""

    def __init__(self, graphs: int = 8, paths: int = 512) -> None:
        self._graphs: _Lru[Hashable, Market] = _Lru(graphs)
        self._paths: _Lru[Hashable, list[WarmPath]] = _Lru(paths)
        self._lock = threading.Lock()  # the caches
        self._loading = threading.Lock()  # one load at a time
        self._seen: tuple[str, Hashable] | None = None  # (data version, stamp) last read
        self.loads = 0  # how often the people graph was read from the store

    def paths(self, reads: ScopedReads, target: str, k: int) -> list[WarmPath]:
        """Up to ``k`` cheapest introduction paths to person ``target`` the caller may see."""
        from algorithms.paths import warm_intro_paths  # noqa: PLC0415

        stamp = self._stamp(reads)
        scope = reads.scope
        market = self._market(reads, stamp, scope)
        key = (stamp, scope, target, k)
        with self._lock:
            found = self._paths.get(key)
        if found is None:
            near = within_reach(market, target, MAX_HOPS)
            found = [_with_edges(near, p) for p in warm_intro_paths(near, target, k=k, max_hops=MAX_HOPS)]
            with self._lock:
                self._paths.keep(key, found)
        return found

    def _stamp(self, reads: ScopedReads) -> Hashable:
        """The stamp of the types the people graph rests on, read again only once the
        store's data version has moved (free on the embedded store, one round trip on Neo4j)."""
        version = reads.store.data_version()
        with self._lock:
            if self._seen is not None and self._seen[0] == version:
                return self._seen[1]
        stamp = reads.unscoped().stamp(STAMPED_LABELS, STAMPED_RELS)
        with self._lock:
            self._seen = (version, stamp)
        return stamp

    def _market(self, reads: ScopedReads, stamp: Hashable, scope: Hashable) -> Market:
        with self._lock:
            found = self._graphs.get((stamp, scope))
        if found is not None:
            return found
        with self._loading:  # concurrent misses wait here, then find what the first loaded
            return self._cached((stamp, scope), lambda: self._build(reads, stamp, scope))

    def _build(self, reads: ScopedReads, stamp: Hashable, scope: Hashable) -> Market:
        full = self._cached((stamp, None), lambda: self._load(reads))
        if scope is None:
            return full
        return cut(full, reads.all_keys("Person"))

    def _load(self, reads: ScopedReads) -> Market:
        self.loads += 1
        return load_people_graph(reads)

    def _cached(self, key: Hashable, build: Callable[[], Market]) -> Market:
        with self._lock:
            found = self._graphs.get(key)
        if found is None:
            found = build()
            with self._lock:
                self._graphs.keep(key, found)
        return found


def _with_edges(market: Market, path: GraphPath) -> WarmPath:
    """Each hop's edge properties (strength, last contact) from the graph it was found on."""
    index: dict[tuple[str, str, str], dict[str, Any]] = market.cached(
        "warm_edges", lambda: {(e.type, e.start[1], e.end[1]): e.props for e in _all(market)}
    )
    return WarmPath(path, tuple(index.get((t, a[1], b[1]), {}) for t, a, b in path.edges()))


def _all(market: Market) -> list[Edge]:
    return [e for es in market.edges.values() for e in es]
