"""Activities: e-mails, calls, meetings and support tickets, streamed month by month.

The activity side of each account's ``Trouble`` (``_churn``): sentiment drifting down,
more tickets (of higher severity, as severity follows sentiment), fewer conversations
and fewer of them with our champion, towards the churn date or through a healthy
account's bad spell and back.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from ._common import REFERENCE_DATE, WINDOW_START, add_months, clamp, poisson
from ._corrupt import RATE, Corruptor
from ._model import Company, Person, World
from ._writers import JsonlSink

SUMMARIES = {
    "email": (
        "Sent quotation for {p}",
        "Shared datasheet of {p}",
        "Follow-up on delivery schedule",
        "发送{pz}报价单",
        "确认{pz}交货时间",
        "Invoice question answered",
    ),
    "call": (
        "Discussed renewal of the {p} service contract",
        "Call about budget for next year",
        "电话沟通{pz}使用情况",
        "Check-in call with the department head",
        "电话跟进招标进度",
    ),
    "meeting": (
        "Quarterly business review",
        "On-site demo of {p}",
        "{pz}现场演示",
        "年度合作回顾会议",
        "Training session for {p} users",
    ),
    "ticket": (
        "Ticket: {p} shows error code E{n}",
        "Ticket: delayed delivery of {p}",
        "工单：{pz}报警故障",
        "工单：{pz}到货破损",
        "Ticket: invoice mismatch for {p}",
        "Ticket: {p} calibration drift",
    ),
}


class Event(NamedTuple):
    at: str
    company: Company
    kind: str
    mood: float
    severity: str


_ENGLISH = {kind: tuple(t for t in texts if t.isascii()) for kind, texts in SUMMARIES.items()}
SEVERITY = ("low", "medium", "high", "critical")
_PRODUCTS: dict[int, list[int]] = {}  # per-company candidate products, filled lazily within one run


def account_state(c: Company, d: date) -> str:
    """How the account is doing on ``d``, for the notes written about it (one-sided
    spells leave no mark there)."""
    if c.churn_date is not None and d >= c.churn_date:
        return "gone"
    trouble = next((t for t in c.troubles if t.kind != "mild" and t.level(d) > 0), None)
    if trouble is None:
        return "ok"
    if trouble.kind == "rough":
        return "rough"
    return "quiet_decline" if c.churn_style == "silent" else "decline"


class Climate(NamedTuple):
    """How an account's conversations go in a month: a sentiment shift, and multipliers
    of the ticket and conversation rates."""

    mood: float = 0.0
    tickets: float = 1.0
    talk: float = 1.0


def _climate(c: Company, d: date) -> Climate:
    if c.churn_date is not None and d >= c.churn_date:
        return Climate(-0.15, 0.3, 0.3)
    return Climate(-c.strain("mood", d), 1 + c.strain("tickets", d), max(1 - c.strain("touch", d), 0.05))


def write_activities(
    world: World, root: Path, rng: random.Random, corr: Corruptor, progress: Callable[[str, int], None] | None
) -> int:
    accounts = [c for c in world.accounts() if not c.stub]
    staff = {
        c.idx: [world.people[i] for i in world.staff_of.get(c.idx, []) if not world.people[i].quiet]
        for c in accounts
    }
    base = {c.idx: ({"A": 2.2, "B": 1.3, "C": 0.85}[c.tier] if c.buys else 0.15) for c in accounts}
    total = sum(base.values()) * 36 or 1.0
    norm = 18000 * world.scale / total
    _PRODUCTS.clear()
    sink = JsonlSink(root, "crm/activities.jsonl", corr)
    lo, n = WINDOW_START, 0
    while lo <= REFERENCE_DATE:
        hi = min(add_months(lo, 1) - timedelta(days=1), REFERENCE_DATE)
        month: list[Event] = []
        for c in accounts:
            people = staff[c.idx]
            if not people or c.created > hi:
                continue
            climate = _climate(c, lo + timedelta(days=14))
            lam = base[c.idx] * norm * climate.talk
            for _ in range(poisson(rng, lam)):
                month.append(_event(rng, c, (lo, hi), climate, "chat"))
            if c.buys and (c.customer_since or REFERENCE_DATE) <= hi:
                for _ in range(poisson(rng, lam * 0.22 * climate.tickets)):
                    month.append(_event(rng, c, (lo, hi), climate, "ticket"))
                for t in c.troubles:
                    if t.storm and lo <= t.storm_at <= hi:  # a burst of tickets
                        burst = (t.storm_at, min(t.storm_at + timedelta(days=20), hi))
                        stormy = climate._replace(mood=climate.mood - 0.1)
                        for _ in range(poisson(rng, t.storm)):
                            month.append(_event(rng, c, burst, stormy, "ticket"))
        month.sort(key=lambda e: (e.at, e.company.idx))
        for ev in month:
            n += 1
            sink.write(_record(world, rng, n, ev, staff[ev.company.idx]), RATE)
        if progress:
            progress("crm/activities.jsonl", sink.rows)
        lo = hi + timedelta(days=1)
    sink.close()
    return sink.rows


def _temper(c: Company) -> float:
    """A stable per-account offset: some customers are simply grumpier than others."""
    return ((c.idx * 2654435761) % 1000 / 1000 - 0.5) * 0.5


def _event(rng: random.Random, c: Company, span: tuple[date, date], climate: Climate, kind: str) -> Event:
    lo, hi = span
    r = rng.random()
    d = lo + timedelta(days=int(r * ((hi - lo).days + 1)))
    minute = int(rng.random() * 720) + 480  # 08:00 .. 19:59 local
    at = f"{d.isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00{c.city.tz}"
    if kind == "chat":
        kind = rng.choices(("email", "call", "meeting"), weights=(50, 32, 18))[0]
    mood = rng.gauss(0.25 + climate.mood + _temper(c) - (0.25 if kind == "ticket" else 0.0), 0.35)
    sev = ""
    if kind == "ticket":
        sev = SEVERITY[int(clamp(rng.gauss(1.2 - mood * 1.5, 0.8), 0, 3))]
    return Event(at, c, kind, round(clamp(mood, -1, 1), 2), sev)


def _record(world: World, rng: random.Random, n: int, ev: Event, people: list[Person]) -> dict[str, object]:
    at, c, kind, mood, sev = ev
    d = date.fromisoformat(at[:10])
    active = [p for p in people if p.active_on(d)]
    if c.troubles and rng.random() < c.strain("touch", d):  # our champion and their seniors step back
        active = [p for p in active if not p.champion and p.seniority in ("manager", "staff")] or active
    k = 0 if kind == "ticket" and rng.random() < 0.2 else rng.randint(1, 2)
    who = rng.sample(active, min(len(active), k))
    prods = _PRODUCTS.get(c.idx)
    if prods is None:
        prods = _PRODUCTS[c.idx] = [i for i, a in enumerate(c.affinity) if a > 0] or [0]
    prod = world.products[prods[int(rng.random() * len(prods))]]
    options = SUMMARIES[kind] if c.is_cn else _ENGLISH[kind]
    summary = rng.choice(options).format(p=prod.short, pz=prod.name_zh.split("（")[0], n=rng.randint(10, 99))
    rec: dict[str, object] = {
        "activity_id": f"ACT-{n:08d}",
        "kind": kind,
        "at": at,
        "account_id": c.crm_id,
        "contact_ids": [p.contact_id for p in who],
        "rep_id": world.reps[c.owner_rep].rep_id,
        "sentiment": mood,
        "summary": summary,
    }
    if kind == "ticket":
        rec["ticket_severity"] = sev
    return rec
