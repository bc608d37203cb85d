"""Shared constants and small deterministic helpers for the sample generator."""

from __future__ import annotations

import calendar
import hashlib
import random
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

GENERATOR_VERSION = "1.2.0"  # 1.2: zh titled greetings and references state WORKS_AT in the truth
REFERENCE_DATE = date(2026, 9, 30)
"""Last day of the exported history; nothing that happened is dated later."""
WINDOW_START = date(2023, 10, 1)
"""First day of the three-year order window."""
WINDOW_DAYS = (REFERENCE_DATE - WINDOW_START).days + 1

T = TypeVar("T")


def sub_rng(seed: int, stage: str) -> random.Random:
    """An independent, reproducible stream per stage.

    Each stage draws from its own stream so that changing one stage does not shift
    the numbers every later stage sees.
    """
    digest = hashlib.sha256(f"{seed}:{stage}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))  # noqa: S311 - simulation, not secrets


def scaled(n: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(n * scale))


class Picker(Generic[T]):
    """Weighted choice with precomputed cumulative weights (fast in hot loops)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if not items or len(items) != len(weights):
            raise ValueError("items and weights must be non-empty and of equal length")
        self.items = list(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> T:
        i = bisect_right(self.cum, rng.random() * self.total)
        return self.items[min(i, len(self.items) - 1)]


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    """Uniform date in [lo, hi] (inclusive)."""
    span = max((hi - lo).days, 0)
    return lo + timedelta(days=int(rng.random() * (span + 1)))


def month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def poisson(rng: random.Random, lam: float) -> int:
    """Poisson draw (Knuth for small means, normal approximation for large ones)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, lam**0.5)))
    limit = pow(2.718281828459045, -lam)
    k, p = 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k
