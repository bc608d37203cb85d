"""The GDS executor against the in-process one on the sample market, copied into the
real Neo4j server once for this module; and the runner taking the GDS path there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import networkx as nx
import numpy as np
import pytest

from algorithms import influence
from algorithms.community import modularity
from algorithms.executors import InProcess, choose_executor
from algorithms.gds import GdsExecutor
from algorithms.market import Market
from algorithms.run import analyze
from algorithms.segments import SIMILAR_TOP, account_similarity, explain_similar, similarity_graph
from graph.adapters.neo4j import Gds, Neo4jStore, SimilarityMetric
from tests.conftest import _clear
from tools import neo4j_launcher

pytestmark = pytest.mark.neo4j

#: both iterate to ``influence.PAGERANK_TOL``; measured on the sample: up to 6e-9 apart
PAGERANK_TOLERANCE = 1e-8
EXACT = 1e-9


#: what the compared algorithms and the influence and segments analyses read; activities
#: and documents are left out (decision chains then count no interactions) to keep the
#: copy into Neo4j short
LABELS = ("Company", "Person", "Product", "Opportunity")
REL_TYPES = (
    *("WORKS_AT", "REPORTS_TO", "DECISION_ROLE", "KNOWS", "INFLUENCES", "OWNS", "REFERRED"),
    *("PURCHASED", "USES", "OFFERED_BY", "HAS_OPPORTUNITY", "FOR_PRODUCT", "COMPETES_WITH"),
)


def _copy(market: Market, store: Neo4jStore) -> None:
    for label, nodes in market.nodes.items():
        store.upsert_nodes(label, list(nodes.values()))
    for rel, edges in market.edges.items():
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for e in edges:
            groups[(e.start[0], e.end[0])].append({"_from": e.start[1], "_to": e.end[1], **e.props})
        for (start, end), rows in groups.items():
            store.upsert_edges(rel, start, end, rows)


@pytest.fixture(scope="module")
def on_neo4j(neo4j_server: neo4j_launcher.Neo4jServer, market: Market) -> Iterator[tuple[Neo4jStore, Market]]:
    """Part of the sample market in Neo4j, and the same part as a snapshot (reading the
    snapshot back from Neo4j gives the same, slower)."""
    part = Market(
        {label: market.nodes[label] for label in LABELS},
        {rel: market.edges[rel] for rel in REL_TYPES},
        market.as_of,
    )
    store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password).open()
    store.create_schema()
    _clear(store)
    _copy(part, store)
    try:
        yield store, part
    finally:
        store.close()


@pytest.fixture(scope="module")
def gds(on_neo4j: tuple[Neo4jStore, Market]) -> Gds:
    found = on_neo4j[0].gds()
    assert found is not None, "the test server loads OpenGDS"
    return found


def test_network_influence_on_gds_equals_in_process(on_neo4j: tuple[Neo4jStore, Market], gds: Gds) -> None:
    market = on_neo4j[1]
    ours = {(n.label, n.key): n for n in InProcess().network_influence(market)}
    theirs = {(n.label, n.key): n for n in GdsExecutor(gds).network_influence(market)}
    assert set(theirs) == set(ours) and len(ours) > 1000
    assert {label for label, _ in ours} == {"Person", "Company"}
    assert max(abs(theirs[r].pagerank - ours[r].pagerank) for r in ours) < PAGERANK_TOLERANCE
    assert abs(sum(n.pagerank for n in theirs.values()) - 1) < EXACT
    assert max(abs(theirs[r].betweenness - ours[r].betweenness) for r in ours) < EXACT
    # ranks agree wherever the in-process scores are not within the tolerance of a neighbour
    by_rank = sorted(ours.values(), key=lambda n: n.rank)
    clear = [
        n
        for before, n, after in zip(by_rank, by_rank[1:], by_rank[2:], strict=False)
        if before.pagerank - n.pagerank > PAGERANK_TOLERANCE
        and n.pagerank - after.pagerank > PAGERANK_TOLERANCE
    ]
    assert len(clear) > 100 and all(theirs[(n.label, n.key)].rank == n.rank for n in clear)


def test_cosine_similarity_on_gds_is_account_similarity(
    on_neo4j: tuple[Neo4jStore, Market], gds: Gds
) -> None:
    market = on_neo4j[1]
    baskets, sim = account_similarity(market)
    weights = dict(zip(baskets.products, baskets.product_weights().tolist(), strict=True))
    with gds.project_bipartite("PURCHASED", "Company", "Product", weights) as graph:
        pairs = graph.node_similarity(metric="COSINE", top_k=len(baskets.accounts))
    got = {(a[1], b[1]): s for a, b, s in pairs}
    want = {
        (a, b): float(sim[i, j])
        for i, a in enumerate(baskets.accounts)
        for j, b in enumerate(baskets.accounts)
        if i != j and sim[i, j] > 0
    }
    assert set(got) == set(want) and len(want) > 1000
    assert max(abs(got[p] - want[p]) for p in want) < EXACT


def test_similar_accounts_on_gds_equal_in_process(on_neo4j: tuple[Neo4jStore, Market], gds: Gds) -> None:
    market = on_neo4j[1]
    ours = InProcess().similar_accounts(market, top=SIMILAR_TOP)
    theirs = GdsExecutor(gds).similar_accounts(market, top=SIMILAR_TOP)
    assert theirs == ours and len(ours) > 100


@pytest.mark.parametrize("metric", ["JACCARD", "OVERLAP"])
def test_jaccard_and_overlap_on_gds_equal_networkx(
    on_neo4j: tuple[Neo4jStore, Market], gds: Gds, metric: SimilarityMetric
) -> None:
    """Unweighted, over the accounts × our products bipartite graph; Jaccard against
    networkx's ``jaccard_coefficient``, overlap as |A ∩ B| / min(|A|, |B|)."""
    market = on_neo4j[1]
    baskets, _ = account_similarity(market)
    owned = {a: baskets.owned(a) for a in baskets.accounts}
    bipartite = nx.Graph([(a, p) for a, ps in owned.items() for p in ps])
    with gds.project_bipartite(
        "PURCHASED", "Company", "Product", dict.fromkeys(baskets.products, 1.0)
    ) as graph:
        pairs = graph.node_similarity(metric=metric, top_k=3, weighted=False)
    assert len(pairs) > 100
    for (_, a), (_, b), score in pairs:
        if metric == "JACCARD":
            [(_, _, want)] = nx.jaccard_coefficient(bipartite, [(a, b)])
        else:
            want = len(owned[a] & owned[b]) / min(len(owned[a]), len(owned[b]))
        assert score == pytest.approx(want, abs=EXACT)


