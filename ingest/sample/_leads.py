"""The marketing spreadsheet: booth scans and web forms, typed by the people themselves."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from ._common import REFERENCE_DATE, WINDOW_START, rand_date, scaled
from ._corrupt import RATE, Corruptor
from ._model import Company, World
from ._people import draw_name
from ._phones import format_landline, format_mobile, landline, mobile
from ._titles import pool_for
from ._truth import Clusters
from ._variants import lead_company, lead_person_name, mixed_case_email
from ._writers import normalize_xlsx

LEAD_COLS = [
    "lead_id",
    "company",
    "contact_name",
    "title",
    "email",
    "phone",
    "city",
    "source",
    "captured_at",
    "interest",
]
SOURCES = {
    "healthcare": (
        "CMEF 2024",
        "CMEF 2025",
        "CMEF 2026",
        "MEDICA 2024",
        "MEDICA 2025",
        "Webinar: infection control",
        "Website form",
        "WeChat campaign",
    ),
    "industrial": (
        "CIMT 2025",
        "Productronica China 2025",
        "Hannover Messe 2026",
        "Webinar: predictive maintenance",
        "Website form",
        "LinkedIn Ads",
        "WeChat campaign",
    ),
}
INTERESTS = {
    "healthcare": (
        "patient monitoring",
        "infusion safety",
        "监护仪",
        "sterilization",
        "检验设备",
        "remote patient monitoring",
        "设备维保",
        "",
    ),
    "industrial": (
        "cutting tools",
        "predictive maintenance",
        "切削液",
        "PPE",
        "洁净室",
        "calibration",
        "energy efficiency",
        "",
    ),
}


@dataclass(slots=True)
class Lead:
    at: datetime
    company: Company
    person_key: str  # canonical person id (CRM contact id or first lead id)
    row: list[object]
    single: bool = False


def _city_text(rng: random.Random, c: Company) -> str:
    if not c.is_cn:
        return c.city.en
    return rng.choice((c.city.en, c.city.zh, c.city.zh + "市", c.city.en.upper()))


def _draw(
    world: World, rng: random.Random, kinds: tuple[list[Company], list[Company]]
) -> tuple[Company, str, list[object]]:
    crm, only = kinds
    r = rng.random()
    at = rand_date(rng, WINDOW_START, REFERENCE_DATE)
    if r < 0.22:
        c = rng.choice(crm)
        staff = [
            world.people[i]
            for i in world.staff_of.get(c.idx, [])
            if not world.people[i].quiet and world.people[i].active_on(at)
        ]
        if staff:
            p = rng.choice(staff)
            email = p.email if rng.random() < 0.85 else f"{p.given_en.lower()}{p.family_en.lower()}@163.com"
            phone = format_mobile(rng, p.phone) if p.phone.startswith("1") and c.is_cn else ""
            title = p.title_zh if c.is_cn and p.is_cn and rng.random() < 0.5 else p.title_en
            return c, p.contact_id, [lead_person_name(p, rng), title, mixed_case_email(email, rng), phone]
    c = rng.choice(crm) if r < 0.55 else rng.choice(only)
    fz, gz, fp, gp, is_cn, _ = draw_name(rng, c.city.country)
    seniority = rng.choice(("director", "manager", "manager", "staff", "staff", "vp"))
    t = rng.choice(pool_for(c.industry)[seniority])
    name = rng.choice((fz + gz, f"{fp} {gp}", f"{gp} {fp}")) if is_cn else f"{gp} {fp}"
    local = (
        rng.choice((f"{gp}.{fp}", f"{fp}{gp}", f"{gp[0]}{fp}")).lower().replace("ü", "ue").replace("ö", "oe")
    )
    email = f"{local}@{c.domain}" if rng.random() < 0.85 else f"{local}{rng.randint(1, 99)}@qq.com"
    if c.is_cn:
        phone = (
            format_mobile(rng, mobile(rng))
            if rng.random() < 0.7
            else format_landline(rng, c.city, landline(rng, c.city), True)
        )
    else:
        phone = format_landline(rng, c.city, landline(rng, c.city), False) if rng.random() < 0.7 else ""
    title = t.zh if c.is_cn and is_cn and rng.random() < 0.5 else t.en
    return c, "", [name, title, mixed_case_email(email, rng), phone]


def build_leads(world: World, rng: random.Random, corr: Corruptor, clusters: Clusters) -> list[list[object]]:
    """The sheet's rows (header first), with corruption applied and clusters registered."""
    crm = [c for c in world.companies if c.kind == "account" and not c.stub]
    only = [c for c in world.companies if c.kind == "lead_only"]
    leads: list[Lead] = []
    for _ in range(scaled(550, world.scale)):
        if leads and rng.random() < 0.05:  # the same visitor again at another event
            j = rng.randrange(len(leads))
            prev = leads[j]
            if not prev.person_key:
                prev.person_key = f"@{j}"
            at = datetime.combine(rand_date(rng, WINDOW_START, REFERENCE_DATE), datetime.min.time())
            at += timedelta(minutes=rng.randint(480, 1080))
            row = [
                lead_company(prev.company, rng),
                *prev.row[1:5],
                _city_text(rng, prev.company),
                rng.choice(SOURCES[prev.company.vertical]),
                at,
                rng.choice(INTERESTS[prev.company.vertical]),
            ]
            leads.append(Lead(at, prev.company, prev.person_key, row))
            continue
        c, person, fields = _draw(world, rng, (crm, only))
        at = datetime.combine(rand_date(rng, WINDOW_START, REFERENCE_DATE), datetime.min.time())
        at += timedelta(minutes=rng.randint(480, 1080))
        row = [
            lead_company(c, rng),
            *fields,
            _city_text(rng, c),
            rng.choice(SOURCES[c.vertical]),
            at,
            rng.choice(INTERESTS[c.vertical]),
        ]
        leads.append(Lead(at, c, person, row))
    return _emit(leads, corr, clusters)


