"""Signal detectors that read an account's orders, activities, deals and installed base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np

from algorithms._signal import Signal, days_between
from algorithms.churn import ChurnModel, crm_churn_dates, monthly_cutoffs
from algorithms.market import Market

NO_ORDER_DAYS = 90
DORMANT_DAYS = 30
DISPLACEMENT_DAYS = 120
CHURN_THRESHOLD = 0.5
CHURN_HORIZON_DAYS = 90


def _last_orders(market: Market) -> dict[str, dt.date]:
    last: dict[str, dt.date] = {}
    for p in market.purchases():
        last[p.company] = max(p.at, last.get(p.company, p.at))
    return last


def churn_probabilities(market: Market) -> dict[str, float]:
    """The churn model's probability per current (not churned) customer, computed once
    per snapshot: the ``churn_risk`` signal and the segments runner both read it."""

    def build() -> dict[str, float]:
        customers = [
            c for c in market.customers() if market.props("Company", c).get("lifecycle") != "churned"
        ]
        risk = np.zeros(len(customers))
        labels = crm_churn_dates(market)
        if any(v is not None for v in labels.values()):
            # month ends of the last 15 months whose 90-day label window has ended
            horizon = dt.timedelta(days=CHURN_HORIZON_DAYS)
            cutoffs = [
                t
                for t in monthly_cutoffs(market.as_of - dt.timedelta(days=450), market.as_of)
                if t + horizon <= market.as_of
            ]
            model = ChurnModel.train(market, labels, cutoffs, horizon=CHURN_HORIZON_DAYS)
            risk = model.risk(market, customers, market.as_of)
        return dict(zip(customers, (float(p) for p in risk.tolist()), strict=True))

    return market.cached("churn_probabilities", build)


def churn_scores(market: Market) -> dict[str, float]:
    """Per current customer: the model probability, floored at 0.6 after ``NO_ORDER_DAYS``
    without an order (the ``churn_risk`` signal's score)."""
    last = _last_orders(market)
    return {
        c: round(max(p, 0.6 if days_between(market.as_of, last[c]) >= NO_ORDER_DAYS else 0.0), 4)
        for c, p in churn_probabilities(market).items()
    }


def churn_risk(market: Market) -> Iterator[Signal]:
    """Model probability (trained on the CRM's churned accounts) with the 90-day
    no-order rule as a floor."""
    last = _last_orders(market)
    for company, p in churn_probabilities(market).items():
        idle = days_between(market.as_of, last[company])
        rule = idle >= NO_ORDER_DAYS
        if p < CHURN_THRESHOLD and not rule:
            continue
        score = max(p, 0.6 if rule else 0.0)
        parts = [f"churn model risk {p:.0%}"] + ([f"no order for {idle} days"] if rule else [])
        yield Signal(
            "churn_risk",
            company,
            round(score, 4),
            "; ".join(parts),
            "call the economic buyer and review open tickets before the renewal conversation",
            {"model_probability": round(p, 4), "days_since_order": float(idle)},
            [("Company", company)],
        )


def expansion(market: Market) -> Iterator[Signal]:
    """Spend in the last 180 days at least 30% above the 180 days before."""
    recent: dict[str, float] = {}
    before: dict[str, float] = {}
    for p in market.purchases():
        age = days_between(market.as_of, p.at)
        if age <= 180:
            recent[p.company] = recent.get(p.company, 0.0) + p.amount
        elif age <= 360:
            before[p.company] = before.get(p.company, 0.0) + p.amount
    for company, amount in sorted(recent.items()):
        base = before.get(company, 0.0)
        if base > 0 and amount >= 1.3 * base:
            growth = amount / base - 1
            yield Signal(
                "expansion",
                company,
                round(min(0.4 + growth / 2, 1.0), 4),
                f"spend up {growth:.0%} over the previous half-year",
                "propose a volume agreement or the next product in the cross-sell list",
                {"spend_180d": round(amount, 2), "spend_prior_180d": round(base, 2)},
                [("Company", company)],
            )


def competitor_threat(market: Market) -> Iterator[Signal]:
    """A deal lost in the last 180 days, or clearly negative sentiment lately."""
    for company in market.customers():
        lost = [
            o
            for o in market.opportunities(company)
            if market.props("Opportunity", o).get("status") == "lost"
            and isinstance(close := market.props("Opportunity", o).get("close_date"), dt.date)
            and 0 <= days_between(market.as_of, close) <= 180
        ]
        acts = [
            a
            for a in market.activities(company)
            if days_between(market.as_of, market.props("Activity", a)["at"].date()) <= 90
        ]
        moods = [float(market.props("Activity", a).get("sentiment") or 0.0) for a in acts]
        mood = float(np.mean(moods)) if len(moods) >= 3 else 0.0
        if not lost and mood > -0.2:
            continue
        reasons = [f"{len(lost)} deal(s) lost in 180 days"] if lost else []
        reasons += [f"average sentiment {mood:+.2f} over {len(moods)} activities"] if mood <= -0.2 else []
        yield Signal(
            "competitor_threat",
            company,
            round(min(0.4 + 0.15 * len(lost) + max(-mood, 0.0) / 2, 1.0), 4),
            "; ".join(reasons),
            "find out which competitor was evaluated and brief the account owner",
            {"deals_lost_180d": float(len(lost)), "sentiment_90d": round(mood, 3)},
            [("Company", company), *(("Opportunity", o) for o in lost)],
        )


def displacement_window(market: Market) -> Iterator[Signal]:
    """A competitor's product (or a vendor's system, when a note names only the vendor) at the
    account with a contract ending within 120 days."""
    ours = market.our_products()
    for e in market.edges.get("USES", []):
        end = e.props.get("contract_end")
        if e.end[1] in ours or not isinstance(end, dt.date):
            continue
        left = days_between(end, market.as_of)
        if 0 <= left <= DISPLACEMENT_DAYS:
            product = market.name(e.end[0], e.end[1])
            yield Signal(
                "displacement_window",
                e.start[1],
                round(1 - left / DISPLACEMENT_DAYS * 0.6, 4),
                f"{product} contract ends {end} ({left} days)",
                "offer our equivalent with a migration plan before the renewal",
                {"days_to_contract_end": float(left)},
                [("Company", e.start[1]), (e.end[0], e.end[1])],
                subject=e.end[1],
            )


def dormant_account(market: Market) -> Iterator[Signal]:
    """A customer with no recorded activity for 30 days or more."""
    for company in market.customers():
        if market.props("Company", company).get("lifecycle") == "churned":
            continue
        acts = market.activities(company)
        last = market.props("Activity", acts[-1])["at"].date() if acts else None
        idle = days_between(market.as_of, last) if last else 10_000
        if idle >= DORMANT_DAYS:
            yield Signal(
                "dormant_account",
                company,
                round(min(0.3 + idle / 365, 0.9), 4),
                f"no activity for {idle} days" if last else "no activity on record",
                "schedule a check-in call",
                {"days_since_activity": float(idle)},
                [("Company", company), *([("Activity", acts[-1])] if acts else [])],
            )
