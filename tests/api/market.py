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
                        "address": f"{i} Century Avenue",
                        "postcode": f"2001{i:02d}",
                        "birth_date": dt.date(1980 + j, 1, 2),
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


#: acquaintances towards East contact ``WARM_TARGET``: three paths start at the East rep,
#: and the warmest of all at the West rep through a West contact (hidden from East)
WARM_TARGET = "P-E-003-0"
_KNOWS = (
    ("R-E", "P-E-001-0", 0.9, dt.date(2026, 9, 1)),
    ("P-E-001-0", "P-E-002-0", 0.8, dt.date(2026, 8, 1)),
    ("P-E-002-0", WARM_TARGET, 0.7, dt.date(2026, 7, 1)),
    ("R-E", "P-E-004-0", 0.3, dt.date(2024, 1, 1)),
    ("P-E-004-0", WARM_TARGET, 0.5, dt.date(2026, 6, 1)),
    ("R-E", "P-E-003-1", 0.6, dt.date(2026, 9, 15)),
    ("R-W", "P-W-001-0", 0.95, dt.date(2026, 9, 20)),
    ("P-W-001-0", WARM_TARGET, 0.95, dt.date(2026, 9, 20)),
)
#: (label, key, network_influence, network_rank, brokerage), strongest first
NETWORK = (
    ("Person", "P-W-001-0", 0.30, 1, 0.5),
    ("Company", "E-001", 0.25, 2, 0.0),
    ("Person", "P-E-001-0", 0.20, 3, 0.4),
    ("Company", "W-002", 0.15, 4, 0.0),
    ("Person", "R-E", 0.10, 5, 0.2),
    ("Person", "P-E-002-0", 0.05, 6, 0.1),
)
#: E-001's most similar accounts: (other, score, rank, reasons)
SIMILAR = (
    ("E-002", 0.9, 1, ["both buy Infusion Pump", "same industry"]),
    ("W-003", 0.8, 2, ["both buy Infusion Pump"]),
    ("E-004", 0.5, 3, ["same region"]),
)
#: E-005's decision chain as an influence analysis stores it: (person, score, rank, reasons)
CHAIN = (
    ("P-E-005-1", 0.7, 1, ["champion", "most-contacted (9 interactions)"]),
    ("P-E-005-0", 0.4, 2, ["economic buyer", "VP"]),
)


def build_network(store: GraphStore) -> None:
    """Acquaintances, network influence, similar accounts and one stored decision chain,
    over the companies ``build`` made (``n`` of at least 6)."""
    store.upsert_edges(
        "KNOWS",
        "Person",
        "Person",
        [{"_from": a, "_to": b, "strength": s, "last_contact": d, **_p(f"{a}>{b}")} for a, b, s, d in _KNOWS],
    )
    store.upsert_edges(
        "REPORTS_TO", "Person", "Person", [{"_from": "P-E-003-1", "_to": WARM_TARGET, **_p("P-E-003-1")}]
    )
    for label, key, influence, rank, brokerage in NETWORK:
        set_props(store, label, key, network_influence=influence, network_rank=rank, brokerage=brokerage)
    store.upsert_edges(
        "SIMILAR_TO",
        "Company",
        "Company",
        [
            {"_from": "E-001", "_to": b, "score": s, "rank": r, "reasons": why, **_p(f"E-001>{b}")}
            for b, s, r, why in SIMILAR
        ],
    )
    for key, score, rank, reasons in CHAIN:
        set_props(store, "Person", key, influence_score=score, influence_rank=rank, influence_reasons=reasons)


def set_props(store: GraphStore, label: str, key: str, **props: object) -> None:
    """Set properties on a node ``build`` made (upserts need its required name)."""
    node = store.get_node(label, key)
    assert node is not None, key
    store.upsert_nodes(label, [{"id": key, "name": node.props["name"], **props, **_p(key)}])


def contacts_mapping(source: str) -> str:
    """A records mapping of uploaded contacts (id, name, phone) for ingest tests over the API."""
    return f"""source: {source}
nodes:
  - label: Person
    key: "{{id}}"
    props:
      name: {{column: name, required: true}}
      phone: {{column: phone, type: phone}}
"""
