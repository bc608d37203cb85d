"""Opportunities with their decision-role contacts, and the installed base."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from ._common import REFERENCE_DATE, Picker, add_months, month_end, poisson, rand_date
from ._model import Company, Person, Product, World

OPEN_STAGES = (
    ("Prospecting", 10),
    ("Qualification", 20),
    ("Needs Analysis", 30),
    ("Proposal/Price Quote", 50),
    ("Negotiation/Review", 70),
)
ROLES_BY_SENIORITY = {
    "c_level": (("economic_buyer", 6), ("decision_maker", 3), ("blocker", 1)),
    "vp": (("economic_buyer", 3), ("decision_maker", 5), ("influencer", 2), ("blocker", 1)),
    "director": (("decision_maker", 4), ("technical_evaluator", 3), ("influencer", 3), ("blocker", 1)),
    "manager": (("technical_evaluator", 4), ("influencer", 4), ("gatekeeper", 1), ("blocker", 1)),
    "staff": (("user", 5), ("technical_evaluator", 3), ("gatekeeper", 2)),
}
PURPOSE = (
    ("upgrade", "更新项目"),
    ("expansion", "扩容"),
    ("replacement", "替换项目"),
    ("new line", "新产线配套"),
    ("tender", "招标"),
    ("pilot", "试点"),
)


@dataclass(slots=True)
class Deal:
    company: int
    product: int
    created: date
    close: date
    status: str
    stage: str
    amount: float
    competitor: int | None
    name: str
    contacts: list[tuple[int, str, str]] = field(default_factory=list)  # person, role, stance
    opp_id: str = ""


@dataclass(slots=True)
class Installed:
    company: int
    product: int
    since: date
    contract_end: date
    quantity: int
    in_file: bool = True  # False when its row was corrupted on write


def competitor_of(world: World, ours: Product, rng: random.Random) -> Product | None:
    alts = [p for p in world.products if p.equivalent_of == ours.idx]
    return rng.choice(alts) if alts else None


def _big_ticket(world: World, c: Company) -> Picker[int]:
    items = [p.idx for p in world.ours if p.kind != "consumable" and c.affinity[p.idx] > 0]
    return Picker(items, [c.affinity[i] + 0.01 for i in items])


def _deal(
    world: World, rng: random.Random, c: Company, picker: Picker[int], created: date, *, churny: bool
) -> Deal:
    prod = world.products[picker.pick(rng)]
    close = created + timedelta(days=rng.randint(30, 200))
    qty = 1 if prod.kind in ("software", "service") else rng.randint(1, 8)
    fx = {"CNY": 1.0, "USD": 7.1, "EUR": 7.8}[c.currency]
    raw = prod.price * qty / fx * rng.uniform(0.85, 1.1)
    amount = round(raw, -2) if raw >= 1000 else round(raw, 2)
    rival = competitor_of(world, prod, rng)
    if close <= REFERENCE_DATE:
        p_win = 0.1 if churny else 0.5 if c.buys else 0.2
        won = rng.random() < p_win
        status, stage = ("won", "Closed Won") if won else ("lost", "Closed Lost")
        competitor = rival.vendor if rival and not won and (churny or rng.random() < 0.7) else None
    else:
        status, stage = "open", rng.choice(OPEN_STAGES)[0]
        competitor = rival.vendor if rival and rng.random() < 0.3 else None
    purpose = rng.choice(PURPOSE)
    if c.is_cn and rng.random() < 0.5:
        name = f"{c.short_zh} {prod.name_zh.split('（')[0]}{purpose[1]}"
    else:
        name = f"{c.short_en} - {prod.short} {purpose[0]}"
    return Deal(c.idx, prod.idx, created, close, status, stage, amount, competitor, name)


def _cast(world: World, rng: random.Random, deal: Deal, staff: list[Person], churny: bool) -> None:
    """Who plays which decision role on this deal, and how they lean."""
    k = rng.choices((0, 1, 2, 3, 4, 5), weights=(10, 20, 25, 22, 15, 8))[0]
    people = [p for p in staff if p.active_on(deal.created)] or staff
    cast = rng.sample(people, min(k, len(people)))
    champion = next((p for p in people if p.champion), None)
    if champion and champion not in cast and not churny and rng.random() < 0.5:  # the CRM knows its champion
        cast.append(champion)
    for p in cast:
        if p.champion and not churny:
            role = "champion"
        else:
            opts = ROLES_BY_SENIORITY[p.seniority]
            role = rng.choices([o[0] for o in opts], weights=[o[1] for o in opts])[0]
        stance = {"champion": "supporter", "blocker": "opponent"}.get(role) or rng.choices(
            ("supporter", "neutral", "opponent"), weights=(20, 50, 30) if churny else (35, 50, 15)
        )[0]
        deal.contacts.append((p.idx, role, stance))


def build_deals(world: World, rng: random.Random) -> list[Deal]:
    deals: list[Deal] = []
    for c in world.accounts():
        if c.stub:
            continue
        staff = [world.people[i] for i in world.staff_of.get(c.idx, []) if not world.people[i].quiet]
        picker = _big_ticket(world, c)
        lam = {"A": 7.0, "B": 4.0, "C": 2.0}[c.tier] if c.buys else 1.5
        lo = max(c.created, REFERENCE_DATE - timedelta(days=3 * 365))
        first = len(deals)
        for _ in range(poisson(rng, lam)):
            created = rand_date(rng, lo, REFERENCE_DATE - timedelta(days=3))
            churny = c.churn_style != "silent" and any(
                t.kind == "churn" and created > t.start for t in c.troubles
            )
            deals.append(_deal(world, rng, c, picker, created, churny=churny))
        for t in c.troubles:
            if t.lost_deal:  # lost to a competitor, also in a healthy account's bad spell
                hi = min(t.peak - timedelta(days=120), REFERENCE_DATE - timedelta(days=40))
                created = rand_date(rng, t.start - timedelta(days=150), hi)
                deals.append(_deal(world, rng, c, picker, max(created, lo), churny=True))
        for deal in deals[first:] if staff else []:
            _cast(world, rng, deal, staff, deal.status == "lost" and deal.competitor is not None)
    deals.sort(key=lambda d: (d.created, d.company))
    n = 500000
    for d in deals:
        n += rng.randint(1, 5)
        d.opp_id = f"OPP-{n:07d}"
    return deals


def build_installed(world: World, rng: random.Random) -> list[Installed]:
    rows: list[Installed] = []
    for c in world.accounts():
        if c.stub:
            continue
        if c.buys and c.customer_since:
            picker = _big_ticket(world, c)
            for _ in range(rng.randint(1, 4)):
                since = rand_date(rng, c.customer_since, c.churn_date or REFERENCE_DATE - timedelta(days=10))
                end = month_end(add_months(since, 12 * rng.randint(1, 5)))
                rows.append(Installed(c.idx, picker.pick(rng), since, end, rng.randint(1, 12)))
        p_rival = 0.75 if not c.buys else 0.5
        for _ in range(2):
            if rng.random() < p_rival:
                rows.append(_rival_install(world, rng, c, None))
        last = REFERENCE_DATE - timedelta(days=1)
        for t in c.troubles:  # a competitor moves in on the way out, or in a rough patch
            if t.kind != "mild" and rng.random() < (0.45 if t.kind == "churn" else 0.25):
                since = rand_date(rng, min(t.storm_at, last), min(t.peak, last))
                rows.append(_rival_install(world, rng, c, since))
    return [r for r in rows if r.product >= 0]


def _rival_install(world: World, rng: random.Random, c: Company, since: date | None) -> Installed:
    ours = _big_ticket(world, c).pick(rng)
    rival = competitor_of(world, world.products[ours], rng)
    if rival is None:
        return Installed(c.idx, -1, REFERENCE_DATE, REFERENCE_DATE, 0)
    start = since or rand_date(rng, date(2018, 1, 1), REFERENCE_DATE - timedelta(days=60))
    end = month_end(
        rand_date(rng, REFERENCE_DATE - timedelta(days=180), REFERENCE_DATE + timedelta(days=900))
    )
    if end <= start:
        end = month_end(add_months(start, 36))
    return Installed(c.idx, rival.idx, start, end, rng.randint(1, 10))
