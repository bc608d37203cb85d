"""Master-data exports: CRM accounts, reps and contacts, ERP customers, market companies."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from ._common import REFERENCE_DATE, rand_date
from ._corrupt import RATE, Corruptor
from ._model import Company, World
from ._phones import format_landline, format_mobile, international
from ._truth import Clusters
from ._variants import crm_dup_names, crm_names, crm_person_names, erp_name, mixed_case_email
from ._writers import CsvSink, JsonlSink

ACCOUNT_COLS = [
    "account_id",
    "name",
    "name_local",
    "domain",
    "industry",
    "region",
    "country",
    "city",
    "employees",
    "annual_revenue",
    "currency",
    "tier",
    "lifecycle",
    "owner_rep_id",
    "territory",
    "phone",
    "created_at",
    "parent_account_id",
]
CONTACT_COLS = [
    "contact_id",
    "account_id",
    "name",
    "name_local",
    "title",
    "department",
    "seniority",
    "email",
    "phone",
    "reports_to_contact_id",
    "created_at",
    "left_at",
]
ERP_COLS = ["cust_code", "cust_name", "grade", "city", "tel", "tax_no", "created", "payment_terms"]
GRADE = {"A": "1", "B": "2", "C": "3"}


def stamp(rng: random.Random, d: date) -> str:
    return f"{d.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def phone_for(rng: random.Random, c: Company, digits: str, implied_ok: bool) -> str:
    if not digits:
        return ""
    if c.is_cn and len(digits) == 11 and digits.startswith("1"):
        return format_mobile(rng, digits)
    return format_landline(rng, c.city, digits, implied_ok)


def write_accounts(world: World, root: Path, rng: random.Random, corr: Corruptor, clusters: Clusters) -> int:
    rows: list[tuple[str, Company, bool]] = []
    for c in world.accounts():
        rows.append((c.crm_id, c, False))
        if c.crm_dup_id:
            rows.append((c.crm_dup_id, c, True))
    rows.sort(key=lambda r: r[0])
    stubs = sum(1 for c in world.accounts() if c.stub) or 1
    p_stub = min(1.0, RATE * len(rows) / stubs)
    sink = CsvSink(root, "crm/accounts.csv", ACCOUNT_COLS, corr, bom=True)
    for key, c, dup in rows:
        name, local = crm_dup_names(c, rng) if dup else crm_names(c, rng)
        lifecycle = {"customer": "customer", "churned": "churned" if rng.random() < 0.55 else "customer"}.get(
            c.status, "prospect"
        )
        owner = world.reps[c.owner_rep]
        created = c.created if not dup else rand_date(rng, c.created, REFERENCE_DATE - timedelta(days=5))
        sparse = c.stub or dup
        parent = world.companies[c.parent].crm_id if c.parent is not None and not dup else ""
        row = [
            key,
            name,
            local,
            "" if sparse and rng.random() < 0.6 else c.domain,
            c.industry,
            c.city.region,
            c.city.country,
            c.city.en,
            "" if sparse or rng.random() < 0.06 else c.employees,
            "" if sparse or rng.random() < 0.1 else f"{c.revenue:.0f}",
            c.currency,
            "C" if dup else c.tier,
            "prospect" if dup else lifecycle,
            owner.rep_id,
            owner.territory,
            "" if dup and rng.random() < 0.5 else phone_for(rng, c, c.phone_digits, True),
            stamp(rng, created),
            parent,
        ]
        sink.write(row, p_stub if c.stub else 0.0)
        if not c.stub:
            clusters.add("company", c.canonical, "crm/accounts.csv", key)
    sink.close()
    return sink.rows


def write_contacts(world: World, root: Path, rng: random.Random, corr: Corruptor, clusters: Clusters) -> int:
    people = sorted(world.people, key=lambda p: p.contact_id)
    quiet = sum(1 for p in people if p.quiet) or 1
    p_quiet = min(1.0, RATE * len(people) / quiet)
    sink = CsvSink(root, "crm/contacts.csv", CONTACT_COLS, corr, bom=True)
    for p in people:
        c = world.companies[p.company]
        name, local = crm_person_names(p, rng)
        title = p.title_zh if c.is_cn and p.is_cn and rng.random() < 0.25 else p.title_en
        boss = world.people[p.manager].contact_id if p.manager is not None else ""
        row = [
            p.contact_id,
            c.crm_id,
            name,
            local,
            title,
            p.department,
            p.seniority,
            mixed_case_email(p.email, rng),
            phone_for(rng, c, p.phone, False),
            boss,
            stamp(rng, p.created),
            p.left_at.isoformat() if p.left_at else "",
        ]
        sink.write(row, p_quiet if p.quiet else 0.0)
        if p.moved_from is not None:
            first = world.people[p.moved_from]
            clusters.add("person", first.contact_id, "crm/contacts.csv", first.contact_id)
            clusters.add("person", first.contact_id, "crm/contacts.csv", p.contact_id)
    sink.close()
    return sink.rows


def write_reps(world: World, root: Path, corr: Corruptor) -> int:
    sink = CsvSink(
        root,
        "crm/reps.csv",
        ["rep_id", "name", "name_local", "email", "phone", "territory", "manager_rep_id"],
        corr,
        bom=True,
    )
    for r in world.reps:
        boss = world.reps[r.manager].rep_id if r.manager is not None else ""
        sink.write([r.rep_id, r.name, r.name_local, r.email, r.phone, r.territory, boss], 0.0)
    sink.close()
    return sink.rows


def write_erp_customers(
    world: World, root: Path, rng: random.Random, corr: Corruptor, clusters: Clusters
) -> int:
    rows: list[tuple[str, Company, int]] = []
    for c in world.companies:
        rows.extend((code, c, i) for i, code in enumerate(c.erp_codes))
    rows.sort(key=lambda r: r[0])
    lonely = sum(1 for c in world.companies if c.kind == "erp_only") or 1
    p_lonely = min(1.0, RATE * len(rows) / lonely)
    sink = CsvSink(root, "erp/customers.csv", ERP_COLS, corr, encoding="gb18030", newline="\r\n")
    for code, c, i in rows:
        grade = GRADE[c.tier]
        if rng.random() < 0.1:
            grade = str(min(3, max(1, int(grade) + rng.choice((-1, 1)))))
        renamed = len(c.erp_codes) > 1 and i == 0
        created = (c.customer_since or c.created) if i == 0 else (c.erp_switch or c.created)
        city = (c.city.zh + ("市" if rng.random() < 0.3 else "")) if c.is_cn else c.city.en
        tel = (
            format_landline(rng, c.city, c.phone_digits, True)
            if c.is_cn
            else international(c.city, c.phone_digits)
        )
        tax = c.tax_no if rng.random() > 0.05 else ""
        terms = (
            rng.choice(("月结30天", "月结60天", "月结90天", "款到发货"))
            if c.is_cn
            else rng.choice(("NET30", "NET60"))
        )
        row = [
            code,
            erp_name(c, rng, old=renamed),
            grade,
            city,
            tel,
            tax,
            created.strftime("%Y/%m/%d"),
            terms,
        ]
        sink.write(row, p_lonely if c.kind == "erp_only" else 0.0)
        if c.kind != "erp_only":
            clusters.add("company", c.canonical, "erp/customers.csv", code)
    sink.close()
    return sink.rows


def write_market(world: World, root: Path, clusters: Clusters) -> int:
    sink = JsonlSink(root, "market/companies.jsonl")
    for c in sorted((c for c in world.companies if c.market_id), key=lambda c: c.market_id):
        sink.write(
            {
                "company_id": c.market_id,
                "name": c.name_en,
                "name_local": c.name_zh,
                "kind": c.market_kind,
                "country": c.city.country,
                "city": c.city.en,
                "domain": c.domain,
                "is_self": c.kind == "self",
            }
        )
        clusters.add("company", c.canonical, "market/companies.jsonl", c.market_id)
    sink.close()
    return sink.rows
