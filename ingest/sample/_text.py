"""Notes (JSONL) and e-mails (.eml) in English and Chinese, with their facts as ground truth.

Text carries knowledge the records do not: new contacts, competitor products in use,
evaluations, interests. Every fact is logged with its surface strings and whether the
same fact also exists in a structured file (``in_records``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import _phrases as ph
from ._activities import account_state
from ._common import REFERENCE_DATE, WINDOW_START, Picker, rand_date, scaled
from ._email import write_eml
from ._facts import Doc
from ._model import World
from ._pickers import PICKERS, Context
from ._writers import JsonlSink

FACT_WEIGHTS = {
    "works_at": 24,
    "new_person": 10,
    "role": 16,
    "reports_to": 8,
    "left": 4,
    "uses": 14,
    "evaluating": 5,
    "supplies": 5,
    "interest": 14,
}


@dataclass(slots=True)
class Plan:
    day: date
    account: int  # -1: a market note about competitors
    lang: str
    email: bool


def plan_docs(world: World, rng: random.Random) -> list[Plan]:
    accounts = [c for c in world.accounts() if not c.stub and world.staff_of.get(c.idx)]
    weights = [
        ({"A": 5.0, "B": 3.0, "C": 2.0}[c.tier] if c.buys else 1.2) * (1.5 if c.churn_date else 1.0)
        for c in accounts
    ]
    picker = Picker(list(range(len(accounts))), weights)
    plans = []
    for _ in range(scaled(1500, world.scale)):
        email = rng.random() < 0.1
        if rng.random() < 0.08:
            plans.append(
                Plan(rand_date(rng, WINDOW_START, REFERENCE_DATE), -1, rng.choice(("en", "zh")), email)
            )
            continue
        c = accounts[picker.pick(rng)]
        lo = max(c.created, WINDOW_START)
        if c.churn_date and rng.random() < 0.5:
            lo = max(lo, c.churn_date - timedelta(days=c.precursor_days))
        day = max(
            rand_date(rng, lo, REFERENCE_DATE),
            rand_date(rng, lo, REFERENCE_DATE) if rng.random() < 0.3 else lo,
        )
        lang = ("zh" if rng.random() < 0.55 else "en") if c.is_cn else ("zh" if rng.random() < 0.1 else "en")
        plans.append(Plan(day, c.idx, lang, email))
    plans.sort(key=lambda p: (p.day, p.account))
    return plans


def _compose(ctx: Context, rng: random.Random, plan: Plan) -> Doc:
    world = ctx.world
    doc = Doc(world, plan.lang, plan.day, rng)
    if plan.account < 0:
        v = world.companies[rng.choice(ctx.competitors)]
        doc.competes(v, None, True)
        if rng.random() < 0.5:
            w = world.companies[rng.choice([i for i in ctx.competitors if i != v.idx])]
            doc.competes(w, v, False)
        doc.sentences.append(rng.choice(ph.FILLER[plan.lang]))
        return doc
    c = world.companies[plan.account]
    staff = [
        world.people[i]
        for i in world.staff_of.get(c.idx, [])
        if not world.people[i].quiet and world.people[i].active_on(plan.day)
    ]
    state = account_state(c, plan.day)
    churny = state in ("decline", "gone")
    weights = dict(FACT_WEIGHTS)
    if churny or state == "rough":
        weights["evaluating"] *= 6 if churny else 3
        weights["left"] *= 6
    if c.vertical != "industrial":
        weights["supplies"] = 1
    kinds = sorted(weights)
    picker = Picker(kinds, [weights[k] for k in kinds])
    for _ in range(1 + min(3, int(rng.expovariate(0.8)))):
        PICKERS[picker.pick(rng)](doc, ctx, rng, c, staff)
    if not doc.facts:
        doc.interest(c, rng.choice([t for t in ph.TOPICS if t[3] == c.vertical]))
    p_bad = {"decline": 0.6, "quiet_decline": 0.15, "rough": 0.45, "gone": 0.5}.get(state, 0.06)
    if rng.random() < p_bad:
        doc.sentences.append(rng.choice(ph.MOOD["bad"][plan.lang]))
    elif state == "ok" and rng.random() < 0.2:
        doc.sentences.append(rng.choice(ph.MOOD["good"][plan.lang]))
    for _ in range(rng.randint(0, 2)):
        doc.sentences.insert(rng.randint(0, len(doc.sentences)), rng.choice(ph.FILLER[plan.lang]))
    return doc


def write_text(
    world: World, root: Path, rng: random.Random, ctx: Context, progress: Callable[[str, int], None] | None
) -> tuple[int, int]:
    notes = JsonlSink(root, "notes/notes.jsonl")
    truth = JsonlSink(root, "ground_truth/text_facts.jsonl")
    (root / "notes/emails").mkdir(parents=True, exist_ok=True)
    n_mail = 0
    for plan in plan_docs(world, rng):
        doc = _compose(ctx, rng, plan)
        c = world.companies[plan.account] if plan.account >= 0 else None
        rep = world.reps[c.owner_rep] if c else world.reps[rng.randrange(len(world.reps))]
        tz = c.city.tz if c else "+08:00"
        at = f"{plan.day.isoformat()}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00{tz}"
        if plan.email:
            n_mail += 1
            doc_id, file = f"EML-{n_mail:06d}", f"notes/emails/EML-{n_mail:06d}.eml"
            write_eml(world, root / file, doc, doc_id=doc_id, c=c, rep=rep, at=at, rng=rng)
        else:
            doc_id, file = f"NOTE-{notes.rows + 1:06d}", "notes/notes.jsonl"
            kind = rng.choice(("note", "call_note", "meeting_note"))
            notes.write(
                {
                    "id": doc_id,
                    "kind": kind,
                    "lang": plan.lang,
                    "at": at,
                    "account_id": c.crm_id if c else "",
                    "author_rep_id": rep.rep_id,
                    "text": doc.text(),
                }
            )
        truth.write(
            {
                "doc_id": doc_id,
                "file": file,
                "lang": plan.lang,
                "account_id": c.crm_id if c else "",
                "facts": doc.facts,
            }
        )
        if progress and truth.rows % 5000 == 0:
            progress("notes", truth.rows)
    notes.close()
    truth.close()
    return notes.rows, n_mail
