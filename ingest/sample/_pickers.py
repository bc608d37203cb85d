"""What a document may say about an account: one small picker per fact type."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from . import _phrases as ph
from ._common import Picker as PickOne
from ._common import month_end
from ._deals import Deal, Installed
from ._facts import Doc
from ._market import SUPPLIES_FOR, SUPPLY_ZH
from ._model import Company, Person, World
from ._people import draw_name
from ._titles import pool_for


class Context:
    """What the text generator may talk about, drawn from the world and the written records."""

    def __init__(
        self, world: World, deals: list[Deal], installed: list[Installed], supplied: dict[int, list[int]]
    ) -> None:
        self.world = world
        self.roles: dict[int, tuple[str, str]] = {}
        for d in deals:
            for pid, role, stance in d.contacts:
                self.roles[pid] = (role, stance)
        self.rivals: dict[int, list[Installed]] = {}
        for row in installed:
            if row.in_file and world.products[row.product].vendor != world.self_idx:
                self.rivals.setdefault(row.company, []).append(row)
        self.supplied = supplied
        self.suppliers = [c.idx for c in world.companies if c.market_kind == "supplier"]
        self.competitors = [c.idx for c in world.companies if c.market_kind == "competitor"]
        self.rival_products = [p for p in world.products if p.vendor != world.self_idx]
        self.new_people = 0


def _new_person(ctx: Context, rng: random.Random, c: Company) -> tuple[Person, str]:
    """Someone the CRM does not know yet."""
    fz, gz, fp, gp, is_cn, female = draw_name(rng, c.city.country)
    seniority = rng.choice(("director", "manager", "vp", "staff"))
    t = rng.choice(pool_for(c.industry)[seniority])
    ctx.new_people += 1
    p = Person(-1, c.idx, f"TXT-P-{ctx.new_people:06d}", fz, gz, fp, gp, is_cn, female, t.en, t.zh,
               t.department, seniority, t.honorific, t.doctor)  # fmt: skip
    return p, p.contact_id


def _fresh_rival(ctx: Context, rng: random.Random, c: Company, day: date) -> tuple[int, date]:
    """A competitor product in one of the account's categories, with a plausible contract end."""
    weights = [
        c.affinity[p.equivalent_of] if p.equivalent_of is not None else 0.0 for p in ctx.rival_products
    ]
    prod = (
        ctx.rival_products[PickOne(range(len(weights)), weights).pick(rng)]
        if any(weights)
        else rng.choice(ctx.rival_products)
    )
    return prod.idx, month_end(day + timedelta(days=rng.randint(30, 900)))


Picker = Callable[[Doc, Context, random.Random, Company, list[Person]], None]


def _works_at(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    if staff:
        p = rng.choice(staff)
        if not doc.has("WORKS_AT", p.contact_id, c.canonical):
            doc.works_at(c, p, p.contact_id, True)


def _new_contact(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    p, pid = _new_person(ctx, rng, c)
    doc.works_at(c, p, pid, False)
    if rng.random() < 0.5:
        role = rng.choice(
            ("decision_maker", "technical_evaluator", "influencer", "champion", "economic_buyer")
        )
        stance = "supporter" if role == "champion" else "neutral"
        doc.role(c, p, pid, role, stance=stance, in_records=False)


def _role(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    if staff:
        known = [p for p in staff if p.idx in ctx.roles]
        p = rng.choice(known or staff)
        role, stance = ctx.roles.get(p.idx, ("influencer", "neutral"))
        if not doc.has("DECISION_ROLE", p.contact_id, c.canonical):
            doc.role(c, p, p.contact_id, role, stance=stance, in_records=p.idx in ctx.roles)


def _reports_to(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    people = ctx.world.people
    pairs = [(p, people[p.manager]) for p in staff if p.manager is not None
             and people[p.manager].active_on(doc.day) and not people[p.manager].quiet]  # fmt: skip
    if pairs:
        doc.reports_to(*rng.choice(pairs))


def _left(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    people = ctx.world.people
    since = doc.day - timedelta(days=150)
    gone = [people[i] for i in ctx.world.staff_of.get(c.idx, []) if not people[i].quiet
            and since <= (people[i].left_at or date.max) <= doc.day]  # fmt: skip
    if gone:
        doc.left(c, rng.choice(gone))


def _uses(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    rows = [r for r in ctx.rivals.get(c.idx, []) if r.since <= doc.day]
    if rows and rng.random() < 0.7:
        r = rng.choice(rows)
        doc.uses(c, ctx.world.products[r.product], r.contract_end, True)
    else:
        prod, end = _fresh_rival(ctx, rng, c, doc.day)
        doc.uses(c, ctx.world.products[prod], end, False)


def _evaluating(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    prod, _ = _fresh_rival(ctx, rng, c, doc.day)
    doc.evaluating(c, ctx.world.products[prod], rng.random() < 0.75)


def _supplies(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    if ctx.suppliers:
        known = ctx.supplied.get(c.idx, [])
        fitting = [i for i in ctx.suppliers if ctx.world.companies[i].industry in SUPPLIES_FOR[c.vertical]]
        pick = rng.choice(known) if known and rng.random() < 0.7 else rng.choice(fitting or ctx.suppliers)
        s = ctx.world.companies[pick]
        goods = s.industry.lower() if doc.lang == "en" else SUPPLY_ZH.get(s.industry, s.industry)
        doc.supplies(s, c, goods, s.idx in known)


def _interest(doc: Doc, ctx: Context, rng: random.Random, c: Company, staff: list[Person]) -> None:
    doc.interest(c, rng.choice([t for t in ph.TOPICS if t[3] == c.vertical]))


PICKERS: dict[str, Picker] = {
    "works_at": _works_at, "new_person": _new_contact, "role": _role, "reports_to": _reports_to,
    "left": _left, "uses": _uses, "evaluating": _evaluating, "supplies": _supplies, "interest": _interest,
}  # fmt: skip
