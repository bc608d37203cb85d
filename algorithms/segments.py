"""Account segments and value: RFM scores and tiers, a simple LTV, Louvain communities
over account similarity, and similar-account lookup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from algorithms._sparse import FloatArray, IntArray
from algorithms.community import louvain
from algorithms.crosssell_mining import Baskets
from algorithms.market import Market
from schema import RFM_TIERS

__all__ = [
    "Segment",
    "SimilarAccount",
    "account_communities",
    "account_similarity",
    "all_similar_accounts",
    "best_similar",
    "explain_similar",
    "rfm_segments",
    "similar_accounts",
    "similarity_graph",
]

LTV_YEARS = 3.0  # horizon of the lifetime-value estimate
SIMILAR_TOP = 10  # similar accounts kept per account (SIMILAR_TO edges)
SHARED_SHOWN = 2  # products named in a "both buy ..." reason
TIERS = RFM_TIERS  # the ontology holds them: Company.rfm_tier


@dataclass(frozen=True)
class Segment:
    company: str
    recency_days: int
    frequency: int
    monetary: float
    r: int
    f: int
    m: int
    tier: str
    ltv: float


def _quintile(values: FloatArray, higher_is_better: bool = True) -> IntArray:
    """Scores 1..5 by rank (ties share the lower rank)."""
    ranks = np.searchsorted(np.sort(values), values, side="left") / max(len(values), 1)
    score = np.floor(ranks * 5).astype(int) + 1
    result: IntArray = np.clip(score if higher_is_better else 6 - score, 1, 5)
    return result


def rfm_segments(market: Market, *, window_days: int = 365) -> list[Segment]:
    """RFM over the last ``window_days`` (recency over all time) and a tier per account.

    LTV = yearly spend x expected remaining years, where the yearly retention rate
    falls with recency: ``LTV_YEARS`` years for an account that ordered this month.
    """
    as_of = market.as_of
    since = as_of - dt.timedelta(days=window_days)
    last: dict[str, dt.date] = {}
    orders: dict[str, set[str]] = {}
    spend: dict[str, float] = {}
    for p in market.purchases():
        last[p.company] = max(p.at, last.get(p.company, p.at))
        if p.at > since:
            orders.setdefault(p.company, set()).add(p.order_id)
            spend[p.company] = spend.get(p.company, 0.0) + p.amount
    companies = sorted(last)
    rec = np.array([(as_of - last[c]).days for c in companies], dtype=float)
    freq = np.array([len(orders.get(c, ())) for c in companies], dtype=float)
    mon = np.array([spend.get(c, 0.0) for c in companies])
    r, f, m = _quintile(rec, higher_is_better=False), _quintile(freq), _quintile(mon)
    out = []
    for i, c in enumerate(companies):
        retention = float(np.exp(-rec[i] / 180))
        ltv = mon[i] * window_days / 365 * LTV_YEARS * retention
        out.append(
            Segment(
                c,
                int(rec[i]),
                int(freq[i]),
                round(float(mon[i]), 2),
                int(r[i]),
                int(f[i]),
                int(m[i]),
                _tier(rec[i], r[i], f[i], m[i]),
                round(float(ltv), 2),
            )
        )
    return out


def _tier(recency: float, r: int, f: int, m: int) -> str:
    if recency > 180:
        return "dormant"
    if r <= 2:
        return "at risk"
    if f + m >= 8:
        return "loyal high-value"
    return "growth potential"


def account_similarity(market: Market) -> tuple[Baskets, FloatArray]:
    """The accounts × our products baskets and the accounts' cosine similarity, products
    weighted by inverse popularity (``Baskets.account_similarity``); once per snapshot."""

    def build() -> tuple[Baskets, FloatArray]:
        baskets = Baskets.of(market.purchases(), sorted(market.our_products()))
        return baskets, baskets.account_similarity()

    result: tuple[Baskets, FloatArray] = market.cached("account_similarity", build)
    return result


def similarity_graph(market: Market, *, neighbours: int = 10) -> tuple[list[str], sp.csr_array]:
    """The accounts and their symmetric k-nearest-neighbour graph of similarity: an edge
    where either account has the other among its ``neighbours`` most similar (> 0)."""
    baskets, sim = account_similarity(market)
    n = len(baskets.accounts)
    src, dst, wts = [], [], []
    for i in range(n):
        for j in np.argsort(-sim[i], kind="stable")[:neighbours].tolist():
            if sim[i, j] > 0:
                src.append(i)
                dst.append(j)
                wts.append(float(sim[i, j]))
    adj = sp.coo_array((wts, (src, dst)), shape=(n, n)).tocsr()
    return baskets.accounts, adj.maximum(adj.T).tocsr()


def account_communities(market: Market, *, neighbours: int = 10, seed: int = 0) -> dict[str, int]:
    """Louvain communities over the ``similarity_graph``."""
    accounts, adj = similarity_graph(market, neighbours=neighbours)
    if not accounts:
        return {}
    return dict(zip(accounts, louvain(adj, seed=seed).tolist(), strict=True))


def best_similar(scores: Sequence[tuple[str, float]], top: int) -> list[tuple[str, float]]:
    """The ``top`` best of (account, similarity) pairs with similarity > 0, rounded to 4
    places, ties by key: the same list from any executor that finds the same numbers."""
    rounded = [(other, round(float(score), 4)) for other, score in scores]
    return sorted((p for p in rounded if p[1] > 0), key=lambda p: (-p[1], p[0]))[:top]


def similar_accounts(market: Market, company: str, *, top: int = 5) -> list[tuple[str, float]]:
    """The accounts whose purchases look most like ``company``'s, with cosine similarity."""
    baskets, sim = account_similarity(market)
    if company not in baskets.accounts:
        return []
    row = sim[baskets.row[company]]
    return best_similar(list(zip(baskets.accounts, row.tolist(), strict=True)), top)


