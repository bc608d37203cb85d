"""Churn features of one account as of a date, from what the graph knew on that date.

Every feature at an observation date T reads only events dated on or before T:
orders (recency, also relative to the account's usual gap; frequency, spend and basket
size against the year before), activities (volume, sentiment, also as a z-score against
the account's own history, tickets and their bursts, how often the people who back us
are still in the conversation), deals lost and won, competitor products installed, and
departures of those backers. Deals are only read once closed (the graph holds no
creation date), so a deal opened after T cannot leak into T's row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.stats import poisson

from algorithms.market import Market, Purchase

FEATURES = (
    "days_since_order",
    "order_gap_ratio",
    "orders_90d",
    "order_trend",
    "order_shortfall",
    "order_shortfall_180d",
    "amount_90d",
    "amount_trend",
    "line_value_trend",
    "lines_per_order_trend",
    "conversations_trend",
    "conversation_shortfall",
    "conversation_shortfall_180d",
    "meeting_share_trend",
    "senior_share_trend",
    "backer_touch_trend",
    "contacts_trend",
    "sentiment_120d",
    "sentiment_trend",
    "sentiment_z",
    "tickets_120d",
    "ticket_trend",
    "ticket_burst",
    "ticket_excess",
    "ticket_sentiment",
    "backers_left_365d",
    "deals_lost_240d",
    "deals_won_240d",
    "rival_installs_365d",
)
BACKING_ROLES = frozenset({"champion", "economic_buyer", "decision_maker"})
SENIOR = frozenset({"c_level", "vp", "director"})


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _rate(dates: Sequence[dt.date], at: dt.date, near: int, far: int) -> float:
    """Events per 90 days in the window (at - far, at - near]."""
    lo, hi = at - _days(far), at - _days(near)
    return sum(1 for d in dates if lo < d <= hi) / (far - near) * 90


def _surprise(dates: Sequence[dt.date], at: dt.date, *, fewer: bool, window: int = 90) -> float:
    """How unlikely the count of events in the last ``window`` days is, given the
    account's own rate in the year before (-log of the Poisson tail): robust for sparse
    accounts, where a plain count or trend is mostly noise."""
    recent = sum(1 for d in dates if at - _days(window) < d <= at)
    before = sum(1 for d in dates if at - _days(window + 365) < d <= at - _days(window))
    usual = (before + 0.5) * window / 365
    tail = poisson.cdf(recent, usual) if fewer else poisson.sf(recent - 1, usual)
    return float(-np.log(max(tail, 1e-12)))


def _mean(values: Sequence[float]) -> float:
    return float(np.mean(values)) if values else 0.0


class FeatureIndex:
    """Per-account lists the features read, built once per market snapshot."""

    def __init__(self, market: Market) -> None:
        self.orders: dict[str, list[Purchase]] = defaultdict(list)
        for p in market.purchases():
            self.orders[p.company].append(p)
        acts = market.nodes.get("Activity", {})
        companies = set(market.nodes.get("Company", {})) | set(self.orders)
        self.activities: dict[str, list[tuple[dict[str, Any], frozenset[str]]]] = {
            c: [
                (acts[a], frozenset(market.participants(a)))
                for a in market.activities(c)
                if acts.get(a, {}).get("at")
            ]
            for c in companies
        }
        self.deals = {c: [market.props("Opportunity", o) for o in market.opportunities(c)] for c in companies}
        self.backers = {c: self._backers(market, c) for c in companies}
        self.left: dict[str, dict[str, dt.date]] = defaultdict(dict)
        self.senior: dict[str, set[str]] = defaultdict(set)
        for e in market.edges.get("WORKS_AT", []):
            until = e.props.get("until")
            if isinstance(until, dt.date):
                self.left[e.end[1]][e.start[1]] = until
            if e.props.get("seniority") in SENIOR:
                self.senior[e.end[1]].add(e.start[1])
        ours = market.our_products()
        self.rivals: dict[str, list[dt.date]] = defaultdict(list)
        for e in market.edges.get("USES", []):
            since = e.props.get("since")
            if e.end[1] not in ours and isinstance(since, dt.date):
                self.rivals[e.start[1]].append(since)

    @staticmethod
    def _backers(market: Market, company: str) -> list[tuple[str, dt.date]]:
        """People who backed us on a deal (a champion, a supporter, or a decision role
        leaning our way), with the deal's close date: known from that date on."""
        out = []
        for o in market.opportunities(company):
            close = market.props("Opportunity", o).get("close_date")
            if not isinstance(close, dt.date):
                continue
            for e in market.touching("DECISION_ROLE", ("Opportunity", o)):
                role, stance = e.props.get("role"), e.props.get("stance")
                if role == "champion" or (stance == "supporter" and role in BACKING_ROLES):
                    out.append((e.start[1], close))
        return out

    def row(self, company: str, at: dt.date) -> list[float]:
        """``FEATURES`` of ``company`` from what was known on ``at``."""
        backers = {p for p, known in self.backers.get(company, []) if known <= at}
        values = (
            _orders([p for p in self.orders.get(company, []) if p.at <= at], at)
            | _activities(
                [a for a in self.activities.get(company, []) if a[0]["at"].date() <= at],
                backers,
                self.senior.get(company, set()),
                at,
            )
            | _deals(self.deals.get(company, []), self.rivals.get(company, []), at)
        )
        left = self.left.get(company, {})
        values["backers_left_365d"] = float(
            sum(1 for p in backers if at - _days(365) < left.get(p, dt.date.max) <= at)
        )
        return [values[name] for name in FEATURES]


