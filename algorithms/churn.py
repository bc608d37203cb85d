"""Churn risk: account features as of a date, a scikit-learn model, and its honest AUC.

Features at an observation date T use only what happened on or before T: order
recency (also relative to the account's usual gap between orders), frequency and
monetary value and their trend against the year before, activity volume, sentiment
(also as a z-score against the account's own history) and ticket trends, deals lost
and competitor products installed recently. Labels say whether the account churned within ``horizon`` days
after T; one account contributes a row per observation date until it churns.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, cross_val_predict

from algorithms.market import Market, Purchase

__all__ = ["FEATURES", "ChurnModel", "crm_churn_dates", "features", "holdout_auc", "monthly_cutoffs"]

FEATURES = (
    "days_since_order",
    "orders_90d",
    "orders_180d",
    "orders_baseline",
    "order_trend",
    "amount_90d",
    "amount_trend",
    "activities_120d",
    "activities_baseline",
    "sentiment_120d",
    "sentiment_baseline",
    "sentiment_trend",
    "tickets_120d",
    "tickets_baseline",
    "ticket_trend",
    "ticket_sentiment",
    "deals_lost_240d",
    "deals_won_240d",
    "rival_installs_365d",
    "order_gap_ratio",
    "sentiment_z",
    "ticket_share_trend",
    "line_value_trend",
)


def _rate(dates: Sequence[dt.date], at: dt.date, near: int, far: int) -> float:
    """Events per 90 days in the window (at - far, at - near]."""
    lo, hi = at - dt.timedelta(days=far), at - dt.timedelta(days=near)
    return sum(1 for d in dates if lo < d <= hi) / (far - near) * 90


class _Index:
    """Per-account lists the features read, built once per market."""

    def __init__(self, market: Market) -> None:
        self.orders: dict[str, list[Purchase]] = defaultdict(list)
        for p in market.purchases():
            self.orders[p.company].append(p)
        acts = market.nodes.get("Activity", {})
        self.activities = {
            c: [acts[a] for a in market.activities(c) if acts.get(a, {}).get("at")]
            for c in market.customers()
        }
        self.opportunities = {
            c: [market.props("Opportunity", o) for o in market.opportunities(c)] for c in self.orders
        }
        ours = market.our_products()
        self.rivals: dict[str, list[dt.date]] = defaultdict(list)
        for e in market.edges.get("USES", []):
            since = e.props.get("since")
            if e.end[1] not in ours and isinstance(since, dt.date):
                self.rivals[e.start[1]].append(since)


def _window(at: dt.date, near: int, far: int) -> tuple[dt.date, dt.date]:
    return at - dt.timedelta(days=far), at - dt.timedelta(days=near)


def _order_features(lines: list[Purchase], at: dt.date) -> dict[str, float]:
    days = [d for _, d in sorted({(p.order_id, p.at) for p in lines})]
    recent, half, base = _rate(days, at, 0, 90), _rate(days, at, 0, 180), _rate(days, at, 180, 540)

    def spend(near: int, far: int) -> list[float]:
        lo, hi = _window(at, near, far)
        return [p.amount for p in lines if lo < p.at <= hi]

    amount, amount_base = sum(spend(0, 90)), sum(spend(180, 540)) / 4
    idle = float((at - days[-1]).days) if days else 1000.0
    gaps = np.diff([d.toordinal() for d in days]) if len(days) > 2 else np.array([365.0])
    line_now, line_before = (float(np.mean(v)) if v else 0.0 for v in (spend(0, 180), spend(180, 540)))
    return {
        "days_since_order": idle,
        "orders_90d": float(np.log1p(recent)),
        "orders_180d": float(np.log1p(half)),
        "orders_baseline": float(np.log1p(base)),
        "order_trend": float(np.log((half + 0.5) / (base + 0.5))),
        "amount_90d": float(np.log1p(amount)),
        "amount_trend": float(np.log((amount + 1e3) / (amount_base + 1e3))),
        "order_gap_ratio": idle / max(float(np.median(gaps)), 1.0),
        "line_value_trend": float(np.log((line_now + 100) / (line_before + 100))),
    }


def _mood(rows: list[dict[str, Any]]) -> float:
    return float(np.mean([float(r.get("sentiment") or 0.0) for r in rows])) if rows else 0.0


def _ticket_share(rows: list[dict[str, Any]]) -> float:
    return sum(1 for a in rows if a["kind"] == "ticket") / len(rows) if rows else 0.0


def _activity_features(acts: list[dict[str, Any]], at: dt.date) -> dict[str, float]:
    near = [a for a in acts if a["at"].date() > at - dt.timedelta(days=120)]
    lo, hi = _window(at, 120, 480)
    far = [a for a in acts if lo < a["at"].date() <= hi]
    tickets = [a for a in near if a["kind"] == "ticket"]
    tickets_base = sum(1 for a in far if a["kind"] == "ticket") / 3
    history = [float(a.get("sentiment") or 0.0) for a in acts]
    spread = float(np.std(history)) if len(history) > 2 else 1.0
    z = (_mood(near) - float(np.mean(history or [0.0]))) / (spread / np.sqrt(max(len(near), 1)) + 1e-3)
    return {
        "activities_120d": float(len(near)),
        "activities_baseline": len(far) / 3,
        "sentiment_120d": _mood(near),
        "sentiment_baseline": _mood(far),
        "sentiment_trend": _mood(near) - _mood(far),
        "tickets_120d": float(len(tickets)),
        "tickets_baseline": tickets_base,
        "ticket_trend": len(tickets) - tickets_base,
        "ticket_sentiment": _mood(tickets),
        "sentiment_z": z,
        "ticket_share_trend": _ticket_share(near) - _ticket_share(far),
    }


def _deal_features(deals: list[dict[str, Any]], rivals: list[dt.date], at: dt.date) -> dict[str, float]:
    lo, _ = _window(at, 0, 240)
    closed = [o for o in deals if isinstance(o.get("close_date"), dt.date) and lo < o["close_date"] <= at]
    return {
        "deals_lost_240d": float(sum(1 for o in closed if o.get("status") == "lost")),
        "deals_won_240d": float(sum(1 for o in closed if o.get("status") == "won")),
        "rival_installs_365d": float(sum(1 for d in rivals if at - dt.timedelta(days=365) < d <= at)),
    }


def _row(ix: _Index, company: str, at: dt.date) -> list[float]:
    values = (
        _order_features([p for p in ix.orders.get(company, []) if p.at <= at], at)
        | _activity_features([a for a in ix.activities.get(company, []) if a["at"].date() <= at], at)
        | _deal_features(ix.opportunities.get(company, []), ix.rivals.get(company, []), at)
    )
    return [values[name] for name in FEATURES]


def features(market: Market, companies: Sequence[str], at: dt.date) -> npt.NDArray[np.float64]:
    """One row of ``FEATURES`` per company, from what was known on ``at``."""
    ix = _Index(market)
    return np.array([_row(ix, c, at) for c in companies], dtype=np.float64).reshape(
        len(companies), len(FEATURES)
    )


def monthly_cutoffs(first: dt.date, last: dt.date) -> list[dt.date]:
    """Month ends from ``first``'s month to ``last``'s."""
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        out.append(nxt - dt.timedelta(days=1))
        year, month = nxt.year, nxt.month
    return out


def _panel(
    market: Market,
    churned: Mapping[str, dt.date | None],
    cutoffs: Sequence[dt.date],
    horizon: int,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], list[str]]:
    """Rows (account, cutoff) for accounts that had ordered and not yet churned."""
    ix = _Index(market)
    rows, labels, groups = [], [], []
    for at in cutoffs:
        for company, when in sorted(churned.items()):
            if not any(p.at <= at for p in ix.orders.get(company, [])) or (when is not None and when <= at):
                continue
            rows.append(_row(ix, company, at))
            labels.append(int(when is not None and when <= at + dt.timedelta(days=horizon)))
            groups.append(company)
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.int64), groups


def _classifier(seed: int) -> RandomForestClassifier:
    # Few churners (about 30 in the sample): large leaves and feature subsampling keep
    # the forest from memorising accounts; measured best of the settings tried.
    return RandomForestClassifier(
        n_estimators=500, min_samples_leaf=15, max_features=0.3, random_state=seed, n_jobs=1
    )


def holdout_auc(
    market: Market,
    churned: Mapping[str, dt.date | None],
    cutoffs: Sequence[dt.date],
    *,
    horizon: int = 90,
    folds: int = 5,
    seed: int = 0,
) -> float:
    """ROC AUC of predicting churn within ``horizon`` days after each cutoff from
    features known at the cutoff; accounts are split into ``folds`` groups, so every
    score comes from a model that never saw that account."""
    x, y, groups = _panel(market, churned, cutoffs, horizon)
    scores = cross_val_predict(
        _classifier(seed), x, y, groups=groups, cv=GroupKFold(folds), method="predict_proba"
    )
    return float(roc_auc_score(y, scores[:, 1]))


def crm_churn_dates(market: Market) -> dict[str, dt.date | None]:
    """Training labels the graph itself holds: accounts the CRM marks churned, dated by
    their last order; every other customer as not churned."""
    last: dict[str, dt.date] = {}
    for p in market.purchases():
        last[p.company] = p.at
    return {
        c: last[c] if market.props("Company", c).get("lifecycle") == "churned" else None
        for c in market.customers()
    }


@dataclass
class ChurnModel:
    classifier: RandomForestClassifier

    @classmethod
    def train(
        cls,
        market: Market,
        churned: Mapping[str, dt.date | None],
        cutoffs: Sequence[dt.date],
        *,
        horizon: int = 90,
        seed: int = 0,
    ) -> ChurnModel:
        x, y, _ = _panel(market, churned, cutoffs, horizon)
        classifier = _classifier(seed)
        classifier.fit(x, y)
        return cls(classifier)

    def risk(self, market: Market, companies: Sequence[str], at: dt.date) -> npt.NDArray[np.float64]:
        """Probability of churning within the horizon, per company."""
        proba = self.classifier.predict_proba(features(market, companies, at))
        classes = list(self.classifier.classes_)
        if 1 not in classes:
            return np.zeros(len(companies))
        result: npt.NDArray[np.float64] = proba[:, classes.index(1)]
        return result