def all_similar_accounts(market: Market, *, top: int = SIMILAR_TOP) -> dict[str, list[tuple[str, float]]]:
    """``similar_accounts`` of every account that buys from us (none listed if none is similar)."""
    baskets, _ = account_similarity(market)
    found = {a: similar_accounts(market, a, top=top) for a in baskets.accounts}
    return {a: pairs for a, pairs in found.items() if pairs}


@dataclass(frozen=True)
class SimilarAccount:
    """``other`` is the ``rank``-th most similar account to ``company``, and why."""

    company: str
    other: str
    score: float
    rank: int
    reasons: list[str]


def explain_similar(
    market: Market, scores: Mapping[str, Sequence[tuple[str, float]]], *, top: int = SIMILAR_TOP
) -> dict[str, list[SimilarAccount]]:
    """Each account's similar accounts ranked (``best_similar``), with the reasons in words: the
    rarest products both buy, and the industry or region they share."""
    baskets, _ = account_similarity(market)
    weight = dict(zip(baskets.products, baskets.product_weights().tolist(), strict=True))
    out: dict[str, list[SimilarAccount]] = {}
    for company in sorted(scores):
        ranked = best_similar(scores[company], top)
        out[company] = [
            SimilarAccount(company, other, score, rank, _reasons(market, baskets, weight, company, other))
            for rank, (other, score) in enumerate(ranked, start=1)
        ]
    return {c: rows for c, rows in out.items() if rows}


def _reasons(market: Market, baskets: Baskets, weight: Mapping[str, float], a: str, b: str) -> list[str]:
    shared = baskets.owned(a) & baskets.owned(b) if a in baskets.row and b in baskets.row else set()
    names = [market.name("Product", p) for p in sorted(shared, key=lambda p: (-weight[p], p))]
    reasons = []
    if names:
        shown, more = names[:SHARED_SHOWN], len(names) - SHARED_SHOWN
        items = [*shown, f"{more} more"] if more > 0 else shown
        reasons.append("both buy " + _in_words(items))
    for prop in ("industry", "region"):
        value = market.props("Company", a).get(prop)
        if value and value == market.props("Company", b).get(prop):
            reasons.append(f"same {prop} ({value})")
    return reasons


def _in_words(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