def test_communities_on_gds_reach_in_process_modularity(
    on_neo4j: tuple[Neo4jStore, Market], gds: Gds
) -> None:
    market = on_neo4j[1]
    accounts, adj = similarity_graph(market)
    ours = InProcess().account_communities(market)
    theirs = GdsExecutor(gds).account_communities(market)
    assert set(theirs) == set(ours) == set(accounts)
    q_ours = modularity(adj, [ours[a] for a in accounts])
    q_gds = modularity(adj, [theirs[a] for a in accounts])
    assert abs(q_gds - q_ours) <= 0.02 * q_ours, (q_gds, q_ours)
    sizes = np.bincount(list(theirs.values()))
    assert sizes.tolist() == sorted(sizes.tolist(), reverse=True), "0 = the largest community"


def test_warm_intro_and_shortest_paths_on_gds_equal_in_process(
    on_neo4j: tuple[Neo4jStore, Market], gds: Gds
) -> None:
    market = on_neo4j[1]
    ours, theirs = InProcess(), GdsExecutor(gds)
    targets = [influence.decision_chain(market, c)[0].person for c in market.customers()[:12]]
    compared = 0
    for target in targets:
        want = ours.warm_intro_paths(market, target, k=3, max_hops=10)
        got = theirs.warm_intro_paths(market, target, k=3, max_hops=10)
        assert [p.cost for p in got] == pytest.approx([p.cost for p in want], abs=1e-6), target
        if want:
            assert got[0].nodes[-1] == ("Person", target) and got[0].nodes[0][1] in market.reps()
            assert all(hop.rel in ("KNOWS", "REPORTS_TO") for p in got for hop in p.hops)
            compared += 1
    assert compared >= 8
    for a, b in pairwise(targets[:6]):
        want_path = ours.shortest_path(market, ("Person", a), ("Person", b), max_depth=6)
        got_path = theirs.shortest_path(market, ("Person", a), ("Person", b), max_depth=6)
        assert (got_path is None) == (want_path is None)
        if got_path is not None and want_path is not None:
            assert len(got_path.hops) == len(want_path.hops) and got_path.nodes[-1] == ("Person", b)


def test_the_runner_takes_the_gds_path_and_agrees_with_in_process(
    on_neo4j: tuple[Neo4jStore, Market], gds: Gds
) -> None:
    store, market = on_neo4j
    assert isinstance(choose_executor(store), GdsExecutor)
    summary = analyze(store, ["influence", "segments"], "gds-1", market=market)
    assert summary["influence"]["executor: network pagerank, betweenness"] == f"gds {gds.version}"
    assert summary["segments"]["executor: node similarity, louvain"] == f"gds {gds.version}"
    # what GDS wrote equals what the in-process executor computes on the same snapshot
    network = {(n.label, n.key): n for n in InProcess().network_influence(market)}
    stored = [
        n for label in ("Person", "Company") for n in store.iter_nodes(label) if "network_rank" in n.props
    ]
    assert {(n.label, n.key) for n in stored} == set(network)
    for n in stored:
        want = network[(n.label, n.key)]
        assert n.props["network_influence"] == pytest.approx(want.pagerank, abs=PAGERANK_TOLERANCE)
        assert n.props["brokerage"] == pytest.approx(want.betweenness, abs=EXACT)
    similar = explain_similar(market, InProcess().similar_accounts(market, top=SIMILAR_TOP))
    edges = {(e.start[1], e.end[1]): e.props for e in store.iter_edges("SIMILAR_TO")}
    want_edges = {
        (s.company, s.other): (s.score, s.rank, s.reasons) for rows in similar.values() for s in rows
    }
    assert {p: (e["score"], e["rank"], e["reasons"]) for p, e in edges.items()} == want_edges
    # GDS answers the same way every time: a rerun writes nothing (the analyses write
    # Person and Company nodes, so those are what a fresh snapshot must read again)
    fresh = {label: {n.key: n.props for n in store.iter_nodes(label)} for label in ("Person", "Company")}
    again = analyze(
        store, ["influence", "segments"], "gds-2", market=Market(market.nodes | fresh, market.edges)
    )
    assert again["influence"]["people_changed"] == again["influence"]["companies_changed"] == 0
    assert again["segments"]["companies_changed"] == again["segments"]["similar_changed"] == 0
