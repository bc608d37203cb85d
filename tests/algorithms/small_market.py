"""A small market written through the port, so a test can run the analyses on either store."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from graph import GraphStore

NOW = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
AS_OF = dt.date(2026, 9, 30)


def _prov(key: str) -> dict[str, Any]:
    return {"source": "test", "source_key": key, "run_id": "ingest-1", "ingested_at": NOW}


def write_small_market(store: GraphStore, seed: int = 3) -> int:
    """Twelve accounts buying from six products (P1+P2 planted as a bundle), three
    people each, a rep who knows one person per account, a competitor product in use.
    Returns how many nodes and edges were created or changed (0 on a rerun)."""
    rng = random.Random(seed)
    written = 0
    companies = [{"id": "ME", "name": "Us", "is_self": True, **_prov("ME")}]
    companies += [{"id": "RIVAL", "name": "Rival", **_prov("RIVAL")}]
    companies += [
        {"id": f"C{i}", "name": f"Account {i}", "lifecycle": "customer", **_prov(f"C{i}")} for i in range(12)
    ]
    written += store.upsert_nodes("Company", companies)
    products = [
        {"id": f"P{j}", "name": f"Product {j}", "category": f"cat{j % 3}", **_prov(f"P{j}")} for j in range(6)
    ]
    products.append({"id": "X1", "name": "Rival kit", "category": "cat0", **_prov("X1")})
    written += store.upsert_nodes("Product", products)
    written += store.upsert_edges(
        "OFFERED_BY",
        "Product",
        "Company",
        [{"_from": p["id"], "_to": "RIVAL" if p["id"] == "X1" else "ME", **_prov(p["id"])} for p in products],
    )
    lines = []
    for i in range(12):
        for n in range(8):
            at = AS_OF - dt.timedelta(days=rng.randint(0, 700) if i % 4 else rng.randint(120, 700))
            items = ["P1", "P2"] if rng.random() < 0.5 else [f"P{rng.randint(0, 5)}"]
            lines += [
                {
                    "_from": f"C{i}",
                    "_to": p,
                    "line_id": f"O{i}-{n}:{k}",
                    "order_id": f"O{i}-{n}",
                    "at": at,
                    "amount": 100.0 * (k + 1),
                    **_prov(f"O{i}-{n}:{k}"),
                }
                for k, p in enumerate(items)
            ]
    written += store.upsert_edges("PURCHASED", "Company", "Product", lines)
    contract_end = AS_OF + dt.timedelta(days=60)
    written += store.upsert_edges(
        "USES",
        "Company",
        "Product",
        [{"_from": "C0", "_to": "X1", "contract_end": contract_end, **_prov("u")}],
    )
    people = [{"id": "R1", "name": "Rep", "internal": True, **_prov("R1")}]
    people += [
        {"id": f"C{i}-{r}", "name": f"Person {i}-{r}", "seniority": s, **_prov(f"C{i}-{r}")}
        for i in range(12)
        for r, s in enumerate(("c_level", "manager", "staff"))
    ]
    written += store.upsert_nodes("Person", people)
    staff = [p["id"] for p in people[1:]]
    written += store.upsert_edges(
        "WORKS_AT",
        "Person",
        "Company",
        [{"_from": p, "_to": p.split("-")[0], "current": True, **_prov(p)} for p in staff],
    )
    written += store.upsert_edges(
        "REPORTS_TO",
        "Person",
        "Person",
        [{"_from": f"C{i}-{r}", "_to": f"C{i}-0", **_prov(f"rt{i}{r}")} for i in range(12) for r in (1, 2)],
    )
    written += store.upsert_edges(
        "KNOWS",
        "Person",
        "Person",
        [
            {"_from": "R1", "_to": f"C{i}-1", "strength": 0.8, "last_contact": AS_OF, **_prov(f"k{i}")}
            for i in range(12)
        ],
    )
    return written
