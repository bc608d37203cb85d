"""Writers for the catalogue, opportunities (+ decision roles) and the installed base."""

from __future__ import annotations

from pathlib import Path

from ._corrupt import RATE, Corruptor
from ._deals import Deal, Installed
from ._model import World
from ._writers import CsvSink, JsonlSink


def write_products(world: World, root: Path) -> int:
    sink = JsonlSink(root, "catalog/products.jsonl")
    for p in world.products:
        sink.write(
            {
                "product_id": p.product_id,
                "name": p.name_en,
                "name_local": p.name_zh,
                "category": p.category,
                "family": p.family,
                "kind": p.kind,
                "price": p.price,
                "currency": "CNY",
                "vendor": world.companies[p.vendor].market_id,
                "equivalent_of": world.products[p.equivalent_of].product_id
                if p.equivalent_of is not None
                else "",
            }
        )
    sink.close()
    return sink.rows


def write_opportunities(world: World, deals: list[Deal], root: Path, corr: Corruptor) -> tuple[int, int]:
    bare = sum(1 for d in deals if not d.contacts) or 1
    p_bare = min(1.0, RATE * len(deals) / bare)
    sink = CsvSink(
        root,
        "crm/opportunities.csv",
        [
            "opportunity_id",
            "account_id",
            "name",
            "product_id",
            "stage",
            "amount",
            "currency",
            "close_date",
            "status",
            "probability",
            "competitor_id",
            "owner_rep_id",
            "created_at",
        ],
        corr,
        bom=True,
    )
    roles = CsvSink(
        root,
        "crm/opportunity_contacts.csv",
        ["opportunity_id", "contact_id", "role", "stance"],
        corr,
        bom=True,
    )
    prob = {
        "Prospecting": 10,
        "Qualification": 20,
        "Needs Analysis": 30,
        "Proposal/Price Quote": 50,
        "Negotiation/Review": 70,
        "Closed Won": 100,
        "Closed Lost": 0,
    }
    for d in sorted(deals, key=lambda x: x.opp_id):
        c = world.companies[d.company]
        competitor = world.companies[d.competitor].market_id if d.competitor is not None else ""
        sink.write(
            [
                d.opp_id,
                c.crm_id,
                d.name,
                world.products[d.product].product_id,
                d.stage,
                f"{d.amount:.2f}",
                c.currency,
                d.close.isoformat(),
                d.status,
                prob[d.stage],
                competitor,
                world.reps[c.owner_rep].rep_id,
                d.created.isoformat(),
            ],
            0.0 if d.contacts else p_bare,
        )
        for pid, role, stance in d.contacts:
            roles.write([d.opp_id, world.people[pid].contact_id, role, stance], 0.0)
    sink.close()
    roles.close()
    return sink.rows, roles.rows


def write_installed(world: World, rows: list[Installed], root: Path, corr: Corruptor) -> int:
    rows.sort(key=lambda r: (world.companies[r.company].crm_id, r.since, r.product))
    sink = CsvSink(
        root,
        "crm/installed_base.csv",
        ["account_id", "product_id", "since", "contract_end", "quantity"],
        corr,
        bom=True,
    )
    for r in rows:
        before = len(corr.records)
        sink.write(
            [
                world.companies[r.company].crm_id,
                world.products[r.product].product_id,
                r.since.isoformat(),
                r.contract_end.isoformat(),
                r.quantity,
            ]
        )
        r.in_file = len(corr.records) == before
    sink.close()
    return sink.rows