def _emit(leads: list[Lead], corr: Corruptor, clusters: Clusters) -> list[list[object]]:
    order = sorted(range(len(leads)), key=lambda i: (leads[i].at, i))
    ids = {i: f"L-{n + 1:06d}" for n, i in enumerate(order)}
    per_company: dict[int, int] = {}
    for lead in leads:
        per_company[lead.company.idx] = per_company.get(lead.company.idx, 0) + 1
    first_key: dict[str, str] = {}
    for i in order:  # a lead-only person's canonical id is the first lead that names them
        key = leads[i].person_key
        if key.startswith("@") and key not in first_key:
            first_key[key] = ids[i]
    for lead in leads:
        lead.single = (
            lead.company.kind == "lead_only" and per_company[lead.company.idx] == 1 and not lead.person_key
        )
    eligible = sum(1 for lead in leads if lead.single) or 1
    p = min(1.0, RATE * len(leads) / eligible)
    out: list[list[object]] = [list(LEAD_COLS)]
    for line, i in enumerate(order, start=2):
        lead = leads[i]
        row = [ids[i], *lead.row]
        if lead.single:
            corr.maybe("marketing/leads.xlsx", line, LEAD_COLS, row, p)
        out.append(row)
        c = lead.company
        company_key = c.canonical if c.kind != "lead_only" else f"LEADCO-{c.idx}"
        clusters.add("company", company_key, "marketing/leads.xlsx", ids[i])
        if lead.person_key:
            canonical = first_key.get(lead.person_key, lead.person_key)
            if not lead.person_key.startswith("@"):
                clusters.add("person", canonical, "crm/contacts.csv", canonical)
            clusters.add("person", canonical, "marketing/leads.xlsx", ids[i])
    return out


def write_xlsx(root: Path, rows: list[list[object]]) -> int:
    """Stream the rows into the workbook (slow per row in openpyxl, hence a separate step)."""
    path = root / "marketing/leads.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Leads")
    for row in rows:
        ws.append(row)
    wb.save(path)
    normalize_xlsx(path)
    return len(rows) - 1
