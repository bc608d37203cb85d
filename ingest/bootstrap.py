"""Load the sample market's reference records (companies, people, products) as they are.

This is the foundation's loader: it maps the CRM/catalog/market files one to one onto
nodes and edges with provenance, without normalisation or entity resolution, so the
demo has a graph to show. The record-ingestion pipeline (mapping, validation, rejects,
resolution) supersedes it for real exports.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from graph import GraphStore

SOURCE = "sample-bootstrap"
Row = dict[str, Any]


def _csv(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


def _jsonl(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _num(text: str | None, cast: Callable[[str], Any]) -> Any:
    try:
        return cast(text) if text not in (None, "") else None
    except ValueError:
        return None


class _Batch:
    def __init__(self, run_id: str, now: dt.datetime) -> None:
        self.prov = {"source": SOURCE, "run_id": run_id, "ingested_at": now}
        self.nodes: dict[str, dict[str, Row]] = {}
        self.edges: dict[tuple[str, str, str], list[Row]] = {}

    def node(self, label: str, file: str, row: Row) -> None:
        if row.get("id") and row.get("name"):
            clean = {k: v for k, v in row.items() if v not in (None, "")}
            self.nodes.setdefault(label, {})[row["id"]] = (
                clean | self.prov | {"source_key": f"{file}:{row['id']}"}
            )

    def edge(self, rel: str, ends: tuple[str, str], start: str, end: str, **props: Any) -> None:
        if start and end and end in self.nodes.get(ends[1], {}) and start in self.nodes.get(ends[0], {}):
            row = {"_from": start, "_to": end, **{k: v for k, v in props.items() if v not in (None, "")}}
            self.edges.setdefault((rel, *ends), []).append(row | self.prov)


def load_reference(store: GraphStore, sample_dir: Path, run_id: str) -> dict[str, int]:
    """Load companies, people, products and their basic edges; return rows written per type."""
    b = _Batch(run_id, dt.datetime.now(dt.UTC))
    for r in _jsonl(sample_dir / "market/companies.jsonl"):
        b.node(
            "Company",
            "market/companies",
            {
                "id": r["company_id"],
                "name": r["name"],
                "country": r.get("country"),
                "domain": r.get("domain"),
                "is_self": r.get("kind") == "self",
            },
        )
    for r in _csv(sample_dir / "crm/accounts.csv"):
        lifecycle = r.get("lifecycle") if r.get("lifecycle") in ("prospect", "customer", "churned") else None
        aliases = [r["name_local"]] if r.get("name_local") else None
        b.node(
            "Company",
            "crm/accounts",
            {
                "id": r["account_id"],
                "name": r["name"],
                "aliases": aliases,
                "domain": r.get("domain"),
                "industry": r.get("industry"),
                "region": r.get("region"),
                "country": r.get("country"),
                "city": r.get("city"),
                "employees": _num(r.get("employees"), int),
                "annual_revenue": _num(r.get("annual_revenue"), float),
                "tier": r.get("tier"),
                "lifecycle": lifecycle,
                "owner_id": r.get("owner_rep_id"),
                "territory": r.get("territory"),
            },
        )
    for r in _csv(sample_dir / "crm/reps.csv"):
        b.node(
            "Person",
            "crm/reps",
            {"id": r["rep_id"], "name": r["name"], "territory": r.get("territory"), "internal": True},
        )
    contacts = list(_csv(sample_dir / "crm/contacts.csv"))
    seniorities = ("c_level", "vp", "director", "manager", "staff")
    for r in contacts:
        aliases = [r["name_local"]] if r.get("name_local") else None
        seniority = r.get("seniority") if r.get("seniority") in seniorities else None
        b.node(
            "Person",
            "crm/contacts",
            {
                "id": r["contact_id"],
                "name": r["name"],
                "aliases": aliases,
                "title": r.get("title"),
                "department": r.get("department"),
                "seniority": seniority,
                "internal": False,
            },
        )
    for r in _jsonl(sample_dir / "catalog/products.jsonl"):
        b.node(
            "Product",
            "catalog/products",
            {
                "id": r["product_id"],
                "name": r["name"],
                "category": r.get("category"),
                "family": r.get("family"),
                "price": _num(str(r.get("price", "")), float),
                "currency": r.get("currency"),
            },
        )
    for r in _jsonl(sample_dir / "catalog/products.jsonl"):
        b.edge("OFFERED_BY", ("Product", "Company"), r["product_id"], r.get("vendor", ""))
    for r in contacts:
        b.edge(
            "WORKS_AT",
            ("Person", "Company"),
            r["contact_id"],
            r["account_id"],
            title=r.get("title"),
            department=r.get("department"),
            current=not r.get("left_at"),
        )
        b.edge("REPORTS_TO", ("Person", "Person"), r["contact_id"], r.get("reports_to_contact_id", ""))
    for r in _csv(sample_dir / "crm/accounts.csv"):
        b.edge("OWNS", ("Person", "Company"), r.get("owner_rep_id", ""), r["account_id"])
    written = {label: store.upsert_nodes(label, list(rows.values())) for label, rows in b.nodes.items()}
    for (rel, start, end), rows in b.edges.items():
        written[rel] = store.upsert_edges(rel, start, end, rows)
    return written