def _orders(lines: list[Purchase], at: dt.date) -> dict[str, float]:
    orders = sorted({(p.at, p.order_id) for p in lines})
    days = [d for d, _ in orders]
    recent, half, base = _rate(days, at, 0, 90), _rate(days, at, 0, 180), _rate(days, at, 180, 540)

    def window(near: int, far: int) -> list[Purchase]:
        lo, hi = at - _days(far), at - _days(near)
        return [p for p in lines if lo < p.at <= hi]

    now, before = window(0, 180), window(180, 540)
    amount, amount_base = sum(p.amount for p in window(0, 90)), sum(p.amount for p in before) / 4
    idle = float((at - days[-1]).days) if days else 1000.0
    gaps = np.diff([d.toordinal() for d in days]) if len(days) > 2 else np.array([365.0])

    def per_order(rows: list[Purchase]) -> float:
        return len(rows) / max(len({p.order_id for p in rows}), 1)

    return {
        "days_since_order": idle,
        "order_gap_ratio": idle / max(float(np.median(gaps)), 1.0),
        "orders_90d": float(np.log1p(recent)),
        "order_trend": float(np.log((half + 0.5) / (base + 0.5))),
        "order_shortfall": _surprise(days, at, fewer=True),
        "order_shortfall_180d": _surprise(days, at, fewer=True, window=180),
        "amount_90d": float(np.log1p(amount)),
        "amount_trend": float(np.log((amount + 1e3) / (amount_base + 1e3))),
        "line_value_trend": float(
            np.log((_mean([p.amount for p in now]) + 100) / (_mean([p.amount for p in before]) + 100))
        ),
        "lines_per_order_trend": per_order(now) - per_order(before) if now and before else 0.0,
    }


def _mood(rows: Sequence[dict[str, Any]]) -> float:
    return _mean([float(r.get("sentiment") or 0.0) for r in rows])


def _activities(
    acts: list[tuple[dict[str, Any], frozenset[str]]], backers: set[str], senior: set[str], at: dt.date
) -> dict[str, float]:
    lo, hi = at - _days(480), at - _days(120)
    near = [a for a in acts if a[0]["at"].date() > hi]
    far = [a for a in acts if lo < a[0]["at"].date() <= hi]
    tickets = [a for a, _ in near if a["kind"] == "ticket"]
    tickets_base = sum(1 for a, _ in far if a["kind"] == "ticket") / 3
    monthly = [
        sum(1 for a in tickets if at - _days(30 * (k + 1)) < a["at"].date() <= at - _days(30 * k))
        for k in range(4)
    ]
    history = [float(a.get("sentiment") or 0.0) for a, _ in acts]
    spread = float(np.std(history)) if len(history) > 2 else 1.0
    mood_near, mood_far = _mood([a for a, _ in near]), _mood([a for a, _ in far])
    talk_near = [a for a in near if a[0]["kind"] != "ticket"]
    talk_far = [a for a in far if a[0]["kind"] != "ticket"]

    def share(rows: list[tuple[dict[str, Any], frozenset[str]]], test: Any) -> float:
        return sum(1 for row in rows if test(row)) / len(rows) if rows else 0.0

    def trend(test: Any) -> float:
        return share(talk_near, test) - share(talk_far, test) if talk_near and talk_far else 0.0

    talks = [a["at"].date() for a, _ in acts if a["kind"] != "ticket"]
    people_near = len({p for _, who in talk_near for p in who})
    people_far = len({p for _, who in talk_far for p in who}) / 3
    return {
        "conversations_trend": float(np.log((len(talk_near) + 1) / (len(talk_far) / 3 + 1))),
        "conversation_shortfall": _surprise(talks, at, fewer=True),
        "conversation_shortfall_180d": _surprise(talks, at, fewer=True, window=180),
        "meeting_share_trend": trend(lambda row: row[0]["kind"] == "meeting"),
        "senior_share_trend": trend(lambda row: bool(row[1] & senior)),
        "backer_touch_trend": trend(lambda row: bool(row[1] & backers)) if backers else 0.0,
        "contacts_trend": float(np.log((people_near + 1) / (people_far + 1))),
        "sentiment_120d": mood_near,
        "sentiment_trend": mood_near - mood_far,
        "sentiment_z": (mood_near - _mean(history)) / (spread / np.sqrt(max(len(near), 1)) + 1e-3),
        "tickets_120d": float(len(tickets)),
        "ticket_trend": len(tickets) - tickets_base,
        "ticket_burst": max(monthly) / (tickets_base / 4 + 0.5),
        "ticket_excess": _surprise(
            [a["at"].date() for a, _ in acts if a["kind"] == "ticket"], at, fewer=False
        ),
        "ticket_sentiment": _mood(tickets),
    }


def _deals(deals: list[dict[str, Any]], rivals: list[dt.date], at: dt.date) -> dict[str, float]:
    lo = at - _days(240)
    closed = [o for o in deals if isinstance(o.get("close_date"), dt.date) and lo < o["close_date"] <= at]
    return {
        "deals_lost_240d": float(sum(1 for o in closed if o.get("status") == "lost")),
        "deals_won_240d": float(sum(1 for o in closed if o.get("status") == "won")),
        "rival_installs_365d": float(sum(1 for d in rivals if at - _days(365) < d <= at)),
    }
