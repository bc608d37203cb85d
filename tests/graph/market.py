"""A small, deterministic market used by the store contract suite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from graph import GraphStore

RUN = {
    "source": "contract",
    "run_id": "run-1",
    "ingested_at": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
}
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@dataclass
class Market:
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: list[tuple[str, str, str, list[dict[str, Any]]]] = field(default_factory=list)

    def load(self, store: GraphStore) -> None:
        for label, rows in self.nodes.items():
            store.upsert_nodes(label, rows)
        for rel, start, end, rows in self.edges:
            store.upsert_edges(rel, start, end, rows)

    def node_count(self) -> int:
        return sum(len(rows) for rows in self.nodes.values())

    def edge_count(self) -> int:
        return sum(len(rows) for *_, rows in self.edges)


def small_market() -> Market:
    companies: list[dict[str, Any]] = [
        {"id": "c-self", "name": "MedEquip Group", "is_self": True, "country": "CN"},
        {
            "id": "c-ruijin",
            "name": "上海瑞金医院",
            "aliases": ["Shanghai Ruijin Hospital", "Ruijin Hosp."],
            "city": "上海",
            "employees": 8200,
            "annual_revenue": 1.2e9,
            "tier": "A",
            "lifecycle": "customer",
            "territory": "east",
            "region": "APAC",
            "industry": "hospital",
        },
        {
            "id": "c-suzhou",
            "name": "苏州精工机械有限公司",
            "aliases": ["Suzhou Precision Machinery Co., Ltd."],
            "city": "苏州",
            "employees": 640,
            "lifecycle": "prospect",
            "territory": "east",
            "industry": "manufacturing",
        },
        {
            "id": "c-berlin",
            "name": "Charité Berlin",
            "city": "Berlin",
            "country": "DE",
            "lifecycle": "customer",
            "territory": "emea",
            "employees": 15000,
        },
        {"id": "c-rival", "name": "Mindray", "country": "CN"},
    ]
    people: list[dict[str, Any]] = [
        {
            "id": "p-wang",
            "name": "王磊",
            "aliases": ["Wang Lei", "Dr. Wang"],
            "title": "设备科主任",
            "department": "设备科",
            "seniority": "director",
            "email": "wang.lei@ruijin.example",
            "phone": "+862164370045",
        },
        {"id": "p-li", "name": "李娜", "aliases": ["Li Na"], "title": "CFO", "seniority": "c_level"},
        {"id": "p-zhao", "name": "赵敏", "title": "工程师", "seniority": "staff"},
        {"id": "p-mueller", "name": "Anna Müller", "title": "Head of Procurement", "seniority": "director"},
        {"id": "r-chen", "name": "陈晓", "internal": True, "territory": "east"},
    ]
    products = [
        {"id": f"pr-{i}", "name": name, "category": cat, "price": price, "currency": "CNY"}
        for i, (name, cat, price) in enumerate(
            [
                ("Patient Monitor M7", "monitoring", 48000.0),
                ("Infusion Pump P2", "infusion", 12000.0),
                ("监护仪耗材包", "consumables", 800.0),
                ("BeneView T8", "monitoring", 52000.0),
            ]
        )
    ]
    opps = [
        {
            "id": "o-1",
            "name": "ICU refresh",
            "stage": "Proposal",
            "amount": 960000.0,
            "status": "open",
            "close_date": dt.date(2027, 3, 31),
        }
    ]
    activities = [
        {
            "id": "a-1",
            "kind": "meeting",
            "sentiment": 0.4,
            "summary": "Demo of M7 at 设备科",
            "at": dt.datetime(2026, 9, 1, 10, 30, tzinfo=SHANGHAI),
        }
    ]
    market = Market(
        nodes={
            "Company": [r | RUN for r in companies],
            "Person": [r | RUN for r in people],
            "Product": [r | RUN for r in products],
            "Opportunity": [r | RUN for r in opps],
            "Activity": [r | RUN for r in activities],
        }
    )
    e = market.edges
    e.append(
        (
            "WORKS_AT",
            "Person",
            "Company",
            [
                {
                    "_from": "p-wang",
                    "_to": "c-ruijin",
                    "title": "设备科主任",
                    "current": True,
                    "since": dt.date(2019, 5, 1),
                },
                {"_from": "p-li", "_to": "c-ruijin", "title": "CFO", "current": True},
                {"_from": "p-zhao", "_to": "c-ruijin", "title": "工程师", "current": False},
                {"_from": "p-mueller", "_to": "c-berlin", "title": "Head of Procurement", "current": True},
            ],
        )
    )
    e.append(("REPORTS_TO", "Person", "Person", [{"_from": "p-zhao", "_to": "p-wang"}]))
    e.append(
        (
            "DECISION_ROLE",
            "Person",
            "Company",
            [
                {"_from": "p-li", "_to": "c-ruijin", "role": "economic_buyer", "stance": "neutral"},
                {
                    "_from": "p-wang",
                    "_to": "c-ruijin",
                    "role": "decision_maker",
                    "stance": "supporter",
                    "confidence": 0.9,
                    "evidence": '{"document": "d-1", "offsets": [0, 24]}',
                },
            ],
        )
    )
    e.append(
        (
            "DECISION_ROLE",
            "Person",
            "Opportunity",
            [{"_from": "p-wang", "_to": "o-1", "role": "champion", "stance": "supporter"}],
        )
    )
    e.append(
        (
            "KNOWS",
            "Person",
            "Person",
            [{"_from": "r-chen", "_to": "p-wang", "strength": 0.8, "last_contact": dt.date(2026, 9, 1)}],
        )
    )
    e.append(("OWNS", "Person", "Company", [{"_from": "r-chen", "_to": "c-ruijin"}]))
    e.append(
        (
            "OFFERED_BY",
            "Product",
            "Company",
            [
                {"_from": "pr-0", "_to": "c-self"},
                {"_from": "pr-1", "_to": "c-self"},
                {"_from": "pr-2", "_to": "c-self"},
                {"_from": "pr-3", "_to": "c-rival"},
            ],
        )
    )
    e.append(
        (
            "PURCHASED",
            "Company",
            "Product",
            [
                {
                    "_from": "c-ruijin",
                    "_to": "pr-0",
                    "line_id": "SO-1:1",
                    "order_id": "SO-1",
                    "quantity": 10.0,
                    "amount": 480000.0,
                    "currency": "CNY",
                    "at": dt.date(2025, 3, 3),
                },
                {
                    "_from": "c-ruijin",
                    "_to": "pr-2",
                    "line_id": "SO-1:2",
                    "order_id": "SO-1",
                    "quantity": 100.0,
                    "amount": 80000.0,
                    "currency": "CNY",
                    "at": dt.date(2025, 3, 3),
                },
                {
                    "_from": "c-ruijin",
                    "_to": "pr-2",
                    "line_id": "SO-7:1",
                    "order_id": "SO-7",
                    "quantity": 50.0,
                    "amount": 40000.0,
                    "currency": "CNY",
                    "at": dt.date(2025, 9, 9),
                },
                {
                    "_from": "c-berlin",
                    "_to": "pr-1",
                    "line_id": "SO-9:1",
                    "order_id": "SO-9",
                    "quantity": 4.0,
                    "amount": 48000.0,
                    "currency": "EUR",
                    "at": dt.date(2026, 1, 15),
                },
            ],
        )
    )
    e.append(
        (
            "USES",
            "Company",
            "Product",
            [{"_from": "c-suzhou", "_to": "pr-3", "contract_end": dt.date(2027, 3, 31)}],
        )
    )
    e.append(("COMPETES_WITH", "Company", "Company", [{"_from": "c-rival", "_to": "c-self"}]))
    e.append(("HAS_OPPORTUNITY", "Company", "Opportunity", [{"_from": "c-ruijin", "_to": "o-1"}]))
    e.append(("FOR_PRODUCT", "Opportunity", "Product", [{"_from": "o-1", "_to": "pr-0"}]))
    e.append(
        (
            "PARTICIPATED",
            "Person",
            "Activity",
            [{"_from": "p-wang", "_to": "a-1"}, {"_from": "r-chen", "_to": "a-1"}],
        )
    )
    e.append(("ABOUT", "Activity", "Company", [{"_from": "a-1", "_to": "c-ruijin"}]))
    market.edges = [(rel, start, end, [r | RUN for r in rows]) for rel, start, end, rows in e]
    return market
