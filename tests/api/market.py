"""A small, hand-made market for the API tests: two territories, reps, contacts, signals.

East and West have ``N`` companies each; half the names are Chinese with an English
alias. Each company has two contacts (with email and phone), one decision-role edge,
one purchase and one open signal about it.
"""

from __future__ import annotations

import datetime as dt

from graph import GraphStore

N = 60
AT = dt.datetime(2026, 9, 30, tzinfo=dt.UTC)
PROV = {"source": "test", "run_id": "t1", "ingested_at": AT}


def _p(key: str) -> dict[str, object]:
    return {**PROV, "source_key": key}


def company_id(territory: str, i: int) -> str:
    return f"{territory[0]}-{i:03d}"


def build(store: GraphStore, n: int = N) -> None:
    reps = [
        {
            "id": "R-E",
            "name": "Erin East",
            "email": "erin@us.example",
            "phone": "+8613800000001",
            "territory": "East",
            "internal": True,
            **_p("R-E"),
        },
        {
            "id": "R-W",
            "name": "Wang West",
            "aliases": ["王西"],
            "email": "wang@us.example",
            "phone": "+8613800000002",
            "territory": "West",
            "internal": True,
            **_p("R-W"),
        },
    ]
    companies, people, works, roles, owns = [], [], [], [], []
    for territory in ("East", "West"):
        for i in range(n):
            cid = company_id(territory, i)
            chinese = i % 2 == 0
            name = f"{territory}华{i:03d}医疗器械有限公司" if chinese else f"{territory} Widgets {i:03d} Ltd"
            companies.append(
                {
                    "id": cid,
                    "name": name,
                    "aliases": [f"{territory} Medical {i:03d}"] if chinese else [],
                    "industry": "Hospital" if i % 3 == 0 else "Manufacturing",
                    "region": territory,
                    "tier": "ABC"[i % 3],
                    "lifecycle": "customer" if i % 4 else "prospect",
                    "territory": territory,
                    "owner_id": f"R-{territory[0]}",
                    "annual_revenue": float(1000 + i),
                    "employees": 10 + i,
                    **_p(cid),
                }
            )
            owns.append({"_from": f"R-{territory[0]}", "_to": cid, **_p(cid)})
            for j in range(2):
                pid = f"P-{cid}-{j}"
                people.append(
                    {
                        "id": pid,
                        "name": f"Contact {j} of {cid}",
                        "email": f"c{j}.{cid.lower()}@client.example",
                        "phone": f"+86139{i:04d}{j:04d}",
                        "seniority": "vp" if j == 0 else "staff",
                        "internal": False,
                        **_p(pid),
                    }
                )
                works.append({"_from": pid, "_to": cid, "current": True, **_p(pid)})
            roles.append(
                {
                    "_from": f"P-{cid}-0",
                    "_to": cid,
                    "role": "economic_buyer",
                    "stance": "supporter",
                    **_p(cid),
                }
            )
            roles.append({"_from": f"P-{cid}-1", "_to": cid, "role": "user", **_p(cid)})
    store.upsert_nodes("Person", reps + people)
    store.upsert_nodes("Company", companies)
    store.upsert_edges("WORKS_AT", "Person", "Company", works)
    store.upsert_edges("DECISION_ROLE", "Person", "Company", roles)
    store.upsert_edges("OWNS", "Person", "Company", owns)
    store.upsert_nodes(
        "Product",
        [
            {
                "id": "PRD-1",
                "name": "Infusion Pump",
                "aliases": ["输液泵"],
                "category": "medical",
                **_p("PRD-1"),
            },
            {"id": "PRD-2", "name": "Servo Drive", "category": "industrial", **_p("PRD-2")},
        ],
    )
    store.upsert_edges(
        "PURCHASED",
        "Company",
        "Product",
        [
            {
                "_from": c["id"],
                "_to": "PRD-1",
                "line_id": f"O-{c['id']}-1",
                "amount": 10.0,
                **_p(str(c["id"])),
            }
            for c in companies
        ],
    )
    signals = [
        {
            "id": f"S-{c['id']}",
            "kind": "churn_risk",
            "score": 0.5 + (k % 5) / 10,
            "severity": "high",
            "status": "open",
            "reason": "orders fell",
            "detected_at": AT,
            **_p(str(c["id"])),
        }
        for k, c in enumerate(companies)
    ]
    store.upsert_nodes("Signal", signals)
    store.upsert_edges(
        "ABOUT",
        "Signal",
        "Company",
        [{"_from": s["id"], "_to": str(s["id"])[2:], **_p(str(s["id"]))} for s in signals],
    )
