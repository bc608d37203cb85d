"""ERP order lines, simulated month by month and streamed to disk.

Structure planted here: segment-shaped product preferences (per-account affinity),
bundles bought in the same order, "A then B within 90 days" follow-ups, seasonality,
healthy accounts with organic growth or decline, and the order side of each account's
``Trouble`` (``_churn``): order rate and basket size falling towards the churn date, or
through a healthy account's bad spell and back; silent churners mostly stop abruptly,
and "trickle" churners keep buying a little stock afterwards.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ._common import REFERENCE_DATE, WINDOW_START, Picker, add_months, poisson, scaled
from ._corrupt import Corruptor
from ._model import Company, World
from ._writers import CsvSink

FX = {"CNY": 1.0, "USD": 7.1, "EUR": 7.8}
SEASON = {
    1: 1.0,
    2: 0.6,
    3: 1.05,
    4: 1.0,
    5: 0.95,
    6: 1.05,
    7: 0.95,
    8: 0.9,
    9: 1.05,
    10: 0.85,
    11: 1.1,
    12: 1.25,
}
LINES_PER_ORDER = 2.1


@dataclass(slots=True)
class Buyer:
    c: Company
    picker: Picker[int]
    rate: float  # orders per 30 days at multiplier 1
    trend: float  # organic growth per year
    price: float
    pending: list[tuple[date, int]] = field(default_factory=list)


@dataclass(slots=True)
class LiftStats:
    orders: int = 0
    per_product: dict[int, int] = field(default_factory=dict)
    pairs: dict[tuple[int, int], int] = field(default_factory=dict)
    seq_trials: dict[tuple[int, int], int] = field(default_factory=dict)
    seq_hits: dict[tuple[int, int], int] = field(default_factory=dict)


def multiplier(b: Buyer, d: date) -> float:
    """How eager this account is to order on day d (1 = its normal self)."""
    c = b.c
    m = SEASON[d.month] * (1 + b.trend * (d - WINDOW_START).days / 365)
    if c.churn_date is not None and d >= c.churn_date:
        return 0.2 if c.churn_style == "trickle" and d < c.churn_date + timedelta(days=180) else 0.0
    return max(m * (1 - c.strain("orders", d)), 0.0)


def shrink(c: Company, d: date) -> float:
    """The share of its usual basket an account in trouble still buys on day d."""
    return max(1 - c.strain("basket", d), 0.1)


def _buyers(world: World, rng: random.Random) -> list[Buyer]:
    buyers = []
    for c in world.companies:
        if not c.buys or not c.erp_codes:
            continue
        w = {"A": 3.0, "B": 1.2, "C": 0.45}[c.tier] * rng.lognormvariate(0, 0.8)
        items = [i for i, a in enumerate(c.affinity) if a > 0]
        trend = rng.gauss(0.04, 0.2)
        price = {"A": 0.88, "B": 0.93, "C": 0.97}[c.tier] * rng.gauss(1, 0.03) / FX[c.currency]
        buyers.append(Buyer(c, Picker(items, [c.affinity[i] for i in items]), w, trend, price))
    target_orders = 15000 * world.scale / LINES_PER_ORDER
    months = 0.0
    for b in buyers:
        start = max(b.c.customer_since or WINDOW_START, WINDOW_START)
        end = b.c.churn_date or REFERENCE_DATE
        months += b.rate * max(0.5, (end - start).days / 30) * 0.9
    for b in buyers:
        b.rate *= target_orders / max(months, 1e-9)
    return buyers


def _quantity(rng: random.Random, kind: str, c: Company, d: date) -> int:
    if kind in ("service", "software"):
        return 1
    if kind == "equipment":
        return rng.choice((1, 1, 1, 2, 2, 3, 4, 6)) * (2 if c.tier == "A" and rng.random() < 0.3 else 1)
    return max(1, round(rng.randint(2, 30) * {"A": 3, "B": 2, "C": 1}[c.tier] * shrink(c, d)))


class OrderSim:
    def __init__(self, world: World, rng: random.Random) -> None:
        self.world, self.rng = world, rng
        self.bundles: dict[int, list[tuple[int, float]]] = {}
        self.sequences: dict[int, list[tuple[int, float]]] = {}
        for k in world.complements:
            (self.bundles if k.kind == "bundle" else self.sequences).setdefault(k.a, []).append(
                (k.b, k.attach)
            )
        self.stats = LiftStats()
        self.seq_pairs = [(k.a, k.b) for k in world.complements if k.kind == "sequence"]
        self.history: dict[int, list[tuple[date, frozenset[int]]]] = {}

    def basket(self, b: Buyer, d: date, first: int) -> list[int]:
        rng = self.rng
        items = [first]
        for partner, p in self.bundles.get(first, []):
            if rng.random() < p:
                items.append(partner)
        p_extra = 0.4 * shrink(b.c, d)
        for _ in range(2):
            if rng.random() < p_extra:
                extra = b.picker.pick(rng)
                if extra not in items:
                    items.append(extra)
        for item in list(items):
            for partner, p in self.sequences.get(item, []):
                if rng.random() < p:
                    b.pending.append((d + timedelta(days=rng.randint(7, 90)), partner))
        return items

    def month(self, buyers: list[Buyer], lo: date, hi: date) -> list[tuple[date, Buyer, list[int]]]:
        rng, orders = self.rng, []
        for b in buyers:
            start = max(lo, b.c.customer_since or lo)
            if start > hi:
                continue
            days = (hi - start).days + 1
            mid = start + timedelta(days=days // 2)
            for _ in range(poisson(rng, b.rate * multiplier(b, mid) * days / 30)):
                d = start + timedelta(days=rng.randrange(days))
                orders.append((d, b, self.basket(b, d, b.picker.pick(rng))))
            due = [(d, p) for d, p in b.pending if d <= hi]
            if due:
                b.pending = [(d, p) for d, p in b.pending if d > hi]
                cutoff = b.c.churn_date or REFERENCE_DATE + timedelta(days=1)
                orders.extend((d, b, [p]) for d, p in due if d < cutoff and d >= lo)
        orders.sort(key=lambda o: (o[0], o[1].c.idx))
        return orders

    def observe(self, b: Buyer, d: date, items: list[int]) -> None:
        s = self.stats
        s.orders += 1
        for i in items:
            s.per_product[i] = s.per_product.get(i, 0) + 1
        for k in self.world.complements:
            if k.kind == "bundle" and k.a in items and k.b in items:
                s.pairs[(k.a, k.b)] = s.pairs.get((k.a, k.b), 0) + 1
        if b.c.idx in self.history or len(self.history) < 600:  # sequence lift: a sample of accounts
            self.history.setdefault(b.c.idx, []).append((d, frozenset(items)))


def write_orders(
    world: World, root: Path, rng: random.Random, corr: Corruptor, progress: Callable[[str, int], None] | None
) -> tuple[int, LiftStats]:
    sim = OrderSim(world, rng)
    buyers = _buyers(world, rng)
    sink = CsvSink(
        root,
        "erp/order_lines.csv",
        [
            "order_id",
            "line_no",
            "cust_code",
            "product_id",
            "order_date",
            "quantity",
            "unit_price",
            "amount",
            "currency",
        ],
        corr,
        encoding="gb18030",
        newline="\r\n",
    )
    n, lo = 0, WINDOW_START
    while lo <= REFERENCE_DATE:
        hi = min(add_months(lo, 1) - timedelta(days=1), REFERENCE_DATE)
        for d, b, items in sim.month(buyers, lo, hi):
            n += 1
            c = b.c
            code = c.erp_codes[1] if c.erp_switch and d >= c.erp_switch else c.erp_codes[0]
            oid = f"SO-{d.year}-{n:07d}"
            drift = 1.03 ** ((d - WINDOW_START).days / 365)
            for line_no, item in enumerate(items, start=1):
                prod = world.products[item]
                q = _quantity(rng, prod.kind, c, d)
                unit = round(prod.price * b.price * drift * rng.uniform(0.98, 1.02), 2)
                sink.write(
                    [
                        oid,
                        line_no,
                        code,
                        prod.product_id,
                        d.isoformat(),
                        q,
                        f"{unit:.2f}",
                        f"{q * unit:.2f}",
                        c.currency,
                    ]
                )
            sim.observe(b, d, items)
        if progress:
            progress("erp/order_lines.csv", sink.rows)
        lo = hi + timedelta(days=1)
    sink.close()
    _sequence_lift(sim)
    return sink.rows, sim.stats


def _sequence_lift(sim: OrderSim) -> None:
    """Share of A-orders followed by B within 90 days, and the same share for any order."""
    s = sim.stats
    for a, b in sim.seq_pairs:
        trials = hits = base_trials = base_hits = 0
        for hist in sim.history.values():
            b_days = [d for d, items in hist if b in items]
            for d, items in hist:
                i = bisect_right(b_days, d)
                followed = i < len(b_days) and b_days[i] <= d + timedelta(days=90)
                base_trials += 1
                base_hits += followed
                if a in items:
                    trials += 1
                    hits += followed
        s.seq_trials[(a, b)] = trials
        s.seq_hits[(a, b)] = hits
        s.seq_trials[(-1, b)] = base_trials
        s.seq_hits[(-1, b)] = base_hits


def target_lines(scale: float) -> int:
    return scaled(15000, scale)
