"""A token bucket per caller: in process for one worker, in a shared SQLite file for several.

``serve --workers N`` runs N processes; buckets kept in each would let a key through N
times its limit, so they then live in one small SQLite file (WAL, no fsync: a bucket
lost in a crash only refills early) that every worker updates in a short write
transaction. ``time.monotonic`` is the system-wide CLOCK_MONOTONIC on Linux, so the
workers agree on elapsed time.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Protocol


class RateLimiter(Protocol):
    def check(self, who: str) -> float:
        """0 if ``who`` may go on, else the seconds to wait."""
        ...


def _take(tokens: float, last: float, now: float, rate: float, burst: int) -> tuple[float, float]:
    """The bucket refilled to ``now`` and, if it holds a token, one taken:
    (tokens left, seconds to wait; 0 when the token was taken). A ``last`` ahead of
    ``now`` (a bucket file from before a reboot) counts as a full bucket."""
    tokens = float(burst) if last > now else min(float(burst), tokens + (now - last) * rate)
    if tokens < 1:
        return tokens, (1 - tokens) / rate
    return tokens - 1, 0.0


class LocalRateLimiter:
    """Buckets in this process (one worker)."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, who: str) -> float:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(who, (float(self.burst), now))
            left, wait = _take(tokens, last, now, self.rate, self.burst)
            self._buckets[who] = (left, now)
            return wait


class SharedRateLimiter:
    """Buckets in a SQLite file that every worker process of one server shares."""

    def __init__(self, path: Path, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self.path = path
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        db = self._db()
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS buckets (who TEXT PRIMARY KEY, tokens REAL, last REAL)")

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
            db.execute("PRAGMA synchronous=OFF")
            self._local.db = db
        return db

    def check(self, who: str) -> float:
        db = self._db()
        db.execute("BEGIN IMMEDIATE")  # the write lock first: no two workers spend one token
        try:
            now = time.monotonic()
            row = db.execute("SELECT tokens, last FROM buckets WHERE who = ?", (who,)).fetchone()
            tokens, last = row if row is not None else (float(self.burst), now)
            left, wait = _take(tokens, last, now, self.rate, self.burst)
            db.execute(
                "INSERT OR REPLACE INTO buckets (who, tokens, last) VALUES (?, ?, ?)", (who, left, now)
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return wait
