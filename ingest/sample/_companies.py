"""Customer and prospect accounts: segments, size, tier, groups, twins and lifecycle truth."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import pairwise

from ._catalog import affinity_for
from ._common import REFERENCE_DATE, WINDOW_START, rand_date, scaled
from ._company_names import CoName, NameFactory
from ._market import pick_city
from ._model import Company, World
from ._names import City
from ._phones import landline
from ._taxno import uscc

INDUSTRIES = {
    "healthcare": (
        ("Hospital", 60),
        ("Specialty Hospital", 12),
        ("Clinical Laboratory", 13),
        ("Pharmaceuticals", 15),
    ),
    "industrial": (
        ("Industrial Machinery", 30),
        ("Automotive Parts", 25),
        ("Electronics & Semiconductors", 20),
        ("Chemicals", 13),
        ("Food & Beverage", 12),
    ),
}
SIZE_BASE = {
    "Hospital": 1800,
    "Specialty Hospital": 300,
    "Clinical Laboratory": 220,
    "Pharmaceuticals": 1200,
    "Industrial Machinery": 600,
    "Automotive Parts": 900,
    "Electronics & Semiconductors": 1500,
    "Chemicals": 700,
    "Food & Beverage": 800,
}
REV_PER_HEAD = {
    "Hospital": 0.9e6,
    "Specialty Hospital": 0.8e6,
    "Clinical Laboratory": 1.2e6,
    "Pharmaceuticals": 2.5e6,
}
FX = {"CNY": 1.0, "USD": 7.1, "EUR": 7.8}


def _industry(rng: random.Random, vertical: str) -> str:
    opts = INDUSTRIES[vertical]
    return rng.choices([o[0] for o in opts], weights=[o[1] for o in opts])[0]


def _new_account(
    world: World,
    rng: random.Random,
    name: CoName,
    city: City,
    industry: str,
    *,
    vertical: str,
    kind: str = "account",
) -> Company:
    c = Company(
        len(world.companies),
        kind,
        name.en,
        name.zh,
        name.short_en,
        name.short_zh,
        city,
        name.domain,
        industry=industry,
        vertical=vertical,
    )
    c.employees = max(20, round(SIZE_BASE[industry] * rng.lognormvariate(0, 0.8)))
    per_head = (
        REV_PER_HEAD.get(industry, 1.5e6) * rng.lognormvariate(0, 0.3) * (1.5 if city.country != "CN" else 1)
    )
    c.revenue = round(c.employees * per_head / FX[c.currency], -4)
    c.phone_digits = landline(rng, city)
    if city.country == "CN":
        c.tax_no = uscc(rng, city.en, industry == "Hospital")
    c.affinity = affinity_for(world, industry, rng)
    c.created = rand_date(rng, date(2016, 1, 1), REFERENCE_DATE - timedelta(days=60))
    world.companies.append(c)
    return c


def _group(world: World, rng: random.Random, names: NameFactory, vertical: str) -> list[Company]:
    """A group parent and 2-4 subsidiaries sharing its brand (SUBSIDIARY_OF, and near-name pairs)."""
    bz, bp = names.brand()
    city = pick_city(rng, 0.0)
    zh_kind, en_kind = (
        ("医疗集团有限公司", "Healthcare Group Co., Ltd.")
        if vertical == "healthcare"
        else ("实业集团有限公司", "Industrial Group Co., Ltd.")
    )
    parent_name = CoName(
        f"{bp} {en_kind}", f"{bz}{zh_kind}", f"{bp} Group", f"{bz}集团", f"{bp.lower()}group.com", bz
    )
    names.used.add(parent_name.zh)
    names.domains.add(parent_name.domain)
    industry = "Hospital" if vertical == "healthcare" else "Industrial Machinery"
    parent = _new_account(world, rng, parent_name, city, industry, vertical=vertical)
    parent.group_name_zh = parent.name_zh
    members = [parent]
    for _ in range(rng.randint(2, 4)):
        sub_city = pick_city(rng, 0.0)
        sub_ind = _industry(rng, vertical)
        name = names.make(sub_ind, sub_city, (bz, bp))
        sub = _new_account(world, rng, name, sub_city, sub_ind, vertical=vertical)
        sub.parent = parent.idx
        members.append(sub)
    return members


def _twin(world: World, rng: random.Random, names: NameFactory, orig: Company) -> None:
    """A distinct company whose name is confusingly close (hard negative for resolution)."""
    brand = orig.short_zh[:2]
    pinyin = orig.short_en.split()[0]
    city = orig.city if orig.vertical == "industrial" else pick_city(rng, 0.0)
    name = names.make(orig.industry, city, (brand, pinyin))
    twin = _new_account(world, rng, name, city, orig.industry, vertical=orig.vertical)
    if twin.short_zh[:2] == brand:
        world.hard_negatives.append(
            (orig.idx, twin.idx, "same brand" if city == orig.city else "same name, other city")
        )


def build_accounts(world: World, rng: random.Random, names: NameFactory) -> None:
    target = scaled(300, world.scale)
    first = len(world.companies)
    while len(world.companies) - first < target:
        vertical = "healthcare" if rng.random() < 0.55 else "industrial"
        if rng.random() < 0.012:
            _group(world, rng, names, vertical)
            continue
        city = pick_city(rng, 0.14)
        industry = _industry(rng, vertical)
        c = _new_account(world, rng, names.make(industry, city), city, industry, vertical=vertical)
        branded = c.short_zh.endswith("医院") and len(c.short_zh) == 4
        if city.country == "CN" and (vertical == "industrial" or branded) and rng.random() < 0.05:
            _twin(world, rng, names, c)
    accounts = world.companies[first:]
    _same_pattern_pairs(world, accounts)
    _tiers(accounts)
    _lifecycle(rng, accounts)
    for _ in range(scaled(40, world.scale)):  # companies known only from marketing leads
        city = pick_city(rng, 0.15)
        vertical = "healthcare" if rng.random() < 0.5 else "industrial"
        industry = _industry(rng, vertical)
        _new_account(
            world, rng, names.make(industry, city), city, industry, vertical=vertical, kind="lead_only"
        )
    for _ in range(scaled(6, world.scale)):  # old ERP customers that never made it into the CRM
        city = pick_city(rng, 0.1)
        vertical = "healthcare" if rng.random() < 0.5 else "industrial"
        industry = _industry(rng, vertical)
        name = names.make(industry, city)
        c = _new_account(world, rng, name, city, industry, vertical=vertical, kind="erp_only")
        c.status = "dormant"
        c.created = rand_date(rng, date(2012, 1, 1), date(2019, 12, 31))


def _same_pattern_pairs(world: World, accounts: list[Company]) -> None:
    """Different hospitals whose names differ only by city ("苏州市第一人民医院" / "无锡市第一人民医院")."""
    by_rest: dict[str, list[Company]] = {}
    for c in accounts:
        if c.is_cn and c.industry == "Hospital" and c.name_zh.startswith(c.city.zh):
            by_rest.setdefault(c.name_zh[len(c.city.zh) :], []).append(c)
    for rest in sorted(by_rest):
        group = by_rest[rest]
        for a, b in pairwise(group[:3]):
            world.hard_negatives.append((a.idx, b.idx, "same name, other city"))


def _tiers(accounts: list[Company]) -> None:
    ranked = sorted(accounts, key=lambda c: (-c.revenue * FX[c.currency], c.idx))
    for i, c in enumerate(ranked):
        c.tier = "A" if i < 0.15 * len(ranked) else "B" if i < 0.5 * len(ranked) else "C"


def _lifecycle(rng: random.Random, accounts: list[Company]) -> None:
    """Truth: who buys, since when, who churns (and how loudly), who merely has a bad spell.

    The contacts stage reads these dates (champions leave before a churn or in a rough
    patch); ``_churn.plan_churn`` then spreads them over the years, adds churners and
    decides how each churn and spell shows, from its own stream.
    """
    for c in accounts:
        if rng.random() < 0.07 and c.parent is None:
            c.stub = True
            c.created = rand_date(rng, date(2019, 1, 1), REFERENCE_DATE - timedelta(days=30))
            continue
        p_customer = {"A": 0.8, "B": 0.65, "C": 0.5}[c.tier]
        if rng.random() >= p_customer:
            continue
        c.status = "customer"
        if rng.random() < 0.72:
            c.customer_since = rand_date(rng, date(2016, 6, 1), WINDOW_START - timedelta(days=30))
        else:
            c.customer_since = rand_date(rng, WINDOW_START, REFERENCE_DATE - timedelta(days=240))
        c.created = min(c.created, c.customer_since - timedelta(days=rng.randint(20, 300)))
        established = c.customer_since <= REFERENCE_DATE - timedelta(days=420)
        if established and rng.random() < 0.2:
            c.status = "churned"
            c.churn_date = rand_date(
                rng, REFERENCE_DATE - timedelta(days=200), REFERENCE_DATE - timedelta(days=10)
            )
            c.churn_style = rng.choices(("gradual", "silent", "trickle"), weights=(40, 25, 35))[0]
            c.precursor_days = rng.randint(90, 270)
        elif established and rng.random() < 0.25:
            start = rand_date(rng, REFERENCE_DATE - timedelta(days=300), REFERENCE_DATE - timedelta(days=30))
            c.rough_patch = (start, start + timedelta(days=rng.randint(90, 240)))
