"""Warm-introduction paths and shortest paths."""

from __future__ import annotations

from itertools import islice

import networkx as nx
import pytest

from algorithms.influence import decision_chain
from algorithms.market import Market
from algorithms.paths import people_graph, shortest_path, warm_intro_paths
from tests.algorithms.tiny import tiny_market


def test_warm_intro_prefers_strong_recent_ties() -> None:
    paths = warm_intro_paths(tiny_market(), "ann", k=2)
    assert [p.nodes for p in paths] == [
        (("Person", "R-1"), ("Person", "eve"), ("Person", "ann")),
        (("Person", "R-1"), ("Person", "dee"), ("Person", "ann")),
    ]
    assert paths[0].cost < paths[1].cost
    assert str(paths[0]) == "Person:R-1 -KNOWS-> Person:eve -KNOWS-> Person:ann"


def test_shortest_path_is_depth_bounded() -> None:
    market = tiny_market()
    path = shortest_path(market, ("Person", "cid"), ("Opportunity", "o1"))
    assert path is not None and len(path.hops) == 2
    assert shortest_path(market, ("Person", "cid"), ("Opportunity", "o1"), max_depth=1) is None


def _reference(market: Market) -> nx.DiGraph:
    """The people graph for networkx, our reps behind one virtual source (never passed through)."""
    reps = market.reps()
    ref = nx.DiGraph()
    for u, steps in people_graph(market).items():
        ref.add_weighted_edges_from((u, v, cost) for v, cost, _ in steps if v not in reps)
    ref.add_weighted_edges_from(("source", r, 0.0) for r in reps)
    return ref


def test_warm_intro_paths_are_networkx_k_shortest_simple_paths(market: Market) -> None:
    ref = _reference(market)
    compared = 0
    for company in market.customers()[:30]:
        target = decision_chain(market, company)[0].person
        if target not in ref or not nx.has_path(ref, "source", target):
            continue
        expected = [
            nx.path_weight(ref, p, "weight")
            for p in islice(nx.shortest_simple_paths(ref, "source", target, weight="weight"), 3)
        ]
        got = [p.cost for p in warm_intro_paths(market, target, k=3, max_hops=10)]
        assert got == pytest.approx(expected, abs=1e-5), company
        compared += 1
    assert compared >= 20


def test_warm_intro_paths_within_the_hop_limit_are_the_cheapest_of_all(market: Market) -> None:
    """Against every simple path of at most 3 hops (networkx enumerates them; the virtual
    source adds one): the cheapest three, so no cheaper short path is missed."""
    ref = _reference(market)
    compared = 0
    for company in market.customers():
        target = decision_chain(market, company)[0].person
        if target not in ref:
            continue
        costs = sorted(
            nx.path_weight(ref, p, "weight") for p in nx.all_simple_paths(ref, "source", target, 4)
        )
        got = [p.cost for p in warm_intro_paths(market, target, k=3, max_hops=3)]
        assert got == pytest.approx(costs[:3], abs=1e-5), company
        compared += bool(costs)
    assert compared >= 100
