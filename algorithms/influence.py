"""Who decides inside an account, who spreads business across accounts, who brokers.

``decision_chain`` ranks the people of one account: a personalised PageRank over the
account's reporting lines, influence and acquaintance edges, seeded by each person's
decision authority (role and seniority), blended with authority itself and with how
often we interact with them. ``network_influence`` runs PageRank and betweenness over
people and companies joined by REFERRED, KNOWS and INFLUENCES.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from algorithms._sparse import adjacency
from algorithms.centrality import betweenness, pagerank
from algorithms.market import Market
from graph import NodeRef
from schema import REGISTRY

__all__ = [
    "NETWORK_REVERSED",
    "NETWORK_TYPES",
    "PAGERANK_MAX_ITER",
    "PAGERANK_TOL",
    "ROLE_WEIGHTS",
    "SENIORITY_WEIGHTS",
    "Influence",
    "NetworkInfluence",
    "decision_chain",
    "network_edges",
    "network_influence",
    "ranked_network",
]

ROLE_WEIGHTS = {
    "economic_buyer": 1.0,
    "decision_maker": 0.9,
    "champion": 0.6,
    "technical_evaluator": 0.5,
    "influencer": 0.45,
    "blocker": 0.4,
    "gatekeeper": 0.3,
    "user": 0.15,
}
SENIORITY_WEIGHTS = {"c_level": 1.0, "vp": 0.8, "director": 0.6, "manager": 0.4, "staff": 0.2}
#: how the final score mixes graph centrality, authority and our interaction share
BLEND = (0.5, 0.3, 0.2)


@dataclass(frozen=True)
class Influence:
    person: str
    name: str
    score: float
    rank: int
    reasons: list[str]
    roles: list[str]


def _roles(
    market: Market, company: str, people: set[str], opportunity: str | None
) -> dict[str, Counter[str]]:
    """Each person's decision roles on one opportunity, or on the account and all its
    opportunities."""
    targets = (
        {("Opportunity", opportunity)}
        if opportunity
        else {("Company", company)} | {("Opportunity", o) for o in market.opportunities(company)}
    )
    roles: dict[str, Counter[str]] = {p: Counter() for p in people}
    for target in sorted(targets):
        for e in market.touching("DECISION_ROLE", target):
            if e.start[1] in people:
                roles[e.start[1]][str(e.props["role"])] += 1
    return roles


def _interactions(market: Market, company: str, people: set[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for activity in market.activities(company):
        counts.update(p for p in market.participants(activity) if p in people)
    return counts


def decision_chain(market: Market, company: str, opportunity: str | None = None) -> list[Influence]:
    """The account's current contacts ranked by how much they shape a purchase decision
    (on ``opportunity`` if given, else on any of the account's deals)."""
    return market.cached(
        f"decision_chain:{company}:{opportunity}", lambda: _rank(market, company, opportunity)
    )


@dataclass
class _Ties:
    """The account's internal edges as arrays for PageRank, plus counts for the reasons."""

    src: list[int]
    dst: list[int]
    weight: list[float]
    reports: Counter[str]
    influenced: Counter[str]


def _ties(market: Market, people: list[str]) -> _Ties:
    index = {p: i for i, p in enumerate(people)}
    ties = _Ties([], [], [], Counter(), Counter())
    # Edges point towards whoever gains weight from the relation: a report to a manager,
    # the influenced to the influencer, and both ways between acquaintances.
    for rel, flip in (("REPORTS_TO", False), ("INFLUENCES", True), ("KNOWS", False), ("KNOWS", True)):
        for e in (e for p in people for e in market.touching(rel, ("Person", p)) if e.start[1] == p):
            a, b = e.start[1], e.end[1]
            if b not in index:
                continue
            s, d = (b, a) if flip else (a, b)
            ties.src.append(index[s])
            ties.dst.append(index[d])
            weight = e.props.get("weight", e.props.get("strength"))
            ties.weight.append(1.0 if weight is None else float(weight))
            if rel == "REPORTS_TO":
                ties.reports[b] += 1
            elif rel == "INFLUENCES":
                ties.influenced[a] += 1
    return ties


def _rank(market: Market, company: str, opportunity: str | None) -> list[Influence]:
    people = sorted(market.employees(company))
    if not people:
        return []
    roles = _roles(market, company, set(people), opportunity)
    contacts = _interactions(market, company, set(people))
    ties = _ties(market, people)
    authority = np.array([_authority(market, p, roles[p]) for p in people])
    centrality = pagerank(adjacency(len(people), ties.src, ties.dst, ties.weight), personalization=authority)
    touch = np.array([contacts[p] for p in people], dtype=float)
    score = (
        BLEND[0] * centrality / centrality.max()
        + BLEND[1] * authority / authority.max()
        + BLEND[2] * (touch / touch.max() if touch.max() > 0 else touch)
    )
    top_contact = max(contacts.values(), default=0)
    ranked = []
    for rank, i in enumerate(np.argsort(-score, kind="stable").tolist(), start=1):
        p = people[i]
        reasons = _reasons(market, p, roles[p], ties.reports[p], ties.influenced[p], contacts[p], top_contact)
        ranked.append(
            Influence(p, market.name("Person", p), round(float(score[i]), 6), rank, reasons, sorted(roles[p]))
        )
    return ranked


def _authority(market: Market, person: str, roles: Counter[str]) -> float:
    role = max((ROLE_WEIGHTS.get(r, 0.1) for r in roles), default=0.0)
    seniority = SENIORITY_WEIGHTS.get(str(market.props("Person", person).get("seniority")), 0.2)
    return 0.05 + role + 0.5 * seniority


def _reasons(
    market: Market,
    person: str,
    roles: Counter[str],
    reports: int,
    influenced: int,
    contacts: int,
    top_contact: int,
) -> list[str]:
    reasons = [r.replace("_", " ") for r in sorted(roles, key=lambda r: -ROLE_WEIGHTS.get(r, 0))]
    seniority = market.props("Person", person).get("seniority")
    if seniority in ("c_level", "vp"):
        reasons.append("C-level" if seniority == "c_level" else "VP")
    if reports:
        reasons.append(f"{reports} report{'s' if reports > 1 else ''}")
    if influenced:
        reasons.append(f"influences {influenced}")
    if contacts and contacts == top_contact:
        reasons.append(f"most-contacted ({contacts} interactions)")
    elif contacts:
        reasons.append(f"{contacts} interactions")
    return reasons or ["no recorded role or interaction"]


#: the network of ``network_influence``; business flows towards the referrer, the known
#: and the influencer, so REFERRED and INFLUENCES edges count end → start
NETWORK_TYPES = ("REFERRED", "KNOWS", "INFLUENCES")
NETWORK_REVERSED = frozenset({"REFERRED", "INFLUENCES"})
#: network PageRank iterates until the scores move less than this (in-process: on
#: average per node; GDS: every node), so both executors give the same scores to ~1e-8
PAGERANK_TOL = 1.0e-10
PAGERANK_MAX_ITER = 1000


@dataclass(frozen=True)
class NetworkInfluence:
    """A person's or company's place in the REFERRED / KNOWS / INFLUENCES network.

    ``pagerank`` sums to 1 over the network; ``rank`` 1 is the highest; ``betweenness``
    is normalised as networkx normalises it (undirected, hop counts).
    """

    label: str
    key: str
    pagerank: float
    betweenness: float
    rank: int


def network_edges(market: Market) -> tuple[list[NodeRef], list[int], list[int], list[float]]:
    """The network as index arrays: its nodes (those the edges join, in edge order) and
    each edge's source, target and weight (the type's weight property, 1.0 if unset)."""
    refs: dict[NodeRef, int] = {}
    src, dst, wts = [], [], []
    for rel in NETWORK_TYPES:
        weight = REGISTRY.rel(rel).weight
        for e in market.edges.get(rel, []):
            a = refs.setdefault(e.start, len(refs))
            b = refs.setdefault(e.end, len(refs))
            s, d = (b, a) if rel in NETWORK_REVERSED else (a, b)
            src.append(s)
            dst.append(d)
            value = e.props.get(weight) if weight else None
            wts.append(1.0 if value is None else float(value))
    return list(refs), src, dst, wts


def network_influence(market: Market, *, seed: int = 0) -> list[NetworkInfluence]:
    """PageRank and (sampled beyond ``EXACT_BETWEENNESS_LIMIT`` nodes) betweenness over
    people and companies joined by REFERRED, KNOWS and INFLUENCES; strongest first."""
    nodes, src, dst, wts = network_edges(market)
    if not nodes:
        return []
    rank = pagerank(adjacency(len(nodes), src, dst, wts), tol=PAGERANK_TOL, max_iter=PAGERANK_MAX_ITER)
    brokers = betweenness(adjacency(len(nodes), src, dst, directed=False), directed=False, seed=seed)
    return ranked_network(
        dict(zip(nodes, rank.tolist(), strict=True)), dict(zip(nodes, brokers.tolist(), strict=True))
    )


def ranked_network(
    pageranks: Mapping[NodeRef, float], brokerage: Mapping[NodeRef, float]
) -> list[NetworkInfluence]:
    """Scores per node as ``NetworkInfluence`` rows, highest PageRank first (ties by key);
    a node without a brokerage score (e.g. only a self-loop) brokers nothing."""
    order = sorted(pageranks, key=lambda ref: (-pageranks[ref], ref[1], ref[0]))
    return [
        NetworkInfluence(label, key, pageranks[(label, key)], brokerage.get((label, key), 0.0), rank)
        for rank, (label, key) in enumerate(order, start=1)
    ]
