"""Account segments and value: RFM scores and tiers, a simple LTV, Louvain communities
over account similarity, and similar-account lookup."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from algorithms._sparse import FloatArray, IntArray
from algorithms.community import louvain
from algorithms.crosssell_mining import Baskets
from algorithms.market import Market
from schema import RFM_TIERS

__all__ = ["Segment", "account_communities", "rfm_segments", "similar_accounts"]

LTV_YEARS = 3.0  # horizon of the lifetime-value estimate
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


def _similarity(market: Market) -> tuple[Baskets, FloatArray]:
    baskets = Baskets.of(market.purchases(), sorted(market.our_products()))
    return baskets, baskets.account_similarity()


def account_communities(market: Market, *, neighbours: int = 10, seed: int = 0) -> dict[str, int]:
    """Louvain communities over a k-nearest-neighbour graph of account similarity."""
    baskets, sim = _similarity(market)
    n = len(baskets.accounts)
    if n == 0:
        return {}
    src, dst, wts = [], [], []
    for i in range(n):
        for j in np.argsort(-sim[i], kind="stable")[:neighbours].tolist():
            if sim[i, j] > 0:
                src.append(i)
                dst.append(j)
                wts.append(float(sim[i, j]))
    adj = sp.coo_array((wts, (src, dst)), shape=(n, n)).tocsr()
    adj = adj.maximum(adj.T).tocsr()  # symmetric: keep an edge if either side chose it
    labels = louvain(adj, seed=seed)
    return dict(zip(baskets.accounts, labels.tolist(), strict=True))


def similar_accounts(market: Market, company: str, *, top: int = 5) -> list[tuple[str, float]]:
    """The accounts whose purchases look most like ``company``'s, with cosine similarity."""
    baskets, sim = _similarity(market)
    if company not in baskets.accounts:
        return []
    row = sim[baskets.row[company]]
    order = [j for j in np.argsort(-row, kind="stable")[:top].tolist() if row[j] > 0]
    return [(baskets.accounts[j], round(float(row[j]), 4)) for j in order]
