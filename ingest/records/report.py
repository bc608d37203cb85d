"""What a record ingest run reads and what it reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.records.mapping import Mapping

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Source:
    path: Path
    mapping: Mapping


@dataclass
class RunReport:
    run_id: str
    started_at: dt.datetime
    read: int = 0
    nodes_written: int = 0
    edges_written: int = 0
    merged: int = 0
    review_pairs: int = 0
    skipped: int = 0  # facts older than the run's ``since``
    rejected: Counter[str] = field(default_factory=Counter)
    #: values left out of records that were kept (``on_bad: drop``), by reason
    dropped: Counter[str] = field(default_factory=Counter)
    #: keys a source stated for a record disagreeing with another source's (``claims.py``)
    kept_apart: int = 0
    seconds: float = 0.0
    #: per source file with a ``changed_at`` column, the latest value read: the next
    #: incremental run's ``since`` for it
    cursor: dict[str, dt.datetime] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    @property
    def with_rejects(self) -> bool:
        """Whether the run's ``rejects.jsonl`` has an entry: a file or record rejected, a
        value dropped, a key two sources disagree on."""
        return bool(self.rejected or self.dropped or self.kept_apart)
