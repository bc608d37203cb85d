"""The churn plan: more churners, and how every churn and every bad spell shows.

The accounts stage decides the customers, a first set of churners (style, how long
the decline lasts, a date in the last 200 days) and the healthy accounts that go
through a rough patch (in the last 300 days); the contacts stage lets champions leave
on the way out or in the patch. This stage runs after the people are built and draws
only from its own stream, so that it shifts no names, keys or contacts. It

- spreads those churns and rough patches over the years (so that a model can learn
  from the older ones and be tested on the newer), moving the champion's departure
  with them;
- turns some more established customers into churners, most loud ones losing their
  champion on the way (the CRM marks about half of them churned, as for the others:
  ``write_accounts`` draws that mark for every account);
- gives every churn, every rough patch and a few one-sided spells at any customer
  (a burst of tickets, a sour or a quiet quarter, a lull in orders) a ``Trouble``:
  which precursors show and how strongly, each drawn on its own.

The channels are the order rate, the basket size, sentiment, the ticket rate, a burst
of tickets, and conversations (fewer of them, and fewer with our champion and their
senior people); a deal lost to a competitor comes on top. A loud churner ("gradual",
or "trickle", which keeps buying a little stock after leaving) shows three to five
channels, a silent one one or two (it mostly goes quiet), a rough patch one or two and
a one-sided spell one, at the same strengths; spells recover, churners leave. So every
precursor also shows at healthy accounts, and no single one gives a churner away.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ._common import REFERENCE_DATE, WINDOW_START, poisson, rand_date
from ._model import Company, Trouble, World

EXTRA_CHURN = 0.25
"""Share of the established, steady customers that this stage turns into churners."""
CHURN_FROM = date(2024, 7, 1)
"""Earliest churn date: every churn has at least nine months of history before it."""

STRENGTH = {
    "orders": (0.5, 1.0),
    "basket": (0.3, 0.8),
    "mood": (0.2, 0.6),
    "tickets": (1.0, 3.0),
    "storm": (2.0, 7.0),
    "touch": (0.5, 1.0),
}
"""Range of each channel's strength at the worst point, when it shows (see ``Trouble``)."""


@dataclass(frozen=True)
class Profile:
    """How many channels show, and which ones (drawn by weight, without repeats)."""

    count: tuple[int, int]
    weights: dict[str, float]


LOUD = Profile((3, 5), {"orders": 3, "basket": 2.5, "mood": 1.5, "tickets": 1.5, "storm": 1.5, "touch": 2.5})
SILENT = Profile((1, 2), {"orders": 2, "mood": 1, "touch": 4})
ROUGH = Profile((1, 2), {"orders": 3, "basket": 2, "mood": 3, "tickets": 1, "storm": 2, "touch": 2})
MILD = Profile((1, 1), {"orders": 2, "basket": 1, "mood": 4, "tickets": 1, "storm": 3, "touch": 3})
SHAPE = (0.5, 1.2)
"""Range of a decline's shape (``Trouble.level``): below 1 the signs come early."""
MILD_SPELLS = 0.8
"""Expected number of one-sided bad spells per customer over the three years."""


def _churn_date(rng: random.Random, c: Company) -> date:
    """A churn date at least a year after the account started buying, and after any ERP
    re-registration has had its orders."""
    assert c.customer_since is not None
    lo = max(CHURN_FROM, c.customer_since + timedelta(days=365))
    if c.erp_switch is not None:
        lo = max(lo, c.erp_switch + timedelta(days=60))
    return rand_date(rng, lo, REFERENCE_DATE - timedelta(days=10))


def _precursor_days(churn: date, draw: int) -> int:
    """How long the decline before ``churn`` lasts, from a draw in 90..270 days: 180 to
    360 days, but starting no earlier than half a year into the history."""
    return min(draw + 90, (churn - WINDOW_START).days - 180)


def _trouble(
    rng: random.Random, profile: Profile, span: tuple[date, date, date], p_lost: float, kind: str
) -> Trouble:
    start, peak, end = span
    pool, shown = dict(profile.weights), []
    for _ in range(rng.randint(*profile.count)):
        names = sorted(pool)
        shown.append(rng.choices(names, weights=[pool[n] for n in names])[0])
        del pool[shown[-1]]
    strength = {k: rng.uniform(*STRENGTH[k]) if k in shown else 0.0 for k in STRENGTH}
    shape, burst, lost = rng.uniform(*SHAPE), rng.uniform(0.2, 0.9), rng.random() < p_lost
    storm_at = start + timedelta(days=round((peak - start).days * burst ** (1 / shape)))  # level = burst
    return Trouble(start, peak, end, shape, storm_at=storm_at, lost_deal=lost, kind=kind, **strength)


