"""A hand-made account small enough to check answers by eye."""

from __future__ import annotations

import datetime as dt
from typing import Any

from algorithms.market import Market
from graph import Edge

AS_OF = dt.date(2026, 9, 30)


def _at(days_ago: int) -> dt.datetime:
    return dt.datetime.combine(AS_OF - dt.timedelta(days=days_ago), dt.time(9), tzinfo=dt.UTC)


def tiny_market() -> Market:
    """ACME: Ann (CFO, economic buyer, 3 reports), Bob, Cid and Dee report to her; Bob
    is the champion we meet most. Rep R-1 knows Eve, who knows Ann."""
    people: dict[str, dict[str, Any]] = {
        "ann": {"name": "Ann", "seniority": "c_level"},
        "bob": {"name": "Bob", "seniority": "manager"},
        "cid": {"name": "Cid", "seniority": "staff"},
        "dee": {"name": "Dee", "seniority": "staff"},
        "eve": {"name": "Eve", "seniority": "director"},
        "R-1": {"name": "Rita", "internal": True},
    }
    edges: dict[str, list[Edge]] = {t: [] for t in ("WORKS_AT", "REPORTS_TO", "DECISION_ROLE", "KNOWS")}
    edges["WORKS_AT"] = [
        Edge("WORKS_AT", ("Person", p), ("Company", "acme"), {"current": True})
        for p in ["ann", "bob", "cid", "dee"]
    ]
    edges["REPORTS_TO"] = [
        Edge("REPORTS_TO", ("Person", p), ("Person", "ann"), {}) for p in ("bob", "cid", "dee")
    ]
    edges["DECISION_ROLE"] = [
        Edge("DECISION_ROLE", ("Person", "ann"), ("Opportunity", "o1"), {"role": "economic_buyer"}),
        Edge("DECISION_ROLE", ("Person", "bob"), ("Opportunity", "o1"), {"role": "champion"}),
    ]
    edges["HAS_OPPORTUNITY"] = [Edge("HAS_OPPORTUNITY", ("Company", "acme"), ("Opportunity", "o1"), {})]
    edges["KNOWS"] = [
        Edge("KNOWS", ("Person", "R-1"), ("Person", "eve"), {"strength": 0.9, "last_contact": AS_OF}),
        Edge("KNOWS", ("Person", "eve"), ("Person", "ann"), {"strength": 0.8, "last_contact": AS_OF}),
        Edge(
            "KNOWS",
            ("Person", "R-1"),
            ("Person", "dee"),
            {"strength": 0.2, "last_contact": dt.date(2020, 1, 1)},
        ),
    ]
    activities = {f"a{i}": {"kind": "meeting", "at": _at(10 + i), "sentiment": 0.5} for i in range(4)}
    edges["ABOUT"] = [Edge("ABOUT", ("Activity", a), ("Company", "acme"), {}) for a in activities]
    edges["PARTICIPATED"] = [Edge("PARTICIPATED", ("Person", "bob"), ("Activity", a), {}) for a in activities]
    edges["PARTICIPATED"].append(Edge("PARTICIPATED", ("Person", "ann"), ("Activity", "a0"), {}))
    nodes = {
        "Company": {"acme": {"name": "ACME"}},
        "Person": people,
        "Opportunity": {"o1": {"status": "open"}},
        "Activity": activities,
    }
    return Market(nodes, edges, AS_OF)
