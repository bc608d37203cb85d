"""Activities: e-mails, calls, meetings and support tickets, streamed month by month.

Churn precursors planted here: more tickets, higher severity and more negative
sentiment in the months before churn (weak for "silent" churners); healthy accounts in
a rough patch look similar for a while (noise the other way).
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


SEVERITY = ("low", "medium", "high", "critical")
_PRODUCTS: dict[int, list[int]] = {}  # per-company candidate products, filled lazily within one run


def account_state(c: Company, d: date) -> str:
    if c.churn_date is not None:
        if d >= c.churn_date:
            return "gone"
        if d >= c.churn_date - timedelta(days=c.precursor_days):
            return "quiet_decline" if c.churn_style == "silent" else "decline"
    if c.rough_patch and c.rough_patch[0] <= d < c.rough_patch[1]:
        return "rough"
    return "ok"


MOOD = {"ok": 0.25, "decline": 0.05, "quiet_decline": 0.2, "rough": 0.0, "gone": 0.1}
TICKETS = {"ok": 1.0, "decline": 1.8, "quiet_decline": 1.1, "rough": 1.8, "gone": 0.3}


def write_activities(
    world: World, root: Path, rng: random.Random, corr: Corruptor, progress: Callable[[str, int], None] | None
) -> int:
    accounts = [c for c in world.accounts() if not c.stub]
    staff = {
        c.idx: [world.people[i] for i in world.staff_of.get(c.idx, []) if not world.people[i].quiet]
        for c in accounts
    }
    base = {c.idx: ({"A": 2.6, "B": 1.2, "C": 0.55}[c.tier] if c.buys else 0.25) for c in accounts}
    total = sum(base.values()) * 36 or 1.0
    norm = 9000 * world.scale / total
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
            state = account_state(c, lo + timedelta(days=14))
            lam = base[c.idx] * norm * (0.3 if state == "gone" else 1.0)
            for _ in range(poisson(rng, lam)):
                month.append(_event(rng, c, (lo, hi), state, "chat"))
            if c.buys and (c.customer_since or REFERENCE_DATE) <= hi:
                for _ in range(poisson(rng, lam * 0.22 * TICKETS[state])):
                    month.append(_event(rng, c, (lo, hi), state, "ticket"))
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


def _event(rng: random.Random, c: Company, span: tuple[date, date], state: str, kind: str) -> Event:
    lo, hi = span
    r = rng.random()
    d = lo + timedelta(days=int(r * ((hi - lo).days + 1)))
    minute = int(rng.random() * 720) + 480  # 08:00 .. 19:59 local
    at = f"{d.isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00{c.city.tz}"
    if kind == "chat":
        kind = rng.choices(("email", "call", "meeting"), weights=(50, 32, 18))[0]
    mood = rng.gauss(MOOD[state] + _temper(c) - (0.35 if kind == "ticket" else 0.0), 0.35)
    sev = ""
    if kind == "ticket":
        sev = SEVERITY[int(clamp(rng.gauss(1.2 - mood * 1.5, 0.8), 0, 3))]
    return Event(at, c, kind, round(clamp(mood, -1, 1), 2), sev)


def _record(world: World, rng: random.Random, n: int, ev: Event, people: list[Person]) -> dict[str, object]:
    at, c, kind, mood, sev = ev
    d = date.fromisoformat(at[:10])
    active = [p for p in people if p.active_on(d)]
    k = 0 if kind == "ticket" and rng.random() < 0.2 else rng.randint(1, 2)
    who = rng.sample(active, min(len(active), k))
    prods = _PRODUCTS.get(c.idx)
    if prods is None:
        prods = _PRODUCTS[c.idx] = [i for i, a in enumerate(c.affinity) if a > 0] or [0]
    prod = world.products[prods[int(rng.random() * len(prods))]]
    options = SUMMARIES[kind] if c.is_cn else tuple(t for t in SUMMARIES[kind] if t.isascii())
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