def _churner(rng: random.Random, c: Company) -> Trouble:
    assert c.churn_date is not None
    silent = c.churn_style == "silent"
    span = (c.churn_date - timedelta(days=c.precursor_days), c.churn_date, c.churn_date)
    return _trouble(rng, SILENT if silent else LOUD, span, 0.0 if silent else 0.75, "churn")


def _spell(rng: random.Random, profile: Profile, start: date, end: date, p_lost: float, kind: str) -> Trouble:
    peak = start + timedelta(days=round((end - start).days * rng.uniform(0.3, 0.7)))
    return _trouble(rng, profile, (start, peak, end), p_lost, kind)


def _mild_spells(rng: random.Random, c: Company) -> list[Trouble]:
    """One-sided bad spells at any customer, churners included (before their decline)."""
    lo = max(WINDOW_START, c.customer_since or WINDOW_START) + timedelta(days=60)
    hi = REFERENCE_DATE - timedelta(days=30)
    if c.churn_date is not None:
        hi = min(hi, c.churn_date - timedelta(days=c.precursor_days + 60))
    spells = []
    for _ in range(poisson(rng, MILD_SPELLS * max((hi - lo).days, 0) / (REFERENCE_DATE - WINDOW_START).days)):
        start = rand_date(rng, lo, hi)
        spells.append(_spell(rng, MILD, start, start + timedelta(days=rng.randint(60, 150)), 0.15, "mild"))
    return spells


def _leaves(world: World, rng: random.Random, c: Company, span: tuple[date, date]) -> None:
    """The account's champion leaves within ``span``; one who already turned up at another
    account keeps the date that record was drawn from."""
    champ = next((world.people[i] for i in world.staff_of.get(c.idx, []) if world.people[i].champion), None)
    if champ is None or any(p.moved_from == champ.idx for p in world.people):
        return
    lo = max(span[0], champ.created + timedelta(days=30))
    if lo < span[1]:
        champ.left_at = rand_date(rng, lo, span[1])


def _redate(world: World, rng: random.Random, c: Company) -> None:
    """Spread the accounts stage's churn (all in the last 200 days) over the years."""
    assert c.churn_date is not None
    had_left = any(
        world.people[i].champion and world.people[i].left_at for i in world.staff_of.get(c.idx, [])
    )
    c.churn_date = _churn_date(rng, c)
    c.precursor_days = _precursor_days(c.churn_date, c.precursor_days)
    if had_left:  # the champion left on the way out (``_people._departures``)
        _leaves(world, rng, c, (c.churn_date - timedelta(days=c.precursor_days), c.churn_date))


def _respan(world: World, rng: random.Random, c: Company) -> None:
    """Spread a rough patch (all in the last 300 days) over the years."""
    assert c.rough_patch is not None
    had_left = any(
        world.people[i].champion and world.people[i].left_at for i in world.staff_of.get(c.idx, [])
    )
    length = c.rough_patch[1] - c.rough_patch[0]
    start = rand_date(rng, WINDOW_START + timedelta(days=120), REFERENCE_DATE - timedelta(days=30))
    c.rough_patch = (start, start + length)
    if had_left:
        _leaves(world, rng, c, (start, min(start + length, REFERENCE_DATE)))


def _make_churner(world: World, rng: random.Random, c: Company) -> None:
    c.status = "churned"
    c.churn_date = _churn_date(rng, c)
    c.churn_style = rng.choices(("gradual", "silent", "trickle"), weights=(40, 25, 35))[0]
    c.precursor_days = _precursor_days(c.churn_date, rng.randint(90, 270))
    if c.churn_style != "silent" and rng.random() < 0.7:
        _leaves(world, rng, c, (c.churn_date - timedelta(days=c.precursor_days), c.churn_date))


def plan_churn(world: World, rng: random.Random) -> None:
    for c in world.accounts():
        if c.churn_date is not None:
            _redate(world, rng, c)
        elif c.rough_patch is not None:
            _respan(world, rng, c)
    steady = [
        c
        for c in world.accounts()
        if c.status == "customer"
        and c.rough_patch is None
        and c.erp_switch is None  # re-registered in the ERP late: its new code has to see orders
        and c.customer_since is not None
        and c.customer_since <= REFERENCE_DATE - timedelta(days=420)
    ]
    for c in steady:
        if rng.random() < EXTRA_CHURN:
            _make_churner(world, rng, c)
    for c in world.accounts():
        if c.churn_date is not None:
            c.troubles.append(_churner(rng, c))
        elif c.rough_patch is not None:
            c.troubles.append(_spell(rng, ROUGH, *c.rough_patch, 0.45, "rough"))
    for c in world.accounts():
        if c.buys:
            c.troubles.extend(_mild_spells(rng, c))
